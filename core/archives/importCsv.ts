/**
 * The list of an existing scan archive for the bulk import (docs/archives.md "Bulk import"): a
 * CSV (UTF-8, optional BOM, comma separated, RFC 4180 quotes) with the columns case number,
 * volume, file path, and optionally year and parties (separated by 、 ; or ；). A header row is
 * recognised by its first cell (案号 / caseNumber). Volumes are written 正卷1, 副卷2, main-01,
 * secondary 3, S2, or a bare number (正卷).
 */
import type { VolumeKind } from './ids';

/** One volume to import. */
export interface ImportRow {
  /** 1-based line of the CSV (for error messages). */
  readonly line: number;
  readonly caseNumber: string;
  readonly kind: VolumeKind;
  readonly seq: number;
  /** As written in the CSV: relative to the import root. */
  readonly path: string;
  readonly year: number | null;
  readonly parties: readonly string[];
}

/** A line that could not be read, with the reason (bilingual). */
export interface ImportRowError {
  readonly line: number;
  readonly message: string;
}

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Reads a volume cell: kind and number. */
export function parseVolume(cell: string): { kind: VolumeKind; seq: number } | null {
  const s = cell.normalize('NFKC').trim().toLowerCase();
  const m = /^(正卷|副卷|main|secondary|m|s)?\s*[-_第]?\s*(\d{1,2})\s*[册卷]?$/u.exec(s);
  if (!m) return null;
  const seq = Number(m[2]);
  if (seq < 1 || seq > 99) return null;
  const kind: VolumeKind = m[1] === '副卷' || m[1] === 'secondary' || m[1] === 's' ? 'secondary' : 'main';
  return { kind, seq };
}

/** The year of a case number such as （2019）京0105民初1234号, or null. */
export function yearOfCaseNumber(caseNumber: string): number | null {
  const m = /^[（(]\s*(\d{4})\s*[）)]/u.exec(caseNumber.normalize('NFKC').replace(/^\s+/u, ''));
  const y = m ? Number(m[1]) : Number.NaN;
  return y >= 1949 && y <= 2100 ? y : null;
}

/** Reads the import CSV: the rows to import and the lines refused (never throws on bad lines). */
export function parseImportCsv(text: string): { rows: ImportRow[]; errors: ImportRowError[] } {
  const rows: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  parseCsv(text).forEach((cells, i) => {
    const line = i + 1;
    const first = (cells[0] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) return;
    if (i === 0 && /^(案号|casenumber|case number)$/iu.test(first)) return;
    const [caseNumber = '', volume = '', path = '', yearCell = '', partiesCell = ''] = cells.map((c) =>
      c.trim(),
    );
    const vol = parseVolume(volume);
    if (caseNumber === '' || caseNumber.length > 64) {
      errors.push({ line, message: `第 ${line} 行：缺少案号 (line ${line}: missing case number)` });
      return;
    }
    if (!vol) {
      errors.push({
        line,
        message: `第 ${line} 行：卷号“${volume}”无法识别 (line ${line}: unreadable volume "${volume}")`,
      });
      return;
    }
    if (path === '' || path.split(/[\\/]/u).includes('..') || /^([a-z]:|[\\/])/iu.test(path)) {
      errors.push({
        line,
        message: `第 ${line} 行：文件路径必须是导入目录下的相对路径 (line ${line}: the path must be relative to the import folder)`,
      });
      return;
    }
    const year = yearCell === '' ? yearOfCaseNumber(caseNumber) : Number(yearCell);
    if (year !== null && !(Number.isInteger(year) && year >= 1949 && year <= 2100)) {
      errors.push({ line, message: `第 ${line} 行：年度无效 (line ${line}: invalid year)` });
      return;
    }
    const key = `${caseNumber}|${vol.kind}|${vol.seq}`;
    const before = seen.get(key);
    if (before !== undefined) {
      errors.push({
        line,
        message: `第 ${line} 行：与第 ${before} 行是同一卷 (line ${line}: same volume as line ${before})`,
      });
      return;
    }
    seen.set(key, line);
    const parties = partiesCell
      .split(/[、;；]/u)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    rows.push({ line, caseNumber, ...vol, path, year, parties });
  });
  return { rows, errors };
}

/**
 * Pages of a PDF without parsing it: the largest `/Count` of a page tree node (the root's), else
 * the number of `/Type /Page` objects. Enough for scanner output, whose page tree is not inside
 * compressed object streams; 0 when neither is found (the clerk corrects it).
 */
export function pdfPageCount(bytes: Uint8Array): number {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  let count = 0;
  for (const m of text.matchAll(
    /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/gu,
  ))
    count = Math.max(count, Number(m[1] ?? m[2]));
  if (count > 0) return count;
  return [...text.matchAll(/\/Type\s*\/Page(?![s\w])/gu)].length;
}
