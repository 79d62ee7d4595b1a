/**
 * The sync engine: one {@link DbSync} per replicated database of the signed-in user, against
 * `${couchBaseUrl}/<dbname>` (same origin as the page, so the `AuthSession` cookie goes along;
 * every request is sent with `credentials: 'include'`). Exposes the combined status as an RxJS
 * observable, `syncNow()`, and the controls the shell needs around sign-in and sign-out.
 */
import { BehaviorSubject, distinctUntilChanged, map, type Observable } from 'rxjs';
import type { DatabaseKey } from '../../../core/databases';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { DbSync, type RemoteDb } from './dbSync';
import { SyncFailure } from './errors';
import { EMPTY_QUEUE, FILE_DB_KEYS, type AttachmentQueue } from './fileSync';
import { openLocalDb, REPLICATED_KEYS, remoteDbName, type LocalAdapter, type LocalDb } from './localDb';
import { PouchDB } from './pouch';
import {
  combineStatus,
  estimateStorage,
  requestPersistentStorage,
  type DbSyncStatus,
  type StorageManagerLike,
  type StorageStatus,
  type SyncStatus,
} from './syncStatus';

/** Where `online`/`offline` events come from (the window in the app). */
export interface NetworkEvents {
  addEventListener(type: 'online' | 'offline', fn: () => void): void;
  removeEventListener(type: 'online' | 'offline', fn: () => void): void;
}

/** Options of {@link createSyncEngine}. */
export interface SyncEngineOptions {
  /** CouchDB user name (names the local databases). */
  readonly user: string;
  /** `${location.origin}/couch` in the app. */
  readonly couchBaseUrl: string;
  /** Databases to sync (default: every replicated one the user can read, see core/databases.ts). */
  readonly keys?: readonly DatabaseKey[];
  readonly adapter?: LocalAdapter;
  /** Test seams. */
  readonly openLocal?: (key: DatabaseKey) => LocalDb;
  readonly openRemote?: (key: DatabaseKey) => RemoteDb;
  readonly backoff?: Partial<BackoffOptions>;
  readonly random?: () => number;
  /** Safety net: share of local docs a pull may delete before asking (default 0.2). */
  readonly deleteShare?: number;
  /** Safety net: never ask for fewer deletions than this (default 10). */
  readonly minDeletions?: number;
  /** Safety net: deletions are summed over this window (default 10 min). */
  readonly deleteWindowMs?: number;
  /** Replication batch size (docs per `_bulk_docs`/`_bulk_get`; default 500) and batches in flight (default 5). */
  readonly batchSize?: number;
  readonly batchesLimit?: number;
  /**
   * Databases pulled live (one held long-poll connection each); the others poll every
   * `pollIntervalMs` (default 30 s). Default: the first 3 of `keys`, keeping 3 of Chromium's 6
   * HTTP/1.1 connections per origin free for everything else.
   */
  readonly livePullKeys?: readonly DatabaseKey[];
  readonly pollIntervalMs?: number;
  /** Databases only pulled, never pushed (written by the server alone, e.g. `public`). */
  readonly pullOnlyKeys?: readonly DatabaseKey[];
  /** Seed fresh replicas in bulk before live replication (default true; see seed/README.md). */
  readonly seedFresh?: boolean;
  /** Documents per `_all_docs` page of the seed (default: the seed's measured default). */
  readonly seedBatchSize?: number;
  /**
   * Databases whose `file:` documents replicate separately, one at a time (fileSync.ts; default
   * {@link FILE_DB_KEYS}: documents, library).
   */
  readonly fileKeys?: readonly DatabaseKey[];
  /** Poll interval of the file pull (default `pollIntervalMs`); it also runs soon after the ordinary pull brought documents. */
  readonly filePollIntervalMs?: number;
  /** `online`/`offline` source; default `window` when there is one. */
  readonly network?: NetworkEvents | null;
  /** Default `navigator.storage`. */
  readonly storage?: StorageManagerLike;
}

/** A running sync engine for one signed-in user. */
export interface SyncEngine {
  /** Status of every database and overall; replays the latest value to new subscribers. */
  readonly status$: Observable<SyncStatus>;
  /** The current status. */
  status(): SyncStatus;
  /** The local replica of a database. */
  local(key: DatabaseKey): LocalDb;
  /** Fetches an on-demand file (archive scan) of `key` from the server unless it is local (then kept). */
  fetchFile(key: DatabaseKey, fileId: string): Promise<boolean>;
  /** Starts live sync of every database (and requests persistent storage). */
  start(): Promise<void>;
  /** Stops sync (sign-out); local data and queued writes stay. */
  stop(): void;
  /** After a new sign-in: leaves `needs-sign-in` and drains the queue. */
  resume(): void;
  /** Pushes and pulls every database once; rejects with the first failure ({@link SyncFailure}). */
  syncNow(): Promise<void>;
  /** Accepts the deletions the safety net held back for a database. */
  confirmDeletions(key: DatabaseKey): void;
  /** Removes a rejected write from the list shown to its author. */
  dismissRejected(key: DatabaseKey, id: string): Promise<void>;
  /** Tells the engine a local write failed (quota errors become state `error`). */
  reportLocalError(key: DatabaseKey, err: unknown): void;
  /** Re-reads usage and quota. */
  refreshStorage(): Promise<StorageStatus>;
  /** Files of a database waiting to go up and to come down, live (empty for databases without a file replication). */
  attachmentQueue$(key: DatabaseKey): Observable<AttachmentQueue>;
  /** Recounts unpushed changes of every database now. */
  recount(): Promise<void>;
  /** Stops and closes the local databases. */
  close(): Promise<void>;
}

/** Creates (does not start) the sync engine of `user`. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const keys = options.keys ?? REPLICATED_KEYS;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const storageApi =
    options.storage ??
    (typeof navigator !== 'undefined' ? (navigator.storage as StorageManagerLike | undefined) : undefined);
  const network =
    options.network === undefined ? (typeof window !== 'undefined' ? window : null) : options.network;
  const openLocal =
    options.openLocal ??
    ((key: DatabaseKey) =>
      openLocalDb(options.user, key, options.adapter ? { adapter: options.adapter } : {}));
  const openRemote =
    options.openRemote ??
    ((key: DatabaseKey) =>
      new PouchDB<Record<string, unknown>>(`${options.couchBaseUrl}/${remoteDbName(key)}`, {
        skip_setup: true,
        fetch: (url: string | Request, init?: RequestInit) => fetch(url, { ...init, credentials: 'include' }),
      } as PouchDB.Configuration.RemoteDatabaseConfiguration));

  const statuses = new Map<DatabaseKey, DbSyncStatus>();
  const queues = new Map<DatabaseKey, BehaviorSubject<AttachmentQueue>>();
  const fileKeys = options.fileKeys ?? FILE_DB_KEYS;
  let storage: StorageStatus | null = null;
  const syncs = new Map<DatabaseKey, DbSync>();
  const subject = new BehaviorSubject<SyncStatus>(combineStatus([], null));
  const publish = () =>
    subject.next(
      combineStatus(
        keys.map((k) => statuses.get(k)).filter((s): s is DbSyncStatus => !!s),
        storage,
      ),
    );

  for (const key of keys) {
    const sync = new DbSync({
      key,
      local: openLocal(key),
      remote: openRemote(key),
      backoff,
      random: options.random ?? Math.random,
      deleteShare: options.deleteShare ?? 0.2,
      minDeletions: options.minDeletions ?? 10,
      deleteWindowMs: options.deleteWindowMs ?? 10 * 60_000,
      batchSize: options.batchSize ?? 500,
      batchesLimit: options.batchesLimit ?? 5,
      livePull: (options.livePullKeys ?? keys.slice(0, 3)).includes(key),
      pollIntervalMs: options.pollIntervalMs ?? 30_000,
      seed: options.seedFresh ?? true,
      ...(options.seedBatchSize ? { seedBatchSize: options.seedBatchSize } : {}),
      splitFiles: fileKeys.includes(key),
      pullOnly: options.pullOnlyKeys?.includes(key) ?? false,
      ...(options.filePollIntervalMs ? { filePollIntervalMs: options.filePollIntervalMs } : {}),
      onStatus: (s) => {
        statuses.set(key, s);
        const q = syncs.get(key)?.attachmentQueue();
        if (q) queues.get(key)?.next(q);
        publish();
      },
    });
    queues.set(key, new BehaviorSubject<AttachmentQueue>(EMPTY_QUEUE));
    syncs.set(key, sync);
    statuses.set(key, sync.status());
  }
  publish();

  const each = (fn: (s: DbSync) => void) => syncs.forEach(fn);
  const onOnline = () => each((s) => s.setNetwork(true));
  const onOffline = () => each((s) => s.setNetwork(false));
  const get = (key: DatabaseKey): DbSync => {
    const s = syncs.get(key);
    if (!s) throw new Error(`database not synced by this engine: ${key}`);
    return s;
  };

  async function refreshStorage(): Promise<StorageStatus> {
    storage = await estimateStorage(storageApi);
    publish();
    return storage;
  }

  return {
    status$: subject.asObservable(),
    status: () => subject.getValue(),
    local: (key) => get(key).local,
    fetchFile: (key, fileId) => get(key).fetchFile(fileId),
    async start() {
      network?.addEventListener('online', onOnline);
      network?.addEventListener('offline', onOffline);
      await requestPersistentStorage(storageApi);
      await Promise.all([...syncs.values()].map((s) => s.start()));
      if (typeof navigator !== 'undefined' && navigator.onLine === false) onOffline();
      await refreshStorage();
    },
    stop() {
      network?.removeEventListener('online', onOnline);
      network?.removeEventListener('offline', onOffline);
      each((s) => s.stop());
    },
    resume: () => each((s) => s.resume()),
    async syncNow() {
      const results = await Promise.allSettled([...syncs.values()].map((s) => s.syncNow()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed)
        throw failed.reason instanceof SyncFailure ? failed.reason : new Error(String(failed.reason));
    },
    confirmDeletions: (key) => get(key).confirmDeletions(),
    dismissRejected: (key, id) => get(key).dismissRejected(id),
    reportLocalError: (key, err) => get(key).reportLocalError(err),
    refreshStorage,
    attachmentQueue$: (key) => {
      get(key);
      const q = queues.get(key) ?? new BehaviorSubject<AttachmentQueue>(EMPTY_QUEUE);
      return q.pipe(
        distinctUntilChanged(),
        map((x) => x),
      );
    },
    async recount() {
      await Promise.all([...syncs.values()].map((s) => s.countNow()));
    },
    async close() {
      this.stop();
      await Promise.all([...syncs.values()].map((s) => s.local.close().catch(() => undefined)));
      subject.complete();
      queues.forEach((q) => q.complete());
    },
  };
}

export { SyncFailure };
