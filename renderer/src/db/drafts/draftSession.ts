/**
 * An open draft: its Yjs document (the editor binds to `fragment`), autosaved in batches at most
 * `flushDelayMs` (≤ 1 s) after the first change of a batch — a killed app loses at most that — and
 * kept current with the batches of others as the replica receives them (same-words spots are
 * recorded as they are found and saved like edits). Compaction runs in the background once enough
 * batches pile up. Design: docs/documents.md "Co-drafting".
 */
import { BehaviorSubject, Subject } from 'rxjs';
import { parseDraftDataId } from '../../../../core/schemas/draftData';
import type { LocalDb } from '../localDb';
import { createRepository } from '../repository';
import { BatchRecorder, type CutBatch } from './batchRecorder';
import { compactDraft, type ServerCheck } from './compaction';
import { loadDraft } from './draftLoad';
import { REMOTE_ORIGIN, type DraftState, type StoredBatch } from './draftState';
import { batchOf, writeBatch, type Trust } from './draftStore';

/** Where autosave stands. */
export interface SaveStatus {
  readonly state: 'saved' | 'unsaved' | 'saving' | 'error';
  readonly savedAt: Date | null;
  readonly error: string | null;
}

/** Timers (injectable: tests hold a scheduled flush to simulate a kill between batches). */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of {@link openDraftSession}. */
export interface DraftSessionOptions {
  readonly db: LocalDb;
  readonly user: string;
  readonly draftId: string;
  /** Whose documents count (the case's team); others are ignored. */
  readonly trust: Trust;
  /** Autosave delay after the first unsaved change (default and maximum 1000 ms). */
  readonly flushDelayMs?: number;
  /** Compact once this many batches are not folded into a snapshot (default 400; 0: never). */
  readonly compactAfter?: number;
  /** Tells which documents the server has (compaction deletes only what a stored snapshot covers). */
  readonly serverHas?: ServerCheck;
  readonly scheduler?: Scheduler;
  readonly now?: () => Date;
}

const REAL_TIMERS: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** An open draft. */
export class DraftSession {
  readonly status$: BehaviorSubject<SaveStatus>;
  /** Fires after others' changes were integrated, with the ids of newly found spots. */
  readonly remote$ = new Subject<readonly string[]>();
  private readonly recorder: BatchRecorder;
  private readonly repo;
  private readonly scheduler: Scheduler;
  private readonly now: () => Date;
  private timer: unknown = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly unwritten: CutBatch[] = [];
  private incoming: StoredBatch[] = [];
  private feed: PouchDB.Core.Changes<Record<string, unknown>> | null = null;
  private readonly ignored = new Set<string>();
  private trust: Trust;
  private closed = false;
  private compacting = false;

  constructor(
    readonly state: DraftState,
    private readonly options: DraftSessionOptions,
    ignored: readonly string[],
    loadChanges: readonly Uint8Array[] = [],
  ) {
    this.scheduler = options.scheduler ?? REAL_TIMERS;
    this.now = options.now ?? (() => new Date());
    this.trust = options.trust;
    this.repo = createRepository(options.db, { user: options.user, now: this.now });
    for (const id of ignored) this.ignored.add(id);
    this.recorder = new BatchRecorder(state.doc, options.draftId, options.user);
    this.recorder.adopt(loadChanges);
    this.status$ = new BehaviorSubject<SaveStatus>({ state: 'saved', savedAt: null, error: null });
    state.doc.on('update', this.onLocal);
  }

  /** The draft's id. */
  get draftId(): string {
    return this.options.draftId;
  }

  /** The signed-in writer. */
  get user(): string {
    return this.options.user;
  }

  /** The Yjs document. */
  get doc() {
    return this.state.doc;
  }

  /** The XmlFragment the editor binds to. */
  get fragment() {
    return this.state.fragment;
  }

  /** Whether `author`'s documents count for this draft (the case team). */
  trusts(author: string): boolean {
    return this.trust(author);
  }

  /** Documents not applied because their author is not trusted. */
  get ignoredIds(): readonly string[] {
    return [...this.ignored];
  }

  private readonly onLocal = (_u: Uint8Array, origin: unknown) => {
    if (this.closed || origin === REMOTE_ORIGIN) return;
    if (this.status$.value.state !== 'saving') this.status$.next({ ...this.status$.value, state: 'unsaved' });
    if (this.timer === null) {
      const delay = Math.min(1000, Math.max(0, this.options.flushDelayMs ?? 1000));
      this.timer = this.scheduler.setTimeout(() => {
        this.timer = null;
        void this.flush().catch(() => undefined);
      }, delay);
    }
  };

  /** Cuts the pending batch and writes everything not yet written (in order). */
  flush(): Promise<void> {
    if (this.timer !== null) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = null;
    }
    const cut = this.recorder.cut();
    if (cut) {
      this.unwritten.push(cut);
      this.state.noteOwnBatch({ ...cut, author: this.options.user });
    }
    this.writing = this.writing.catch(() => undefined).then(() => this.writeAll());
    return this.writing;
  }

  private async writeAll(): Promise<void> {
    if (this.unwritten.length === 0) return;
    this.status$.next({ ...this.status$.value, state: 'saving' });
    try {
      while (this.unwritten.length > 0) {
        await writeBatch(this.repo, this.options.draftId, this.options.user, this.unwritten[0] as CutBatch);
        this.unwritten.shift();
      }
      const state = this.recorder.dirty ? 'unsaved' : 'saved';
      this.status$.next({ state, savedAt: this.now(), error: null });
      this.maybeCompact();
    } catch (err) {
      // Kept for the next flush (every later change schedules one); the editor shows the error.
      this.status$.next({
        ...this.status$.value,
        state: 'error',
        error: String((err as Error)?.message ?? err),
      });
      throw err;
    }
  }

  /** Starts following the replica for others' batches (from `since`, the sequence before loading). */
  follow(since: number | string): void {
    const prefixes = [`draftUpdate:${this.options.draftId}:`, `draftSnapshot:${this.options.draftId}:`];
    this.feed = this.options.db
      .changes({
        since,
        live: true,
        include_docs: true,
        filter: (doc: { _id: string }) => prefixes.some((p) => doc._id.startsWith(p)),
      })
      .on('change', (c) => this.onChange(c.doc as Record<string, unknown> | undefined))
      .on('error', (err) => console.error('draft feed failed', err));
  }

  private onChange(doc: Record<string, unknown> | undefined): void {
    if (!doc || this.closed || doc['_deleted'] === true) return;
    const id = String(doc['_id']);
    if (this.state.applied.has(id)) return;
    const parsed = parseDraftDataId(id);
    if (!parsed || (parsed.type === 'draftUpdate' && parsed.key === this.recorder.session)) return;
    if (!this.trust(parsed.author)) {
      this.ignored.add(id);
      return;
    }
    const batch = batchOf(doc);
    if (!batch) return;
    this.incoming.push(batch);
    queueMicrotask(() => this.integrate());
  }

  private integrate(): void {
    if (this.incoming.length === 0 || this.closed) return;
    const batches = this.incoming.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.incoming = [];
    if (this.recorder.dirty) void this.flush().catch(() => undefined); // cut before integrating
    const spots = this.state.apply(batches, this.now());
    this.recorder.integrated();
    this.remote$.next(spots);
  }

  /** Changes whose documents count (the team changed); documents ignored before are read again. */
  async setTrust(trust: Trust): Promise<void> {
    this.trust = trust;
    const now = [...this.ignored].filter((id) => trust(parseDraftDataId(id)?.author ?? ''));
    if (now.length === 0) return;
    const res = await this.options.db.allDocs({ keys: now, include_docs: true });
    for (const r of res.rows) {
      const doc = 'doc' in r ? (r.doc as Record<string, unknown> | null | undefined) : null;
      if (doc) {
        this.ignored.delete(String(doc['_id']));
        this.onChange(doc);
      }
    }
  }

  private maybeCompact(): void {
    const after = this.options.compactAfter ?? 400;
    const batches = [...this.state.applied].filter((id) => id.startsWith('draftUpdate:')).length;
    if (after <= 0 || this.compacting || batches < after) return;
    this.compacting = true;
    void compactDraft({ ...this.options, now: this.now() })
      .catch((err: unknown) => console.error('draft compaction failed', err))
      .finally(() => {
        this.compacting = false;
      });
  }

  /** Saves what is pending and stops (the document stays usable for reading). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush().catch(() => undefined);
    this.closed = true;
    this.feed?.cancel();
    this.state.doc.off('update', this.onLocal);
    this.recorder.destroy();
    this.remote$.complete();
  }
}

/** Loads a draft from the replica and opens it for editing. */
export async function openDraftSession(options: DraftSessionOptions): Promise<DraftSession> {
  const loaded = await loadDraft(options.db, options.draftId, options.trust, options.now?.() ?? new Date());
  const session = new DraftSession(loaded.state, options, loaded.ignored, loaded.localUpdates);
  session.follow(loaded.since);
  // Spots found while loading are saved at once, like edits.
  if (loaded.localUpdates.length > 0) void session.flush().catch(() => undefined);
  return session;
}
