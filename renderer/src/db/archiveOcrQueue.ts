/**
 * Background OCR of archive volumes without text (docs/archives.md "Background OCR"): on a
 * workstation where archive staff turned it on, volumes whose `archiveText` is missing are read
 * one page at a time, at low priority (the caller's `waitIdle` before every page), pausable, and
 * resumable after a restart from the last checkpoint stored in the text document itself.
 *
 * The text's id is derived from the volume (`archiveText:archiveVolume:…`), and the document is
 * created as a claim before the first page (`ocr.state: 'running'`, the workstation), so a second
 * workstation that has synced skips the volume. Two workstations that claimed the same volume
 * before either synced end up with two leaves of that one document; the winning leaf (the same on
 * every replica) keeps going and the other workstation stops at its next checkpoint and deletes
 * its own leaf (a conflict-resolution tombstone, allowed to its author): one stored result. A
 * finished losing leaf is not wasted: the winner adopts its pages instead of reading them again.
 */
import { archiveTextId } from '../../../core/archives/ids';
import { cleanOcrText } from '../../../core/archives/catalogueSuggest';
import { MAX_PAGE_TEXT } from '../../../core/schemas/archive';
import { OCR_ENGINE } from './archiveHooks';
import { conflictTombstone } from './conflicts';
import type { LocalDb } from './localDb';
import { createRepository } from './repository';

/** A scan opened for page-by-page reading (pdf.js + tesseract.js in the app). */
export interface ScanPages {
  readonly pageCount: number;
  /** The OCR text of page `n` (from 1). */
  read(n: number): Promise<string>;
  close(): Promise<void>;
}

/** The queue's view of the signed-in workstation and what it may do. */
export interface OcrQueueDeps {
  readonly db: LocalDb;
  readonly user: string;
  readonly isAdmin: boolean;
  /** This computer's queue id (kept in its local settings). */
  readonly workstation: string;
  /** The scan bytes of a volume (fetched on demand when this computer lacks them). */
  fetchScan(fileId: string): Promise<Blob>;
  openScan(scan: Blob): Promise<ScanPages>;
  /** True when the queue must stop now (paused, turned off, signed out). */
  shouldStop(): boolean;
  /** Resolves when the computer is idle enough for the next page. */
  waitIdle(): Promise<void>;
  onProgress?(progress: OcrQueueProgress): void;
  now?(): Date;
  /** Pages between checkpoints (default 10). */
  readonly checkpointEvery?: number;
  /** A claim not updated for this long may be taken over by its author or an admin (default 30 min). */
  readonly leaseMs?: number;
}

/** What the queue is doing, for the screen. */
export interface OcrQueueProgress {
  readonly volumeId: string | null;
  readonly caseNumber: string;
  readonly page: number;
  readonly pageCount: number;
  /** Volumes still without finished text (including the current one). */
  readonly remaining: number;
  /** Volumes finished in this run. */
  readonly finished: number;
}

/** How a run ended. */
export interface OcrQueueResult {
  readonly finished: readonly string[];
  readonly stopped: boolean;
}

type Doc = Record<string, unknown> & { _id: string; _rev?: string };
interface OcrClaim {
  readonly state: 'running' | 'done';
  readonly workstation: string;
  readonly pageCount: number;
  readonly updatedAt: string;
}

const TEXT_PREFIX = 'archiveText:archiveVolume:';

function claimOf(doc: Doc | undefined): OcrClaim | null {
  const ocr = doc?.['ocr'];
  return ocr && typeof ocr === 'object' ? (ocr as OcrClaim) : null;
}

function pagesOf(doc: Doc): string[] {
  return Array.isArray(doc['pages']) ? (doc['pages'] as string[]) : [];
}

async function idsByPrefix(db: LocalDb, prefix: string): Promise<string[]> {
  const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0` });
  return res.rows.map((r) => r.id);
}

/**
 * What the queue remembers on this computer (`_local/`, never replicated): its own running claims
 * (resumed first), other workstations' running claims it has seen (taken over when stale), texts
 * in conflict to settle, and how far it has followed the changes feed — so choosing the next
 * volume reads ids only, never the texts' pages, on an archive of tens of thousands of volumes.
 */
interface QueueMemory {
  _id: string;
  _rev?: string;
  seq: number | string;
  mine: string[];
  others: Record<string, { updatedAt: string; author: string; workstation: string }>;
  conflicted: string[];
}

const MEMORY_ID = '_local/archiveOcrQueueMemory';

async function readMemory(db: LocalDb): Promise<QueueMemory> {
  try {
    return (await db.get(MEMORY_ID)) as unknown as QueueMemory;
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
    return { _id: MEMORY_ID, seq: 0, mine: [], others: {}, conflicted: [] };
  }
}

async function saveMemory(
  db: LocalDb,
  memory: QueueMemory,
  change: Partial<QueueMemory>,
): Promise<QueueMemory> {
  const next = { ...memory, ...change };
  const res = await db.put(next as unknown as Record<string, unknown> & { _id: string });
  return { ...next, _rev: res.rev };
}

/** Follows the changes feed since the last look: notes running claims and conflicts of OCR texts. */
async function followTexts(deps: OcrQueueDeps): Promise<QueueMemory> {
  let memory = await readMemory(deps.db);
  const others = { ...memory.others };
  const conflicted = new Set(memory.conflicted);
  const mine = new Set(memory.mine);
  let since = memory.seq;
  for (;;) {
    const res = await deps.db.changes({ since, limit: 200, include_docs: true, conflicts: true });
    for (const row of res.results) {
      if (!row.id.startsWith(TEXT_PREFIX)) continue;
      const doc = row.doc as unknown as Doc | undefined;
      const claim = row.deleted ? null : claimOf(doc);
      if (((doc?.['_conflicts'] as string[] | undefined) ?? []).length > 0) conflicted.add(row.id);
      if (claim?.state === 'running' && claim.workstation !== deps.workstation)
        others[row.id] = {
          updatedAt: claim.updatedAt,
          author: String(doc?.['createdBy']),
          workstation: claim.workstation,
        };
      else delete others[row.id];
      if (claim?.state === 'running' && claim.workstation === deps.workstation) mine.add(row.id);
      else mine.delete(row.id);
    }
    since = res.last_seq;
    if (res.results.length < 200) break;
  }
  memory = await saveMemory(deps.db, memory, {
    seq: since,
    others,
    conflicted: [...conflicted],
    mine: [...mine],
  });
  return memory;
}

/** A volume waiting for OCR. */
export interface OcrCandidate {
  readonly volumeId: string;
}

/**
 * Volumes this workstation should read, its own unfinished claims first: no text yet, or a
 * running claim of its own, or a stale claim its user may take over (the claim's author or an
 * admin). Reads ids and the queue's own memory, not the documents.
 */
export async function pendingVolumes(deps: OcrQueueDeps): Promise<OcrCandidate[]> {
  const memory = await followTexts(deps);
  const texts = new Set(await idsByPrefix(deps.db, TEXT_PREFIX));
  const volumes = await idsByPrefix(deps.db, 'archiveVolume:');
  const mine = memory.mine.map((t) => ({ volumeId: t.slice('archiveText:'.length) }));
  const fresh = volumes.filter((v) => !texts.has(archiveTextId(v))).map((volumeId) => ({ volumeId }));
  const stale = Object.entries(memory.others)
    .filter(([, c]) => mayHold(deps, { state: 'running', pageCount: 1, ...c }, c.author))
    .map(([t]) => ({ volumeId: t.slice('archiveText:'.length) }));
  return [...mine, ...fresh, ...stale];
}

/** The claim was won by another workstation's leaf: this one is deleted, work stops. */
class LostClaim extends Error {}

/** Whether this workstation may go on with a text claimed as `claim` (created by `author`). */
function mayHold(deps: OcrQueueDeps, claim: OcrClaim | null, author: unknown): boolean {
  if (!claim) return false;
  if (claim.workstation === deps.workstation) return true;
  const now = (deps.now ?? (() => new Date()))().getTime();
  const stale = now - Date.parse(claim.updatedAt) > (deps.leaseMs ?? 30 * 60_000);
  return claim.state === 'running' && stale && (author === deps.user || deps.isAdmin);
}

/**
 * Settles this workstation's side of duplicate claims: deletes its own losing leaves (marked as a
 * conflict resolution) and, where its leaf won but is unfinished while a losing leaf is finished,
 * takes that leaf's pages. Returns the ids it changed.
 */
export async function settleOcrConflicts(deps: OcrQueueDeps, ids?: readonly string[]): Promise<string[]> {
  const repo = createRepository(deps.db, { user: deps.user, ...(deps.now ? { now: deps.now } : {}) });
  const memory = ids ? null : await followTexts(deps);
  const changed: string[] = [];
  for (const id of ids ?? memory?.conflicted ?? []) {
    const winner = (await deps.db.get(id, { conflicts: true }).catch(() => null)) as Doc | null;
    if (!winner) continue; // deleted since
    const conflicts = (winner['_conflicts'] as string[] | undefined) ?? [];
    if (conflicts.length === 0) continue;
    const leaves = await Promise.all(
      conflicts.map(async (rev) => (await deps.db.get(winner._id, { rev })) as Doc),
    );
    const mineLost = leaves.filter((l) => claimOf(l)?.workstation === deps.workstation);
    if (mineLost.length > 0)
      await deps.db.bulkDocs(mineLost.map((l) => conflictTombstone(l._id, l._rev ?? '', winner._rev ?? '')));
    const won = claimOf(winner);
    const doneElsewhere = leaves.find((l) => claimOf(l)?.state === 'done');
    if (won?.workstation === deps.workstation && won.state === 'running' && doneElsewhere)
      await repo.update(winner._id, (d) => ({
        ...d,
        pages: pagesOf(doneElsewhere),
        ocr: {
          ...won,
          state: 'done',
          pageCount: claimOf(doneElsewhere)?.pageCount ?? won.pageCount,
          updatedAt: new Date().toISOString(),
        },
      }));
    if (mineLost.length > 0 || doneElsewhere) changed.push(winner._id);
  }
  if (memory) await saveMemory(deps.db, await readMemory(deps.db), { conflicted: [] });
  return changed;
}

/** Reads one volume page by page from where its text stops; true when it finished. */
async function readVolume(
  deps: OcrQueueDeps,
  candidate: OcrCandidate,
  report: (page: number, pageCount: number, caseNumber: string) => void,
): Promise<boolean> {
  const repo = createRepository(deps.db, { user: deps.user, ...(deps.now ? { now: deps.now } : {}) });
  const id = archiveTextId(candidate.volumeId);
  const stamp = () => (deps.now ?? (() => new Date()))().toISOString();
  const volume = (await deps.db.get(candidate.volumeId).catch(() => null)) as Doc | null;
  if (!volume || typeof volume['fileId'] !== 'string') throw new LostClaim();
  const caseNumber = typeof volume['caseNumber'] === 'string' ? volume['caseNumber'] : '';
  const title = typeof volume['title'] === 'string' ? volume['title'] : '';
  const scan = await deps.openScan(await deps.fetchScan(volume['fileId']));
  try {
    const claim = { state: 'running', workstation: deps.workstation, pageCount: scan.pageCount };
    let pages: string[];
    try {
      const created = await repo.create('archiveText', [id.slice('archiveText:'.length)], {
        ownerId: candidate.volumeId,
        pages: [],
        engine: OCR_ENGINE,
        ...(caseNumber ? { caseNumber } : {}),
        ...(title ? { title } : {}),
        ocr: { ...claim, updatedAt: stamp() },
      });
      pages = pagesOf(created);
    } catch (err) {
      if ((err as { status?: number }).status !== 409) throw err;
      // Our own claim (resume) or a stale one we may take over; anything else is another's.
      const existing = (await deps.db.get(id)) as Doc;
      if (!mayHold(deps, claimOf(existing), existing['createdBy'])) throw new LostClaim();
      pages = pagesOf(existing).slice(0, scan.pageCount);
    }
    const checkpoint = async (state: 'running' | 'done') => {
      await repo.update(id, (d) => {
        if (!mayHold(deps, claimOf(d as Doc), d.createdBy)) throw new LostClaim();
        return { ...d, pages: [...pages], ocr: { ...claim, state, updatedAt: stamp() } };
      });
      const conflicts = ((await deps.db.get(id, { conflicts: true })) as Doc)['_conflicts'];
      if (Array.isArray(conflicts) && conflicts.length > 0) {
        await settleOcrConflicts(deps, [id]);
        if (claimOf((await deps.db.get(id)) as Doc)?.workstation !== deps.workstation) throw new LostClaim();
      }
    };
    const every = deps.checkpointEvery ?? 10;
    let sinceCheckpoint = 0;
    while (pages.length < scan.pageCount) {
      if (deps.shouldStop()) {
        if (sinceCheckpoint > 0) await checkpoint('running');
        return false;
      }
      await deps.waitIdle();
      report(pages.length + 1, scan.pageCount, caseNumber);
      pages.push(cleanOcrText(await scan.read(pages.length + 1)).slice(0, MAX_PAGE_TEXT));
      sinceCheckpoint += 1;
      if (sinceCheckpoint >= every && pages.length < scan.pageCount) {
        await checkpoint('running');
        sinceCheckpoint = 0;
      }
    }
    await checkpoint('done');
    return true;
  } finally {
    await scan.close();
  }
}

/**
 * Runs the queue until no volume is left or `shouldStop()`: settles duplicate claims, then reads
 * the pending volumes one after the other. A volume another workstation holds is skipped.
 */
export async function runOcrQueue(deps: OcrQueueDeps): Promise<OcrQueueResult> {
  await settleOcrConflicts(deps);
  const finished: string[] = [];
  const skipped = new Set<string>();
  for (;;) {
    if (deps.shouldStop()) return { finished, stopped: true };
    const pending = (await pendingVolumes(deps)).filter((c) => !skipped.has(c.volumeId));
    const next = pending[0];
    if (!next) return { finished, stopped: false };
    const report = (page: number, pageCount: number, caseNumber: string) =>
      deps.onProgress?.({
        volumeId: next.volumeId,
        caseNumber,
        page,
        pageCount,
        remaining: pending.length,
        finished: finished.length,
      });
    try {
      if (await readVolume(deps, next, report)) finished.push(next.volumeId);
      else return { finished, stopped: true };
    } catch (err) {
      if (!(err instanceof LostClaim)) throw err;
      skipped.add(next.volumeId);
    }
  }
}
