/**
 * The monthly bulletin (月通报) as an Excel workbook: one sheet, the title on top, then each table
 * under its bold heading. Every indicator has two columns under one merged heading: this month's
 * value and its change on the previous month, both real numbers with a number format (rates as
 * percentages, their changes in percentage points), so the sheet can be sorted and summed.
 */
import writeExcelFile, { type CellObject, type Row } from 'write-excel-file/universal';
import { BODY_STYLE, HEADER_STYLE, XLSX_TYPE, columnWidth, textCell } from '../../platform/xlsx';
import type { BulletinFigure, BulletinTable } from './bulletinExport';
import { unitOf } from './format';

const VALUE_FORMAT = { rate: '0.0%', days: '0.0', yuan: '#,##0.00', count: '0' } as const;
const CHANGE_FORMAT = {
  rate: '+0.0"pt";-0.0"pt";0.0"pt"',
  days: '+0.0;-0.0;0.0',
  yuan: '+#,##0.00;-#,##0.00;0.00',
  count: '+0;-0;0',
} as const;
/** Written where a figure has no value (as in the .docx and .csv). */
const NONE = '—';

function numberCell(value: number | null, format: string): CellObject {
  return value === null
    ? textCell(NONE, { ...BODY_STYLE, align: 'right' })
    : { ...BODY_STYLE, value, type: Number, format };
}

/** The value and change cells of a figure; rate changes are written in percentage points. */
export function figureCells(f: BulletinFigure): [CellObject, CellObject] {
  const unit = unitOf(f.name);
  // Points, without the float noise of × 100 (0.286 − 0 → 28.6, not 28.599999999999998).
  const change = f.change === null ? null : unit === 'rate' ? Number((f.change * 100).toFixed(9)) : f.change;
  return [numberCell(f.value, VALUE_FORMAT[unit]), numberCell(change, CHANGE_FORMAT[unit])];
}

function tableRows(t: BulletinTable, width: number): Row[] {
  const heading: Row = [
    {
      value: t.heading,
      type: String,
      fontWeight: 'bold',
      fontSize: 12,
      height: 20,
      alignVertical: 'center',
      columnSpan: width,
    },
  ];
  const head1: Row = [
    { ...HEADER_STYLE, value: t.labels.rank, type: String, rowSpan: 2 },
    { ...HEADER_STYLE, value: t.labels.key, type: String, rowSpan: 2 },
    ...t.indicators.flatMap((name) => [{ ...HEADER_STYLE, value: name, type: String, columnSpan: 2 }, null]),
  ];
  const head2: Row = [
    null,
    null,
    ...t.indicators.flatMap(() => [
      textCell(t.labels.current, HEADER_STYLE),
      textCell(t.labels.change, HEADER_STYLE),
    ]),
  ];
  const body = t.data.map((r): Row => [
    { ...BODY_STYLE, value: r.rank, type: Number, format: '0', align: 'center' },
    textCell(r.name),
    ...r.figures.flatMap(figureCells),
  ]);
  return [heading, head1, head2, ...body];
}

/**
 * The bulletin as an .xlsx Blob: `title` (bold, merged across the table width), then each table
 * with its heading and a two-row header. Columns are wide enough for their Chinese headings.
 */
export async function bulletinXlsx(title: string, tables: readonly BulletinTable[]): Promise<Blob> {
  const count = Math.max(0, ...tables.map((t) => t.indicators.length));
  const width = 2 + count * 2;
  const data: Row[] = [
    [
      {
        value: title,
        type: String,
        fontWeight: 'bold',
        fontSize: 16,
        height: 28,
        alignVertical: 'center',
        columnSpan: width,
      },
    ],
  ];
  for (const t of tables) data.push([], ...tableRows(t, width));
  const pick = (f: (t: BulletinTable) => readonly string[]) => tables.flatMap(f);
  const columns = [
    {
      width: columnWidth(
        pick((t) => [t.labels.rank]),
        6,
      ),
    },
    {
      width: columnWidth(
        pick((t) => [t.labels.key, ...t.data.map((r) => r.name)]),
        10,
      ),
    },
    ...Array.from({ length: count }, (_, i) => {
      // An indicator's heading spans its two columns; each also shows its sub-heading and figures.
      const half = Math.ceil(columnWidth(pick((t) => [t.indicators[i] ?? ''])) / 2);
      const w = Math.max(half, columnWidth(pick((t) => [t.labels.current, t.labels.change, '+100.0pt'])));
      return [{ width: w }, { width: w }];
    }).flat(),
  ];
  const blob = await writeExcelFile(data, {
    columns,
    sheet: title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '),
  }).toBlob();
  return blob.type === XLSX_TYPE ? blob : new Blob([blob], { type: XLSX_TYPE });
}
