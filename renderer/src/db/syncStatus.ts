/**
 * The truthful sync status the shell shows: per database and overall. Types, the rule that
 * combines per-database states, and the browser storage checks (persistent storage, usage/quota).
 *
 * Unpushed count ("local changes not yet on the server"), counted, not guessed:
 *  1. every document in the local changes feed after the push replication's last checkpoint
 *     (`last_seq` of the checkpoint PouchDB writes, mirrored into `_local/courtdesk_sync` from the
 *     push's `checkpoint` events), design documents excluded;
 *  2. minus documents whose current revision arrived by pull in this session (the server has it);
 *  3. when the server is reachable, the rest is asked with one `_revs_diff`: only revisions the
 *     server reports missing count (`method: 'revs_diff'`); offline the rest is the count
 *     (`method: 'since_checkpoint'`).
 * In databases with a file replication (fileSync.ts) pending file uploads are counted the same way
 * from the file push checkpoint and added to `unpushed`; `attachments` has their files and bytes.
 */
import type { DatabaseKey } from '../../../core/databases';
import type { SyncErrorKind } from './errors';
import { addSummaries, type AttachmentSummary } from './fileSync';

/** States of one database's sync, and of the whole (the most urgent one wins). */
export type SyncState =
  'online' | 'offline' | 'syncing' | 'error' | 'needs-sign-in' | 'awaiting-confirmation';

/** Most urgent first: what the status bar shows when databases disagree. */
export const STATE_PRECEDENCE: readonly SyncState[] = [
  'needs-sign-in',
  'awaiting-confirmation',
  'error',
  'offline',
  'syncing',
  'online',
];

/** A local write the server refused (validate_doc_update 403, or 401 for a per-document auth failure). */
export interface RejectedWrite {
  readonly id: string;
  readonly rev: string | null;
  readonly reason: string;
  readonly kind: 'forbidden' | 'unauthorized';
  /** ISO time of the refusal. */
  readonly at: string;
}

/** The error currently shown for a database. */
export interface StatusError {
  readonly kind: SyncErrorKind;
  /** i18n key (`sync.errors.*`). */
  readonly messageKey: string;
  readonly detail: string;
}

/** Progress of the bulk seed of a fresh replica (documents done / total); `active` while it runs. */
export interface InitialSyncProgress {
  readonly done: number;
  readonly total: number;
  readonly active: boolean;
}

/** Status of one database. */
export interface DbSyncStatus {
  readonly key: DatabaseKey;
  readonly state: SyncState;
  /** Local changes not yet on the server (see the module comment for how it is counted). */
  readonly unpushed: number;
  readonly unpushedMethod: 'revs_diff' | 'since_checkpoint';
  /** The ids of the unpushed ordinary documents (absent where a status is built by hand). */
  readonly unpushedIds?: readonly string[];
  readonly rejected: readonly RejectedWrite[];
  /** Last time push and pull were both caught up, persisted (ISO), or null. */
  readonly lastSyncAt: string | null;
  readonly error: StatusError | null;
  /** Set in `awaiting-confirmation`: the held-back pull would delete this many of the local docs. */
  readonly pendingDeletion: { readonly deletions: number; readonly localDocs: number } | null;
  /** The initial bulk seed of this fresh replica in this session (null when none ran). */
  readonly initialSync: InitialSyncProgress | null;
  /** Files waiting to go up / come down (databases with a file replication only, see fileSync.ts). */
  readonly attachments?: AttachmentSummary;
}

/** Browser storage as reported by `navigator.storage`. */
export interface StorageStatus {
  readonly persisted: boolean | null;
  readonly usage: number | null;
  readonly quota: number | null;
}

/** Status of the whole engine. */
export interface SyncStatus {
  readonly state: SyncState;
  readonly unpushed: number;
  readonly rejected: number;
  /** The oldest per-database last sync (everything was in sync at least then), or null. */
  readonly lastSyncAt: string | null;
  readonly databases: readonly DbSyncStatus[];
  readonly storage: StorageStatus | null;
  /** Sum over the databases that are seeding or were seeded this session (null when none). */
  readonly initialSync: InitialSyncProgress | null;
  /** Pending attachment transfers summed over the databases (files and bytes up and down). */
  readonly attachments: AttachmentSummary;
}

/** The most urgent of several states ('online' for none). */
export function overallState(states: readonly SyncState[]): SyncState {
  for (const s of STATE_PRECEDENCE) if (states.includes(s)) return s;
  return 'online';
}

/** Combines per-database statuses into the engine's status. */
export function combineStatus(databases: readonly DbSyncStatus[], storage: StorageStatus | null): SyncStatus {
  const times = databases.map((d) => d.lastSyncAt);
  const lastSyncAt =
    times.length > 0 && times.every((t): t is string => t !== null)
      ? times.reduce((a, b) => (a < b ? a : b))
      : null;
  return {
    state: overallState(databases.map((d) => d.state)),
    unpushed: databases.reduce((n, d) => n + d.unpushed, 0),
    rejected: databases.reduce((n, d) => n + d.rejected.length, 0),
    lastSyncAt,
    databases,
    storage,
    initialSync: combineInitialSync(databases),
    attachments: addSummaries(databases.flatMap((d) => (d.attachments ? [d.attachments] : []))),
  };
}

/** Overall initial-sync progress: the sum over the databases that have one. */
export function combineInitialSync(databases: readonly DbSyncStatus[]): InitialSyncProgress | null {
  const seeds = databases.flatMap((d) => (d.initialSync ? [d.initialSync] : []));
  if (seeds.length === 0) return null;
  return {
    done: seeds.reduce((n, p) => n + p.done, 0),
    total: seeds.reduce((n, p) => n + p.total, 0),
    active: seeds.some((p) => p.active),
  };
}

/** Minimal `navigator.storage` surface (absent in some contexts). */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

/** Asks the browser to keep this origin's data (no eviction under storage pressure); reports the result. */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined,
): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** Usage and quota of this origin, when the browser says. */
export async function estimateStorage(storage: StorageManagerLike | undefined): Promise<StorageStatus> {
  let persisted: boolean | null = null;
  try {
    persisted = storage?.persisted ? await storage.persisted() : null;
  } catch {
    persisted = null;
  }
  try {
    const e = storage?.estimate ? await storage.estimate() : undefined;
    return { persisted, usage: e?.usage ?? null, quota: e?.quota ?? null };
  } catch {
    return { persisted, usage: null, quota: null };
  }
}
