/**
 * A court document as a Word file (.docx, with the `docx` package), laid out as `courtLayout.ts`
 * says: A4, margins 37/35/28/26 mm, exact 28.95 pt lines (579 twips, `w:lineRule="exact"`: `LineRuleType.EXACT`;
 * `EXACTLY` writes `exactly`, which the schema does not allow and Word ignores), fonts named for
 * East Asian text too (`w:eastAsia`), 2-character first-line indents (`w:firstLineChars`), page
 * numbers 「— 1 —」 outside on odd and even pages, tables with borders. Runs in the renderer and in
 * Node alike (no DOM, no Node APIs).
 */
import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { TextAlign } from '../../../../../core/documents/content/docModel';
import {
  FONTS,
  LINE_PT,
  MARGINS_MM,
  PAGE,
  PAGE_NUMBER_AFFIXES,
  PAGE_NUMBER_GAP_MM,
  SIZE_PT,
  mmToTwips,
  type FontRole,
  type LineStyle,
} from './courtLayout';
import { layoutDocument, type LaidOutLine, type LaidOutRun, type LaidOutTable } from './layoutDocument';

/** What the file says about itself (Word's document properties). */
export interface DocxMeta {
  /** The document's name: 民事判决书 (2026)甘0402民初284号 … */
  readonly title: string;
  /** Usually the case number. */
  readonly subject?: string;
  /** Who made it (display name); defaults to CourtDesk. */
  readonly creator?: string;
  readonly description?: string;
}

const TWIPS_PER_PT = 20;
/** Line height of the page-number line (四号 with room above and below). */
const PAGE_NUMBER_LINE_PT = 18;
const TEXT_WIDTH_TWIPS = PAGE.widthTwips - mmToTwips(MARGINS_MM.left) - mmToTwips(MARGINS_MM.right);

const ALIGN: Readonly<Record<TextAlign, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
};

function font(role: FontRole) {
  const name = FONTS[role].docx;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

function textRun(run: LaidOutRun | { text: string }, style: LineStyle): TextRun {
  const base = {
    font: font(style.font),
    size: style.sizePt * 2,
    ...(style.letterSpacingPt !== 0
      ? { characterSpacing: Math.round(style.letterSpacingPt * TWIPS_PER_PT) }
      : {}),
  };
  if (run.text === '\n') return new TextRun({ ...base, break: 1 });
  const r = run as Partial<LaidOutRun>;
  return new TextRun({
    ...base,
    text: run.text,
    bold: style.bold || r.bold === true,
    ...(r.conflict
      ? { underline: { type: UnderlineType.WAVE, color: 'FF0000' } }
      : r.underline
        ? { underline: { type: UnderlineType.SINGLE } }
        : {}),
    ...(r.fillIn ? { highlight: HighlightColor.YELLOW } : {}),
  });
}

function paragraph(line: LaidOutLine): Paragraph {
  const { style } = line;
  const charTwips = style.sizePt * TWIPS_PER_PT;
  const runs = line.label ? [{ text: line.label }, ...line.runs] : line.runs;
  return new Paragraph({
    alignment: ALIGN[style.align],
    keepNext: line.keepWithNext,
    spacing: { line: LINE_PT * TWIPS_PER_PT, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: {
      firstLine: style.firstLineChars * charTwips,
      // Word sizes the indent in characters of the paragraph's own font when this is present.
      firstLineChars: style.firstLineChars * 100,
      left: style.leftChars * charTwips,
      right: style.rightChars * charTwips,
    },
    children: runs.map((run) => textRun(run, style)),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function table(block: LaidOutTable): Table {
  const total = block.columnsPx.reduce((a, c) => a + c, 0) || 1;
  const widths = block.columnsPx.map((px) => Math.round((px / total) * TEXT_WIDTH_TWIPS));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: block.rows.map((row) => {
      let column = 0;
      return new TableRow({
        children: row.map((cell) => {
          const width = widths.slice(column, column + cell.colspan).reduce((a, w) => a + w, 0);
          column += cell.colspan;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: cell.colspan,
            rowSpan: cell.rowspan,
            verticalAlign: VerticalAlign.CENTER,
            margins: { left: 100, right: 100 },
            children: cell.lines.length > 0 ? cell.lines.map(paragraph) : [new Paragraph({})],
          });
        }),
      });
    }),
  });
}

/** Odd pages: right, one character in; even pages: left, one character in (GB/T 9704-2012 7.5). */
function pageNumberFooter(side: 'right' | 'left'): Footer {
  const size = SIZE_PT.pageNumber;
  const oneChar = size * TWIPS_PER_PT;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: {
          line: PAGE_NUMBER_LINE_PT * TWIPS_PER_PT,
          lineRule: LineRuleType.EXACT,
          before: 0,
          after: 0,
        },
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            font: font('pageNumber'),
            size: size * 2,
            children: [PAGE_NUMBER_AFFIXES.before, PageNumber.CURRENT, PAGE_NUMBER_AFFIXES.after],
          }),
        ],
      }),
    ],
  });
}

/** Builds the docx object model (exported for tests that inspect it before packing). */
export function buildDocx(doc: JSONContent, meta: DocxMeta): Document {
  const children = layoutDocument(doc).map((block) =>
    block.kind === 'table' ? table(block) : paragraph(block),
  );
  // The footer's top sits 7 mm under the text block: its bottom is the bottom margin less that gap and its line.
  const footerMm = MARGINS_MM.bottom - PAGE_NUMBER_GAP_MM - (PAGE_NUMBER_LINE_PT * 25.4) / 72;
  return new Document({
    title: meta.title,
    subject: meta.subject ?? '',
    creator: meta.creator ?? 'CourtDesk',
    description: meta.description ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: font('body'),
            size: SIZE_PT.body * 2,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { line: LINE_PT * TWIPS_PER_PT, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.widthTwips, height: PAGE.heightTwips },
            margin: {
              top: mmToTwips(MARGINS_MM.top),
              bottom: mmToTwips(MARGINS_MM.bottom),
              left: mmToTwips(MARGINS_MM.left),
              right: mmToTwips(MARGINS_MM.right),
              header: mmToTwips(15),
              footer: mmToTwips(footerMm),
              gutter: 0,
            },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * `word/fontTable.xml` naming each face with its GB2312 charset (86), family and Windows
 * alternative, so Word on a PC without 仿宋_GB2312 takes 仿宋 and LibreOffice a serif face, not a
 * sans one (the `docx` package writes an empty table).
 */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${xmlEscape(f.docx)}"><w:altName w:val="${xmlEscape(f.altName)}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`
  );
}

/** The document as .docx bytes; throws `CourtDocumentError` for JSON that is not a court document. */
export async function toDocx(doc: JSONContent, meta: DocxMeta): Promise<Uint8Array> {
  const overrides = [{ path: 'word/fontTable.xml', data: fontTableXml() }];
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(doc, meta), false, overrides));
}
