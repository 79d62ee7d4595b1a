/**
 * The initial bulk seed as the engine runs it (the seed itself: seed/initialSync.ts). When the
 * local replica is fresh at start (no documents but local index design documents) and the remote
 * is an http database, it is seeded in bulk with progress (`initialSync` in the status); then
 * live replication resumes from the checkpoints the seed wrote. A seed that fails before writing
 * anything is retried (backoff; after sign-in on 401); one that fails midway falls back to
 * ordinary replication, which is always correct (the seeded revisions are the server's, so the
 * pull and push only skip them).
 */
import { backoffDelay, type BackoffOptions } from './backoff';
import { classifyError, type ClassifiedError } from './errors';
import type { LocalDb } from './localDb';
import { seedFreshReplica } from './seed/initialSync';
import type { ReplicationIdOptions } from './seed/checkpoints';
import { isFresh, seedMissedLocalWrites } from './seedSupport';
import type { SyncMeta } from './syncStore';
import type { InitialSyncProgress } from './syncStatus';

/** What the seed runner uses of the engine. */
export interface SeedHost {
  readonly local: LocalDb;
  readonly remote: PouchDB.Database<Record<string, unknown>>;
  readonly backoff: BackoffOptions;
  readonly random: () => number;
  readonly batchSize?: number;
  /** The options the ordinary replication will run with (after `prepare`): they change its checkpoint ids. */
  replication(): ReplicationIdOptions;
  /** Awaited before the seed (the server filter probe). */
  prepare(): Promise<void>;
  meta(): SyncMeta;
  saveMeta(): Promise<unknown>;
  stopped(): boolean;
  /** 401: the engine asks for sign-in. */
  needsSignIn(): void;
  /** Start (or retry) live replication. */
  startAll(): void;
  /** The seed is over (or not needed): live replication starts now. */
  startLive(): void;
  emit(): void;
}

/** The seed state of one database. */
export class SeedRunner {
  /** `pending`: not yet seeded (or not yet known whether a seed is needed); `done`: live replication runs. */
  phase: 'pending' | 'running' | 'done';
  /** The running seed, if any. */
  running: Promise<void> | null = null;
  error: ClassifiedError | null = null;
  progress: InitialSyncProgress | null = null;
  private attempt = 0;
  private abort: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly h: SeedHost,
    enabled: boolean,
  ) {
    this.phase = enabled ? 'pending' : 'done';
  }

  /** Starts the seed unless one runs. */
  begin(): void {
    if (this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const abort = new AbortController();
    this.abort = abort;
    this.running = this.run(abort.signal).finally(() => {
      this.running = null;
      if (this.abort === abort) this.abort = null;
    });
  }

  /** Aborts a running seed and a pending retry. */
  stop(): void {
    this.abort?.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The next retry comes without backoff (network back, new sign-in). */
  resetBackoff(): void {
    this.attempt = 0;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const h = this.h;
    const local = h.local as unknown as PouchDB.Database;
    let before: number | string = 0;
    try {
      if (!(await isFresh(h.local))) {
        this.phase = 'done';
        return h.startLive();
      }
      before = (await local.info()).update_seq;
      await h.prepare();
      this.phase = 'running';
      this.progress = { done: 0, total: 0, active: true };
      h.emit();
      const res = await seedFreshReplica(local, h.remote as unknown as PouchDB.Database, {
        signal,
        ...(h.batchSize ? { batchSize: h.batchSize } : {}),
        replication: h.replication(),
        onProgress: (p) => {
          this.progress = { done: p.done, total: p.total, active: p.phase !== 'done' };
          h.emit();
        },
      });
      // The seeded documents are on the server: the unpushed count starts after them.
      const meta = h.meta();
      meta.pushSeq = res.localSeq;
      meta.pullSeq = res.lastSeq;
      await h.saveMeta();
      await this.verifyPush(before, res.checkpointIds.push);
      this.phase = 'done';
      this.error = null;
      this.attempt = 0;
      this.progress = { done: res.docs, total: res.docs, active: false };
    } catch (err) {
      const fresh = await isFresh(h.local).catch(() => false);
      // Nothing written yet: seed again on the next attempt. Partly seeded: ordinary replication
      // finishes the job correctly (it skips the revisions already here).
      this.phase = fresh ? 'pending' : 'done';
      if (this.progress) this.progress = { ...this.progress, active: false };
      if (h.stopped()) return h.emit();
      const c = classifyError(err);
      if (c.kind === 'auth') {
        h.needsSignIn();
        return h.emit();
      }
      if (fresh) {
        this.error = c;
        const delay = backoffDelay(this.attempt++, h.backoff, h.random);
        this.timer = setTimeout(() => {
          this.timer = null;
          h.startAll();
        }, delay);
        return h.emit();
      }
      this.error = null;
    }
    h.startLive();
  }

  /**
   * Any local revision the server lacks after the seed (or when that cannot be asked) drops the
   * local push checkpoint: the push then compares everything and sends what is missing.
   */
  private async verifyPush(before: number | string, checkpointId: string | undefined): Promise<void> {
    const h = this.h;
    if (!(await seedMissedLocalWrites(h.local, h.remote, before)) || !checkpointId) return;
    h.meta().pushSeq = before;
    await h.saveMeta();
    const cp = await h.local.get(checkpointId).catch(() => null);
    if (cp) await h.local.remove(cp._id, cp._rev);
  }
}
