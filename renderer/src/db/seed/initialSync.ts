import PouchDB from 'pouchdb-browser';
import { BehaviorSubject, type Observable } from 'rxjs';
import {
  DEFAULT_SEED_BATCH,
  attachmentBytes,
  bulkGetBody,
  changesPagePath,
  clampProgress,
  planBulkGetBatches,
  type SlowDoc,
} from './batching';
import { replicationCheckpointId, type ReplicationIdOptions } from './checkpoints';
import { randomSessionId, writeLocalCheckpoint, writeRemoteCheckpoint } from './checkpointWrites';

/**
 * Fast initial sync of a fresh replica (issue 3, item 2): read the server's `_changes` feed in
 * bulk (`include_docs`, `conflicts`, `style=all_docs`, pages of `batchSize`, the next page fetched
 * while the previous one is written), write with `bulkDocs({ new_edits: false })` so revision ids
 * are kept, fetch every open revision of conflicted documents (and documents with attachments, and
 * those that changed during the read) through `_bulk_get?revs=true`, then store PouchDB
 * replication checkpoints on both sides so an ordinary live `replicate`/`sync` continues from the
 * feed's `last_seq`.
 *
 * Why the feed and not `_all_docs` + the `update_seq` taken before it: on a CouchDB cluster each
 * request is answered by whichever shard copy responds first, so `update_seq` could come from a
 * copy that already held a write while the `_all_docs` page came from a copy that did not yet:
 * that document was in neither the read nor the changes after the sequence, and the replica never
 * got it (docs/architecture.md, "Seeding a fresh replica"). The feed's `last_seq` names the copies
 * it read, and every page continues from those.
 *
 * Deleted documents are not copied (a fresh replica has nothing to delete) unless they were copied
 * earlier in the same read. Call it before the app may write to `local`: the push checkpoint covers
 * everything in `local` (local index design documents created beforehand are therefore never
 * pushed, which is wanted). If it fails midway, ordinary replication finishes the job correctly
 * (only slower); or destroy the local database and seed again.
 */

/** Progress of a seed, for the initial-sync progress bar. */
export interface SeedProgress {
  /** Documents written locally so far. */
  done: number;
  /** Documents on the server (its `doc_count` when the seed started, raised if more arrive). */
  total: number;
  phase: 'documents' | 'conflicts' | 'checkpoints' | 'done';
}

/** Options of {@link seedFreshReplica}. */
export interface SeedOptions {
  onProgress?: (p: SeedProgress) => void;
  /** Documents per `_all_docs` page (default {@link DEFAULT_SEED_BATCH}, chosen by measurement). */
  batchSize?: number;
  /** The options the live replication will be started with (selector, doc_ids, filter…): they change its checkpoint id. */
  replication?: ReplicationIdOptions;
  /** Which live directions get a checkpoint (default both: the seeded documents need not be pushed back). */
  checkpoints?: { pull?: boolean; push?: boolean };
  signal?: AbortSignal;
}

/** What a seed did. */
export interface SeedResult {
  /** Documents written locally (winning revisions; conflicted documents count once). */
  docs: number;
  /** The feed's `last_seq` after the bulk read: live pull continues from here. */
  lastSeq: string | number;
  /** The local `update_seq` after the seed: live push continues from here. */
  localSeq: string | number;
  /** Documents that had conflicts (all their open revisions were copied). */
  conflicted: number;
  /** Checkpoint ids written (`_local/…`), and whether the server accepted its copies. */
  checkpointIds: { pull?: string; push?: string };
  remoteCheckpointsWritten: boolean;
  durationMs: number;
}

/** The seed refused to run or the server answered with an error. */
export class SeedError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SeedError';
  }
}

type AnyDoc = Record<string, unknown> & { _id: string; _rev: string };
interface HttpDb {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  id(): Promise<string>;
}
interface IdDb {
  id(): Promise<string>;
}
interface ChangesPage {
  results: Array<{
    id: string;
    deleted?: boolean;
    doc?: AnyDoc & {
      _deleted?: boolean;
      _conflicts?: string[];
      _attachments?: Record<string, { length?: number }>;
    };
  }>;
  last_seq: string | number;
  /** Changes after `last_seq` (CouchDB; absent on some servers). */
  pending?: number;
}

function toHttp(remote: string | PouchDB.Database): PouchDB.Database {
  if (typeof remote !== 'string') return remote;
  const base = typeof location !== 'undefined' ? location.href : undefined;
  return new PouchDB(new URL(remote, base).toString(), { skip_setup: true });
}

async function getJson<T>(db: HttpDb, path: string, init?: RequestInit): Promise<T> {
  const res = await db.fetch(path, {
    ...init,
    headers: { accept: 'application/json', 'content-type': 'application/json', ...init?.headers },
  });
  const text = await res.text();
  if (!res.ok)
    throw new SeedError(
      `${init?.method ?? 'GET'} ${path.split('?')[0]}: ${res.status} ${text.slice(0, 200)}`,
      res.status,
    );
  return JSON.parse(text) as T;
}

/**
 * Seeds an empty local replica from `remote` (absolute URL, a path like `/couch/courtdesk_cases`
 * resolved against the page, or a PouchDB http database) and writes the checkpoints that let live
 * replication start at the recorded sequence. Throws {@link SeedError} if `local` is not empty.
 */
export async function seedFreshReplica(
  local: PouchDB.Database,
  remote: string | PouchDB.Database,
  opts: SeedOptions = {},
): Promise<SeedResult> {
  const started = performance.now();
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_SEED_BATCH);
  const remoteDb = toHttp(remote);
  const http = remoteDb as unknown as HttpDb;
  const localInfo = await local.info();
  if (localInfo.doc_count > 0) {
    // Local index design documents (pouchdb-find) may exist already; any other document means
    // the replica is not fresh and the push checkpoint would skip it.
    const ddocs = await local.allDocs({ startkey: '_design/', endkey: '_design/\uffff' });
    if (ddocs.rows.length !== localInfo.doc_count) {
      throw new SeedError(
        `the local database ${localInfo.db_name} is not empty (${localInfo.doc_count} documents); seed only a fresh replica`,
      );
    }
  }

  // doc_count only sizes the progress bar; where live replication resumes comes from the feed.
  const info = await getJson<{ doc_count: number }>(http, '');
  let total = info.doc_count;
  const counted = new Set<string>();
  const report = (phase: SeedProgress['phase']): void => {
    const p = clampProgress(counted.size, total);
    total = p.total;
    opts.onProgress?.({ ...p, phase });
  };
  report('documents');

  // Documents to fetch with their revision history (conflicts, attachments, and any document the
  // feed lists again because it changed after it was copied), by id: the latest listing wins.
  const slow = new Map<string, SlowDoc>();
  const fetchPage = (since: string | number): Promise<ChangesPage> =>
    getJson<ChangesPage>(http, changesPagePath(batchSize, since), { signal: opts.signal ?? null });

  let lastSeq: string | number = 0;
  let next: Promise<ChangesPage> | null = fetchPage(lastSeq);
  while (next) {
    const page: ChangesPage = await next;
    opts.signal?.throwIfAborted();
    lastSeq = page.last_seq;
    const more = typeof page.pending === 'number' ? page.pending > 0 : page.results.length >= batchSize;
    // Overlap: the server reads the next page while IndexedDB writes this one.
    next = more && page.results.length > 0 ? fetchPage(page.last_seq) : null;
    // Marked handled: if the write below throws, a failing prefetch must not become an unhandled rejection.
    next?.catch(() => undefined);
    const fast: AnyDoc[] = [];
    for (const row of page.results) {
      const doc = row.doc;
      if (!doc) continue;
      // Seen before: it changed during the read. Its new revision comes with its history (a bare
      // new_edits:false write would start a second branch beside the copied one).
      const again = counted.has(row.id) || slow.has(row.id);
      // A deletion matters only for a document already copied; a fresh replica needs no tombstone.
      if (doc._deleted === true || row.deleted === true) {
        if (again) slow.set(row.id, { id: row.id, revs: [doc._rev], bytes: 0 });
        continue;
      }
      // Archive scans are fetched on demand, never copied to every workstation (docs/archives.md).
      if ((doc as { onDemand?: unknown }).onDemand === true && row.id.startsWith('file:')) {
        counted.add(row.id);
        continue;
      }
      const conflicts = doc._conflicts ?? [];
      if (again || conflicts.length > 0 || doc._attachments) {
        slow.set(row.id, {
          id: row.id,
          revs: [doc._rev, ...conflicts],
          bytes: attachmentBytes(doc._attachments),
        });
        continue;
      }
      fast.push(doc);
    }
    if (fast.length > 0) await writeAll(local, fast);
    for (const d of fast) counted.add(d._id);
    report('documents');
  }

  let conflicted = 0;
  for (const batch of planBulkGetBatches([...slow.values()])) {
    opts.signal?.throwIfAborted();
    const res = await getJson<{
      results: Array<{ id: string; docs: Array<{ ok?: AnyDoc; error?: unknown }> }>;
    }>(http, '_bulk_get?revs=true&attachments=true&latest=true', {
      method: 'POST',
      body: JSON.stringify(bulkGetBody(batch)),
      signal: opts.signal ?? null,
    });
    const docs = res.results.flatMap((r) => r.docs.flatMap((d) => (d.ok ? [d.ok] : [])));
    // A revision that vanished since the page was read (compacted, superseded): take the current
    // winner instead; live replication brings whatever changed after lastSeq.
    const missing = [...new Set(res.results.filter((r) => r.docs.some((d) => !d.ok)).map((r) => r.id))];
    if (missing.length > 0) {
      const retry = await getJson<{ results: Array<{ docs: Array<{ ok?: AnyDoc }> }> }>(
        http,
        '_bulk_get?revs=true&attachments=true',
        {
          method: 'POST',
          body: JSON.stringify({ docs: missing.map((id) => ({ id })) }),
          signal: opts.signal ?? null,
        },
      );
      docs.push(
        ...retry.results.flatMap((r) => r.docs.flatMap((d) => (d.ok && !d.ok._deleted ? [d.ok] : []))),
      );
    }
    if (docs.length > 0) await writeAll(local, docs);
    conflicted += batch.filter((d) => d.revs.length > 1).length;
    for (const d of docs) if (!d._deleted) counted.add(d._id);
    report('conflicts');
  }

  report('checkpoints');
  const after = await local.info();
  const localSeq = after.update_seq;
  const localId = await (local as unknown as IdDb).id();
  const remoteId = await http.id();
  const session = randomSessionId();
  const want = { pull: opts.checkpoints?.pull ?? true, push: opts.checkpoints?.push ?? true };
  const checkpointIds: SeedResult['checkpointIds'] = {};
  let remoteCheckpointsWritten = true;
  const plan: Array<{ id: string; seq: string | number }> = [];
  if (want.pull)
    plan.push({
      id: (checkpointIds.pull = replicationCheckpointId(remoteId, localId, opts.replication)),
      seq: lastSeq,
    });
  if (want.push)
    plan.push({
      id: (checkpointIds.push = replicationCheckpointId(localId, remoteId, opts.replication)),
      seq: localSeq,
    });
  for (const { id, seq } of plan) {
    await writeLocalCheckpoint(local, id, seq, session);
    // The server copy is best effort: PouchDB falls back to the target's copy when the source refuses.
    if (!(await writeRemoteCheckpoint(http, id, seq, session))) remoteCheckpointsWritten = false;
  }

  // The bar ends full even if documents were deleted on the server while we read.
  const done = counted.size;
  const finalTotal = Math.max(done, total);
  opts.onProgress?.({ done: finalTotal, total: finalTotal, phase: 'done' });
  return {
    docs: done,
    lastSeq,
    localSeq,
    conflicted,
    checkpointIds,
    remoteCheckpointsWritten,
    durationMs: performance.now() - started,
  };
}

/**
 * {@link seedFreshReplica} with its progress as an observable (for the sync status bar); the
 * observable completes when the seed ends and errors when it fails.
 */
export function seedFreshReplica$(
  local: PouchDB.Database,
  remote: string | PouchDB.Database,
  opts: Omit<SeedOptions, 'onProgress'> = {},
): { progress$: Observable<SeedProgress>; result: Promise<SeedResult> } {
  const subject = new BehaviorSubject<SeedProgress>({ done: 0, total: 0, phase: 'documents' });
  const result = seedFreshReplica(local, remote, { ...opts, onProgress: (p) => subject.next(p) });
  result.then(
    () => subject.complete(),
    (err: unknown) => subject.error(err),
  );
  return { progress$: subject.asObservable(), result };
}

async function writeAll(local: PouchDB.Database, docs: AnyDoc[]): Promise<void> {
  const res = await local.bulkDocs(docs, { new_edits: false });
  // With new_edits:false PouchDB reports only failures.
  const failed = (res as Array<{ error?: unknown; id?: string; message?: string }>).filter((r) => r.error);
  if (failed.length > 0)
    throw new SeedError(
      `local write failed for ${failed.length} documents, e.g. ${failed[0]?.id}: ${failed[0]?.message ?? String(failed[0]?.error)}`,
    );
}
