/**
 * Reading a court document's TipTap JSON as lines of text: automatic paragraph numbers (一、 （一）
 * 1． （1）) computed the one way every view uses (editor, print, .docx), and the plain text the
 * checker and the anonymiser read (one `\n` per paragraph, see `docs/document-rules.md`).
 */
import { formatChineseInteger } from '../numerals';
import {
  MARK,
  NODE,
  NUMBERING_STYLES,
  isTextBlock,
  stringAttr,
  type DocNode,
  type DocSection,
  type LineRole,
  type NumberingStyle,
} from './docModel';

/** One paragraph or heading of a document, in reading order. */
export interface DocLine {
  readonly node: DocNode;
  /** Its automatic number (「一、」, 「（二）」 …) or '' when it has none. */
  readonly label: string;
  /** Its text, hard breaks as `\n`. */
  readonly text: string;
  readonly role: LineRole | null;
  readonly section: DocSection | null;
  /** True inside a table cell. */
  readonly inTable: boolean;
}

/** The label of the `n`th paragraph (from 1) numbered in `style`. */
export function numberLabel(style: NumberingStyle, n: number): string {
  switch (style) {
    case 'chinese':
      return `${formatChineseInteger(n)}、`;
    case 'chineseParen':
      return `（${formatChineseInteger(n)}）`;
    case 'arabic':
      return `${n}．`;
    case 'arabicParen':
      return `（${n}）`;
  }
}

function numberingOf(node: DocNode): NumberingStyle | null {
  const v = stringAttr(node, 'numbering');
  return v !== null && (NUMBERING_STYLES as readonly string[]).includes(v) ? (v as NumberingStyle) : null;
}

/** The text of a text block: its text nodes, hard breaks as `\n`. */
export function blockText(node: DocNode): string {
  let out = '';
  for (const child of node.content ?? []) {
    if (child.type === NODE.text) out += child.text ?? '';
    else if (child.type === NODE.hardBreak) out += '\n';
  }
  return out;
}

/**
 * Numbers the text blocks of one container (the document, or one table cell). A numbered paragraph
 * counts on its level and restarts the levels below it (一、 restarts （一）); a heading or a change
 * of section restarts every level; unnumbered paragraphs between items do not (an explanation
 * between 一、 and 二、 keeps the list going).
 */
function collect(container: readonly DocNode[], inTable: boolean, out: DocLine[]): void {
  const counters = [0, 0, 0, 0];
  let section: string | null | undefined;
  for (const node of container) {
    if (isTextBlock(node)) {
      const nodeSection = stringAttr(node, 'section');
      if (node.type === NODE.heading || (section !== undefined && nodeSection !== section)) counters.fill(0);
      section = nodeSection;
      const style = node.type === NODE.paragraph ? numberingOf(node) : null;
      let label = '';
      if (style) {
        const level = NUMBERING_STYLES.indexOf(style);
        counters[level] = (counters[level] ?? 0) + 1;
        for (let i = level + 1; i < counters.length; i++) counters[i] = 0;
        label = numberLabel(style, counters[level] ?? 1);
      }
      out.push({
        node,
        label,
        text: blockText(node),
        role: stringAttr(node, 'role') as LineRole | null,
        section: nodeSection as DocSection | null,
        inTable,
      });
    } else if (node.type === NODE.table) {
      for (const row of node.content ?? [])
        for (const cell of row.content ?? []) collect(cell.content ?? [], true, out);
    }
  }
}

/** Every paragraph and heading of a document in reading order, with its automatic number. */
export function documentLines(doc: DocNode): DocLine[] {
  const out: DocLine[] = [];
  collect(doc.content ?? [], false, out);
  return out;
}

/** The document as plain text: one line per paragraph, automatic numbers included. */
export function documentText(doc: DocNode): string {
  return documentLines(doc)
    .map((l) => l.label + l.text)
    .join('\n');
}

/** A passage still to be written, as the `fillIn` marks of a document list them. */
export interface OpenFillIn {
  readonly field: string;
  readonly label: string;
  readonly text: string;
}

/**
 * The `fillIn` passages left in a document (judge's text not yet written, facts the record lacked),
 * in reading order, adjacent text nodes of one passage joined. A document with any left is not
 * ready to sign.
 */
export function openFillIns(doc: DocNode): OpenFillIn[] {
  const out: OpenFillIn[] = [];
  for (const line of documentLines(doc)) {
    let current: { field: string; label: string; text: string } | null = null;
    for (const child of line.node.content ?? []) {
      const mark = child.marks?.find((m) => m.type === MARK.fillIn);
      const field = typeof mark?.attrs?.['field'] === 'string' ? mark.attrs['field'] : null;
      if (child.type === NODE.text && mark && field !== null) {
        if (current && current.field === field) current.text += child.text ?? '';
        else {
          if (current) out.push(current);
          const label: string = typeof mark.attrs?.['label'] === 'string' ? mark.attrs['label'] : field;
          current = { field, label, text: child.text ?? '' };
        }
      } else if (current) {
        out.push(current);
        current = null;
      }
    }
    if (current) out.push(current);
  }
  return out;
}
