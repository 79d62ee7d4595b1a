/**
 * The court-document editor alone in a page, for the IME composition tests (tests/e2e/editorIme)
 * and the keystroke-latency bench (tests/bench/documents.ts): `window.docPage` mounts the app's
 * own editor (editorExtensions.ts: schema, Yjs collaboration, full-width punctuation, numbering,
 * checker underlines) over a Yjs document built from many small edits, or — the baseline — the
 * same text in a TipTap editor with the schema only (no Yjs, no decorations).
 */
import { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { courtEditorExtensions } from '../../../renderer/src/features/documents/editor/editorExtensions';
import { courtDocumentExtensions } from '../../../renderer/src/features/documents/schema/courtDocument';
import '../../../renderer/src/features/documents/editor/documents.css';
import { appendParagraph, editParagraph, paragraphs } from '../../support/drafts/fragmentEdits';

/** How a page editor is built. */
export interface MountOptions {
  /** Paragraph texts to start from. */
  readonly paragraphs: readonly string[];
  /** Split each paragraph into this many insertions (one Yjs transaction each). */
  readonly editsPerParagraph?: number;
  /** The app's editor over Yjs (`ours`) or the schema-only baseline. */
  readonly kind: 'ours' | 'baseline';
  /** Give every n-th paragraph automatic numbering (「一、」), as judgments have. */
  readonly numberEvery?: number;
}

/** What Node calls in the page. */
export interface DocPageApi {
  mount(opts: MountOptions): { ms: number; chars: number; updates: number; stateBytes: number };
  /** Puts the caret in paragraph `p` (0-based) after `offset` characters and focuses the editor. */
  caret(p: number, offset: number): void;
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
  stopLatency(): number[];
  /** Resolves after the next frame has been painted (the page is idle again). */
  settle(): Promise<void>;
}

declare global {
  interface Window {
    docPage: DocPageApi;
  }
}

let editor: Editor | null = null;
let ydoc: Y.Doc | null = null;
let latencies: number[] | null = null;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function docJson(texts: readonly string[], numberEvery: number) {
  return {
    type: 'doc',
    content: texts.map((text, i) => ({
      type: 'paragraph',
      attrs: numberEvery > 0 && i % numberEvery === 0 ? { numbering: 'chinese' } : {},
      content: text ? [{ type: 'text', text }] : [],
    })),
  };
}

document.addEventListener(
  'beforeinput',
  () => {
    if (!latencies) return;
    const t0 = performance.now();
    const out = latencies;
    requestAnimationFrame(() => setTimeout(() => out.push(performance.now() - t0), 0));
  },
  true,
);

window.docPage = {
  mount(opts) {
    editor?.destroy();
    ydoc?.destroy();
    ydoc = null;
    const element = document.getElementById('editor') as HTMLElement;
    element.innerHTML = '';
    const numberEvery = opts.numberEvery ?? 0;
    const t0 = performance.now();
    let updates = 0;
    if (opts.kind === 'ours') {
      const doc = new Y.Doc();
      const fragment = doc.getXmlFragment('prosemirror');
      doc.on('update', () => updates++);
      const per = Math.max(1, opts.editsPerParagraph ?? 1);
      opts.paragraphs.forEach((text, i) => {
        doc.transact(() => {
          appendParagraph(fragment, '');
          if (numberEvery > 0 && i % numberEvery === 0)
            (fragment.get(i) as Y.XmlElement).setAttribute('numbering', 'chinese');
        });
        const step = Math.ceil(text.length / per);
        for (let at = 0; at < text.length; at += step)
          doc.transact(() => editParagraph(fragment, i, at, at, text.slice(at, at + step)));
      });
      ydoc = doc;
      editor = new Editor({ element, extensions: courtEditorExtensions(fragment) });
    } else {
      editor = new Editor({
        element,
        extensions: courtDocumentExtensions,
        content: docJson(opts.paragraphs, numberEvery),
      });
    }
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
  },
  editorParagraphs() {
    const out: string[] = [];
    editor?.state.doc.forEach((n) => out.push(n.textContent));
    return out;
  },
  savedParagraphs() {
    return ydoc ? paragraphs(ydoc.getXmlFragment('prosemirror')) : [];
  },
  remoteEdit(p, offset, text) {
    if (!ydoc) throw new Error('no Yjs document: mount the app editor first');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    editParagraph(other.getXmlFragment('prosemirror'), p, offset, offset, text);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)), 'remote');
  },
  domText() {
    return editor?.view.dom.textContent ?? '';
  },
  startLatency() {
    latencies = [];
  },
  stopLatency() {
    const out = latencies ?? [];
    latencies = null;
    return out;
  },
  settle: nextFrame,
};
