/**
 * What the sync engine keeps in `_local` documents of each replica (never replicated):
 * `_local/courtdesk_sync` (push and pull checkpoint seqs, file ones too, mirrored from PouchDB's checkpoint
 * events, last successful sync) and `_local/rejected` (writes the server refused, for the author).
 */
import type { LocalDb } from './localDb';
import type { RejectedWrite } from './syncStatus';

/** `_local/courtdesk_sync`. */
export interface SyncMeta {
  pushSeq: number | string;
  /** Last pull checkpoint (server seq), for the safety net's look-ahead. */
  pullSeq?: number | string;
  /** File push and pull checkpoints (fileSync.ts): pending uploads and downloads count from them. */
  filePushSeq?: number | string;
  filePullSeq?: number | string;
  lastSyncAt: string | null;
}

const META_ID = '_local/courtdesk_sync';
const REJECTED_ID = '_local/rejected';

/** Reads the persisted state (defaults on a fresh replica). */
export async function loadSyncState(local: LocalDb): Promise<{ meta: SyncMeta; rejected: RejectedWrite[] }> {
  const meta: SyncMeta = { pushSeq: 0, lastSyncAt: null };
  const m = (await local.get(META_ID).catch(() => null)) as Partial<SyncMeta> | null;
  if (m)
    Object.assign(meta, {
      pushSeq: m.pushSeq ?? 0,
      lastSyncAt: m.lastSyncAt ?? null,
      ...(m.pullSeq !== undefined ? { pullSeq: m.pullSeq } : {}),
      ...(m.filePushSeq !== undefined ? { filePushSeq: m.filePushSeq } : {}),
      ...(m.filePullSeq !== undefined ? { filePullSeq: m.filePullSeq } : {}),
    });
  const r = (await local.get(REJECTED_ID).catch(() => null)) as { items?: RejectedWrite[] } | null;
  return { meta, rejected: Array.isArray(r?.items) ? r.items : [] };
}

/** Serialised upserts of the two `_local` documents (last state wins); failures go to `onError`. */
export class SyncStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly local: LocalDb,
    private readonly onError: (err: unknown) => void,
  ) {}

  saveMeta(meta: SyncMeta): Promise<unknown> {
    return this.write(META_ID, { ...meta });
  }

  saveRejected(items: readonly RejectedWrite[]): Promise<unknown> {
    return this.write(REJECTED_ID, { items: [...items] });
  }

  private write(id: string, body: Record<string, unknown>): Promise<unknown> {
    const run = async () => {
      const rev = await this.local.get(id).then(
        (d) => d._rev,
        () => undefined,
      );
      await this.local.put({ _id: id, ...(rev ? { _rev: rev } : {}), ...body });
    };
    this.queue = this.queue.then(run, run).catch((err: unknown) => this.onError(err));
    return this.queue;
  }
}

/** Turns PouchDB's `denied` event into a {@link RejectedWrite} (null when it names no document). */
export async function rejectedWrite(e: unknown, local: LocalDb, now: number): Promise<RejectedWrite | null> {
  const err = (e ?? {}) as {
    id?: string;
    rev?: string;
    reason?: string;
    message?: string;
    name?: string;
    error?: string;
    doc?: { _id?: string; _rev?: string };
  };
  const id = err.id ?? err.doc?._id;
  if (!id) return null;
  const kind = (err.name ?? err.error ?? '').toLowerCase() === 'unauthorized' ? 'unauthorized' : 'forbidden';
  const rev =
    err.rev ??
    err.doc?._rev ??
    (await local.get(id).then(
      (x) => x._rev,
      () => null,
    ));
  return { id, rev, reason: err.reason ?? err.message ?? String(e), kind, at: new Date(now).toISOString() };
}
