/**
 * When and how the engine recounts unpushed changes of one database (the rule itself:
 * unpushed.ts). A scan reads the local changes since the push checkpoint, so it is throttled to
 * ≥ 4× its own duration, and ≥ 5 s while the push runs (a scan per second of 10k changes slowed a
 * 10k push 3.5× on the 2-core CI box). Concurrent requests share one run that repeats once more.
 *
 * In databases with a file replication (fileSync.ts) two counts are kept: ordinary documents
 * since the ordinary push checkpoint, and `file:` documents since the file push checkpoint (the
 * pending uploads, with their sizes).
 */
import { isFileId, localFileInfos, type FileInfo } from './fileSync';
import type { LocalDb } from './localDb';
import { countUnpushed } from './unpushed';

/** Options of {@link UnpushedCounter}. */
export interface UnpushedCounterOptions {
  readonly local: LocalDb;
  readonly remote: Pick<PouchDB.Database, 'revsDiff'>;
  /** Revisions received by pull in this session, by id. */
  readonly pulledRevs: ReadonlyMap<string, string>;
  /** The ordinary push checkpoint. */
  readonly pushSeq: () => number | string;
  /** The file push checkpoint; null when the database has no file replication. */
  readonly filePushSeq: (() => number | string) | null;
  /** A seed is writing (its documents are the server's): do not count. */
  readonly skip: () => boolean;
  /** The server may be asked (`_revs_diff`) for the ordinary / file count now. */
  readonly askServer: (files: boolean) => boolean;
  /** The ordinary push is running (count more rarely). */
  readonly pushing: () => boolean;
  /** A count changed. */
  readonly onChange: () => void;
}

/** The unpushed count of one database, recounted on demand and throttled. */
export class UnpushedCounter {
  /** Ordinary documents not yet on the server. */
  unpushed = 0;
  /** The ids of those documents (the screens mark them "waiting to upload"). */
  unpushedIds: readonly string[] = [];
  method: 'revs_diff' | 'since_checkpoint' = 'since_checkpoint';
  /** `file:` documents not yet on the server. */
  uploads: readonly FileInfo[] = [];
  /** `uploads` is complete up to this local sequence (null before the first file count). */
  settledSeq: number | string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastMs = 0;

  constructor(private readonly o: UnpushedCounterOptions) {}

  /**
   * Counts soon (no-op when a count is already scheduled). `urgent` (a new local file, rare) skips
   * the throttle and replaces a later scheduled count.
   */
  schedule(minDelay = 1000, urgent = false): void {
    if (this.timer && !urgent) return;
    this.cancel();
    const delay = urgent ? 0 : Math.max(minDelay, this.lastMs * 4, this.o.pushing() ? 5_000 : 0);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.countNow().catch(() => undefined);
    }, delay);
  }

  /** Cancels a scheduled count. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Counts now; concurrent calls share one run that repeats once more. */
  countNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.count();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async count(): Promise<void> {
    const started = Date.now();
    try {
      await this.countOnce();
    } finally {
      this.lastMs = Date.now() - started;
    }
  }

  private async countOnce(): Promise<void> {
    if (this.o.skip()) return;
    const split = this.o.filePushSeq !== null;
    const main = await countUnpushed({
      local: this.o.local,
      remote: this.o.remote,
      since: this.o.pushSeq(),
      pulledRevs: this.o.pulledRevs,
      askServer: this.o.askServer(false),
      ...(split ? { filter: (id: string) => !isFileId(id) } : {}),
    });
    let uploads = this.uploads;
    let settled = this.settledSeq;
    if (this.o.filePushSeq) {
      const files = await countUnpushed({
        local: this.o.local,
        remote: this.o.remote,
        since: this.o.filePushSeq(),
        pulledRevs: this.o.pulledRevs,
        askServer: this.o.askServer(true),
        filter: isFileId,
      });
      uploads = await localFileInfos(this.o.local, files.ids);
      settled = files.lastSeq;
    }
    const uploadsChanged =
      uploads.length !== this.uploads.length || uploads.some((f, i) => f.fileId !== this.uploads[i]?.fileId);
    const idsChanged =
      main.ids.length !== this.unpushedIds.length || main.ids.some((id, i) => id !== this.unpushedIds[i]);
    if (
      idsChanged ||
      main.count !== this.unpushed ||
      main.method !== this.method ||
      uploadsChanged ||
      settled !== this.settledSeq
    ) {
      this.unpushed = main.count;
      this.unpushedIds = main.ids;
      this.method = main.method;
      this.uploads = uploads;
      this.settledSeq = settled;
      this.o.onChange();
    }
  }
}
