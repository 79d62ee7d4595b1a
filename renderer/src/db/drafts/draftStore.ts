/**
 * Reading and writing a draft's content documents in a local replica (the only PouchDB code of
 * co-drafting). Reads take one id-range scan per type: snapshots with their bodies, update ids
 * without (the author and batch are in the id), then the bodies of the batches no usable snapshot
 * covers. Documents of authors the caller does not trust (not on the case's team) are left out
 * and reported, never applied.
 */
import * as buffer from 'lib0/buffer';
import * as Y from 'yjs';
import { draftDataRange, parseDraftDataId } from '../../../../core/schemas/draftData';
import type { LocalDb } from '../localDb';
import type { Repository } from '../repository';
import type { CutBatch } from './batchRecorder';
import { isCovered, unionCovers, type Covers } from './coverage';
import type { StoredBatch } from './draftState';
import { decodeJournal, encodeJournal, type JournalEntry } from './journal';

/** Whether a user's documents count for this draft (the case's team). */
export type Trust = (author: string) => boolean;

/** What {@link readDraft} found. */
export interface DraftRead {
  /** Snapshots to apply (trusted, not folded by another one), oldest first. */
  readonly snapshots: StoredBatch[];
  /** Batches no applied snapshot covers, by time of writing. */
  readonly updates: StoredBatch[];
  /** Documents of untrusted authors, not applied. */
  readonly ignored: string[];
  /** The replica's sequence before the read (follow the changes feed from here). */
  readonly since: number | string;
}

function str(doc: Record<string, unknown>, field: string): string {
  const v = doc[field];
  if (typeof v !== 'string') throw new Error(`${String(doc['_id'])}: ${field} is missing`);
  return v;
}

/** Decodes a stored `draftUpdate` or `draftSnapshot` document (null for anything else). */
export function batchOf(doc: Record<string, unknown>): StoredBatch | null {
  const id = typeof doc['_id'] === 'string' ? parseDraftDataId(doc['_id']) : null;
  if (!id || doc['_deleted'] === true) return null;
  const createdAt = typeof doc['createdAt'] === 'string' ? doc['createdAt'] : '';
  const knowledge = Y.decodeStateVector(buffer.fromBase64(str(doc, 'sv')));
  if (id.type === 'draftUpdate')
    return {
      id: str(doc, '_id'),
      kind: 'update',
      author: id.author,
      session: id.key,
      seq: id.seq,
      bytes: buffer.fromBase64(str(doc, 'update')),
      knowledge,
      createdAt,
    };
  if (id.type !== 'draftSnapshot') return null;
  const journal = typeof doc['journal'] === 'string' ? decodeJournal(buffer.fromBase64(doc['journal'])) : [];
  return {
    id: str(doc, '_id'),
    kind: 'snapshot',
    author: id.author,
    session: id.key,
    seq: 0,
    bytes: buffer.fromBase64(str(doc, 'state')),
    knowledge,
    createdAt,
    covers: (doc['covers'] ?? {}) as Covers,
    folds: Array.isArray(doc['folds']) ? (doc['folds'] as string[]) : [],
    journal,
  };
}

function byTime(a: StoredBatch, b: StoredBatch): number {
  return a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Reads what is needed to build a draft's document (see the module comment). */
export async function readDraft(db: LocalDb, draftId: string, trust: Trust): Promise<DraftRead> {
  const since = (await db.info()).update_seq;
  const ignored: string[] = [];
  const [s0, s1] = draftDataRange('draftSnapshot', draftId);
  const snapRows = await db.allDocs({ startkey: s0, endkey: s1, include_docs: true });
  const trusted: StoredBatch[] = [];
  for (const r of snapRows.rows) {
    const author = parseDraftDataId(r.id)?.author;
    if (!author || !r.doc) continue;
    if (!trust(author)) ignored.push(r.id);
    else {
      const b = batchOf(r.doc as Record<string, unknown>);
      if (b) trusted.push(b);
    }
  }
  const folded = new Set(trusted.flatMap((s) => s.folds ?? []));
  const snapshots = trusted.filter((s) => !folded.has(s.id)).sort(byTime);
  const covers = unionCovers(...snapshots.map((s) => s.covers ?? {}));
  const [u0, u1] = draftDataRange('draftUpdate', draftId);
  const wanted: string[] = [];
  for (const r of (await db.allDocs({ startkey: u0, endkey: u1 })).rows) {
    const id = parseDraftDataId(r.id);
    if (!id || isCovered(covers, id.key, id.seq)) continue;
    if (trust(id.author)) wanted.push(r.id);
    else ignored.push(r.id);
  }
  const updates: StoredBatch[] = [];
  if (wanted.length > 0) {
    const res = await db.allDocs({ keys: wanted, include_docs: true });
    for (const r of res.rows) {
      const doc = 'doc' in r ? (r.doc as Record<string, unknown> | null | undefined) : null;
      const b = doc ? batchOf(doc) : null;
      if (b) updates.push(b);
    }
  }
  return { snapshots, updates: updates.sort(byTime), ignored, since };
}

function isConflict(err: unknown): boolean {
  return (err as { status?: number } | null)?.status === 409;
}

/** Stores a batch; storing it again (a retry after an unclear failure) is not an error. */
export async function writeBatch(
  repo: Repository,
  draftId: string,
  user: string,
  cut: CutBatch,
): Promise<void> {
  try {
    await repo.create('draftUpdate', [draftId, cut.session, String(cut.seq).padStart(8, '0'), user], {
      draftId,
      update: buffer.toBase64(cut.bytes),
      sv: buffer.toBase64(cut.knowledge),
    });
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}

/** What a snapshot document holds. */
export interface SnapshotContent {
  readonly key: string;
  readonly state: Uint8Array;
  readonly sv: Uint8Array;
  readonly covers: Covers;
  readonly folds: readonly string[];
  readonly journal: readonly JournalEntry[];
}

/** Stores a snapshot; returns its id. */
export async function writeSnapshot(
  repo: Repository,
  draftId: string,
  user: string,
  s: SnapshotContent,
): Promise<string> {
  const journal = s.journal.length > 0 ? { journal: buffer.toBase64(encodeJournal(s.journal)) } : {};
  const doc = await repo.create('draftSnapshot', [draftId, s.key, user], {
    draftId,
    state: buffer.toBase64(s.state),
    sv: buffer.toBase64(s.sv),
    covers: s.covers,
    folds: [...s.folds],
    ...journal,
  });
  return doc._id;
}

/** Ids (with revisions) of a draft's live documents of one type. */
export async function listIds(
  db: LocalDb,
  type: 'draftUpdate' | 'draftSnapshot' | 'draftVersion',
  draftId: string,
): Promise<{ id: string; rev: string }[]> {
  const [a, b] = draftDataRange(type, draftId);
  const res = await db.allDocs({ startkey: a, endkey: b });
  return res.rows.map((r) => ({ id: r.id, rev: r.value.rev }));
}

/** Deletes documents (tombstones, one bulk write); returns how many were deleted. */
export async function removeDocs(db: LocalDb, docs: readonly { id: string; rev: string }[]): Promise<number> {
  if (docs.length === 0) return 0;
  const res = await db.bulkDocs(docs.map((d) => ({ _id: d.id, _rev: d.rev, _deleted: true })));
  return res.filter((r) => !('error' in r && r.error)).length;
}
