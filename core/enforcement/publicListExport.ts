/**
 * The dishonest-debtor list as published (第六条 of 法释〔2017〕7号): the rows of
 * {@link publicList} written as a table, CSV (RFC 4180, UTF-8 with a byte-order mark so Excel and
 * WPS open it as Chinese) and as HTML for the printable notice. ID numbers are already masked in
 * the rows; nothing here can reach an unmasked number.
 */
import type { PublicListRow } from './dishonest';

/** The cells of a row in column order (the header is translated by the caller). */
export function rowCells(row: PublicListRow, index: number): string[] {
  return [
    String(index + 1),
    row.name,
    row.idMasked,
    row.sex,
    row.legalRepresentative,
    row.caseNumber,
    row.groundItem,
    row.obligation,
    row.facts,
    row.listedOn,
    row.endsOn ?? '',
    row.publishedOn ?? '',
  ];
}

function csvCell(text: string): string {
  // A leading = + - @ would be read as a formula by spreadsheet programs: prefix it with '.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The list as CSV text: BOM, header line, one line per row, CRLF line ends. */
export function publicListCsv(header: readonly string[], rows: readonly PublicListRow[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r, i) => rowCells(r, i).map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The printable notice: title, date line and the table (every text escaped). */
export function publicListHtml(
  title: string,
  dateLine: string,
  header: readonly string[],
  rows: readonly PublicListRow[],
): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r, i) =>
        `<tr>${rowCells(r, i)
          .map((c) => `<td>${escapeHtml(c)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<h1>${escapeHtml(title)}</h1><p class="cd-list-date">${escapeHtml(dateLine)}</p><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The print stylesheet of the notice: A4 landscape, a ruled table in a CJK serif face. */
export const PUBLIC_LIST_STYLESHEET = `@page { size: A4 landscape; margin: 15mm; }
.cd-public-list { font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', SimSun, serif; color: #000; }
.cd-public-list h1 { text-align: center; font-size: 20pt; margin: 0 0 4mm; }
.cd-public-list .cd-list-date { text-align: right; margin: 0 0 3mm; }
.cd-public-list table { width: 100%; border-collapse: collapse; font-size: 9pt; }
.cd-public-list th, .cd-public-list td { border: 0.5pt solid #000; padding: 1.5mm; vertical-align: top; }
.cd-public-list th { background: #eee; }`;
