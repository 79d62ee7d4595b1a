/**
 * A local-only snapshot of the case catalog (`_local/` documents: never replicated), so a restart
 * loads the folded summaries instead of reading and folding every document again. Measured at
 * 100k cases in Chromium (tests/bench/results/cases.json): the full build reads ~375k documents;
 * the snapshot is ~20 chunk documents. The snapshot records the replica sequence it is consistent
 * with; the catalog replays the changes feed from there.
 */
import type { LocalDb } from '../../../db/localDb';
import type { FoldedCase } from './summarize';

/** Bump when the summary, basis or facts shape changes: older snapshots are then ignored (2: facts). */
export const SNAPSHOT_FORMAT = 2;
/** Id of the snapshot's head document (its chunks are `<id>_<n>`); a replica without it builds from the documents. */
export const SNAPSHOT_HEAD_ID = '_local/courtdesk_caseCatalog';
const HEAD = SNAPSHOT_HEAD_ID;
const CHUNK = 5000;

interface Head {
  readonly format: number;
  readonly seq: number | string;
  readonly today: string;
  readonly chunks: number;
  readonly count: number;
}

/** A snapshot as read back. */
export interface CatalogSnapshot {
  readonly seq: number | string;
  readonly today: string;
  readonly folded: FoldedCase[];
}

async function getLocal(db: LocalDb, id: string): Promise<Record<string, unknown> | null> {
  try {
    return (await db.get(id)) as Record<string, unknown>;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

async function putLocal(db: LocalDb, id: string, body: Record<string, unknown>): Promise<void> {
  const old = await getLocal(db, id);
  await db.put({
    ...body,
    _id: id,
    ...(old && typeof old['_rev'] === 'string' ? { _rev: old['_rev'] } : {}),
  });
}

/** The head of the stored snapshot (cheap), or null when there is none of this format. */
export async function snapshotHead(db: LocalDb): Promise<Head | null> {
  const head = await getLocal(db, HEAD);
  if (!head || head['format'] !== SNAPSHOT_FORMAT) return null;
  return head as unknown as Head;
}

/** Reads the stored snapshot; null when there is none, of another format, or incomplete. */
export async function readSnapshot(
  db: LocalDb,
  onChunk?: (done: number, total: number) => void,
): Promise<CatalogSnapshot | null> {
  const head = await snapshotHead(db);
  if (!head) return null;
  const folded: FoldedCase[] = [];
  for (let i = 0; i < head.chunks; i++) {
    const chunk = await getLocal(db, `${HEAD}_${i}`);
    if (!chunk || chunk['seq'] !== head.seq || !Array.isArray(chunk['rows'])) return null;
    folded.push(...(chunk['rows'] as FoldedCase[]));
    onChunk?.(folded.length, head.count);
  }
  if (folded.length !== head.count) return null;
  return { seq: head.seq, today: head.today, folded };
}

/** Stores a snapshot consistent with replica sequence `seq`. The head goes last (atomic enough). */
export async function writeSnapshot(
  db: LocalDb,
  seq: number | string,
  today: string,
  folded: readonly FoldedCase[],
): Promise<void> {
  const chunks = Math.ceil(folded.length / CHUNK);
  for (let i = 0; i < chunks; i++)
    await putLocal(db, `${HEAD}_${i}`, { seq, rows: folded.slice(i * CHUNK, (i + 1) * CHUNK) });
  const head: Head = { format: SNAPSHOT_FORMAT, seq, today, chunks, count: folded.length };
  await putLocal(db, HEAD, { ...head });
}
