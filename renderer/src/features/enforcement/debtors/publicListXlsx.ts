/**
 * The dishonest-debtor list (失信被执行人名单) as an Excel workbook, in the columns of the public
 * notice (the same {@link rowCells} as the CSV and the printable notice): title, date line, the
 * bold header, one row per listed debtor. Title and date line are left-aligned so that they show
 * on the first screen and the first printed page of this wide table. Every cell but 序号 is a text cell — an 18-digit ID
 * written as a number would lose its last digits, and a text cell is never read as a formula. The
 * ID numbers are the masked ones of the rows; nothing here can reach an unmasked number.
 */
import writeExcelFile, { type Row } from 'write-excel-file/universal';
import type { PublicListRow } from '../../../../../core/enforcement/dishonest';
import { rowCells } from '../../../../../core/enforcement/publicListExport';
import { BODY_STYLE, HEADER_STYLE, XLSX_TYPE, columnWidth, textCell } from '../../../platform/xlsx';

/** Widest a column gets (characters); longer texts (obligation, facts) wrap. */
const MAX_WIDTH = 40;

/** The list as an .xlsx Blob: one sheet named after `title`, columns sized for Chinese text. */
export async function publicListXlsx(
  title: string,
  dateLine: string,
  header: readonly string[],
  rows: readonly PublicListRow[],
): Promise<Blob> {
  const body = rows.map((r, i) => rowCells(r, i));
  const data: Row[] = [
    [
      {
        value: title,
        type: String,
        fontWeight: 'bold',
        fontSize: 16,
        height: 28,
        alignVertical: 'center',
        columnSpan: header.length,
      },
    ],
    [{ value: dateLine, type: String, columnSpan: header.length }],
    header.map((h) => textCell(h, HEADER_STYLE)),
    ...body.map((cells, i): Row => [
      { ...BODY_STYLE, value: i + 1, type: Number, format: '0', align: 'center' },
      ...cells.slice(1).map((c) => textCell(c, { ...BODY_STYLE, wrap: true })),
    ]),
  ];
  const columns = header.map((h, c) => ({
    width: columnWidth([h, ...body.map((cells) => cells[c] ?? '')], 6, MAX_WIDTH),
  }));
  const sheet = title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ');
  const blob = await writeExcelFile(data, { columns, sheet }).toBlob();
  return blob.type === XLSX_TYPE ? blob : new Blob([blob], { type: XLSX_TYPE });
}
