/** The e-library's articles as search documents: one per article, headed by its citation and headings. */
import type { LibraryItem } from '../library/schema';
import type { SearchDoc } from './searchIndex';

/**
 * One {@link SearchDoc} per article: id = the article's stable id, title = its citation, the
 * headings above it and the item's title (so 诉讼时效 or 审限 in a heading is a title hit), body =
 * its paragraphs, date = the version's effective date.
 */
export function libraryDocuments(items: readonly LibraryItem[]): SearchDoc[] {
  return items.flatMap((item) =>
    item.articles.map((a): SearchDoc => ({
      id: a.id,
      kind: 'library',
      title: [a.citation, ...a.headings.map((h) => h.title), item.title].join(' '),
      body: a.paragraphs.join('\n'),
      date: item.source.effective,
    })),
  );
}
