/**
 * Where the search index is kept between runs: one IndexedDB database per user
 * (`courtdesk_<user>_search`, beside the replicas), one record holding the exported index and, per
 * replica, the sequence it has read up to. Both are written in one transaction, so after a restart
 * the index is exactly the replicas up to those sequences and only the rest is read.
 */
import type { ExportedSearchIndex } from '../../../../core/search/searchIndex';

/** What is saved. */
export interface SavedSearchIndex {
  readonly savedAt: string;
  /** Per replica key, the last changes-feed sequence the index holds. */
  readonly seqs: Readonly<Record<string, number | string>>;
  readonly index: ExportedSearchIndex;
}

/** Reads and writes the saved index of one user. */
export interface SearchStore {
  load(): Promise<SavedSearchIndex | null>;
  save(data: SavedSearchIndex): Promise<void>;
  /** Forgets the saved index (the next start rebuilds it). */
  clear(): Promise<void>;
  close(): void;
}

const STORE = 'index';
const KEY = 'current';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** The IndexedDB name of a user's search index. */
export function searchStoreName(user: string): string {
  return `courtdesk_${encodeURIComponent(user)}_search`;
}

/** Opens (creating when missing) the search store of `user`. */
export async function openSearchStore(user: string, factory: IDBFactory = indexedDB): Promise<SearchStore> {
  const open = factory.open(searchStoreName(user), 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
  };
  const db = await request(open);
  const tx = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const t = db.transaction(STORE, mode);
    const result = request(fn(t.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  };
  return {
    async load() {
      const v = (await tx('readonly', (s) => s.get(KEY))) as SavedSearchIndex | undefined;
      return v ?? null;
    },
    async save(data) {
      await tx('readwrite', (s) => s.put(data, KEY));
    },
    async clear() {
      await tx('readwrite', (s) => s.delete(KEY));
    },
    close() {
      db.close();
    },
  };
}
