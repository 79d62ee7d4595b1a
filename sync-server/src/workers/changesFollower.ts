/**
 * Follows a database's `_changes` feed for a server worker (docs/product-rules.md §8.3): resumes from a
 * checkpoint persisted in `_local/courtdesk-worker-<name>`, reads (plain requests while behind,
 * `feed=longpoll` once caught up) into a bounded queue (reading pauses while the queue is full: a request asks for at most the free
 * slots), hands changes one at a time, in feed order, to the handler, retries failures with capped
 * exponential backoff (server down, restarting, 5xx), and stops cleanly. A change that keeps failing
 * for a reason retrying cannot fix (a 4xx refusal, a handler bug on a malformed document) is
 * quarantined after `quarantineAfter` attempts: reported through `onQuarantine` (the worker writes
 * an audit record) and passed, so one bad document cannot stop case numbers for the whole court.
 *
 * Sequences are opaque (on a cluster `"12-g1AAAA…"`): they are stored and sent back verbatim,
 * never parsed or compared. The checkpoint is the seq of the last change the handler finished, so
 * a crash replays at most the changes after it; handlers must therefore be idempotent.
 */
import { backoffDelay, CouchHttp, CouchHttpError, sleep, type CouchDoc } from './couchHttp';

/** One row of the feed (`include_docs=true`). */
export interface Change {
  readonly seq: string | number;
  readonly id: string;
  readonly deleted?: boolean;
  readonly doc?: CouchDoc;
}

/** Options of {@link ChangesFollower}. */
export interface ChangesFollowerOptions {
  couch: CouchHttp;
  db: string;
  /** Worker name: the checkpoint lives in `_local/courtdesk-worker-<name>`. */
  name: string;
  /**
   * Processes one change; throwing means "try again later". Transient failures (network, 5xx, 408,
   * 409, 429) are retried for ever; any other failure is retried `quarantineAfter` times, then the
   * change is quarantined.
   */
  handle: (change: Change, signal: AbortSignal) => Promise<void>;
  /** Records a quarantined change (retried transiently until it succeeds or the follower stops). */
  onQuarantine?: (change: Change, error: Error, attempts: number) => Promise<void>;
  /** Consecutive permanent failures before a change is quarantined (default 8, ≈ 25 s of backoff). */
  quarantineAfter?: number;
  /** Called whenever the queue runs empty (and on stop): batched clean-up of the handlers. */
  onIdle?: () => Promise<void>;
  /** Maximum changes held in memory (default 200). */
  queueSize?: number;
  /** Longpoll timeout in ms (default 30 s); a heartbeat newline is requested every 10 s. */
  pollTimeoutMs?: number;
  /** Backoff after a failure: first delay and cap in ms (default 200 ms and 30 s). */
  backoff?: { initialMs: number; maxMs: number };
  /** Save the checkpoint at least every this many processed changes (default 50) and when idle. */
  checkpointEvery?: number;
  log?: (line: string) => void;
}

/** True for a failure that may go away by itself: the server unreachable, 5xx, 408, 409, 429. */
export function isTransientFailure(err: unknown): boolean {
  if (!(err instanceof CouchHttpError)) return false;
  const s = err.status;
  return s === undefined || s >= 500 || s === 408 || s === 409 || s === 429;
}

/** The `_local` document holding a worker's checkpoint. */
export function checkpointId(name: string): string {
  return `_local/courtdesk-worker-${name}`;
}

/** A `_changes` follower; see the module comment. */
export class ChangesFollower {
  private readonly o: Required<Omit<ChangesFollowerOptions, 'log'>> & { log: (line: string) => void };
  private readonly queue: Change[] = [];
  private readonly abort = new AbortController();
  private wakeReader: (() => void) | undefined;
  private wakeProcessor: (() => void) | undefined;
  private since: string | number = 0;
  private done: string | number | undefined;
  private savedSeq: string | number | undefined;
  private checkpointRev: string | undefined;
  private unsaved = 0;
  private loops: Promise<void>[] = [];
  /** Changes handled since start. */
  processed = 0;
  /** Consecutive failures of the feed request (for status output and tests). */
  feedFailures = 0;
  /** Ids of the changes quarantined since start (for status output and tests). */
  readonly quarantined: string[] = [];

  constructor(options: ChangesFollowerOptions) {
    this.o = {
      queueSize: 200,
      pollTimeoutMs: 30_000,
      backoff: { initialMs: 200, maxMs: 30_000 },
      checkpointEvery: 50,
      quarantineAfter: 8,
      onQuarantine: async () => {},
      log: () => {},
      onIdle: async () => {},
      ...options,
    };
    if (this.o.queueSize < 1) throw new Error('queueSize must be ≥ 1');
  }

  /** Loads the checkpoint (retrying until the server answers) and starts following. */
  async start(): Promise<void> {
    await this.retry('read checkpoint', async () => {
      const doc = await this.o.couch.get(this.o.db, checkpointId(this.o.name));
      if (doc) {
        this.checkpointRev = doc._rev;
        const seq = doc['seq'];
        if (typeof seq === 'string' || typeof seq === 'number') this.since = this.savedSeq = seq;
      }
    });
    this.o.log(`following ${this.o.db}/_changes since ${JSON.stringify(this.since)}`);
    this.loops = [this.readLoop(), this.processLoop()];
  }

  /** Stops reading, lets the change in hand finish, saves the checkpoint. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.wakeReader?.();
    this.wakeProcessor?.();
    await Promise.allSettled(this.loops);
    await this.o.onIdle().catch((err: unknown) => this.o.log(`clean-up on stop: ${(err as Error).message}`));
    await this.saveCheckpoint().catch((err: unknown) =>
      this.o.log(`checkpoint not saved on stop: ${(err as Error).message}`),
    );
  }

  /** Number of changes read but not yet handled. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * The changes read but not handled yet, after the one in hand: a handler may leave its work to a
   * later change that redoes it (the checkpoint never passes a change before it is handled).
   */
  upcoming(): readonly Change[] {
    return this.queue.slice(1);
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async readLoop(): Promise<void> {
    let caughtUp = false;
    while (!this.stopped) {
      const free = this.o.queueSize - this.queue.length;
      // Paused while full; resumes at half full so each request fetches a worthwhile batch.
      if (free <= 0 || (this.queue.length > 0 && free < Math.ceil(this.o.queueSize / 2))) {
        await new Promise<void>((r) => (this.wakeReader = r));
        continue;
      }
      try {
        // Catch up with plain requests (`feed=normal`); wait with longpoll only once caught up.
        // (Some servers answer a longpoll with a single change even when more are ready.)
        const q = new URLSearchParams({
          since: String(this.since),
          include_docs: 'true',
          limit: String(free),
        });
        if (caughtUp) {
          q.set('feed', 'longpoll');
          q.set('timeout', String(this.o.pollTimeoutMs));
          q.set('heartbeat', '10000');
        }
        const r = await this.o.couch.expect(
          'GET',
          `${encodeURIComponent(this.o.db)}/_changes?${q.toString()}`,
          [200],
          undefined,
          this.abort.signal,
        );
        const body = r.body as { results?: Change[]; last_seq?: string | number };
        if (!Array.isArray(body.results) || body.last_seq === undefined)
          throw new CouchHttpError('malformed _changes response', r.status);
        this.feedFailures = 0;
        for (const c of body.results) this.queue.push(c);
        this.since = body.last_seq;
        caughtUp = body.results.length === 0;
        if (body.results.length > 0) this.wakeProcessor?.();
      } catch (err) {
        if (this.stopped) return;
        this.o.log(`_changes failed (${(err as Error).message}); retrying`);
        await sleep(
          backoffDelay(this.feedFailures++, this.o.backoff.initialMs, this.o.backoff.maxMs),
          this.abort.signal,
        );
      }
    }
  }

  private async processLoop(): Promise<void> {
    while (!this.stopped) {
      const change = this.queue[0];
      if (!change) {
        await this.o.onIdle().catch((err: unknown) => this.o.log(`idle clean-up: ${(err as Error).message}`));
        await this.saveCheckpoint().catch((err: unknown) =>
          this.o.log(`checkpoint: ${(err as Error).message}`),
        );
        if (this.queue.length === 0 && !this.stopped)
          await new Promise<void>((r) => (this.wakeProcessor = r));
        continue;
      }
      const ok = await this.handleOrQuarantine(change);
      if (!ok) return; // stopped before the change was handled: it stays after the checkpoint
      this.queue.shift();
      this.wakeReader?.();
      this.done = change.seq;
      this.processed += 1;
      if (++this.unsaved >= this.o.checkpointEvery)
        await this.saveCheckpoint().catch((err: unknown) =>
          this.o.log(`checkpoint: ${(err as Error).message}`),
        );
    }
  }

  /**
   * Handles one change, retrying with backoff; quarantines it after `quarantineAfter` consecutive
   * permanent failures. False only when the follower stopped first.
   */
  private async handleOrQuarantine(change: Change): Promise<boolean> {
    let permanent = 0;
    for (let attempt = 0; ; attempt++) {
      if (this.stopped) return false;
      try {
        await this.o.handle(change, this.abort.signal);
        return true;
      } catch (err) {
        if (this.stopped) return false;
        const error = err instanceof Error ? err : new Error(String(err));
        permanent = isTransientFailure(error) ? 0 : permanent + 1;
        this.o.log(`change ${change.id} failed (${error.message}); attempt ${attempt + 1}`);
        if (permanent >= this.o.quarantineAfter) {
          this.o.log(`change ${change.id} quarantined after ${attempt + 1} attempts`);
          if (!(await this.recordQuarantine(change, error, attempt + 1))) return false;
          this.quarantined.push(change.id);
          return true;
        }
        await sleep(backoffDelay(attempt, this.o.backoff.initialMs, this.o.backoff.maxMs), this.abort.signal);
      }
    }
  }

  /** Reports a quarantined change: retries transient failures; a permanent one is logged and passed. */
  private async recordQuarantine(change: Change, error: Error, attempts: number): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      if (this.stopped) return false;
      try {
        await this.o.onQuarantine(change, error, attempts);
        return true;
      } catch (err) {
        if (this.stopped) return false;
        this.o.log(`quarantine record of ${change.id} failed (${(err as Error).message})`);
        if (!isTransientFailure(err)) return true;
        await sleep(backoffDelay(attempt, this.o.backoff.initialMs, this.o.backoff.maxMs), this.abort.signal);
      }
    }
  }

  /** Runs `fn` until it succeeds (true) or the follower stops (false), backing off between tries. */
  private async retry(what: string, fn: () => Promise<void>): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      if (this.stopped) return false;
      try {
        await fn();
        return true;
      } catch (err) {
        if (this.stopped) return false;
        this.o.log(`${what} failed (${(err as Error).message}); retry ${attempt + 1}`);
        await sleep(backoffDelay(attempt, this.o.backoff.initialMs, this.o.backoff.maxMs), this.abort.signal);
      }
    }
  }

  private async saveCheckpoint(): Promise<void> {
    if (this.done === undefined || this.done === this.savedSeq) return;
    const seq = this.done;
    for (let i = 0; i < 3; i++) {
      const doc: CouchDoc = { _id: checkpointId(this.o.name), seq, updatedAt: new Date().toISOString() };
      if (this.checkpointRev) doc._rev = this.checkpointRev;
      const r = await this.o.couch.put(this.o.db, doc);
      if (r.ok) {
        this.checkpointRev = r.rev;
        this.savedSeq = seq;
        this.unsaved = 0;
        return;
      }
      // Another process with the same name saved meanwhile; its seq is also fully processed, so
      // overwriting it with ours is safe either way.
      this.checkpointRev = (await this.o.couch.get(this.o.db, checkpointId(this.o.name)))?._rev;
    }
  }
}
