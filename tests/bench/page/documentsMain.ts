/**
 * The court-document editor alone in a page, for the IME composition tests (tests/e2e/editorIme)
 * and the keystroke-latency bench (tests/bench/documents.ts): `window.docPage` mounts the app's
 * own editor (editorExtensions.ts: schema, Yjs collaboration, full-width punctuation, numbering,
 * checker underlines) over a Yjs document built from many small edits, or — the baseline — the
 * same text in a TipTap editor with the schema only (no Yjs, no decorations); and merges two
 * offline copies through the app's DraftState.
 */
import { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import {
  COURT_EDITOR_ATTRIBUTES,
  COURT_EDITOR_FRAME_CLASS,
  courtEditorExtensions,
} from '../../../renderer/src/features/documents/editor/editorExtensions';
import { courtDocumentExtensions } from '../../../renderer/src/features/documents/schema/courtDocument';
import '../../../renderer/src/features/documents/editor/documents.css';
import { DraftState, FRAGMENT, type StoredBatch } from '../../../renderer/src/db/drafts/draftState';
import { mulberry32 } from '../../../sync-server/src/setup/demoRandom';
import { appendParagraph, editParagraph, paragraphs } from '../../support/drafts/fragmentEdits';
import { baseSnapshot, TestWriter } from '../../support/drafts/writers';

/** How a page editor is built. */
export interface MountOptions {
  /** Paragraph texts to start from. */
  readonly paragraphs: readonly string[];
  /** Split each paragraph into this many insertions (one Yjs transaction each). */
  readonly editsPerParagraph?: number;
  /** The app's editor over Yjs (`ours`) or the baseline: the schema only, opened from HTML. */
  readonly kind: 'ours' | 'baseline';
  /** Give every n-th paragraph automatic numbering (「一、」), as judgments have. */
  readonly numberEvery?: number;
  /**
   * `ours` only: open from the stored updates (default) or from one snapshot that folds them
   * (`Y.encodeStateAsUpdate` of the same history, as compaction writes it).
   */
  readonly from?: 'updates' | 'snapshot';
}

/**
 * Per keystroke, ms from its `beforeinput`: until its task is done, until the next frame starts
 * (its animation-frame callbacks run), and until that frame has been rendered (style, layout, paint).
 */
export interface Latencies {
  readonly handled: number[];
  readonly frameStart: number[];
  readonly frame: number[];
}

/** What Node calls in the page. */
export interface DocPageApi {
  /** Mounts an editor; `ms` is the open time (updates applied or HTML parsed, editor created, laid out). */
  mount(opts: MountOptions): { ms: number; chars: number; updates: number; stateBytes: number };
  /** Puts the caret in paragraph `p` (0-based) after `offset` characters; resolves once focused (TipTap focuses in a frame). */
  caret(p: number, offset: number): Promise<void>;
  /** The editor's paragraphs (text only). */
  editorParagraphs(): string[];
  /** The Yjs fragment's paragraphs (what is saved). */
  savedParagraphs(): string[];
  /** Another writer's edit of paragraph `p`, merged in as a synced batch would be. */
  remoteEdit(p: number, offset: number, text: string): void;
  /** The editor's text as the page shows it (an IME's uncommitted text included). */
  domText(): string;
  /** Starts recording input-to-next-frame latencies of `beforeinput` events. */
  startLatency(): void;
  /** Stops and returns the latencies in ms. */
  stopLatency(): Latencies;
  /** Resolves after the next frame has been painted (the page is idle again). */
  settle(): Promise<void>;
  /**
   * Two writers edit copies of `paragraphs` offline, `edits` random edits each (a batch saved every
   * 10, as autosave would); then one copy receives the other's batches: `ours` through the app's
   * DraftState (same-words detection and spot recording included), the baseline by bare
   * `Y.applyUpdate`. `ms` times only that merge.
   */
  mergeOffline(
    kind: 'ours' | 'baseline',
    paragraphs: readonly string[],
    edits: number,
    seed: number,
  ): { ms: number; chars: number; batches: number; spots: number };
}

declare global {
  interface Window {
    docPage: DocPageApi;
  }
}

let editor: Editor | null = null;
let ydoc: Y.Doc | null = null;
let latencies: Latencies | null = null;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The same paragraphs as plain HTML (the baseline opens this). */
function html(texts: readonly string[]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return texts.map((t) => `<p>${esc(t)}</p>`).join('');
}

document.addEventListener(
  'beforeinput',
  () => {
    if (!latencies) return;
    const t0 = performance.now();
    const out = latencies;
    setTimeout(() => out.handled.push(performance.now() - t0), 0);
    requestAnimationFrame(() => {
      out.frameStart.push(performance.now() - t0);
      setTimeout(() => out.frame.push(performance.now() - t0), 0);
    });
  },
  true,
);

const OPENED_AT = new Date('2026-03-03T08:00:00.000Z');

/** One stored batch of the bench's single writing session (what draftStore.ts decodes). */
function storedBatch(kind: StoredBatch['kind'], seq: number, bytes: Uint8Array): StoredBatch {
  return {
    id: `draftUpdate:bench:${kind}:${seq}`,
    kind,
    author: 'judge.li',
    session: kind === 'snapshot' ? 'snapshot' : 'bench-session',
    seq,
    bytes,
    knowledge: new Map(),
    createdAt: OPENED_AT.toISOString(),
  };
}

window.docPage = {
  mount(opts) {
    editor?.destroy();
    ydoc?.destroy();
    ydoc = null;
    const element = document.getElementById('editor') as HTMLElement;
    element.innerHTML = '';
    // Both editors on the app's A4-like page (documents.css): its width, 仿宋 16 pt, 29 pt lines.
    element.className = COURT_EDITOR_FRAME_CLASS;
    const editorProps = { attributes: { ...COURT_EDITOR_ATTRIBUTES } };
    const numberEvery = opts.numberEvery ?? 0;
    let t0 = 0;
    let updates = 0;
    if (opts.kind === 'ours') {
      // The draft's history as the session stores it: every edit one Yjs update (not timed) …
      const history = new Y.Doc();
      const written = history.getXmlFragment(FRAGMENT);
      const stored: Uint8Array[] = [];
      history.on('update', (u: Uint8Array) => stored.push(u));
      const per = Math.max(1, opts.editsPerParagraph ?? 1);
      opts.paragraphs.forEach((text, i) => {
        history.transact(() => {
          appendParagraph(written, '');
          if (numberEvery > 0 && i % numberEvery === 0)
            (written.get(i) as Y.XmlElement).setAttribute('numbering', 'chinese');
        });
        const step = Math.ceil(text.length / per);
        for (let at = 0; at < text.length; at += step)
          history.transact(() => editParagraph(written, i, at, at, text.slice(at, at + step)));
      });
      const snapshot = opts.from === 'snapshot' ? Y.encodeStateAsUpdate(history) : null;
      history.destroy();
      updates = stored.length;
      // As stored: one writing session's batches, each one update, in order (the snapshot: one document).
      const batches: StoredBatch[] =
        snapshot !== null
          ? [storedBatch('snapshot', 0, snapshot)]
          : stored.map((bytes, i) => storedBatch('update', i + 1, bytes));
      // … then opened as the app opens a draft (draftLoad.ts): DraftState applies them to a fresh
      // document (same-words detection included), and the editor is bound to it.
      t0 = performance.now();
      const state = new DraftState();
      state.apply(batches, OPENED_AT);
      ydoc = state.doc;
      editor = new Editor({
        element,
        editorProps,
        extensions: courtEditorExtensions(state.fragment),
      });
    } else {
      t0 = performance.now();
      editor = new Editor({
        element,
        editorProps,
        extensions: courtDocumentExtensions,
        content: html(opts.paragraphs),
      });
    }
    // Opened means laid out and painted once.
    void element.getBoundingClientRect();
    const ms = performance.now() - t0;
    return {
      ms,
      chars: editor.state.doc.textContent.length,
      updates,
      stateBytes: ydoc ? Y.encodeStateAsUpdate(ydoc).byteLength : 0,
    };
  },
  caret(p, offset) {
    const e = editor as Editor;
    let pos = 0;
    e.state.doc.forEach((node, start, index) => {
      if (index === p) pos = start + 1 + Math.min(offset, node.content.size);
    });
    e.chain().focus().setTextSelection(pos).run();
    return nextFrame().then(() => {
      if (!e.view.hasFocus()) throw new Error('the editor did not take the focus');
    });
  },
  editorParagraphs() {
    const out: string[] = [];
    editor?.state.doc.forEach((n) => out.push(n.textContent));
    return out;
  },
  savedParagraphs() {
    return ydoc ? paragraphs(ydoc.getXmlFragment(FRAGMENT)) : [];
  },
  remoteEdit(p, offset, text) {
    if (!ydoc) throw new Error('no Yjs document: mount the app editor first');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    editParagraph(other.getXmlFragment(FRAGMENT), p, offset, offset, text);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)), 'remote');
  },
  domText() {
    return editor?.view.dom.textContent ?? '';
  },
  startLatency() {
    latencies = { handled: [], frameStart: [], frame: [] };
  },
  stopLatency() {
    const out = latencies ?? { handled: [], frameStart: [], frame: [] };
    latencies = null;
    return out;
  },
  settle: nextFrame,
  mergeOffline(kind, texts, edits, seed) {
    const random = mulberry32(seed);
    const base = baseSnapshot(texts);
    const writers = [new TestWriter('judge.zhao', [base]), new TestWriter('assistant.hu', [base])];
    for (const w of writers) {
      for (let i = 0; i < edits; i++) {
        const p = Math.floor(random() * texts.length);
        const length = w.text(p).length;
        const at = Math.floor(random() * length);
        if (random() < 0.3 && length > 4)
          w.replace(at, Math.min(length, at + 1 + Math.floor(random() * 3)), '', p);
        else w.replace(at, at, TYPED_CHARS.slice(i % 20, (i % 20) + 1 + Math.floor(random() * 4)), p);
        if ((i + 1) % 10 === 0) w.save();
      }
      if (w.recorder.dirty) w.save();
    }
    const [mine, theirs] = writers as [TestWriter, TestWriter];
    const now = new Date('2026-03-03T08:00:00.000Z');
    let ms: number;
    let spots = 0;
    let doc: Y.Doc;
    if (kind === 'ours') {
      const state = new DraftState();
      state.apply([base, ...mine.batches], now);
      const t0 = performance.now();
      spots = state.apply(theirs.batches, now).length;
      ms = performance.now() - t0;
      doc = state.doc;
    } else {
      doc = new Y.Doc();
      for (const b of [base, ...mine.batches]) Y.applyUpdate(doc, b.bytes);
      const t0 = performance.now();
      for (const b of theirs.batches) Y.applyUpdate(doc, b.bytes);
      ms = performance.now() - t0;
    }
    const chars = paragraphs(doc.getXmlFragment(FRAGMENT)).join('').length;
    return { ms, chars, batches: theirs.batches.length, spots };
  },
};

const TYPED_CHARS = '本院认为当事人应当按照约定全面履行自己的义务被告未按约定支付货款';
