/**
 * Named versions of a draft (初稿, 提交审核, 审核意见, 定稿, 签发): the whole Yjs state at that moment
 * in a `draftVersion` document of its own, never changed or deleted. Restoring one is a new change
 * made in the live document (the editor replaces its content), so history is never rewritten.
 */
import * as buffer from 'lib0/buffer';
import * as Y from 'yjs';
import { draftDataRange, type DraftMilestone } from '../../../../core/schemas/draftData';
import type { LocalDb } from '../localDb';
import { createRepository } from '../repository';
import { randomKey } from './batchRecorder';
import { FRAGMENT } from './draftState';

/** A version as listed (without its state). */
export interface DraftVersionInfo {
  readonly id: string;
  readonly milestone: DraftMilestone;
  readonly note: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly textLength: number;
}

/** What saving a version records besides the state. */
export interface NewVersion {
  readonly milestone: DraftMilestone;
  readonly note?: string;
  /** Open same-words spots now (定稿/签发 need 0: the schema and the server refuse more). */
  readonly openSpots: number;
  /** Places still to fill (【…】) now (定稿/签发 need 0: the schema and the server refuse more). */
  readonly openPlaceholders: number;
  readonly textLength: number;
}

/** Saves the document's current state as a named version; returns its id. */
export async function saveVersion(
  db: LocalDb,
  user: string,
  draftId: string,
  doc: Y.Doc,
  v: NewVersion,
  now = new Date(),
): Promise<string> {
  const repo = createRepository(db, { user, now: () => now });
  const note = v.note?.trim() ? { note: v.note.trim() } : {};
  const saved = await repo.create('draftVersion', [draftId, randomKey(), user], {
    draftId,
    milestone: v.milestone,
    state: buffer.toBase64(Y.encodeStateAsUpdate(doc)),
    openSpots: v.openSpots,
    openPlaceholders: v.openPlaceholders,
    textLength: v.textLength,
    ...note,
  });
  return saved._id;
}

/** The versions of a draft, oldest first. */
export async function listVersions(db: LocalDb, draftId: string): Promise<DraftVersionInfo[]> {
  const [a, b] = draftDataRange('draftVersion', draftId);
  const res = await db.allDocs({ startkey: a, endkey: b, include_docs: true });
  const out: DraftVersionInfo[] = [];
  for (const r of res.rows) {
    const d = r.doc as Record<string, unknown> | undefined;
    if (!d) continue;
    out.push({
      id: r.id,
      milestone: d['milestone'] as DraftMilestone,
      note: typeof d['note'] === 'string' ? d['note'] : '',
      createdBy: String(d['createdBy'] ?? ''),
      createdAt: String(d['createdAt'] ?? ''),
      textLength: typeof d['textLength'] === 'number' ? d['textLength'] : 0,
    });
  }
  return out.sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
}

/** A version's document (a fresh Y.Doc holding its state; read its `default` fragment). */
export async function versionDoc(
  db: LocalDb,
  versionId: string,
): Promise<{ doc: Y.Doc; fragment: Y.XmlFragment }> {
  const d = (await db.get(versionId)) as Record<string, unknown>;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, buffer.fromBase64(String(d['state'])));
  return { doc, fragment: doc.getXmlFragment(FRAGMENT) };
}
