/**
 * The workstation's search index, kept current from the local replicas' changes feeds and saved
 * in IndexedDB (searchStore.ts), so a restart loads it instead of rebuilding it: it reads only the
 * changes after the saved sequences. One service per signed-in user (hooks: searchHooks.ts).
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { DatabaseKey } from '../../../../core/databases';
import { SearchIndex, type SearchOptions, type SearchResult } from '../../../../core/search/searchIndex';
import type { LocalDb } from '../localDb';
import type { SearchStore } from './searchStore';
import { searchDocsOf, SEARCH_SOURCES } from './sourceDocs';

export { openSearchStore } from './searchStore';
export { SEARCH_SOURCES } from './sourceDocs';

/** Where the service is. */
export interface SearchServiceStatus {
  readonly state: 'loading' | 'catchingUp' | 'ready' | 'failed';
  /** How the index came to be at this start: loaded from the saved copy, or built from the replicas. */
  readonly loadedFrom: 'saved' | 'rebuilt' | null;
  /** Milliseconds to read and import the saved index (null when it was rebuilt). */
  readonly loadMs: number | null;
  /** Replica documents read at start (after the saved sequences, or all on a rebuild). */
  readonly replayed: number;
  readonly size: number;
  /** Bumped on every change of the index, so open result lists re-run their query. */
  readonly version: number;
  readonly error: string | null;
}

/** Options of {@link createSearchService}. */
export interface SearchServiceOptions {
  /** The replicas to read (those of SEARCH_SOURCES the user has). */
  readonly sources: Readonly<Partial<Record<DatabaseKey, LocalDb>>>;
  readonly store: SearchStore;
  /** Quiet time after a change before the index is saved (default 2 s). */
  readonly saveDelayMs?: number;
}

/** The running index. */
export interface SearchService {
  readonly status$: Observable<SearchServiceStatus>;
  status(): SearchServiceStatus;
  /** Resolves once the saved index is loaded and the replicas are read up to now. */
  ready(): Promise<void>;
  search(query: string, options?: SearchOptions): SearchResult;
  /** Saves now (tests; sign-out). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

type Seq = number | string;

/** Starts the service: loads the saved index (or builds one), reads what changed since, follows the feeds. */
export function createSearchService(options: SearchServiceOptions): SearchService {
  const saveDelay = options.saveDelayMs ?? 2000;
  const keys = (Object.keys(options.sources) as DatabaseKey[]).filter((k) => SEARCH_SOURCES[k]);
  let index = new SearchIndex();
  const seqs: Record<string, Seq> = {};
  const feeds: PouchDB.Core.Changes<Record<string, unknown>>[] = [];
  let closed = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();
  const status$ = new BehaviorSubject<SearchServiceStatus>({
    state: 'loading',
    loadedFrom: null,
    loadMs: null,
    replayed: 0,
    size: 0,
    version: 0,
    error: null,
  });
  const patch = (p: Partial<SearchServiceStatus>) => status$.next({ ...status$.value, ...p });

  function apply(
    key: DatabaseKey,
    id: string,
    doc: Record<string, unknown> | undefined,
    deleted: boolean,
  ): void {
    if (!SEARCH_SOURCES[key]?.some((p) => id.startsWith(p))) return;
    index.removeSource(id);
    if (!deleted && doc) for (const d of searchDocsOf(doc)) index.upsert(d);
  }

  async function save(): Promise<void> {
    if (closed) return;
    const data = { savedAt: new Date().toISOString(), seqs: { ...seqs }, index: index.export() };
    saving = saving
      .then(() => options.store.save(data))
      .catch((err: unknown) => {
        console.error('search index not saved', err);
      });
    await saving;
  }

  function scheduleSave(): void {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void save();
    }, saveDelay);
  }

  async function catchUp(key: DatabaseKey, db: LocalDb): Promise<number> {
    let read = 0;
    const since = seqs[key];
    if (since === undefined) {
      // First build: read only the indexed documents (the cases replica holds far more events).
      const info = await db.info();
      for (const prefix of SEARCH_SOURCES[key] ?? []) {
        const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
        for (const row of res.rows) if (row.doc) apply(key, row.id, row.doc, false);
        read += res.rows.length;
      }
      seqs[key] = info.update_seq;
      return read;
    }
    let from: Seq = since;
    for (;;) {
      const res = await db.changes({ since: from, include_docs: true, limit: 500, style: 'main_only' });
      if (res.results.length === 0) break;
      for (const c of res.results) apply(key, c.id, c.doc, c.deleted === true);
      read += res.results.length;
      from = res.last_seq;
    }
    seqs[key] = from;
    return read;
  }

  function follow(key: DatabaseKey, db: LocalDb): void {
    const feed = db
      .changes({
        since: seqs[key] ?? 'now',
        live: true,
        include_docs: true,
        style: 'main_only',
        return_docs: false,
      })
      .on('change', (c) => {
        apply(key, c.id, c.doc, c.deleted === true);
        seqs[key] = c.seq;
        patch({ size: index.size, version: status$.value.version + 1 });
        scheduleSave();
      })
      .on('error', (err) => console.error(`search feed ${key} stopped`, err));
    feeds.push(feed);
  }

  const started = (async () => {
    const t0 = performance.now();
    const saved = await options.store.load();
    let loadedFrom: 'saved' | 'rebuilt' = 'rebuilt';
    if (saved) {
      try {
        index = SearchIndex.import(saved.index);
        Object.assign(seqs, saved.seqs);
        loadedFrom = 'saved';
      } catch (err) {
        console.warn('saved search index not usable, rebuilding', err);
      }
    }
    const loadMs = loadedFrom === 'saved' ? Math.round(performance.now() - t0) : null;
    patch({ state: 'catchingUp', loadedFrom, loadMs, size: index.size });
    let replayed = 0;
    for (const key of keys) if (!closed) replayed += await catchUp(key, options.sources[key] as LocalDb);
    if (closed) return;
    if (replayed > 0 || loadedFrom === 'rebuilt') await save();
    for (const key of keys) follow(key, options.sources[key] as LocalDb);
    patch({ state: 'ready', replayed, size: index.size, version: status$.value.version + 1 });
  })().catch((err: unknown) => {
    patch({ state: 'failed', error: err instanceof Error ? err.message : String(err) });
    throw err;
  });
  started.catch(() => undefined);

  return {
    status$,
    status: () => status$.value,
    ready: () => started,
    search: (query, opts) => index.search(query, opts),
    async flush() {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      await save();
    },
    async close() {
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = null;
        await save();
      }
      closed = true;
      for (const f of feeds) f.cancel();
      await saving;
      options.store.close();
      status$.complete();
    },
  };
}
