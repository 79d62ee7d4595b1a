/**
 * Live two-way sync of one local database with its server database: a push and a pull
 * replication (PouchDB, `live: true`, `retry: false`), each restarted by the engine after a
 * failure with capped exponential backoff + jitter. PouchDB resumes each from its `_local`
 * checkpoint, so a restart never replays what is already on the other side.
 *
 * - 401 (session expired, password changed): both directions stop, state `needs-sign-in`; local
 *   writes go on and wait; {@link DbSync.resume} after a new sign-in drains the queue.
 * - Per-document 403 from validate_doc_update: PouchDB reports it as `denied` and goes on with the
 *   rest; the id, revision and reason are kept in `_local/rejected` for the author.
 * - Safety net (deletionGuard.ts): a pull that would delete too much waits in
 *   `awaiting-confirmation` until {@link DbSync.confirmDeletions}.
 * Persistence of its `_local` state: syncStore.ts; the unpushed count: unpushed.ts.
 *
 * Initial sync: when the local replica is fresh at start (no documents but local index design
 * documents) and the remote is an http database, it is first seeded in bulk (seed/initialSync.ts)
 * with progress in the status (`initialSync`), then live replication resumes from the checkpoints
 * the seed wrote. A seed that fails before writing anything is retried (backoff; after sign-in on
 * 401); one that fails midway falls back to ordinary replication, which is always correct (the
 * seeded revisions are the server's, so the pull and push only skip them).
 */
import type { DatabaseKey } from '../../../core/databases';
import { backoffDelay, type BackoffOptions } from './backoff';
import { DeletionGuard } from './deletionGuard';
import { classifyError, SyncFailure, type ClassifiedError } from './errors';
import type { LocalDb } from './localDb';
import { loadSyncState, rejectedWrite, SyncStore, type SyncMeta } from './syncStore';
import type { DbSyncStatus, InitialSyncProgress, RejectedWrite, SyncState } from './syncStatus';
import { seedFreshReplica } from './seed/initialSync';
import { countUnpushed } from './unpushed';

/** The remote side: a PouchDB http database. */
export type RemoteDb = PouchDB.Database<Record<string, unknown>>;

/** Options of {@link DbSync}. */
export interface DbSyncOptions {
  readonly key: DatabaseKey;
  readonly local: LocalDb;
  readonly remote: RemoteDb;
  readonly backoff: BackoffOptions;
  readonly random: () => number;
  /** Share of local documents a pull may delete inside {@link deleteWindowMs} before it asks (default 0.2). */
  readonly deleteShare: number;
  /** Below this many deletions the safety net never trips (tiny databases). */
  readonly minDeletions: number;
  readonly deleteWindowMs: number;
  readonly batchSize: number;
  readonly batchesLimit: number;
  /**
   * Pull live (a long-poll `_changes` that holds one HTTP connection open) or poll every
   * {@link pollIntervalMs}. Chromium allows 6 HTTP/1.1 connections per origin, so the engine pulls
   * only a few databases live and polls the rest (see replication.ts).
   */
  readonly livePull: boolean;
  readonly pollIntervalMs: number;
  readonly onStatus: (status: DbSyncStatus) => void;
  readonly now?: () => number;
  /** Seed a fresh replica in bulk before live replication (default true; needs an http remote). */
  readonly seed?: boolean;
  /** Documents per `_all_docs` page of the seed (default: the seed's measured default). */
  readonly seedBatchSize?: number;
}

type Dir = 'push' | 'pull';
type Phase = 'stopped' | 'starting' | 'active' | 'idle' | 'waiting';

/** What PouchDB's replication object looks like to us. */
interface Replication {
  on(event: string, fn: (arg: never) => void): Replication;
  cancel(): void;
  then<T>(ok: (v: unknown) => T, fail: (e: unknown) => T): Promise<T>;
}

interface DirState {
  rep: Replication | null;
  phase: Phase;
  attempt: number;
  timer: ReturnType<typeof setTimeout> | null;
  gen: number;
  error: ClassifiedError | null;
}

/** Replication and status of one database. */
export class DbSync {
  private readonly dirs: Record<Dir, DirState> = { push: newDir(), pull: newDir() };
  private stopped = true;
  private needsSignIn = false;
  private offline = false;
  private quotaError: ClassifiedError | null = null;
  private pendingDeletion: { deletions: number; localDocs: number } | null = null;
  private readonly guard: DeletionGuard;
  private meta: SyncMeta = { pushSeq: 0, lastSyncAt: null };
  private readonly store: SyncStore;
  private rejected: RejectedWrite[] = [];
  private unpushed = 0;
  private unpushedMethod: 'revs_diff' | 'since_checkpoint' = 'since_checkpoint';
  private readonly pulledRevs = new Map<string, string>();
  private localFeed: PouchDB.Core.Changes<Record<string, unknown>> | null = null;
  private countTimer: ReturnType<typeof setTimeout> | null = null;
  private counting: Promise<void> | null = null;
  private countAgain = false;
  private lastCountMs = 0;
  private loaded: Promise<void>;
  private readonly now: () => number;
  /** `pending`: not yet seeded (or not yet known whether a seed is needed); `done`: live replication runs. */
  private seedPhase: 'pending' | 'running' | 'done';
  private seedRun: Promise<void> | null = null;
  private seedAbort: AbortController | null = null;
  private seedTimer: ReturnType<typeof setTimeout> | null = null;
  private seedAttempt = 0;
  private seedError: ClassifiedError | null = null;
  private initialSync: InitialSyncProgress | null = null;

  constructor(private readonly o: DbSyncOptions) {
    this.now = o.now ?? Date.now;
    const httpRemote = typeof (o.remote as unknown as { fetch?: unknown }).fetch === 'function';
    this.seedPhase = o.seed !== false && httpRemote ? 'pending' : 'done';
    this.guard = new DeletionGuard({
      local: o.local,
      remote: o.remote,
      deleteShare: o.deleteShare,
      minDeletions: o.minDeletions,
      windowMs: o.deleteWindowMs,
      now: this.now,
    });
    this.store = new SyncStore(o.local, (err) => this.reportLocalError(err));
    this.loaded = this.load();
  }

  /** The local replica. */
  get local(): LocalDb {
    return this.o.local;
  }

  /** Starts live push and pull (no-op when running). */
  async start(): Promise<void> {
    await this.loaded;
    if (!this.stopped) return;
    this.stopped = false;
    this.emit();
    this.localFeed = this.o.local
      .changes({ since: 'now', live: true, return_docs: false })
      .on('change', () => this.scheduleCount())
      .on('error', () => undefined);
    this.startDir('push');
    this.startDir('pull');
    this.scheduleCount(0);
  }

  /** Stops both directions and the local feed (sign-out). Local data stays. */
  stop(): void {
    this.stopped = true;
    for (const dir of ['push', 'pull'] as const) this.halt(dir, 'stopped');
    this.seedAbort?.abort();
    if (this.seedTimer) clearTimeout(this.seedTimer);
    this.seedTimer = null;
    this.localFeed?.cancel();
    this.localFeed = null;
    if (this.countTimer) clearTimeout(this.countTimer);
    this.emit();
  }

  /** After a new sign-in: leaves `needs-sign-in`, retries writes refused for auth, drains the queue. */
  resume(): void {
    this.needsSignIn = false;
    this.dirs.push.attempt = 0;
    this.dirs.pull.attempt = 0;
    this.seedAttempt = 0;
    this.startDir('push');
    this.startDir('pull');
    void this.retryRejected('unauthorized');
    this.emit();
  }

  /** Browser `online`/`offline`: stop at once when offline, restart at once when back. */
  setNetwork(online: boolean): void {
    this.offline = !online;
    if (online) {
      this.dirs.push.attempt = 0;
      this.dirs.pull.attempt = 0;
      this.seedAttempt = 0;
      this.startDir('push');
      this.startDir('pull');
    } else {
      this.halt('push', 'waiting');
      this.halt('pull', 'waiting');
    }
    this.emit();
  }

  /** The user accepts the deletions the safety net held back: the pull runs once with no limit. */
  confirmDeletions(): void {
    if (!this.pendingDeletion) return;
    this.pendingDeletion = null;
    this.guard.allow = true;
    this.dirs.pull.attempt = 0;
    this.startDir('pull');
    this.emit();
  }

  /** A local write failed; a quota error turns the state to `error` with a translated reason. */
  reportLocalError(err: unknown): void {
    const c = classifyError(err);
    if (c.kind === 'quota') {
      this.quotaError = c;
      this.emit();
    }
  }

  /** Removes a rejected write from the list (the author saw it). */
  async dismissRejected(id: string): Promise<void> {
    this.rejected = this.rejected.filter((r) => r.id !== id);
    await this.saveRejected();
    this.emit();
  }

  /** One-shot push and pull now; resolves when both finished, rejects with the classified failure. */
  async syncNow(): Promise<void> {
    await this.loaded;
    // A running seed finishes first (a one-shot replication next to it would only duplicate its work).
    if (this.seedRun) await this.seedRun;
    if (this.needsSignIn)
      throw new SyncFailure(this.o.key, classifyError({ status: 401, reason: 'session expired' }));
    const opts = { batch_size: this.o.batchSize, batches_limit: this.o.batchesLimit };
    const push = this.o.local.replicate.to(this.o.remote, opts) as unknown as Replication;
    push.on('denied', (e: unknown) => void this.recordRejected(e));
    const pull = this.o.local.replicate.from(this.o.remote, opts) as unknown as Replication;
    pull.on('change', (info: { docs?: { _id: string; _rev: string }[] }) => this.notePulled(info));
    const results = await Promise.allSettled([settle(push), settle(pull)]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      const c = classifyError(failed.reason);
      const tripped = this.guard.take();
      if (tripped && c.kind !== 'auth')
        this.pendingDeletion = { deletions: tripped.deletions, localDocs: tripped.localDocs };
      else if (c.kind === 'auth') this.enterNeedsSignIn();
      this.emit();
      throw new SyncFailure(this.o.key, tripped ? classifyError(tripped) : c);
    }
    this.quotaError = null;
    await this.markSynced();
    await this.countNow();
  }

  /** Current status snapshot. */
  status(): DbSyncStatus {
    return {
      key: this.o.key,
      state: this.state(),
      unpushed: this.unpushed,
      unpushedMethod: this.unpushedMethod,
      rejected: this.rejected,
      lastSyncAt: this.meta.lastSyncAt,
      error: this.currentError(),
      pendingDeletion: this.pendingDeletion,
      initialSync: this.initialSync,
    };
  }

  /** Recounts unpushed changes now (tests, `syncNow`); concurrent calls share one run that repeats once more. */
  countNow(): Promise<void> {
    if (this.counting) {
      this.countAgain = true;
      return this.counting;
    }
    this.counting = (async () => {
      do {
        this.countAgain = false;
        await this.count();
      } while (this.countAgain);
    })().finally(() => {
      this.counting = null;
    });
    return this.counting;
  }

  // ---- replication -------------------------------------------------------------------------

  private startDir(dir: Dir): void {
    if (this.stopped || this.needsSignIn || this.offline || (dir === 'pull' && this.pendingDeletion)) return;
    if (this.seedPhase !== 'done') return this.beginSeed();
    const d = this.dirs[dir];
    if (d.timer) clearTimeout(d.timer);
    d.timer = null;
    if (d.rep) d.rep.cancel();
    d.rep = null;
    const gen = ++d.gen;
    if (dir === 'push') return this.launch(dir, gen);
    d.phase = 'starting';
    // Look ahead before pulling: a backlog that would delete too much waits for confirmation
    // before a single document is deleted.
    this.lookAhead().then(
      (go) => {
        if (d.gen !== gen || this.stopped) return;
        if (go) this.launch(dir, gen);
        else {
          d.phase = 'stopped';
          this.emit();
        }
      },
      (err: unknown) => {
        if (d.gen === gen && !this.stopped) this.onDirError(dir, err);
      },
    );
  }

  /** True when the pull may start; false after putting the database in `awaiting-confirmation`. */
  private async lookAhead(): Promise<boolean> {
    const held = await this.guard.lookAhead(this.meta.pullSeq);
    if (held) this.pendingDeletion = held;
    return held === null;
  }

  private launch(dir: Dir, gen: number): void {
    const d = this.dirs[dir];
    const live = dir === 'push' || this.o.livePull;
    const opts = { live, retry: false, batch_size: this.o.batchSize, batches_limit: this.o.batchesLimit };
    const rep = (dir === 'push'
      ? this.o.local.replicate.to(this.o.remote, opts)
      : this.o.local.replicate.from(this.o.remote, opts)) as unknown as Replication;
    d.rep = rep;
    d.phase = 'starting';
    const current = () => d.gen === gen && !this.stopped;
    rep.on('active', () => {
      if (!current()) return;
      d.phase = 'active';
      d.error = null; // requests succeed again
      this.emit();
    });
    rep.on('paused', (err: unknown) => {
      if (!current()) return;
      if (err) return this.onDirError(dir, err);
      d.phase = 'idle';
      d.attempt = 0;
      d.error = null;
      if (dir === 'pull') this.guard.allow = false;
      if (this.dirs.push.phase === 'idle' && this.dirs.pull.phase === 'idle') void this.markSynced();
      this.scheduleCount();
      this.emit();
    });
    rep.on('change', (info: { docs?: { _id: string; _rev: string }[] }) => {
      if (!current()) return;
      if (dir === 'pull') this.notePulled(info);
      else void this.clearRejected((info.docs ?? []).map((x) => x._id));
      d.error = null;
    });
    rep.on('checkpoint', (c: { checkpoint?: number | string }) => {
      if (c.checkpoint === undefined || !current()) return;
      if (dir === 'push') {
        this.meta.pushSeq = c.checkpoint;
        this.scheduleCount();
      } else {
        this.meta.pullSeq = c.checkpoint;
      }
      void this.saveMeta();
    });
    rep.on('denied', (e: unknown) => {
      if (current()) void this.recordRejected(e);
    });
    rep.on('error', (err: unknown) => {
      if (current()) this.onDirError(dir, err);
    });
    if (!live) {
      // A polling pull finished a round: caught up now; the next round starts after the interval.
      rep.on('complete', () => {
        if (!current()) return;
        d.rep = null;
        d.phase = 'idle';
        d.attempt = 0;
        d.error = null;
        this.guard.allow = false;
        if (this.dirs.push.phase === 'idle') void this.markSynced();
        d.timer = setTimeout(() => {
          d.timer = null;
          this.startDir(dir);
        }, this.o.pollIntervalMs);
        this.emit();
      });
    }
    // The replication is also a promise; its rejection is handled through the 'error' event.
    rep.then(
      () => undefined,
      () => undefined,
    );
  }

  // ---- initial sync (bulk seed of a fresh replica) ---------------------------------------------

  private beginSeed(): void {
    if (this.seedRun) return;
    if (this.seedTimer) clearTimeout(this.seedTimer);
    this.seedTimer = null;
    const abort = new AbortController();
    this.seedAbort = abort;
    this.seedRun = this.runSeed(abort.signal).finally(() => {
      this.seedRun = null;
      if (this.seedAbort === abort) this.seedAbort = null;
    });
  }

  private async runSeed(signal: AbortSignal): Promise<void> {
    const local = this.o.local as unknown as PouchDB.Database;
    let before: number | string = 0;
    try {
      if (!(await isFresh(this.o.local))) {
        this.seedPhase = 'done';
        return this.startLive();
      }
      before = (await local.info()).update_seq;
      this.seedPhase = 'running';
      this.initialSync = { done: 0, total: 0, active: true };
      this.emit();
      const res = await seedFreshReplica(local, this.o.remote as unknown as PouchDB.Database, {
        signal,
        ...(this.o.seedBatchSize ? { batchSize: this.o.seedBatchSize } : {}),
        onProgress: (p) => {
          this.initialSync = { done: p.done, total: p.total, active: p.phase !== 'done' };
          this.emit();
        },
      });
      // The seeded documents are on the server: the unpushed count starts after them.
      this.meta.pushSeq = res.localSeq;
      this.meta.pullSeq = res.lastSeq;
      await this.saveMeta();
      await this.verifySeedPush(before, res.checkpointIds.push);
      this.seedPhase = 'done';
      this.seedError = null;
      this.seedAttempt = 0;
      this.initialSync = { done: res.docs, total: res.docs, active: false };
    } catch (err) {
      const fresh = await isFresh(this.o.local).catch(() => false);
      // Nothing written yet: seed again on the next attempt. Partly seeded: ordinary replication
      // finishes the job correctly (it skips the revisions already here).
      this.seedPhase = fresh ? 'pending' : 'done';
      if (this.initialSync) this.initialSync = { ...this.initialSync, active: false };
      if (this.stopped) return this.emit();
      const c = classifyError(err);
      if (c.kind === 'auth') {
        this.enterNeedsSignIn();
        return this.emit();
      }
      if (fresh) {
        this.seedError = c;
        const delay = backoffDelay(this.seedAttempt++, this.o.backoff, this.o.random);
        this.seedTimer = setTimeout(() => {
          this.seedTimer = null;
          this.startDir('push');
          this.startDir('pull');
        }, delay);
        return this.emit();
      }
      this.seedError = null;
    }
    this.startLive();
  }

  private startLive(): void {
    this.emit();
    this.startDir('push');
    this.startDir('pull');
    this.scheduleCount(0);
  }

  /**
   * The seed's push checkpoint covers everything written locally during the seed, including a
   * write the app made meanwhile. Any local revision the server lacks (or when that cannot be
   * asked) drops the local push checkpoint: the push then compares everything and sends what is missing.
   */
  private async verifySeedPush(before: number | string, checkpointId: string | undefined): Promise<void> {
    const changes = await this.o.local.changes({ since: before, style: 'main_only', return_docs: true });
    const revs: Record<string, string[]> = {};
    for (const r of changes.results) {
      const rev = r.changes[0]?.rev;
      if (rev && !r.id.startsWith('_design/')) revs[r.id] = [rev];
    }
    const ids = Object.keys(revs);
    let missing = false;
    try {
      for (let i = 0; i < ids.length && !missing; i += 5000) {
        const chunk: Record<string, string[]> = {};
        for (const id of ids.slice(i, i + 5000)) chunk[id] = revs[id] ?? [];
        missing = Object.keys(await this.o.remote.revsDiff(chunk)).length > 0;
      }
    } catch {
      missing = true;
    }
    if (!missing || !checkpointId) return;
    this.meta.pushSeq = before;
    await this.saveMeta();
    const cp = await this.o.local.get(checkpointId).catch(() => null);
    if (cp) await this.o.local.remove(cp._id, cp._rev);
  }

  private halt(dir: Dir, phase: Phase): void {
    const d = this.dirs[dir];
    d.gen++;
    if (d.timer) clearTimeout(d.timer);
    d.timer = null;
    d.rep?.cancel();
    d.rep = null;
    d.phase = phase;
  }

  private onDirError(dir: Dir, err: unknown): void {
    const d = this.dirs[dir];
    const tripped = dir === 'pull' ? this.guard.take() : null;
    if (tripped) {
      this.halt('pull', 'stopped');
      this.pendingDeletion = { deletions: tripped.deletions, localDocs: tripped.localDocs };
      this.emit();
      return;
    }
    const c = classifyError(err);
    if (c.kind === 'auth') {
      this.enterNeedsSignIn();
      this.emit();
      return;
    }
    if (c.kind === 'quota') this.quotaError = c;
    this.halt(dir, 'waiting');
    d.error = c;
    const delay = backoffDelay(d.attempt++, this.o.backoff, this.o.random);
    d.timer = setTimeout(() => {
      d.timer = null;
      this.startDir(dir);
    }, delay);
    this.emit();
  }

  private enterNeedsSignIn(): void {
    this.needsSignIn = true;
    this.halt('push', 'stopped');
    this.halt('pull', 'stopped');
  }

  private notePulled(info: { docs?: { _id: string; _rev: string }[] }): void {
    for (const doc of info.docs ?? []) this.pulledRevs.set(doc._id, doc._rev);
    this.quotaError = null;
  }

  // ---- status -------------------------------------------------------------------------------

  private state(): SyncState {
    if (this.needsSignIn) return 'needs-sign-in';
    if (this.pendingDeletion) return 'awaiting-confirmation';
    if (this.quotaError) return 'error';
    if (this.stopped || this.offline) return 'offline';
    const errors = [this.dirs.push.error, this.dirs.pull.error, this.seedError].filter(
      (e): e is ClassifiedError => e !== null,
    );
    if (errors.some((e) => e.kind !== 'network')) return 'error';
    if (errors.length > 0) return 'offline';
    if (this.dirs.push.phase === 'idle' && this.dirs.pull.phase === 'idle') return 'online';
    return 'syncing';
  }

  private currentError(): DbSyncStatus['error'] {
    const e = this.quotaError ?? this.dirs.push.error ?? this.dirs.pull.error ?? this.seedError;
    if (this.pendingDeletion)
      return {
        kind: 'safetyNet',
        messageKey: 'sync.errors.safetyNet',
        detail: `${this.pendingDeletion.deletions}/${this.pendingDeletion.localDocs}`,
      };
    if (this.needsSignIn) return { kind: 'auth', messageKey: 'sync.errors.auth', detail: '' };
    return e ? { kind: e.kind, messageKey: e.messageKey, detail: e.detail } : null;
  }

  private emit(): void {
    this.o.onStatus(this.status());
  }

  private scheduleCount(minDelay = 1000): void {
    if (this.countTimer) return;
    // A count scans the local changes since the push checkpoint; keep that scan to a small share
    // of the time (it competes with replication for IndexedDB), and rarer while the push runs.
    const pushing = this.dirs.push.phase === 'active' || this.dirs.push.phase === 'starting';
    const delay = Math.max(minDelay, this.lastCountMs * 4, pushing ? 5_000 : 0);
    this.countTimer = setTimeout(() => {
      this.countTimer = null;
      void this.countNow().catch(() => undefined);
    }, delay);
  }

  private async count(): Promise<void> {
    const started = Date.now();
    try {
      await this.countOnce();
    } finally {
      this.lastCountMs = Date.now() - started;
    }
  }

  private async countOnce(): Promise<void> {
    // While a seed writes, its documents are the server's: counting them would report them unpushed.
    if (this.seedRun) return;
    // Ask the server only when the push is at rest: while it runs, the checkpoint count is the truth
    // (and a _revs_diff of thousands of ids per second would compete with the push itself).
    const pushAtRest = this.dirs.push.phase === 'idle' || this.dirs.push.phase === 'waiting';
    const askServer =
      !this.needsSignIn &&
      !this.offline &&
      !this.stopped &&
      this.dirs.push.error?.kind !== 'network' &&
      pushAtRest;
    const { count, method } = await countUnpushed({
      local: this.o.local,
      remote: this.o.remote,
      since: this.meta.pushSeq,
      pulledRevs: this.pulledRevs,
      askServer,
    });
    if (count !== this.unpushed || method !== this.unpushedMethod) {
      this.unpushed = count;
      this.unpushedMethod = method;
      this.emit();
    }
  }

  private async markSynced(): Promise<void> {
    this.meta.lastSyncAt = new Date(this.now()).toISOString();
    this.emit();
    await this.saveMeta();
  }

  // ---- persisted _local documents -------------------------------------------------------------

  private async load(): Promise<void> {
    const state = await loadSyncState(this.o.local);
    this.meta = state.meta;
    this.rejected = state.rejected;
  }

  private saveMeta(): Promise<unknown> {
    return this.store.saveMeta(this.meta);
  }

  private saveRejected(): Promise<unknown> {
    return this.store.saveRejected(this.rejected);
  }

  private async recordRejected(e: unknown): Promise<void> {
    const item = await rejectedWrite(e, this.o.local, this.now());
    if (!item) return;
    this.rejected = [...this.rejected.filter((r) => r.id !== item.id), item];
    await this.saveRejected();
    this.emit();
  }

  private async clearRejected(ids: readonly string[]): Promise<void> {
    const before = this.rejected.length;
    this.rejected = this.rejected.filter((r) => !ids.includes(r.id));
    if (this.rejected.length !== before) {
      await this.saveRejected();
      this.emit();
    }
  }

  /** Pushes again the documents refused with `kind` (their checkpoint already passed them). */
  private async retryRejected(kind: RejectedWrite['kind']): Promise<void> {
    const ids = this.rejected.filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length === 0) return;
    const rep = this.o.local.replicate.to(this.o.remote, {
      doc_ids: ids,
      checkpoint: false,
    } as PouchDB.Replication.ReplicateOptions) as unknown as Replication;
    rep.on(
      'change',
      (info: { docs?: { _id: string }[] }) => void this.clearRejected((info.docs ?? []).map((x) => x._id)),
    );
    rep.on('denied', (e: unknown) => void this.recordRejected(e));
    await settle(rep).catch(() => undefined);
  }
}

/** No documents but local index design documents, and nothing ever deleted: a seed may run. */
async function isFresh(local: LocalDb): Promise<boolean> {
  const probe = await local.changes({ since: 0, limit: 100, return_docs: true });
  return probe.results.length < 100 && probe.results.every((r) => r.id.startsWith('_design/'));
}

function newDir(): DirState {
  return { rep: null, phase: 'stopped', attempt: 0, timer: null, gen: 0, error: null };
}

function settle(rep: Replication): Promise<unknown> {
  return new Promise((ok, fail) => {
    rep.then(ok, fail);
  });
}
