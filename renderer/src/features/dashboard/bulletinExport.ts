/**
 * The monthly bulletin (月通报) as files: a Word document (.docx, the `docx` package the documents
 * feature uses), a CSV table (UTF-8 with BOM) and an Excel workbook (.xlsx, in bulletinXlsx.ts).
 * All come from the same {@link BulletinTable}s, so they say the same: the texts for .docx/.csv,
 * the figures as numbers for .xlsx.
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
import { formatChange, formatValue } from './format';

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
  /** Sub-headings of an indicator's two spreadsheet columns: this month's value, its change. */
  readonly current: string;
  readonly change: string;
  readonly indicator: (name: IndicatorName) => string;
  readonly keyName: (key: string) => string;
}

/** One indicator of a row as numbers: its value and the change on the previous month. */
export interface BulletinFigure {
  readonly name: IndicatorName;
  /** null: nothing to divide by. */
  readonly value: number | null;
  /** null: no previous month to compare with. */
  readonly change: number | null;
}

/** A row of a bulletin table as data: rank, the group's name and its figures in column order. */
export interface BulletinDataRow {
  readonly rank: number;
  readonly name: string;
  readonly figures: readonly BulletinFigure[];
}

/** A bulletin table: its texts (`rows`, for .docx and .csv) and the same rows as numbers (`data`). */
export interface BulletinTable extends TextTable {
  readonly labels: Pick<BulletinLabels, 'rank' | 'key' | 'current' | 'change'>;
  /** Indicator headings in column order. */
  readonly indicators: readonly string[];
  readonly data: readonly BulletinDataRow[];
}

/** A ranked table (per division or judge): rank, name, then each indicator as `value (change)`. */
export function bulletinTable(
  heading: string,
  rows: readonly BulletinRow[],
  labels: BulletinLabels,
): BulletinTable {
  const indicators = BULLETIN_COLUMNS.map(labels.indicator);
  const data = rows.map((r) => ({
    rank: r.rank,
    name: labels.keyName(r.key),
    figures: BULLETIN_COLUMNS.map((name) => ({
      name,
      value: r.current[name].value,
      change: change(r.current[name], r.previous?.[name]),
    })),
  }));
  const body = data.map((r) => [
    String(r.rank),
    r.name,
    ...r.figures.map((f) => {
      const v = formatValue(f.name, f.value);
      return f.change === null ? v : `${v} (${formatChange(f.name, f.change)})`;
    }),
  ]);
  const { rank, key, current, change: changeLabel } = labels;
  return {
    heading,
    rows: [[rank, key, ...indicators], ...body],
    labels: { rank, key, current, change: changeLabel },
    indicators,
    data,
  };
}

/** The bulletin's tables: whole court, per division, per judge. */
export function bulletinTables(
  b: MonthlyBulletin,
  headings: {
    readonly total: string;
    readonly byDivision: string;
    readonly byJudge: string;
    /** Headings of the name column of the division and judge tables (default: `labels.key`). */
    readonly division?: string;
    readonly judge?: string;
  },
  labels: BulletinLabels,
  divisionName: (key: string) => string,
  judgeName: (key: string) => string,
): BulletinTable[] {
  const total: BulletinRow = {
    key: headings.total,
    rank: 1,
    current: b.total.current,
    previous: b.total.previous,
  };
  return [
    bulletinTable(headings.total, [total], { ...labels, keyName: () => headings.total }),
    bulletinTable(headings.byDivision, b.byDivision, {
      ...labels,
      key: headings.division ?? labels.key,
      keyName: divisionName,
    }),
    bulletinTable(headings.byJudge, b.byJudge, {
      ...labels,
      key: headings.judge ?? labels.key,
      keyName: judgeName,
    }),
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
