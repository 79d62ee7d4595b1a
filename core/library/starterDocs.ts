/**
 * The starter set (resources/library) as `libraryItem` documents, for sync-server's provisioning
 * migration and tests. Kept apart from itemDoc.ts so the app's reader does not bundle the files.
 */
import { LIBRARY_FILES } from './catalog';

interface RawFile {
  law: string;
  title: string;
  source: Record<string, unknown>;
  items: { id: string; category: string; title: string; divisions?: unknown[]; articles?: unknown[] }[];
}

/** The document id of a starter item: `lib:civil-code:limitation` → `libraryItem:civil-code.limitation`. */
export function starterDocId(itemId: string): string {
  return `libraryItem:${itemId.replace(/^lib:/u, '').replace(':', '.')}`;
}

/**
 * The starter set (resources/library) as `libraryItem` documents with deterministic ids, so a
 * second provisioning run finds them present and never overwrites an admin's edit.
 */
export function starterLibraryDocs(createdAt: string, createdBy: string): Record<string, unknown>[] {
  return Object.values(LIBRARY_FILES).flatMap((data) => {
    const file = data as RawFile;
    return file.items.map((item) => ({
      _id: starterDocId(item.id),
      type: 'libraryItem',
      schemaVersion: 1,
      createdAt,
      createdBy,
      law: file.law,
      lawTitle: file.title,
      category: item.category,
      title: item.title,
      source: file.source,
      ...(item.divisions ? { divisions: item.divisions } : {}),
      ...(item.articles ? { articles: item.articles } : {}),
    }));
  });
}
