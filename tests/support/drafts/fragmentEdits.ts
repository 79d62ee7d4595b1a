/**
 * Paragraph-level edits of a draft's Yjs fragment as the editor makes them (a paragraph element
 * holding one text), for Node tests and the browser pages of tests/bench alike (Yjs only).
 */
import * as Y from 'yjs';

/** The paragraphs' text. */
export function paragraphs(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().map((p) =>
    (p as Y.XmlElement)
      .toArray()
      .map((t) =>
        t instanceof Y.XmlText
          ? t
              .toDelta()
              .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
              .join('')
          : '',
      )
      .join(''),
  );
}

/** Appends a paragraph with `text`. */
export function appendParagraph(fragment: Y.XmlFragment, text: string): void {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  fragment.push([p]);
}

/** Replaces `[from, to)` of paragraph `i` with `insert`. */
export function editParagraph(
  fragment: Y.XmlFragment,
  i: number,
  from: number,
  to: number,
  insert: string,
): void {
  const t = (fragment.get(i) as Y.XmlElement).get(0) as Y.XmlText;
  if (to > from) t.delete(from, to - from);
  if (insert) t.insert(from, insert);
}
