/**
 * The e-library's starter set (电子图书馆): one JSON file per law or interpretation in
 * `resources/library/` (sources and rules in its README), each holding excerpts ("items") with
 * their 编/分编/章/节/条 structure. Checked once at load, so a transcription slip (an article out of
 * order, 第一十条 for 第十条, an ASCII comma in Chinese text) fails every test instead of a
 * clerk's citation.
 */
import { z } from 'zod';
import { citedTitle, lawByName } from '../documents/lawNames';
import { formatChineseInteger, parseChineseInteger } from '../documents/numerals';
import { LIBRARY_ITEM_CATEGORIES } from '../schemas/libraryItem';

/** The shelves of the library (docs/search.md lists what is on each). */
export const LIBRARY_CATEGORIES = LIBRARY_ITEM_CATEGORIES;

/** One shelf. */
export type LibraryCategory = (typeof LIBRARY_CATEGORIES)[number];

/** Division levels, outermost first; a child division is always deeper than its parent. */
export const DIVISION_LEVELS = ['编', '分编', '章', '节'] as const;

/** One division level. */
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

const NUMERAL = '[〇零一二三四五六七八九十百千]+';
const DIVISION_LABEL = new RegExp(`^第(${NUMERAL})(分编|编|章|节)$`, 'u');
const ARTICLE_LABEL = new RegExp(`^第(${NUMERAL})条$`, 'u');
/** ASCII punctuation that a faithful transcription of a Chinese statute never contains. */
const ASCII_PUNCTUATION = /[,;:?!()"]/u;
const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date YYYY-MM-DD');
const text = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s, 'no surrounding spaces');
const chineseText = text.refine((s) => !ASCII_PUNCTUATION.test(s), 'full-width punctuation only');

/** Where a text comes from: who issued it, which document and which version was transcribed. */
export const sourceSchema = z.strictObject({
  issuer: text,
  /** Document number (主席令、国务院令、法释〔…〕号), where the version has one. */
  document: text.optional(),
  /** The version transcribed, as the text's own 题注 states it. */
  version: text,
  promulgated: DATE,
  effective: DATE,
});

/** Where a text comes from. */
export type LibrarySource = z.infer<typeof sourceSchema>;

const articleSchema = z.strictObject({ label: text, paragraphs: z.array(chineseText).min(1) });

interface RawDivision {
  label: string;
  title: string;
  divisions?: RawDivision[] | undefined;
  articles?: z.infer<typeof articleSchema>[] | undefined;
}

const divisionSchema: z.ZodType<RawDivision> = z.lazy(() =>
  z.strictObject({
    label: text,
    title: chineseText,
    divisions: z.array(divisionSchema).min(1).optional(),
    articles: z.array(articleSchema).min(1).optional(),
  }),
);

const itemSchema = z.strictObject({
  id: z.string().regex(/^lib:[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/u, 'lib:<law>:<name>'),
  category: z.enum(LIBRARY_CATEGORIES),
  title: chineseText,
  divisions: z.array(divisionSchema).min(1).optional(),
  articles: z.array(articleSchema).min(1).optional(),
});

/** Schema of one file in resources/library/. */
export const libraryFileSchema = z.strictObject({
  law: z.string().regex(/^[a-z][a-z0-9-]*$/u, 'a lower-case slug'),
  title: chineseText.refine((s) => !/[《》]/u.test(s), 'a title without 《》'),
  source: sourceSchema,
  items: z.array(itemSchema).min(1),
});

/** One heading above an article, e.g. 第九章 诉讼时效. */
export interface LibraryHeading {
  readonly level: DivisionLevel;
  readonly number: number;
  readonly label: string;
  readonly title: string;
}

/** One article, ready to read, link and cite. */
export interface LibraryArticle {
  /** Stable link target, e.g. `law:civil-code:art-0577`. */
  readonly id: string;
  readonly law: string;
  readonly itemId: string;
  readonly number: number;
  /** 第五百七十七条. */
  readonly label: string;
  /** Outermost first. */
  readonly headings: readonly LibraryHeading[];
  readonly paragraphs: readonly string[];
  /** 《中华人民共和国民法典》第五百七十七条. */
  readonly citation: string;
}

/** One excerpt on a shelf. */
export interface LibraryItem {
  readonly id: string;
  readonly law: string;
  readonly lawTitle: string;
  /** Names drafters use for the law (民法典), from core/documents/lawNames where it is listed. */
  readonly shortTitles: readonly string[];
  readonly category: LibraryCategory;
  readonly title: string;
  readonly source: LibrarySource;
  readonly articles: readonly LibraryArticle[];
}

/** The stable id of an article: `law:<law>:art-<number, 4 digits>`. */
export function articleId(law: string, number: number): string {
  return `law:${law}:art-${String(number).padStart(4, '0')}`;
}

/** The citation form of an article: the law's full title in 《》 and the article in Chinese numerals. */
export function articleCitation(lawTitle: string, number: number): string {
  const known = lawByName(lawTitle);
  return `${known ? citedTitle(known) : `《${lawTitle}》`}第${formatChineseInteger(number)}条`;
}

/** Reads a 第…条 / 第…章 label, insisting on the canonical spelling (第十条, not 第一十条). */
function labelNumber(label: string, pattern: RegExp, where: string): { number: number; unit: string } {
  const m = pattern.exec(label);
  const number = m?.[1] === undefined ? null : parseChineseInteger(m[1]);
  if (m === null || number === null || number < 1)
    throw new Error(`${where}: "${label}" is not a numbered label`);
  if (m[1] !== formatChineseInteger(number))
    throw new Error(`${where}: "${label}" should be written 第${formatChineseInteger(number)}…`);
  return { number, unit: m[2] ?? '条' };
}

/**
 * Checks one file's data and flattens it into items with their articles. Throws naming the file
 * and the offending place: unknown keys, a missing source, divisions out of nesting order, a
 * heading spelt two ways within the law, article numbers not strictly increasing through the file.
 */
export function parseLibraryFile(name: string, data: unknown): LibraryItem[] {
  const parsed = libraryFileSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${name}: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  const file = parsed.data;
  const known = lawByName(file.title);
  if (known?.repealed) throw new Error(`${name}: ${file.title} is repealed`);
  const shortTitles = known?.short ?? [];
  const headingTitles = new Map<string, string>();
  let lastArticle = 0;

  return file.items.map((item, i): LibraryItem => {
    const where = `${name}: items[${i}] (${item.id})`;
    if (!item.id.startsWith(`lib:${file.law}:`))
      throw new Error(`${where}: id must start with lib:${file.law}:`);
    const articles: LibraryArticle[] = [];
    const addArticles = (list: RawDivision['articles'], headings: LibraryHeading[]): void => {
      for (const a of list ?? []) {
        const { number } = labelNumber(a.label, ARTICLE_LABEL, where);
        if (number <= lastArticle) throw new Error(`${where}: ${a.label} comes after article ${lastArticle}`);
        lastArticle = number;
        articles.push({
          id: articleId(file.law, number),
          law: file.law,
          itemId: item.id,
          number,
          label: a.label,
          headings,
          paragraphs: a.paragraphs,
          citation: articleCitation(file.title, number),
        });
      }
    };
    const walk = (list: RawDivision[] | undefined, parents: LibraryHeading[]): void => {
      for (const d of list ?? []) {
        const { number, unit } = labelNumber(d.label, DIVISION_LABEL, where);
        const level = unit as DivisionLevel;
        const parent = parents[parents.length - 1];
        if (parent && DIVISION_LEVELS.indexOf(level) <= DIVISION_LEVELS.indexOf(parent.level))
          throw new Error(`${where}: ${d.label} cannot sit inside ${parent.label}`);
        const heading: LibraryHeading = { level, number, label: d.label, title: d.title };
        const path = [...parents, heading].map((h) => h.label).join('/');
        const seen = headingTitles.get(path);
        if (seen !== undefined && seen !== d.title)
          throw new Error(`${where}: ${path} is titled both ${seen} and ${d.title}`);
        headingTitles.set(path, d.title);
        if (!d.divisions && !d.articles) throw new Error(`${where}: ${d.label} holds nothing`);
        const headings = [...parents, heading];
        walk(d.divisions, headings);
        addArticles(d.articles, headings);
      }
    };
    if (!item.divisions && !item.articles) throw new Error(`${where}: no articles`);
    walk(item.divisions, []);
    addArticles(item.articles, []);
    return {
      id: item.id,
      law: file.law,
      lawTitle: file.title,
      shortTitles,
      category: item.category,
      title: item.title,
      source: file.source,
      articles,
    };
  });
}
