/**
 * Editor decorations that are not document content: the automatic paragraph numbers (一、（一）1．
 * （1）, computed by core exactly as print and .docx compute them) shown before their paragraphs,
 * and the checker's findings underlined. Typing inside one paragraph only maps the decorations; a
 * structural change (a new paragraph, a changed numbering style) recomputes the numbers.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { buildTextMap } from './textMap';

/** A finding as the editor underlines it. */
export interface FindingMark {
  readonly from: number;
  readonly to: number;
  readonly index: number;
  readonly code: string;
}

/** Plugin keys (the checker panel sets findings through {@link checkerKey}). */
export const numberingKey = new PluginKey<DecorationSet>('courtNumbering');
export const checkerKey = new PluginKey<DecorationSet>('courtChecker');

function labelWidget(label: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'cd-number-label';
  span.contentEditable = 'false';
  span.textContent = label;
  return span;
}

function numbering(doc: PMNode): DecorationSet {
  const decorations = buildTextMap(doc)
    .lines.filter((l) => l.label.length > 0)
    .map((l) => Decoration.widget(l.contentPos, () => labelWidget(l.label), { side: -1, key: l.label }));
  return DecorationSet.create(doc, decorations);
}

/** True when every step replaces inline content inside one text block (typing, deleting words). */
function inlineOnly(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (!(step instanceof ReplaceStep)) return false;
    const doc = tr.docs[i] as PMNode;
    const $from = doc.resolve(step.from);
    const $to = doc.resolve(step.to);
    return (
      $from.parent.isTextblock &&
      $from.sameParent($to) &&
      step.slice.openStart === 0 &&
      step.slice.openEnd === 0 &&
      step.slice.content.childCount === step.slice.content.content.filter((n) => n.isInline).length
    );
  });
}

/** Shows automatic paragraph numbers. */
export const NumberingLabels = Extension.create({
  name: 'courtNumbering',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: numberingKey,
        state: {
          init: (_config, state) => numbering(state.doc),
          apply: (tr, old) =>
            !tr.docChanged ? old : inlineOnly(tr) ? old.map(tr.mapping, tr.doc) : numbering(tr.doc),
        },
        props: { decorations: (state) => numberingKey.getState(state) },
      }),
    ];
  },
});

/** The transaction meta that replaces the underlined findings. */
export function setFindings(tr: Transaction, findings: readonly FindingMark[]): Transaction {
  const size = tr.doc.content.size;
  const decorations = findings
    .filter((f) => f.from < f.to && f.to <= size)
    .map((f) =>
      Decoration.inline(f.from, f.to, {
        class: 'cd-finding',
        'data-finding': String(f.index),
        'data-code': f.code,
      }),
    );
  return tr.setMeta(checkerKey, DecorationSet.create(tr.doc, decorations));
}

/** Underlines checker findings (set with {@link setFindings}; kept in place while typing). */
export const CheckerHighlights = Extension.create({
  name: 'courtChecker',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: checkerKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, old) =>
            (tr.getMeta(checkerKey) as DecorationSet | undefined) ?? old.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => checkerKey.getState(state) },
      }),
    ];
  },
});
