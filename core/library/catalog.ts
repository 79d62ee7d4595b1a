/**
 * The e-library's starter set, loaded and checked once: every item of every file in
 * `resources/library/`, with lookups by item, article id and citation for links.
 */
import administrativeProcedure from '../../resources/library/administrative-procedure.json';
import civilCode from '../../resources/library/civil-code.json';
import civilProcedure from '../../resources/library/civil-procedure.json';
import criminalLaw from '../../resources/library/criminal-law.json';
import criminalProcedure from '../../resources/library/criminal-procedure.json';
import judgmentPublication from '../../resources/library/judgment-publication.json';
import limitationRules from '../../resources/library/limitation-rules.json';
import litigationFees from '../../resources/library/litigation-fees.json';
import privateLending from '../../resources/library/private-lending.json';
import { lawByName } from '../documents/lawNames';
import { parseChineseInteger } from '../documents/numerals';
import { articleId, parseLibraryFile, type LibraryArticle, type LibraryItem } from './schema';

/** The files of resources/library/, by file name (the file name is the law's slug). */
export const LIBRARY_FILES: Readonly<Record<string, unknown>> = {
  'administrative-procedure.json': administrativeProcedure,
  'civil-code.json': civilCode,
  'civil-procedure.json': civilProcedure,
  'criminal-law.json': criminalLaw,
  'criminal-procedure.json': criminalProcedure,
  'judgment-publication.json': judgmentPublication,
  'limitation-rules.json': limitationRules,
  'litigation-fees.json': litigationFees,
  'private-lending.json': privateLending,
};

/**
 * Checks a whole set of library files: each file as {@link parseLibraryFile} does, its slug equal
 * to its file name, and item and article ids unique across the set.
 */
export function parseLibrary(files: Readonly<Record<string, unknown>>): LibraryItem[] {
  const items: LibraryItem[] = [];
  const ids = new Set<string>();
  const titles = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    const parsed = parseLibraryFile(name, data);
    for (const item of parsed) {
      if (`${item.law}.json` !== name) throw new Error(`${name}: law "${item.law}" must match the file name`);
      const other = titles.get(item.lawTitle);
      if (other !== undefined && other !== item.law)
        throw new Error(`${name}: ${item.lawTitle} is also ${other}`);
      titles.set(item.lawTitle, item.law);
      for (const id of [item.id, ...item.articles.map((a) => a.id)]) {
        if (ids.has(id)) throw new Error(`${name}: ${id} appears twice`);
        ids.add(id);
      }
      items.push(item);
    }
  }
  return items;
}

/** Every item of the starter set, in file order. */
export const LIBRARY_ITEMS: readonly LibraryItem[] = parseLibrary(LIBRARY_FILES);

const ARTICLES = new Map<string, LibraryArticle>();
const ITEMS = new Map<string, LibraryItem>();
const LAW_BY_TITLE = new Map<string, string>();
for (const item of LIBRARY_ITEMS) {
  ITEMS.set(item.id, item);
  LAW_BY_TITLE.set(item.lawTitle, item.law);
  for (const a of item.articles) ARTICLES.set(a.id, a);
}

/** An item by its id (`lib:civil-code:limitation`), or null. */
export function libraryItem(id: string): LibraryItem | null {
  return ITEMS.get(id) ?? null;
}

/** An article by its id (`law:civil-code:art-0577`), or null. */
export function libraryArticle(id: string): LibraryArticle | null {
  return ARTICLES.get(id) ?? null;
}

/**
 * The article a citation points at, e.g. 《中华人民共和国民法典》第五百七十七条 or 民法典第五百七十七条
 * (short names through core/documents/lawNames); null when the law or the article is not in the
 * library.
 */
export function articleForCitation(citation: string): LibraryArticle | null {
  const m = /^《?([^《》]+?)》?第([〇零一二三四五六七八九十百千]+)条$/u.exec(citation.trim());
  if (!m?.[1] || !m[2]) return null;
  const full = lawByName(m[1])?.full ?? m[1];
  const law = LAW_BY_TITLE.get(full);
  const number = parseChineseInteger(m[2]);
  if (law === undefined || number === null) return null;
  return libraryArticle(articleId(law, number));
}
