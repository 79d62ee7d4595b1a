/**
 * Compaction: fold a draft's batches into a snapshot of one's own, and later delete one's own
 * batches and older snapshots that a snapshot of one's own *already on the server* covers.
 * Safe by construction:
 * - a snapshot is built from stored documents only (never from unsaved editor state) and lists
 *   exactly the batches it applied, so a batch it does not list — another replica's offline work,
 *   a batch that arrived out of order — is still applied by every reader;
 * - only one's own documents are deleted (the server lets nobody else), and only once a snapshot
 *   of one's own that covers them is confirmed on the server: a snapshot the server refused can
 *   never leave its batches deleted;
 * - two replicas compacting at once write two snapshots; readers apply every snapshot no other
 *   folds (Yjs applies shared content once), and the next compaction folds both;
 * - a load that finds a same-words spot not yet recorded skips compaction until an editing
 *   session has saved the spot, so a snapshot never hides a spot no replica recorded.
 */
import * as Y from 'yjs';
import { parseDraftDataId } from '../../../../core/schemas/draftData';
import type { LocalDb } from '../localDb';
import { createRepository } from '../repository';
import { randomKey } from './batchRecorder';
import { isCovered, unionCovers, type Covers } from './coverage';
import { loadDraft } from './draftLoad';
import { batchOf, listIds, removeDocs, writeSnapshot, type Trust } from './draftStore';

/** Which of `ids` the server has (live). Rejects when the server cannot be asked. */
export type ServerCheck = (ids: readonly string[]) => Promise<ReadonlySet<string>>;

/** Options of {@link compactDraft}. */
export interface CompactOptions {
  readonly db: LocalDb;
  readonly user: string;
  readonly draftId: string;
  readonly trust: Trust;
  /** Without it nothing is deleted (a snapshot is still written). */
  readonly serverHas?: ServerCheck;
  readonly now?: Date;
}

/** What a compaction did. */
export interface CompactResult {
  /** The snapshot written, or null. */
  readonly snapshotId: string | null;
  /** Own documents deleted. */
  readonly removed: number;
  /** Why no snapshot was written. */
  readonly skipped?: 'nothingToFold' | 'unrecordedSpots' | 'incomplete';
}

/** Writes a snapshot of the draft as stored, then deletes what confirmed own snapshots cover. */
export async function compactDraft(options: CompactOptions): Promise<CompactResult> {
  const { db, user, draftId, trust } = options;
  const now = options.now ?? new Date();
  const loaded = await loadDraft(db, draftId, trust, now);
  const { state } = loaded;
  const batches = [...state.applied].filter((id) => id.startsWith('draftUpdate:')).length;
  let skipped: CompactResult['skipped'];
  let snapshotId: string | null = null;
  if (loaded.newSpots.length > 0) skipped = 'unrecordedSpots';
  else if (state.doc.store.pendingStructs !== null || state.doc.store.pendingDs !== null)
    skipped = 'incomplete'; // a batch waits for one this replica lacks: fold when it arrived
  else if (batches === 0 && state.snapshots.size <= 1) skipped = 'nothingToFold';
  else {
    const repo = createRepository(db, { user, now: () => now });
    snapshotId = await writeSnapshot(repo, draftId, user, {
      key: randomKey(),
      state: Y.encodeStateAsUpdate(state.doc),
      sv: Y.encodeStateVector(state.doc),
      covers: state.covers,
      folds: [...state.snapshots],
      journal: state.journal,
    });
  }
  const removed = options.serverHas ? await reapOwn(db, user, draftId, options.serverHas) : 0;
  return { snapshotId, removed, ...(skipped ? { skipped } : {}) };
}

/**
 * Deletes one's own batches and snapshots that a snapshot of one's own, confirmed on the server,
 * covers or folds. Returns how many were deleted (0 when the server cannot be asked).
 */
export async function reapOwn(
  db: LocalDb,
  user: string,
  draftId: string,
  serverHas: ServerCheck,
): Promise<number> {
  const own = (ids: { id: string; rev: string }[]) =>
    ids.filter((x) => parseDraftDataId(x.id)?.author === user);
  const snapshots = own(await listIds(db, 'draftSnapshot', draftId));
  if (snapshots.length === 0) return 0;
  let confirmed: ReadonlySet<string>;
  try {
    confirmed = await serverHas(snapshots.map((s) => s.id));
  } catch {
    return 0; // offline: keep everything until the server can vouch for a snapshot
  }
  const docs = await db.allDocs({ keys: [...confirmed], include_docs: true });
  let covers: Covers = {};
  const folded = new Set<string>();
  for (const r of docs.rows) {
    const doc = 'doc' in r ? (r.doc as Record<string, unknown> | null | undefined) : null;
    const b = doc ? batchOf(doc) : null;
    if (!b) continue;
    covers = unionCovers(covers, b.covers ?? {});
    for (const f of b.folds ?? []) folded.add(f);
  }
  const updates = own(await listIds(db, 'draftUpdate', draftId)).filter((u) => {
    const id = parseDraftDataId(u.id);
    return id !== null && isCovered(covers, id.key, id.seq);
  });
  const oldSnapshots = snapshots.filter((s) => folded.has(s.id) && !confirmed.has(s.id));
  const alsoFolded = snapshots.filter((s) => folded.has(s.id) && confirmed.has(s.id));
  // A confirmed snapshot folded by another confirmed one is redundant too.
  return removeDocs(db, [...updates, ...oldSnapshots, ...alsoFolded]);
}
