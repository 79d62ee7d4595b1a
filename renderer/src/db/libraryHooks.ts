/**
 * React bindings of the e-library and the download centre (courtdesk_library): the items read
 * with core/library's checks, the download entries, and a repository that writes as the signed-in
 * admin. Reading works offline from the replica; the server lets only admins write.
 */
import { useMemo } from 'react';
import { libraryItemFromDoc } from '../../../core/library/itemDoc';
import type { LibraryItem } from '../../../core/library/schema';
import { useLiveQuery, useSyncEngine } from './hooks';
import { createRepository, type Repository, type StoredDoc } from './repository';

/** One `libraryItem` document: read as an item, or the reason it cannot be read. */
export interface LibraryEntry {
  readonly doc: StoredDoc;
  readonly item: LibraryItem | null;
  readonly error: string | null;
}

/** One download centre entry. */
export interface DownloadEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly createdAt: string;
  readonly doc: StoredDoc;
}

async function byPrefix(db: PouchDB.Database<Record<string, unknown>>, prefix: string): Promise<StoredDoc[]> {
  const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
  return res.rows.flatMap((r) => (r.doc ? [r.doc as unknown as StoredDoc] : []));
}

/** Every library item in the replica (live), in id order; undefined while loading. */
export function useLibraryEntries(): readonly LibraryEntry[] | undefined {
  return useLiveQuery(
    'library',
    async (db) =>
      (await byPrefix(db, 'libraryItem:')).map((doc): LibraryEntry => {
        try {
          return { doc, item: libraryItemFromDoc(doc), error: null };
        } catch (err) {
          return { doc, item: null, error: err instanceof Error ? err.message : String(err) };
        }
      }),
    [],
  );
}

/** Every download entry (live), newest first; undefined while loading. */
export function useDownloadEntries(): readonly DownloadEntry[] | undefined {
  return useLiveQuery(
    'library',
    async (db) =>
      (await byPrefix(db, 'download:'))
        .map((doc): DownloadEntry => ({
          id: doc._id,
          title: String(doc['title'] ?? ''),
          description: String(doc['description'] ?? ''),
          category: String(doc['category'] ?? 'other'),
          createdAt: String(doc['createdAt'] ?? ''),
          doc,
        }))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
    [],
  );
}

/** The library replica's repository writing as `user`; null while the engine starts. */
export function useLibraryRepository(user: string | undefined): Repository | null {
  const engine = useSyncEngine();
  return useMemo(
    () => (engine && user ? createRepository(engine.local('library'), { user }) : null),
    [engine, user],
  );
}
