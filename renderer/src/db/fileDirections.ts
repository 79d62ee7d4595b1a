/**
 * The two file directions of a database with a file replication (`filePush`, `filePull`; design in
 * fileSync.ts, transfer in fileTransfer.ts), as the engine's loop runs them: a round moves every
 * missing file one at a time and then the checkpoint; the next round comes after the poll
 * interval, or soon after a kick (a local file was written; the ordinary pull brought documents).
 * Before each file the round yields to the ordinary direction of the same way. Errors go back to
 * the engine's backoff (dbSync.ts). Also keeps the pending downloads and the files received.
 */
import type { Dir, DirState } from './directions';
import type { FileInfo, ServerFilter } from './fileSync';
import { pullFiles, pushFiles } from './fileTransfer';
import type { LocalDb } from './localDb';
import type { RejectedWrites } from './rejectedWrites';
import type { SyncMeta } from './syncStore';

/** A file direction. */
export type FileDir = 'filePush' | 'filePull';

/** What the file directions use of the engine. */
export interface FileDirectionsHost {
  readonly local: LocalDb;
  readonly remote: PouchDB.Database<Record<string, unknown>>;
  readonly rejected: RejectedWrites;
  readonly pollIntervalMs: number;
  readonly filePollIntervalMs?: number;
  readonly fileKickDelayMs?: number;
  readonly fileYieldMs?: number;
  readonly now: () => number;
  dir(d: Dir): DirState;
  /** The persisted checkpoints (mutated here, then saved). */
  meta(): SyncMeta;
  saveMeta(): Promise<unknown>;
  /** Asks the server once how pulls are filtered; then {@link serverFilter} is known. */
  probe(): Promise<void>;
  serverFilter(): ServerFilter;
  stopped(): boolean;
  startDir(d: Dir): void;
  onDirError(d: Dir, err: unknown): void;
  /** A revision came from the server (unpushed counting, quota state). */
  notePulled(id: string, rev: string): void;
  /** Pending uploads may have changed: recount now. */
  recount(): void;
  emit(): void;
}

/** The file directions of one database. */
export class FileDirections {
  /** Files the server has and this replica not yet (from the last round's scan). */
  downloads: readonly FileInfo[] = [];
  /** File ids whose current local revision came from the server in this session. */
  pulled: ReadonlySet<string> = new Set();
  private readonly kicks = new Set<FileDir>();

  constructor(private readonly h: FileDirectionsHost) {}

  /** One round of `dir`: every missing file, one at a time, then the checkpoint. `halted` is checked between files. */
  async round(dir: FileDir, halted: () => boolean): Promise<void> {
    await this.h.probe();
    const meta = this.h.meta();
    if (dir === 'filePush') {
      meta.filePushSeq = await pushFiles({
        local: this.h.local,
        remote: this.h.remote,
        since: meta.filePushSeq ?? 0,
        stopped: halted,
        yieldFirst: () => this.yieldTo('push', halted),
        onPushed: (id) => void this.h.rejected.clear([id]),
        onDenied: (e) => void this.h.rejected.record(e),
      });
      this.h.recount();
    } else {
      meta.filePullSeq = await pullFiles({
        local: this.h.local,
        remote: this.h.remote,
        since: meta.filePullSeq ?? 0,
        mode: this.h.serverFilter(),
        stopped: halted,
        yieldFirst: () => this.yieldTo('pull', halted),
        onPending: (files) => {
          this.downloads = files;
          this.h.emit();
        },
        onPulled: (id, rev) => this.received(id, rev),
      });
    }
    await this.h.saveMeta();
  }

  /** Runs rounds of `dir` (generation `gen`) until the engine replaces or stops it. */
  launch(dir: FileDir, gen: number): void {
    const d = this.h.dir(dir);
    const current = () => d.gen === gen && !this.h.stopped();
    d.phase = 'active';
    this.kicks.delete(dir);
    this.h.emit();
    this.round(dir, () => !current()).then(
      () => {
        if (!current()) return;
        d.phase = 'idle';
        d.attempt = 0;
        d.error = null;
        const wait = this.kicks.has(dir)
          ? (this.h.fileKickDelayMs ?? 500)
          : (this.h.filePollIntervalMs ?? this.h.pollIntervalMs);
        d.timer = setTimeout(() => {
          d.timer = null;
          this.h.startDir(dir);
        }, wait);
        this.h.emit();
      },
      (err: unknown) => {
        if (current()) this.h.onDirError(dir, err);
      },
    );
  }

  /** Something for `dir` happened: run a round soon (after the current one, if one runs). */
  kick(dir: FileDir): void {
    const d = this.h.dir(dir);
    if (d.phase !== 'idle' || !d.timer) {
      this.kicks.add(dir);
      return;
    }
    clearTimeout(d.timer);
    d.timer = setTimeout(() => {
      d.timer = null;
      this.h.startDir(dir);
    }, this.h.fileKickDelayMs ?? 500);
  }

  private received(id: string, rev: string): void {
    this.h.notePulled(id, rev);
    this.downloads = this.downloads.filter((f) => f.fileId !== id);
    this.pulled = new Set([...this.pulled, id]);
    this.h.emit();
  }

  /**
   * Waits (at most `fileYieldMs`, default 10 s) until the ordinary `way` is at rest, so documents
   * written or arriving meanwhile go before the next file.
   */
  private async yieldTo(way: 'push' | 'pull', halted: () => boolean): Promise<void> {
    const until = this.h.now() + (this.h.fileYieldMs ?? 10_000);
    const busy = () => {
      const p = this.h.dir(way).phase;
      return (p === 'active' || p === 'starting') && !halted() && !this.h.stopped();
    };
    while (busy() && this.h.now() < until) await new Promise((r) => setTimeout(r, 100));
  }
}
