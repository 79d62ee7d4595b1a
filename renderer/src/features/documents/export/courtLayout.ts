/**
 * The page of a court document, in one place for the .docx export and the print stylesheet so the
 * two cannot disagree: A4, margins 37/35/28/26 mm (版心 156 × 225 mm), 22 lines of ≈ 29 pt, titles in
 * 二号 小标宋, body in 三号 仿宋_GB2312, 2-character first-line indent, page numbers 「— 1 —」 in 四号
 * 宋体 outside (odd pages right, even pages left, one character in). Sources: `docs/documents.md`
 * (《人民法院民事裁判文书制作规范》 印刷标准 and GB/T 9704-2012).
 */
import type { LineRole, TextAlign } from '../../../../../core/documents/content/docModel';
import layoutFile from '../../../../../resources/documents/pageLayout.json';

/** Twips per millimetre (1 inch = 25.4 mm = 1440 twips). */
const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** The faces a document uses. */
export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber';

/** A face as the .docx names it (with what Word and LibreOffice may use instead) and as CSS lists it. */
export interface FontFace {
  /** The name written into the .docx: what court PCs have installed. */
  readonly docx: string;
  /** The face Windows ships that Word takes when `docx` is missing (fontTable `w:altName`). */
  readonly altName: string;
  /** serif (`roman`) or sans (`swiss`): how LibreOffice picks a stand-in for a missing face. */
  readonly family: 'roman' | 'swiss';
  /** CSS fallbacks in order, ending with Noto CJK (fonts-noto-cjk on Debian and the CI machine). */
  readonly css: readonly string[];
}

/** `resources/documents/pageLayout.json` as typed data (font names are data, not UI strings). */
interface PageLayoutFile {
  readonly page: {
    readonly widthMm: number;
    readonly heightMm: number;
    readonly widthTwips: number;
    readonly heightTwips: number;
  };
  readonly marginsMm: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
  };
  readonly linePt: number;
  readonly charsPerLine: number;
  readonly pageNumberGapMm: number;
  readonly sizesPt: { readonly title: number; readonly body: number; readonly pageNumber: number };
  readonly fonts: Readonly<Record<FontRole, FontFace>>;
}
const layout = layoutFile as PageLayoutFile;

/** A4 portrait. */
export const PAGE = layout.page;

/** Margins of the 156 × 225 mm text block (天头 37, 订口 28). */
export const MARGINS_MM = layout.marginsMm;

/** Exact line pitch: 28.95 pt, so 22 lines fit the 225 mm block (22 × 29 pt would overflow it by 0.2 pt). */
export const LINE_PT = layout.linePt;

/** Characters of body text a line holds (印刷标准: 22 lines of 28 characters). */
export const CHARS_PER_LINE = layout.charsPerLine;

/** Width of the text block in points (156 mm). */
export const TEXT_WIDTH_PT = ((PAGE.widthMm - MARGINS_MM.left - MARGINS_MM.right) * 72) / 25.4;

/** Page numbers start 7 mm below the text block (GB/T 9704-2012 7.5). */
export const PAGE_NUMBER_GAP_MM = layout.pageNumberGapMm;

/** Font sizes: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE_PT = layout.sizesPt;

/**
 * Body text is condensed just enough for 28 characters of 三号 to fit the 156 mm line, as Word's
 * character grid does in the courts' templates (442 pt / 28 = 15.79 pt a character): −0.25 pt,
 * rounded down to the twentieth of a point both .docx (`w:spacing`) and CSS can express.
 */
export const BODY_LETTER_SPACING_PT = Math.floor((TEXT_WIDTH_PT / CHARS_PER_LINE - SIZE_PT.body) * 20) / 20;

/** Every face of a court document. */
export const FONTS: Readonly<Record<FontRole, FontFace>> = layout.fonts;

/** How one line is set. Indents are in characters of its own size. */
export interface LineStyle {
  readonly font: FontRole;
  readonly sizePt: number;
  /** Added between characters (negative: condensed). */
  readonly letterSpacingPt: number;
  readonly bold: boolean;
  readonly align: TextAlign;
  readonly firstLineChars: number;
  readonly leftChars: number;
  readonly rightChars: number;
}

const BODY: LineStyle = {
  font: 'body',
  sizePt: SIZE_PT.body,
  letterSpacingPt: BODY_LETTER_SPACING_PT,
  bold: false,
  align: 'justify',
  firstLineChars: 2,
  leftChars: 0,
  rightChars: 0,
};

const ROLE_STYLES: Readonly<Record<LineRole, Partial<LineStyle>>> = {
  courtName: { font: 'title', sizePt: SIZE_PT.title, letterSpacingPt: 0, align: 'center', firstLineChars: 0 },
  title: { font: 'title', sizePt: SIZE_PT.title, letterSpacingPt: 0, align: 'center', firstLineChars: 0 },
  caseNumber: { align: 'right', firstLineChars: 0 },
  signature: { align: 'right', firstLineChars: 0, rightChars: 2 },
  date: { align: 'right', firstLineChars: 0, rightChars: 2 },
  verification: { align: 'left', firstLineChars: 2 },
  clerk: { align: 'right', firstLineChars: 0, rightChars: 2 },
};

/** What decides a line's style. */
export interface LineFacts {
  readonly role: LineRole | null;
  /** Heading level, or null for a paragraph. */
  readonly headingLevel: number | null;
  readonly inTable: boolean;
  /** In a header cell (the labels of a form): centred. */
  readonly tableHeader: boolean;
  /** The paragraph's own attributes, which win over the role's. */
  readonly textAlign: TextAlign | null;
  readonly indent: number | null;
}

/**
 * The style of a line: body text by default (justified, 2-character indent), the role's layout
 * for special lines, 黑体/楷体 for headings of level 1/2 and bold body for level 3, no indent in a
 * table cell (labels centred); the paragraph's own alignment and indent override.
 */
export function lineStyle(facts: LineFacts): LineStyle {
  let style: LineStyle = BODY;
  if (facts.role) style = { ...style, ...ROLE_STYLES[facts.role] };
  if (facts.headingLevel === 1) style = { ...style, font: 'heading1', align: 'left' };
  else if (facts.headingLevel === 2) style = { ...style, font: 'heading2', align: 'left' };
  else if (facts.headingLevel !== null) style = { ...style, bold: true, align: 'left' };
  if (facts.inTable) style = { ...style, firstLineChars: 0, align: facts.tableHeader ? 'center' : 'left' };
  if (facts.textAlign) style = { ...style, align: facts.textAlign };
  if (facts.indent !== null) style = { ...style, firstLineChars: facts.indent };
  return style;
}

/** What stands either side of the page number: 「— 7 —」 (一字线 and a half-width space). */
export const PAGE_NUMBER_AFFIXES = { before: '— ', after: ' —' } as const;
