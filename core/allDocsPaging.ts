/**
 * Paging `_all_docs` (or PouchDB `allDocs`) by key, the one way every reader here does it.
 *
 * The next page starts AT the last id seen (`startkey` is inclusive) and that row is dropped,
 * never `startkey=<last id>&skip=1`: when the last id of a page is deleted before the next page is
 * read, `startkey` lands on the following id and `skip=1` would silently drop that document, one
 * nobody touched and which no later change ever brings back (docs/architecture.md, "Reading a
 * database in pages").
 */

/** `limit` and `startkey` of the page after `after` (the first page when undefined). */
export function allDocsPageQuery(pageSize: number, after?: string): { limit: number; startkey?: string } {
  return after === undefined ? { limit: pageSize } : { startkey: after, limit: pageSize + 1 };
}

/** One page as read: its rows without the previous page's last row, and where the next one starts. */
export interface AllDocsPage<R> {
  rows: R[];
  /** The `after` of the next page, or undefined when this was the last page. */
  next: string | undefined;
}

/** Splits the answer to {@link allDocsPageQuery}`(pageSize, after)` into rows and the next start. */
export function allDocsPage<R extends { id: string }>(
  rows: readonly R[],
  pageSize: number,
  after?: string,
): AllDocsPage<R> {
  const { limit } = allDocsPageQuery(pageSize, after);
  const last = rows[rows.length - 1];
  return {
    rows: after === undefined ? [...rows] : rows.filter((r) => r.id !== after),
    next: rows.length === limit && last ? last.id : undefined,
  };
}
