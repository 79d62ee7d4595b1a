/**
 * The case catalog over the local `courtdesk_cases` replica (docs/product-rules.md §4.6: 100,000 cases).
 *
 * Start: from the local snapshot (catalogSnapshot.ts) when it is recent, else one read of the
 * replica that folds every case (catalogScan.ts). Then the local changes feed, from the sequence
 * the start is consistent with (nothing written meanwhile is missed), re-folds only the cases it
 * touches, in batches; a burst larger than ~30 % of the catalog (an initial sync that lands after
 * the build) is handled by one more full read instead. A date change re-evaluates deadlines from
 * the kept basis without reading documents. The index itself is caseIndex.ts.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { beijingDate } from '../../../../../core/domain/processEvents';
import type { PlainDate } from '../../../../../core/domain/plainDate';
import type { CaseFacts } from '../../../../../core/quality/caseFacts';
import type { LocalDb } from '../../../db/localDb';
import type { CaseCatalog, CatalogProgress } from './catalogTypes';
import { CaseIndex } from './caseIndex';
import { caseIdOf } from './caseIdOf';
import { scanReplica } from './catalogScan';

export { caseIdOf } from './caseIdOf';
import { readSnapshot, snapshotHead, writeSnapshot } from './catalogSnapshot';
import { summarizeCase, withDeadlineOn, type FoldedCase } from './summarize';

type Doc = Record<string, unknown> & { _id: string };

/** Options of {@link createCaseCatalog}. */
export interface CaseCatalogOptions {
  /** "Today" in the court's time zone (tests pin it). */
  readonly today?: () => PlainDate;
  /** Rows read per `allDocs` page. */
  readonly pageSize?: number;
  /** How often the date is checked, ms (0: never). */
  readonly dateCheckMs?: number;
  /** Delay that batches changes before re-folding, ms. */
  readonly batchMs?: number;
  /** Start from / keep a local snapshot (catalogSnapshot.ts); default true. */
  readonly snapshot?: boolean;
  /** Minimum interval between snapshot writes after changes, ms. */
  readonly snapshotEveryMs?: number;
  /**
   * Re-folded cases after which a snapshot is rewritten (a write of 100k summaries costs seconds;
   * replaying fewer changes at the next start is cheaper).
   */
  readonly snapshotAfterChanges?: number;
  /**
   * Pending changed cases above which (and above 30 % of the catalog) the replica is read again in
   * one pass instead of re-folding case by case (an initial sync arriving after the build).
   */
  readonly rescanAbove?: number;
}

/** A running catalog: the catalog once built, build progress, and a way to stop it. */
export interface CaseCatalogHandle {
  /** Resolves with the catalog when the first build is done. */
  readonly ready: Promise<CaseCatalog>;
  readonly progress$: Observable<CatalogProgress | null>;
  /** Milliseconds the first build took (set when ready). */
  buildMs: number | null;
  /** Where the first build came from. */
  source: 'documents' | 'snapshot' | null;
  /** Writes the snapshot now if it is behind (and waits for a write in progress). */
  saveSnapshot(): Promise<void>;
  /** Resolves when every change seen so far has been applied (tests, benchmarks). */
  settled(): Promise<void>;
  dispose(): void;
}

function defaultToday(): PlainDate {
  return beijingDate(new Date().toISOString());
}

/** Starts building the catalog of a local replica and keeps it current until disposed. */
export function createCaseCatalog(db: LocalDb, options: CaseCatalogOptions = {}): CaseCatalogHandle {
  const todayOf = options.today ?? defaultToday;
  const pageSize = options.pageSize ?? 2000;
  const index = new CaseIndex();
  const folded = new Map<string, FoldedCase>();
  const approvals = new Map<string, Map<string, Doc>>(); // caseId → approval id → doc
  const approvalCase = new Map<string, string>();
  const version$ = new BehaviorSubject(0);
  const progress$ = new BehaviorSubject<CatalogProgress | null>({ done: 0, total: 0 });
  let today = todayOf();
  let disposed = false;
  let feed: { cancel(): void } | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  const dirty = new Set<string>();
  let flushing: Promise<void> = Promise.resolve();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const useSnapshot = options.snapshot ?? true;
  let lastSeq: number | string = 0;
  let savedSeq: number | string | null = null;
  let savedAt = 0;
  let refoldsSinceSave = 0;
  let saving: Promise<void> = Promise.resolve();
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** A full re-read happened: the next save is due whatever the interval (kept until it runs). */
  let saveDue = false;

  const rememberApproval = (doc: Doc) => {
    const caseId = typeof doc['caseId'] === 'string' ? doc['caseId'] : approvalCase.get(doc._id);
    if (!caseId) return null;
    let m = approvals.get(caseId);
    if (!m) approvals.set(caseId, (m = new Map()));
    if (doc['_deleted'] === true) m.delete(doc._id);
    else {
      m.set(doc._id, doc);
      approvalCase.set(doc._id, caseId);
    }
    return caseId;
  };

  let factsCache: { version: number; list: readonly CaseFacts[] } | null = null;
  const catalog: CaseCatalog = {
    query: (q) => index.query(q),
    get: (id) => index.get(id),
    warningCounts: (staff) => index.warningCounts(staff),
    judges: () => index.judges(),
    findDuplicateParties: (parties, exclude) => index.findDuplicateParties(parties, exclude),
    facts: () => {
      if (factsCache?.version !== index.version)
        factsCache = { version: index.version, list: [...folded.values()].map((f) => f.facts) };
      return factsCache.list;
    },
    changes$: version$.asObservable(),
  };
  const bump = () => version$.next(index.version);

  async function build(): Promise<CaseCatalog> {
    const t0 = performance.now();
    const info = await db.info();
    if (useSnapshot && (await loadSnapshot(info.update_seq, info.doc_count))) {
      handle.buildMs = performance.now() - t0;
      handle.source = 'snapshot';
      return catalog;
    }
    const since = info.update_seq;
    const total = info.doc_count;
    progress$.next({ done: 0, total });
    const out = await scanReplica(db, {
      today,
      pageSize,
      rememberApproval,
      approvalsOf: (caseId) => [...(approvals.get(caseId)?.values() ?? [])],
      onProgress: (done) => progress$.next({ done, total: Math.max(total, done) }),
      cancelled: () => disposed,
    });
    for (const f of out) folded.set(f.summary.id, f);
    index.bulkLoad(out.map((f) => f.summary));
    handle.buildMs = performance.now() - t0;
    handle.source = 'documents';
    start(since);
    if (useSnapshot) void save(true);
    return catalog;
  }

  function start(since: number | string) {
    progress$.next(null);
    bump();
    lastSeq = since;
    follow(since);
    if ((options.dateCheckMs ?? 60_000) > 0) timer = setInterval(checkDate, options.dateCheckMs ?? 60_000);
  }

  /** Starts from the stored snapshot when it is recent enough; false: build from the documents. */
  async function loadSnapshot(seq: number | string, docCount: number): Promise<boolean> {
    try {
      const head = await snapshotHead(db);
      // Replaying more than a tenth of the replica one case at a time is slower than a build.
      if (!head || typeof head.seq !== 'number' || typeof seq !== 'number') return false;
      if (seq < head.seq || seq - head.seq > Math.max(2000, docCount / 10)) return false;
      const snap = await readSnapshot(db, (done, total) => progress$.next({ done, total }));
      if (!snap || disposed) return false;
      for (const f of snap.folded)
        folded.set(f.summary.id, snap.today === today ? f : { ...f, summary: withDeadlineOn(f, today) });
      const approvalRows = await db.allDocs({
        startkey: 'approval:',
        endkey: 'approval:\ufff0',
        include_docs: true,
      });
      for (const row of approvalRows.rows) if (row.doc) rememberApproval(row.doc as Doc);
      index.bulkLoad([...folded.values()].map((f) => f.summary));
      savedSeq = snap.seq;
      savedAt = Date.now();
      start(snap.seq);
      return true;
    } catch {
      folded.clear();
      return false;
    }
  }

  /**
   * Writes the snapshot when nothing is pending and it is behind: after a build or a full re-read
   * (`forced`, remembered until the write runs), otherwise after enough re-folds and the interval.
   */
  function save(forced: boolean): Promise<void> {
    saveDue ||= forced;
    saving = saving.then(async () => {
      if (disposed || dirty.size > 0 || flushTimer || lastSeq === savedSeq) return;
      const force = saveDue;
      const every = options.snapshotEveryMs ?? 300_000;
      if (!force && refoldsSinceSave < (options.snapshotAfterChanges ?? 1000)) return;
      if (!force && Date.now() - savedAt < every) {
        // Enough has changed, only too soon: try again when the interval is over, or a quiet
        // replica (the end of an initial sync) would keep an old snapshot until its next change.
        saveTimer ??= setTimeout(
          () => {
            saveTimer = null;
            void save(false);
          },
          every - (Date.now() - savedAt),
        );
        return;
      }
      const seq = lastSeq;
      savedAt = Date.now();
      refoldsSinceSave = 0;
      saveDue = false;
      try {
        await writeSnapshot(db, seq, today, [...folded.values()]);
        savedSeq = seq;
      } catch {
        // A full disk or a closed database: the next start simply builds from the documents.
      }
    });
    return saving;
  }

  function follow(since: number | string) {
    if (disposed) return;
    const changes = db.changes({ since, live: true, include_docs: true, return_docs: false });
    changes.on('change', (c) => {
      lastSeq = c.seq;
      const doc = c.doc as Doc | undefined;
      if (!doc) return;
      let caseId = caseIdOf(doc);
      if (doc['type'] === 'approval' || c.id.startsWith('approval:')) caseId = rememberApproval(doc);
      if (!caseId && c.id.startsWith('event:')) caseId = caseIdOf({ _id: c.id });
      if (!caseId) return;
      dirty.add(caseId);
      if (!flushTimer) flushTimer = setTimeout(scheduleFlush, options.batchMs ?? 50);
    });
    // A closed database (sign-out) ends the feed: the catalog goes quiet and stops its timer.
    changes.on('error', stopTimer);
    changes.on('complete', stopTimer);
    (db as unknown as { once?: (e: string, f: () => void) => void }).once?.('closed', stopTimer);
    feed = changes;
  }

  function stopTimer() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function scheduleFlush() {
    flushTimer = null;
    flushing = flushing.then(flush, flush);
  }

  async function refold(caseId: string): Promise<void> {
    const uuid = caseId.slice('case:'.length);
    const [heads, evs] = await Promise.all([
      db.allDocs({ keys: [caseId, `caseNumber:${uuid}`, `assignment:${uuid}`], include_docs: true }),
      db.allDocs({ startkey: `event:${caseId}:`, endkey: `event:${caseId}:\ufff0`, include_docs: true }),
    ]);
    const docOf = (i: number) => {
      const row = heads.rows[i] as { doc?: unknown } | undefined;
      return (row?.doc ?? null) as Doc | null;
    };
    const caseDoc = docOf(0);
    if (!caseDoc) {
      folded.delete(caseId);
      index.remove(caseId);
      return;
    }
    const f = summarizeCase(
      {
        caseDoc,
        caseNumberDoc: docOf(1),
        assignmentDoc: docOf(2),
        events: evs.rows.map((r) => r.doc),
        approvals: [...(approvals.get(caseId)?.values() ?? [])],
      },
      today,
    );
    folded.set(caseId, f);
    index.upsert(f.summary);
    refoldsSinceSave++;
  }

  /** Reads the whole replica again (many changes at once); the catalog stays usable meanwhile. */
  async function rescan(): Promise<void> {
    const out = await scanReplica(db, {
      today,
      pageSize,
      rememberApproval,
      approvalsOf: (caseId) => [...(approvals.get(caseId)?.values() ?? [])],
      cancelled: () => disposed,
    });
    const seen = new Set<string>();
    for (const f of out) {
      folded.set(f.summary.id, f);
      seen.add(f.summary.id);
    }
    for (const id of [...folded.keys()])
      if (!seen.has(id)) {
        folded.delete(id);
        index.remove(id);
      }
    index.bulkLoad(out.map((f) => f.summary));
  }

  async function flush(): Promise<void> {
    let rescanned = false;
    while (dirty.size > 0 && !disposed) {
      if (dirty.size > Math.max(options.rescanAbove ?? 2000, index.count * 0.3)) {
        dirty.clear(); // the scan reads the current state of every case
        try {
          await rescan();
          rescanned = true;
        } catch {
          if (disposed) return;
        }
        bump();
        continue;
      }
      const batch = [...dirty].slice(0, 200);
      for (const id of batch) dirty.delete(id);
      try {
        await Promise.all(batch.map(refold));
      } catch {
        if (disposed) return; // database closed under us
      }
      bump();
    }
    // A full read is a build: save as after one, or the first start after an initial sync (which
    // lands as such a burst) would build from the documents again.
    if (useSnapshot && dirty.size === 0) void save(rescanned);
  }

  function checkDate() {
    const now = todayOf();
    if (now === today) return;
    today = now;
    for (const [id, f] of folded) {
      if (!f.basis) continue;
      const s = withDeadlineOn(f, today);
      if (s !== f.summary) {
        const next = { ...f, summary: s };
        folded.set(id, next);
        index.upsert(s);
      }
    }
    bump();
  }

  const handle: CaseCatalogHandle = {
    ready: build(),
    progress$: progress$.asObservable(),
    buildMs: null,
    source: null,
    saveSnapshot: () => save(true),
    async settled() {
      for (let i = 0; i < 1000; i++) {
        if (flushTimer) {
          clearTimeout(flushTimer);
          scheduleFlush();
        }
        await flushing;
        if (dirty.size === 0 && !flushTimer) return;
      }
    },
    dispose() {
      disposed = true;
      feed?.cancel();
      stopTimer();
      if (flushTimer) clearTimeout(flushTimer);
      if (saveTimer) clearTimeout(saveTimer);
      version$.complete();
      progress$.complete();
    },
  };
  handle.ready.catch(() => undefined);
  return handle;
}
