/**
 * Test-only writers of a draft's Yjs document without storage: each one a Y.Doc from a shared base
 * plus the real BatchRecorder, so the batches tests feed to DraftState are exactly what a session
 * stores (incremental updates, marker structs, the state vector known when each batch began).
 */
import * as Y from 'yjs';
import { BatchRecorder, type CutBatch } from '../../../renderer/src/db/drafts/batchRecorder';
import { FRAGMENT, REMOTE_ORIGIN, type StoredBatch } from '../../../renderer/src/db/drafts/draftState';

/** The draft all test batches belong to. */
export const TEST_DRAFT = 'draft:test';

let counter = 0;

/** A base document: one paragraph per line of `lines`, as y-tiptap lays paragraphs out. */
export function baseSnapshot(lines: readonly string[]): StoredBatch {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(FRAGMENT);
  fragment.insert(
    0,
    lines.map((line) => {
      const p = new Y.XmlElement('paragraph');
      const t = new Y.XmlText();
      t.insert(0, line);
      p.insert(0, [t]);
      return p;
    }),
  );
  const bytes = Y.encodeStateAsUpdate(doc);
  return {
    id: `draftSnapshot:${TEST_DRAFT}:${String(++counter).padStart(32, '0')}:base`,
    kind: 'snapshot',
    author: 'base',
    session: String(counter).padStart(32, '0'),
    seq: 0,
    bytes,
    knowledge: Y.decodeStateVector(Y.encodeStateVector(doc)),
    createdAt: '2026-03-01T08:00:00.000Z',
    covers: {},
    folds: [],
    journal: [],
  };
}

/** A cut batch as the session stores it (an update of `user`, written at `createdAt`). */
export function storedUpdate(cut: CutBatch, user: string, createdAt: string): StoredBatch {
  return {
    id: cut.id,
    kind: 'update',
    author: user,
    session: cut.session,
    seq: cut.seq,
    bytes: cut.bytes,
    knowledge: Y.decodeStateVector(cut.knowledge),
    createdAt,
  };
}

/** One person editing offline from a base. */
export class TestWriter {
  readonly doc = new Y.Doc();
  readonly recorder: BatchRecorder;
  readonly batches: StoredBatch[] = [];

  constructor(
    readonly user: string,
    base: readonly StoredBatch[],
  ) {
    for (const b of base) Y.applyUpdate(this.doc, b.bytes, REMOTE_ORIGIN);
    this.recorder = new BatchRecorder(this.doc, TEST_DRAFT, user);
  }

  /** The XmlText of paragraph `i`. */
  text(i = 0): Y.XmlText {
    const p = this.doc.getXmlFragment(FRAGMENT).get(i) as Y.XmlElement;
    return p.get(0) as Y.XmlText;
  }

  /** Replaces `[from, to)` of paragraph `i` with `insert`, as y-tiptap does (delete, then insert). */
  replace(from: number, to: number, insert: string, i = 0): this {
    const t = this.text(i);
    if (to > from) t.delete(from, to - from);
    if (insert.length > 0) t.insert(from, insert);
    return this;
  }

  /** Closes the current batch as a stored update. */
  save(): StoredBatch {
    const cut = this.recorder.cut();
    if (!cut) throw new Error('nothing to save');
    const b = storedUpdate(
      cut,
      this.user,
      new Date(Date.parse('2026-03-02T08:00:00.000Z') + this.batches.length * 1000).toISOString(),
    );
    this.batches.push(b);
    return b;
  }

  /** Integrates others' batches (sync), as a session does: cut, apply, note the new knowledge. */
  receive(batches: readonly StoredBatch[]): void {
    if (this.recorder.dirty) this.save();
    for (const b of batches) Y.applyUpdate(this.doc, b.bytes, REMOTE_ORIGIN);
    this.recorder.integrated();
  }

  /** Plain text of every paragraph. */
  plain(): string[] {
    return this.doc
      .getXmlFragment(FRAGMENT)
      .toArray()
      .map((p) => ((p as Y.XmlElement).get(0) as Y.XmlText).toString().replace(/<[^>]*>/g, ''));
  }
}
