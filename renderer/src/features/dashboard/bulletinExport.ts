/**
 * The monthly bulletin (月通报) as files: a Word document (.docx, the `docx` package the documents
 * feature uses) and a CSV table (UTF-8 with BOM, which Excel and WPS open as a sheet; no .xlsx
 * writer is in package.json yet). Both come from the same table of texts, so they say the same.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IndicatorName } from '../../../../core/quality/indicators';
import { change, type BulletinRow, type MonthlyBulletin } from '../../../../core/quality/views';
import { FONTS } from '../documents/export/courtLayout';
import { formatChange, formatFigure } from './format';

/** Indicators the bulletin tables show, in column order. */
export const BULLETIN_COLUMNS: readonly IndicatorName[] = [
  'received',
  'closed',
  'pending',
  'closureRate',
  'withinLimitRate',
  'averageDays',
  'overdue',
  'longPending12',
  'mediationRate',
  'withdrawalRate',
  'acceptanceRate',
];

/** A titled table of texts (first row: header). */
export interface TextTable {
  readonly heading: string;
  readonly rows: readonly (readonly string[])[];
}

/** The words the tables need, in the user's language. */
export interface BulletinLabels {
  readonly rank: string;
  readonly key: string;
  readonly indicator: (name: IndicatorName) => string;
  readonly keyName: (key: string) => string;
}

/** A ranked table (per division or judge): rank, name, then each indicator as `value (change)`. */
export function bulletinTable(
  heading: string,
  rows: readonly BulletinRow[],
  labels: BulletinLabels,
): TextTable {
  const header = [labels.rank, labels.key, ...BULLETIN_COLUMNS.map(labels.indicator)];
  const body = rows.map((r) => [
    String(r.rank),
    labels.keyName(r.key),
    ...BULLETIN_COLUMNS.map((n) => {
      const delta = change(r.current[n], r.previous?.[n]);
      const v = formatFigure(n, r.current[n]);
      return delta === null ? v : `${v} (${formatChange(n, delta)})`;
    }),
  ]);
  return { heading, rows: [header, ...body] };
}

/** The bulletin's tables: whole court, per division, per judge. */
export function bulletinTables(
  b: MonthlyBulletin,
  headings: { readonly total: string; readonly byDivision: string; readonly byJudge: string },
  labels: BulletinLabels,
  divisionName: (key: string) => string,
  judgeName: (key: string) => string,
): TextTable[] {
  const total: BulletinRow = {
    key: headings.total,
    rank: 1,
    current: b.total.current,
    previous: b.total.previous,
  };
  return [
    bulletinTable(headings.total, [total], { ...labels, keyName: () => headings.total }),
    bulletinTable(headings.byDivision, b.byDivision, { ...labels, keyName: divisionName }),
    bulletinTable(headings.byJudge, b.byJudge, { ...labels, keyName: judgeName }),
  ];
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The tables as CSV (a blank line and the heading between tables), with a UTF-8 BOM. */
export function bulletinCsv(title: string, tables: readonly TextTable[]): string {
  const lines = [quote(title)];
  for (const t of tables) {
    lines.push('', quote(t.heading));
    for (const r of t.rows) lines.push(r.map(quote).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function docxTable(t: TextTable): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: t.rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: r.map(
            (cell) =>
              new TableCell({
                borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [
                      new TextRun({
                        text: cell,
                        bold: i === 0,
                        size: 18,
                        font: { eastAsia: FONTS.body.docx },
                      }),
                    ],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** The bulletin as a Word document (landscape A4, one table per section). */
export async function bulletinDocx(
  title: string,
  intro: string,
  tables: readonly TextTable[],
): Promise<Blob> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: title, bold: true, size: 36, font: { eastAsia: FONTS.title.docx } })],
    }),
    new Paragraph({
      children: [new TextRun({ text: intro, size: 24, font: { eastAsia: FONTS.body.docx } })],
    }),
  ];
  for (const t of tables) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [
          new TextRun({ text: t.heading, bold: true, size: 28, font: { eastAsia: FONTS.heading1.docx } }),
        ],
      }),
      docxTable(t),
    );
  }
  const doc = new Document({
    title,
    creator: 'CourtDesk',
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return Packer.toBlob(doc);
}
