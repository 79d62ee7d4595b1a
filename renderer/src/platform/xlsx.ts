/**
 * Shared pieces of the .xlsx exports (written with `write-excel-file`, universal build: the same
 * code gives a Blob in the renderer and in Node tests): the media type, column widths that fit
 * Chinese text, and the cell styles every export uses.
 */
import type { CellObject } from 'write-excel-file/universal';

/** Media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * How wide `text` is in spreadsheet "characters": a CJK or full-width character takes two,
 * anything else one.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

/** A column width (in characters) that shows the widest of `texts` whole, between `min` and `max`. */
export function columnWidth(texts: readonly string[], min = 6, max = 60): number {
  const widest = texts.reduce((m, t) => Math.max(m, ...t.split('\n').map(displayWidth)), 0);
  return Math.min(max, Math.max(min, widest + 2));
}

/** Style of a table's heading cells: bold, centred, wrapped, shaded, ruled. */
export const HEADER_STYLE: Partial<CellObject> = {
  fontWeight: 'bold',
  align: 'center',
  alignVertical: 'center',
  wrap: true,
  backgroundColor: '#EEEEEE',
  borderStyle: 'thin',
  borderColor: '#000000',
};

/** Style of a table's body cells: ruled, centred vertically. */
export const BODY_STYLE: Partial<CellObject> = {
  alignVertical: 'center',
  borderStyle: 'thin',
  borderColor: '#000000',
};

/** A text cell: always type String, so an ID or a case number is never read as a number. */
export function textCell(value: string, style: Partial<CellObject> = BODY_STYLE): CellObject {
  return { ...style, value, type: String };
}
