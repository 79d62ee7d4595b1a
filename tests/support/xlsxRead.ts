/**
 * A small .xlsx reader for tests (no reader package is in package.json): unzips the workbook with
 * jszip and reads each sheet's cells with their stored type (shared/inline string, number,
 * boolean), their number format, whether their font is bold, plus column widths and merged ranges.
 * Enough to check what our exports write, not a general parser.
 */
import JSZip from 'jszip';

/** A cell as stored. `value` is a string for text cells and a number for number cells. */
export interface XlsxCell {
  readonly ref: string;
  readonly type: 'string' | 'number' | 'boolean' | 'empty';
  readonly value: string | number | boolean | null;
  readonly bold: boolean;
  /** The number format code ('General' when none). */
  readonly format: string;
}

/** A sheet: cells by reference (`A1`), rows as arrays (index 0 = column A), widths, merges. */
export interface XlsxSheet {
  readonly name: string;
  readonly cells: ReadonlyMap<string, XlsxCell>;
  readonly rows: readonly (readonly (XlsxCell | undefined)[])[];
  /** Width of column i (0 = A), when set. */
  readonly widths: readonly (number | undefined)[];
  readonly merges: readonly string[];
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  9: '0%',
  10: '0.00%',
  49: '@',
};

function decode(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()] ?? '';
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1] ?? '') : undefined;
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

/** Column index (0 = A) of a cell reference. */
export function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** Reads every sheet of the workbook in `data`, in workbook order. */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxSheet[]> {
  const zip = await JSZip.loadAsync(data);
  const file = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  const shared = [...(await file('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    texts(m[1] ?? ''),
  );
  const styles = await file('xl/styles.xml');
  const formats = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\s[^>]*\/?>/g))
    formats.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const fonts = [
    ...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(
      /<font>([\s\S]*?)<\/font>|<font\/>/g,
    ),
  ].map((m) => /<b\/>|<b\s/.test(m[1] ?? ''));
  const xfs = [
    ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf(?:\s[^>]*)?>/g),
  ].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return {
      bold: fonts[Number(attr(m[0], 'fontId') ?? 0)] ?? false,
      format: formats.get(id) ?? BUILTIN_FORMATS[id] ?? `#${id}`,
    };
  });
  const rels = new Map(
    [...(await file('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\s[^>]*>/g)].map((m) => [
      attr(m[0], 'Id') ?? '',
      (attr(m[0], 'Target') ?? '').replace(/^\/?(xl\/)?/, 'xl/'),
    ]),
  );
  const sheets: XlsxSheet[] = [];
  for (const m of (await file('xl/workbook.xml')).matchAll(/<sheet\s[^>]*>/g)) {
    const xml = await file(rels.get(attr(m[0], 'r:id') ?? '') ?? '');
    const cells = new Map<string, XlsxCell>();
    const rows: (XlsxCell | undefined)[][] = [];
    for (const c of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = ` ${c[1] ?? ''}`;
      const inner = c[2] ?? '';
      const ref = attr(tag, 'r') ?? '';
      const t = attr(tag, 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const style = xfs[Number(attr(tag, 's') ?? 0)] ?? { bold: false, format: 'General' };
      const cell: XlsxCell =
        t === 's'
          ? { ref, type: 'string', value: shared[Number(v)] ?? '', ...style }
          : t === 'inlineStr' || t === 'str'
            ? { ref, type: 'string', value: t === 'str' ? decode(v ?? '') : texts(inner), ...style }
            : t === 'b'
              ? { ref, type: 'boolean', value: v === '1', ...style }
              : v === undefined
                ? { ref, type: 'empty', value: null, ...style }
                : { ref, type: 'number', value: Number(v), ...style };
      cells.set(ref, cell);
      const r = Number(/\d+$/.exec(ref)?.[0]) - 1;
      (rows[r] ??= [])[columnIndex(ref)] = cell;
    }
    const widths: (number | undefined)[] = [];
    for (const col of xml.matchAll(/<col\s[^>]*>/g))
      for (let i = Number(attr(col[0], 'min')); i <= Number(attr(col[0], 'max')); i++)
        widths[i - 1] = Number(attr(col[0], 'width'));
    const merges = [...xml.matchAll(/<mergeCell\s[^>]*>/g)].map((x) => attr(x[0], 'ref') ?? '');
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name: attr(m[0], 'name') ?? '', cells, rows, widths, merges });
  }
  return sheets;
}

/** The values of a sheet's row `r` (0-based), empty cells as null. */
export function rowValues(sheet: XlsxSheet, r: number): (string | number | boolean | null)[] {
  return [...(sheet.rows[r] ?? [])].map((c) => c?.value ?? null);
}
