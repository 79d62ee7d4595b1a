/**
 * Live two-way sync of one local database with its server database: the push/pull loop. Each
 * direction is a PouchDB replication (`retry: false`) restarted by the engine after a failure with
 * capped exponential backoff + jitter; PouchDB resumes each from its `_local` checkpoint, so a
 * restart never replays what is already on the other side.
 *
 * - 401 (session expired, password changed): every direction stops, state `needs-sign-in`; local
 *   writes go on and wait; {@link DbSync.resume} after a new sign-in drains the queue.
 * - Per-document 403 from validate_doc_update: PouchDB reports it as `denied` and goes on with the
 *   rest; the id, revision and reason are kept for the author (rejectedWrites.ts).
 * - Safety net (deletionGuard.ts): a pull that would delete too much waits in
 *   `awaiting-confirmation` until {@link DbSync.confirmDeletions}.
 * - Attachment-heavy databases (fileSync.ts) run two more directions for `file:` documents only,
 *   one file at a time (fileTransfer.ts): `filePush` (on every local file write, and polled) and
 *   `filePull` (polled, and soon after the ordinary pull brought something); the ordinary push
 *   and pull skip them.
 *
 * Split out: file rounds (fileDirections.ts), the initial bulk seed (seedRunner.ts), status
 * assembly (dbSyncState.ts), refused writes (rejectedWrites.ts), the unpushed count
 * (unpushedCounter.ts), `_local` state (syncStore.ts), direction types (directions.ts).
 */
import type { DatabaseKey } from '../../../core/databases';
import { backoffDelay, type BackoffOptions } from './backoff';
import { DeletionGuard } from './deletionGuard';
import { deriveError, deriveState } from './dbSyncState';
import {
  ALL_DIRS,
  isPush,
  MAIN_DIRS,
  newDir,
  settle,
  type Dir,
  type DirState,
  type Phase,
  type Replication,
} from './directions';
import { classifyError, SyncFailure, type ClassifiedError } from './errors';
import {
  EMPTY_QUEUE,
  isFileId,
  probeServerFilter,
  serverFilterOptions,
  summarize,
  type AttachmentQueue,
  type ServerFilter,
} from './fileSync';
import type { LocalDb } from './localDb';
import { fetchOnDemand } from './fileTransfer';
import { FileDirections } from './fileDirections';
import { RejectedWrites } from './rejectedWrites';
import { SeedRunner } from './seedRunner';
import { loadSyncState, SyncStore, type SyncMeta } from './syncStore';
import type { DbSyncStatus } from './syncStatus';
import { UnpushedCounter } from './unpushedCounter';

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
  /** Replicate `file:` documents separately, one at a time (fileSync.ts; default false). */
  readonly splitFiles?: boolean;
  /**
   * Pull only, never push (default false): for databases only the server writes, such as
   * `public` (a kiosk holds no write access anywhere, so it opens no push at all).
   */
  readonly pullOnly?: boolean;
  /** Poll interval of the file pull (default {@link pollIntervalMs}). */
  readonly filePollIntervalMs?: number;
  /** Longest a file waits for the ordinary direction to be at rest before it goes anyway (default 10 s). */
  readonly fileYieldMs?: number;
  /** Delay of the file round a local file write or the ordinary pull's changes trigger (default 500 ms). */
  readonly fileKickDelayMs?: number;
}

type PulledInfo = { docs?: { _id: string; _rev: string }[] };

const PULL_ONLY_DIRS: readonly Dir[] = ['pull'];

/** Replication and status of one database. */
export class DbSync {
  private readonly dirNames: readonly Dir[];
  private readonly dirs: Record<Dir, DirState> = {
    push: newDir(),
    pull: newDir(),
    filePush: newDir(),
    filePull: newDir(),
  };
  private stopped = true;
  private needsSignIn = false;
  private offline = false;
  private quotaError: ClassifiedError | null = null;
  private pendingDeletion: { deletions: number; localDocs: number } | null = null;
  private readonly guard: DeletionGuard;
  private meta: SyncMeta = { pushSeq: 0, lastSyncAt: null };
  private readonly store: SyncStore;
  private readonly rejected: RejectedWrites;
  private readonly counter: UnpushedCounter;
  private readonly pulledRevs = new Map<string, string>();
  private localFeed: PouchDB.Core.Changes<Record<string, unknown>> | null = null;
  private loaded: Promise<void>;
  private readonly now: () => number;
  private readonly seed: SeedRunner;
  private readonly files: FileDirections;
  private queue: AttachmentQueue = EMPTY_QUEUE;
  /** How pulls are filtered by this server (split databases; asked once per session). */
  private serverFilter: ServerFilter | null = null;

  constructor(private readonly o: DbSyncOptions) {
    this.now = o.now ?? Date.now;
    this.dirNames = o.pullOnly ? PULL_ONLY_DIRS : o.splitFiles ? ALL_DIRS : MAIN_DIRS;
    const httpRemote = typeof (o.remote as unknown as { fetch?: unknown }).fetch === 'function';
    this.seed = new SeedRunner(
      {
        local: o.local,
        remote: o.remote,
        backoff: o.backoff,
        random: o.random,
        ...(o.seedBatchSize ? { batchSize: o.seedBatchSize } : {}),
        // The checkpoints must be those of the ordinary replication as it will run.
        replication: () => (o.splitFiles ? serverFilterOptions(false, this.serverFilter ?? 'selector') : {}),
        prepare: () => this.probeServer(),
        meta: () => this.meta,
        saveMeta: () => this.saveMeta(),
        stopped: () => this.stopped,
        needsSignIn: () => this.enterNeedsSignIn(),
        startAll: () => this.startAll(),
        startLive: () => {
          this.emit();
          this.startAll();
          this.counter.schedule(0, true);
        },
        emit: () => this.emit(),
      },
      o.seed !== false && httpRemote,
    );
    this.guard = new DeletionGuard({
      local: o.local,
      remote: o.remote,
      deleteShare: o.deleteShare,
      minDeletions: o.minDeletions,
      windowMs: o.deleteWindowMs,
      now: this.now,
    });
    this.store = new SyncStore(o.local, (err) => this.reportLocalError(err));
    this.rejected = new RejectedWrites({
      local: o.local,
      remote: o.remote,
      store: this.store,
      now: this.now,
      onChange: () => this.emit(),
    });
    this.counter = new UnpushedCounter({
      local: o.local,
      remote: o.remote,
      pulledRevs: this.pulledRevs,
      pushSeq: () => this.meta.pushSeq,
      filePushSeq: o.splitFiles ? () => this.meta.filePushSeq ?? 0 : null,
      // A pull-only database has nothing to push (its local Mango index design documents stay local).
      skip: () => this.seed.running !== null || o.pullOnly === true,
      askServer: (files) => this.mayAskServer(files ? 'filePush' : 'push'),
      pushing: () => this.dirs.push.phase === 'active' || this.dirs.push.phase === 'starting',
      onChange: () => this.emit(),
    });
    this.files = new FileDirections({
      local: o.local,
      remote: o.remote,
      rejected: this.rejected,
      pollIntervalMs: o.pollIntervalMs,
      ...(o.filePollIntervalMs !== undefined ? { filePollIntervalMs: o.filePollIntervalMs } : {}),
      ...(o.fileKickDelayMs !== undefined ? { fileKickDelayMs: o.fileKickDelayMs } : {}),
      ...(o.fileYieldMs !== undefined ? { fileYieldMs: o.fileYieldMs } : {}),
      now: this.now,
      dir: (d) => this.dirs[d],
      meta: () => this.meta,
      saveMeta: () => this.saveMeta(),
      probe: () => this.probeServer(),
      serverFilter: () => this.serverFilter ?? 'selector',
      stopped: () => this.stopped,
      startDir: (d) => this.startDir(d),
      onDirError: (d, err) => this.onDirError(d, err),
      notePulled: (id, rev) => this.notePulled('filePull', { docs: [{ _id: id, _rev: rev }] }),
      recount: () => this.counter.schedule(0, true),
      emit: () => this.emit(),
    });
    this.loaded = this.load();
  }

  /** The local replica. */
  get local(): LocalDb {
    return this.o.local;
  }

  /**
   * Brings one file the file pull leaves out (an archive scan, `onDemand`) from the server and
   * keeps it (fileTransfer.ts `fetchOnDemand`); true when it was fetched, false when already local.
   */
  fetchFile(fileId: string): Promise<boolean> {
    return fetchOnDemand(this.o.local, this.o.remote, fileId);
  }

  /** Starts live push and pull (no-op when running). */
  async start(): Promise<void> {
    await this.loaded;
    if (!this.stopped) return;
    this.stopped = false;
    this.emit();
    this.localFeed = this.o.local
      .changes({ since: 'now', live: true, return_docs: false })
      // A new local file shows as pending upload at once (the UI must not call it local meanwhile).
      .on('change', (c: { id: string }) => {
        const file = this.o.splitFiles === true && isFileId(c.id);
        this.counter.schedule(1000, file);
        if (file) this.files.kick('filePush');
      })
      .on('error', () => undefined);
    this.startAll();
    this.counter.schedule(0, true);
  }

  /** Stops every direction and the local feed (sign-out). Local data stays. */
  stop(): void {
    this.stopped = true;
    for (const dir of this.dirNames) this.halt(dir, 'stopped');
    this.seed.stop();
    this.localFeed?.cancel();
    this.localFeed = null;
    this.counter.cancel();
    this.emit();
  }

  /** After a new sign-in: leaves `needs-sign-in`, retries writes refused for auth, drains the queue. */
  resume(): void {
    this.needsSignIn = false;
    for (const dir of this.dirNames) this.dirs[dir].attempt = 0;
    this.seed.resetBackoff();
    this.startAll();
    void this.rejected.retry('unauthorized');
    this.emit();
  }

  /** Browser `online`/`offline`: stop at once when offline, restart at once when back. */
  setNetwork(online: boolean): void {
    this.offline = !online;
    if (online) {
      for (const dir of this.dirNames) this.dirs[dir].attempt = 0;
      this.seed.resetBackoff();
      this.startAll();
    } else {
      for (const dir of this.dirNames) this.halt(dir, 'waiting');
    }
    this.emit();
  }

  /** The user accepts the deletions the safety net held back: the pull runs once with no limit. */
  confirmDeletions(): void {
    if (!this.pendingDeletion) return;
    this.pendingDeletion = null;
    this.guard.allow = true;
    this.dirs.pull.attempt = 0;
    this.dirs.filePull.attempt = 0;
    this.startDir('pull');
    this.startDir('filePull');
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
    await this.rejected.dismiss(id);
  }

  /** One-shot push and pull (files too) now; resolves when all finished, rejects with the classified failure. */
  async syncNow(): Promise<void> {
    await this.loaded;
    // A running seed finishes first (a one-shot replication next to it would only duplicate its work).
    if (this.seed.running) await this.seed.running;
    if (this.needsSignIn)
      throw new SyncFailure(this.o.key, classifyError({ status: 401, reason: 'session expired' }));
    try {
      await this.probeServer();
    } catch (err) {
      const c = classifyError(err);
      if (c.kind === 'auth') this.enterNeedsSignIn();
      this.emit();
      throw new SyncFailure(this.o.key, c);
    }
    const reps = MAIN_DIRS.filter((dir) => this.dirNames.includes(dir)).map((dir) => {
      const rep = this.replicate(dir, false);
      if (isPush(dir)) rep.on('denied', (e: unknown) => void this.rejected.record(e));
      else rep.on('change', (info: PulledInfo) => this.notePulled(dir, info));
      return settle(rep);
    });
    if (this.o.splitFiles)
      reps.push(
        this.files.round('filePush', () => false),
        this.files.round('filePull', () => false),
      );
    const results = await Promise.allSettled(reps);
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
    const inputs = this.stateInputs();
    return {
      key: this.o.key,
      state: deriveState(inputs),
      unpushed: this.counter.unpushed + this.counter.uploads.length,
      unpushedMethod: this.counter.method,
      unpushedIds: this.counter.unpushedIds,
      rejected: this.rejected.items,
      lastSyncAt: this.meta.lastSyncAt,
      error: deriveError(inputs),
      pendingDeletion: this.pendingDeletion,
      initialSync: this.seed.progress,
      ...(this.o.splitFiles ? { attachments: summarize(this.attachmentQueue()) } : {}),
    };
  }

  /** Files waiting to go up and to come down (empty in databases without a file replication). */
  attachmentQueue(): AttachmentQueue {
    const { uploads, settledSeq } = this.counter;
    const q = this.queue;
    if (
      q.uploads !== uploads ||
      q.downloads !== this.files.downloads ||
      q.settledSeq !== settledSeq ||
      q.pulled !== this.files.pulled
    )
      this.queue = { uploads, downloads: this.files.downloads, settledSeq, pulled: this.files.pulled };
    return this.queue;
  }

  /** Recounts unpushed changes now (tests, `syncNow`); concurrent calls share one run that repeats once more. */
  countNow(): Promise<void> {
    return this.counter.countNow();
  }

  // ---- replication -------------------------------------------------------------------------

  private startAll(): void {
    for (const dir of this.dirNames) this.startDir(dir);
  }

  /**
   * A PouchDB replication of the ordinary push or pull (live or one-shot). In a database with a
   * file replication it skips `file:` documents: `_selector` on the server, or a client-side
   * filter function (fileSync.ts); the push uses the pull's form so both match a seed's checkpoints.
   */
  private replicate(dir: Dir, live: boolean): Replication {
    const filter = this.o.splitFiles ? serverFilterOptions(false, this.serverFilter ?? 'selector') : {};
    const opts = {
      ...(live ? { live: true, retry: false } : {}),
      batch_size: this.o.batchSize,
      batches_limit: this.o.batchesLimit,
      ...filter,
    } as PouchDB.Replication.ReplicateOptions;
    return (isPush(dir)
      ? this.o.local.replicate.to(this.o.remote, opts)
      : this.o.local.replicate.from(this.o.remote, opts)) as unknown as Replication;
  }

  private startDir(dir: Dir): void {
    if (!this.dirNames.includes(dir)) return;
    if (this.stopped || this.needsSignIn || this.offline || (!isPush(dir) && this.pendingDeletion)) return;
    if (this.seed.phase !== 'done') return this.seed.begin();
    const d = this.dirs[dir];
    if (d.timer) clearTimeout(d.timer);
    d.timer = null;
    if (d.rep) d.rep.cancel();
    d.rep = null;
    const gen = ++d.gen;
    if (dir === 'push' && (!this.o.splitFiles || this.serverFilter)) return this.launch(dir, gen);
    d.phase = 'starting';
    // Look ahead before pulling: a backlog that would delete too much waits for confirmation
    // before a single document is deleted; before a file round, the pending downloads are listed.
    const ahead = this.probeServer().then(() => (dir === 'pull' ? this.lookAhead() : true));
    ahead.then(
      (go) => {
        if (d.gen !== gen || this.stopped) return;
        if (go && (dir === 'filePush' || dir === 'filePull')) this.files.launch(dir, gen);
        else if (go) this.launch(dir, gen);
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

  /** Asks once whether the server filters `_changes` by selector (databases with a file replication). */
  private async probeServer(): Promise<void> {
    if (!this.o.splitFiles || this.serverFilter) return;
    this.serverFilter = await probeServerFilter(this.o.remote);
  }

  private launch(dir: Dir, gen: number): void {
    const d = this.dirs[dir];
    const live = dir === 'push' || this.o.livePull;
    const rep = this.replicate(dir, live);
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
      if (this.pushAtRest() && this.dirs.pull.phase === 'idle') void this.markSynced();
      this.counter.schedule();
      this.emit();
    });
    rep.on('change', (info: PulledInfo) => {
      if (!current()) return;
      if (isPush(dir)) void this.rejected.clear((info.docs ?? []).map((x) => x._id));
      else this.notePulled(dir, info);
      d.error = null;
    });
    rep.on('checkpoint', (c: { checkpoint?: number | string }) => {
      if (c.checkpoint === undefined || !current()) return;
      if (dir === 'push') {
        this.meta.pushSeq = c.checkpoint;
        this.counter.schedule();
      } else this.meta.pullSeq = c.checkpoint;
      void this.saveMeta();
    });
    rep.on('denied', (e: unknown) => {
      if (current()) void this.rejected.record(e);
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
        if (this.pushAtRest()) void this.markSynced();
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
    const tripped = dir === 'pull' || dir === 'filePull' ? this.guard.take() : null;
    if (tripped) {
      this.halt(dir, 'stopped');
      if (dir === 'filePull') this.halt('pull', 'stopped');
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

  /** The push is idle, or there is none (a pull-only database). */
  private pushAtRest(): boolean {
    return this.o.pullOnly === true || this.dirs.push.phase === 'idle';
  }

  private enterNeedsSignIn(): void {
    this.needsSignIn = true;
    for (const dir of this.dirNames) this.halt(dir, 'stopped');
  }

  private notePulled(dir: Dir, info: PulledInfo): void {
    const docs = info.docs ?? [];
    for (const doc of docs) this.pulledRevs.set(doc._id, doc._rev);
    this.quotaError = null;
    if (dir === 'pull' && docs.length > 0 && this.o.splitFiles) this.files.kick('filePull');
  }

  // ---- status -------------------------------------------------------------------------------

  private stateInputs() {
    return {
      needsSignIn: this.needsSignIn,
      pendingDeletion: this.pendingDeletion,
      quotaError: this.quotaError,
      stopped: this.stopped,
      offline: this.offline,
      seedError: this.seed.error,
      dirs: this.dirNames.map((dir) => this.dirs[dir]),
    };
  }

  /** `_revs_diff` may be asked when the server is reachable and the push of that kind at rest. */
  private mayAskServer(dir: 'push' | 'filePush'): boolean {
    const push = this.dirs[dir];
    return (
      !this.needsSignIn &&
      !this.offline &&
      !this.stopped &&
      push.error?.kind !== 'network' &&
      (push.phase === 'idle' || push.phase === 'waiting')
    );
  }

  private emit(): void {
    this.o.onStatus(this.status());
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
    this.rejected.restore(state.rejected);
  }

  private saveMeta(): Promise<unknown> {
    return this.store.saveMeta(this.meta);
  }
}
