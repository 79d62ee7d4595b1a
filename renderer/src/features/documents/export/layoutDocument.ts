/**
 * A court document laid out for output: its lines with their style (`courtLayout.ts`), automatic
 * numbers and runs of text, and its tables with column widths. The .docx and print converters
 * both render this, so what they print is the same document. The JSON is checked against the
 * schema first: a bad document throws {@link CourtDocumentError} before anything is written.
 */
import type { JSONContent } from '@tiptap/core';
import {
  MARK,
  NODE,
  stringAttr,
  type DocNode,
  type LineRole,
  type TextAlign,
} from '../../../../../core/documents/content/docModel';
import { documentLines } from '../../../../../core/documents/content/docText';
import { parseCourtDocument } from '../schema/courtDocument';
import { lineStyle, type LineStyle } from './courtLayout';

/** A run of text with the formatting that reaches the output. */
export interface LaidOutRun {
  readonly text: string;
  readonly bold: boolean;
  readonly underline: boolean;
  /** Still to be written: shaded on paper so it cannot be missed. */
  readonly fillIn: boolean;
  /** A co-drafting conflict not yet resolved: underlined in red. */
  readonly conflict: boolean;
}

/** A paragraph or heading. */
export interface LaidOutLine {
  readonly kind: 'line';
  readonly style: LineStyle;
  readonly role: LineRole | null;
  /** Automatic number (一、), written before the text. */
  readonly label: string;
  /** Runs, with `'\n'` as its own run for a hard break. */
  readonly runs: readonly LaidOutRun[];
  /** Kept on the page of the next block: the signature block and the paragraph before it. */
  readonly keepWithNext: boolean;
}

/** A table cell. */
export interface LaidOutCell {
  readonly header: boolean;
  readonly colspan: number;
  readonly rowspan: number;
  readonly lines: readonly LaidOutLine[];
}

/** A table with its column widths in px (TipTap's unit), one per grid column. */
export interface LaidOutTable {
  readonly kind: 'table';
  readonly columnsPx: readonly number[];
  readonly rows: readonly (readonly LaidOutCell[])[];
}

/** What a document is made of, in order. */
export type LaidOutBlock = LaidOutLine | LaidOutTable;

/** The signature block stays together with the date under it (no lone signature on a page). */
const KEEP_WITH_NEXT: ReadonlySet<string> = new Set(['signature', 'date', 'verification', 'clerk']);

/** Default column width when a cell does not say (px). */
const DEFAULT_COLUMN_PX = 150;

function runsOf(node: DocNode): LaidOutRun[] {
  const runs: LaidOutRun[] = [];
  for (const child of node.content ?? []) {
    const has = (type: string) => (child.marks ?? []).some((m) => m.type === type);
    const text = child.type === NODE.hardBreak ? '\n' : child.type === NODE.text ? (child.text ?? '') : '';
    if (text.length === 0) continue;
    runs.push({
      text,
      bold: has(MARK.bold),
      underline: has(MARK.underline),
      fillIn: has(MARK.fillIn),
      conflict: has(MARK.conflictSpot),
    });
  }
  return runs;
}

function line(node: DocNode, label: string, cell: 'none' | 'cell' | 'header'): LaidOutLine {
  const role = stringAttr(node, 'role') as LineRole | null;
  const level = node.type === NODE.heading ? Number(node.attrs?.['level'] ?? 1) : null;
  const indent = node.attrs?.['indent'];
  return {
    kind: 'line',
    role,
    label,
    runs: runsOf(node),
    keepWithNext: role !== null && KEEP_WITH_NEXT.has(role),
    style: lineStyle({
      role,
      headingLevel: level,
      inTable: cell !== 'none',
      tableHeader: cell === 'header',
      textAlign: stringAttr(node, 'textAlign') as TextAlign | null,
      indent: typeof indent === 'number' ? indent : null,
    }),
  };
}

function spanOf(cell: DocNode): number {
  const n = Number(cell.attrs?.['colspan'] ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function table(node: DocNode, labels: ReadonlyMap<DocNode, string>): LaidOutTable {
  // The grid comes from the first row; TipTap keeps one width per spanned column in `colwidth`.
  const columnsPx = (node.content?.[0]?.content ?? []).flatMap((cell) => {
    const widths = cell.attrs?.['colwidth'];
    return Array.from({ length: spanOf(cell) }, (_, i) =>
      Array.isArray(widths) && Number(widths[i]) > 0 ? Number(widths[i]) : DEFAULT_COLUMN_PX,
    );
  });
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((cell): LaidOutCell => {
      const header = cell.type === NODE.tableHeader;
      return {
        header,
        colspan: spanOf(cell),
        rowspan: Number(cell.attrs?.['rowspan'] ?? 1),
        lines: (cell.content ?? []).map((p) => line(p, labels.get(p) ?? '', header ? 'header' : 'cell')),
      };
    }),
  );
  return { kind: 'table', columnsPx, rows };
}

/** Lays out a court document's JSON for output; throws `CourtDocumentError` for a bad document. */
export function layoutDocument(json: JSONContent): LaidOutBlock[] {
  // Validate through the schema, then read the normalised JSON it gives back.
  const doc = parseCourtDocument(json).toJSON() as DocNode;
  const labels = new Map(documentLines(doc).map((l) => [l.node, l.label] as const));
  const blocks = (doc.content ?? []).map((node) =>
    node.type === NODE.table ? table(node, labels) : line(node, labels.get(node) ?? '', 'none'),
  );
  // The paragraph before the signatures goes with them, so a page never holds signatures alone.
  return blocks.map((block, i) => {
    const next = blocks[i + 1];
    return block.kind === 'line' &&
      next?.kind === 'line' &&
      next.role === 'signature' &&
      block.role !== 'signature'
      ? { ...block, keepWithNext: true }
      : block;
  });
}
