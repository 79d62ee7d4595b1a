/**
 * What the search index holds for a document of a local replica (docs/search.md "Feeding the
 * index"): every article of a `libraryItem` (id `<item id>#<article id>`), a forum `post` (gone
 * when withdrawn or hidden), a `notice`, and a `case` (its number, cause and parties: the titles of
 * the case list), and the archive: a volume or case-file paper (case number, title, parties,
 * catalogue titles) and its OCR text (`archiveText`, docs/archives.md), so words in a scan find it.
 * Everything else maps to nothing.
 */
import type { DatabaseKey } from '../../../../core/databases';
import { libraryItemFromDoc } from '../../../../core/library/itemDoc';
import { libraryDocuments } from '../../../../core/search/libraryDocs';
import type { SearchDoc } from '../../../../core/search/searchIndex';
import { htmlToText } from '../textDiff';

/** The replicas the index reads, with the id prefixes of the documents it indexes. */
export const SEARCH_SOURCES: Readonly<Partial<Record<DatabaseKey, readonly string[]>>> = {
  library: ['libraryItem:'],
  forum: ['post:'],
  notices: ['notice:'],
  cases: ['case:'],
  documents: ['archiveVolume:', 'caseFilePaper:', 'archiveText:'],
};

type Doc = Readonly<Record<string, unknown>>;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function day(v: unknown): string | undefined {
  const s = str(v);
  return /^\d{4}-\d{2}-\d{2}/u.test(s) ? s.slice(0, 10) : undefined;
}

function withDate(doc: Omit<SearchDoc, 'date'>, date: string | undefined): SearchDoc {
  return date === undefined ? doc : { ...doc, date };
}

/** The search documents of one replica document (empty when it is deleted, hidden or not searchable). */
export function searchDocsOf(doc: Doc): SearchDoc[] {
  const id = str(doc['_id']);
  if (doc['_deleted'] === true || id === '') return [];
  switch (doc['type']) {
    case 'libraryItem': {
      let item;
      try {
        item = libraryItemFromDoc(doc);
      } catch {
        return []; // an item the app cannot read is shown nowhere, so it is not found either
      }
      return libraryDocuments([item]).map((d) => ({ ...d, id: `${id}#${d.id}` }));
    }
    case 'post': {
      if (doc['withdrawn'] === true || doc['hidden'] !== undefined) return [];
      return [
        withDate(
          { id, kind: 'forum', title: str(doc['title']), body: htmlToText(str(doc['body'])) },
          day(doc['createdAt']),
        ),
      ];
    }
    case 'notice':
      return [
        withDate(
          { id, kind: 'notice', title: str(doc['title']), body: htmlToText(str(doc['body'])) },
          day(doc['publishedAt']) ?? day(doc['createdAt']),
        ),
      ];
    case 'case': {
      const parties = Array.isArray(doc['parties'])
        ? (doc['parties'] as unknown[]).map((p) => str((p as Doc | null)?.['name']))
        : [];
      const title = [str(doc['provisionalNumber']), str(doc['cause']), ...parties].filter(Boolean).join(' ');
      return [withDate({ id, kind: 'case', title, body: '' }, day(doc['filingDate']))];
    }
    case 'archiveVolume':
    case 'caseFilePaper': {
      const parties = Array.isArray(doc['parties']) ? (doc['parties'] as unknown[]).map(str) : [];
      const catalogue = Array.isArray(doc['catalogue'])
        ? (doc['catalogue'] as unknown[]).map((e) => str((e as Doc | null)?.['title']))
        : [];
      const title = [str(doc['caseNumber']), str(doc['title']), ...parties].filter(Boolean).join(' ');
      const year = typeof doc['year'] === 'number' ? `${doc['year']}-01-01` : undefined;
      return [
        withDate(
          { id, kind: 'archive', title, body: catalogue.filter(Boolean).join('\n') },
          day(doc['receivedOn']) ?? year,
        ),
      ];
    }
    case 'archiveText': {
      const pages = Array.isArray(doc['pages']) ? (doc['pages'] as unknown[]).map(str) : [];
      const title = [str(doc['caseNumber']), str(doc['title'])].filter(Boolean).join(' ');
      return [withDate({ id, kind: 'archive', title, body: pages.join('\n') }, day(doc['createdAt']))];
    }
    default:
      return [];
  }
}
