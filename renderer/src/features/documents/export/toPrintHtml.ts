/**
 * A court document as HTML with a print stylesheet that matches the .docx (`courtLayout.ts`): A4,
 * the same margins, exact ≈ 29 pt (28.95 pt) lines, the same faces with fallbacks to FangSong and Noto Serif
 * CJK, 2-character indents, and page numbers 「— 1 —」 in the bottom margin, outside (CSS page
 * margin boxes: `@page :right { @bottom-right }`). Pure string building — no DOM — so it is tested
 * in Node and used by the app's print view, Electron's `printToPDF` and the browser's print alike.
 */
import type { JSONContent } from '@tiptap/core';
import {
  FONTS,
  LINE_PT,
  MARGINS_MM,
  PAGE_NUMBER_AFFIXES,
  PAGE_NUMBER_GAP_MM,
  SIZE_PT,
  type FontRole,
  type LineStyle,
} from './courtLayout';
import { layoutDocument, type LaidOutBlock, type LaidOutLine, type LaidOutTable } from './layoutDocument';

/** What the printed page says about itself. */
export interface PrintMeta {
  /** The page title (the PDF's title): 民事判决书 （2026）甘0402民初284号. */
  readonly title: string;
}

/** The class on the element that holds a printed document. */
export const PRINT_ROOT_CLASS = 'cd-print-document';

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** Each face as an `@font-face` whose `local()` list is the fallback chain: the first installed wins. */
function fontFaces(): string {
  return (Object.entries(FONTS) as [FontRole, (typeof FONTS)[FontRole]][])
    .map(([role, face]) => {
      const sources = face.css.map((name) => `local(${cssString(name)})`).join(', ');
      return `@font-face { font-family: "cd-${role}"; src: ${sources}; }`;
    })
    .join('\n');
}

function family(role: FontRole): string {
  const generic = FONTS[role].family === 'swiss' ? 'sans-serif' : 'serif';
  return `"cd-${role}", ${FONTS[role].css.map(cssString).join(', ')}, ${generic}`;
}

function pageNumberBox(side: 'left' | 'right'): string {
  return [
    `@page :${side} {`,
    `  @bottom-${side} {`,
    `    content: ${cssString(PAGE_NUMBER_AFFIXES.before)} counter(page) ${cssString(PAGE_NUMBER_AFFIXES.after)};`,
    `    font-family: ${family('pageNumber')};`,
    `    font-size: ${SIZE_PT.pageNumber}pt;`,
    '    vertical-align: top;',
    `    padding-top: ${PAGE_NUMBER_GAP_MM}mm;`,
    `    padding-${side}: ${SIZE_PT.pageNumber}pt;`,
    '  }',
    '}',
  ].join('\n');
}

/**
 * The print stylesheet. Page rules are global (they apply while the document is on the page);
 * everything else is scoped to `.cd-print-document`.
 */
export function printStylesheet(): string {
  const root = `.${PRINT_ROOT_CLASS}`;
  const m = MARGINS_MM;
  return [
    fontFaces(),
    `@page { size: A4 portrait; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`,
    pageNumberBox('right'),
    pageNumberBox('left'),
    `${root} { color: #000; background: #fff; font-family: ${family('body')}; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PT}pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }`,
    // text-autospace: a little space between Chinese and Latin or digits, as Word and LibreOffice add.
    `${root} p { margin: 0; line-height: ${LINE_PT}pt; white-space: pre-wrap; overflow-wrap: anywhere; text-autospace: normal; }`,
    ...(Object.keys(FONTS) as FontRole[]).map(
      (role) => `${root} .f-${role} { font-family: ${family(role)}; }`,
    ),
    `${root} .keep { break-after: avoid; page-break-after: avoid; }`,
    `${root} .fill { background: #fff176; }`,
    `${root} .conflict { text-decoration: underline wavy #d00; }`,
    `${root} table { width: 100%; border-collapse: collapse; table-layout: fixed; }`,
    `${root} td, ${root} th { border: 0.5pt solid #000; padding: 0 5pt; vertical-align: middle; font-weight: normal; }`,
    '@media print { body { margin: 0; } }',
    `@media screen { ${root} { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; } }`,
  ].join('\n');
}

function lineCss(style: LineStyle): string {
  const decl = [
    `font-size:${style.sizePt}pt`,
    `text-align:${style.align}`,
    `text-indent:${style.firstLineChars}em`,
    `padding-left:${style.leftChars}em`,
    `padding-right:${style.rightChars}em`,
  ];
  if (style.letterSpacingPt !== 0) decl.push(`letter-spacing:${style.letterSpacingPt}pt`);
  if (style.bold) decl.push('font-weight:bold');
  return decl.join(';');
}

function runHtml(run: LaidOutLine['runs'][number]): string {
  if (run.text === '\n') return '<br>';
  let html = escapeHtml(run.text);
  if (run.bold) html = `<b>${html}</b>`;
  if (run.underline) html = `<u>${html}</u>`;
  const classes = [run.fillIn ? 'fill' : '', run.conflict ? 'conflict' : ''].filter(Boolean);
  return classes.length > 0 ? `<span class="${classes.join(' ')}">${html}</span>` : html;
}

function lineHtml(line: LaidOutLine): string {
  const classes = [`f-${line.style.font}`, line.keepWithNext ? 'keep' : ''].filter(Boolean).join(' ');
  const role = line.role ? ` data-role="${line.role}"` : '';
  const text = escapeHtml(line.label) + line.runs.map(runHtml).join('');
  // An empty paragraph still takes its line, as in Word.
  return `<p class="${classes}"${role} style="${lineCss(line.style)}">${text || '<br>'}</p>`;
}

function tableHtml(table: LaidOutTable): string {
  const total = table.columnsPx.reduce((a, c) => a + c, 0) || 1;
  const cols = table.columnsPx
    .map((px) => `<col style="width:${((px / total) * 100).toFixed(2)}%">`)
    .join('');
  const rows = table.rows
    .map((row) => {
      const cells = row.map((cell) => {
        const tag = cell.header ? 'th' : 'td';
        const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
        return `<${tag}${span}>${cell.lines.map(lineHtml).join('')}</${tag}>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table><colgroup>${cols}</colgroup><tbody>${rows}</tbody></table>`;
}

function blockHtml(block: LaidOutBlock): string {
  return block.kind === 'table' ? tableHtml(block) : lineHtml(block);
}

/** The document's body as an HTML fragment (an `<article>`), for a print view inside the app. */
export function toPrintBody(doc: JSONContent): string {
  return `<article class="${PRINT_ROOT_CLASS}" lang="zh-CN">${layoutDocument(doc).map(blockHtml).join('')}</article>`;
}

/**
 * A whole HTML page of the document with its print stylesheet; throws `CourtDocumentError` for JSON
 * that is not a court document. Its CSP allows no scripts, no network and nothing but its own styles.
 */
export function toPrintHtml(doc: JSONContent, meta: PrintMeta): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(meta.title)}</title>`,
    `<style>\n${printStylesheet()}\n</style>`,
    '</head>',
    `<body>${toPrintBody(doc)}</body>`,
    '</html>',
  ].join('\n');
}
