/**
 * The content model of a court document (文书), as TipTap JSON. Core builds and reads it (template
 * merge, plain text for the checker) without TipTap; the schema that gives it editing behaviour is
 * `renderer/src/features/documents/schema/courtDocument.ts`, which takes its names and attribute
 * values from here, so the two cannot drift apart. Layout and sources: `docs/documents.md`.
 */

/** The structure of a judgment (《人民法院民事裁判文书制作规范》 一、基本要素): 首部, 事实, 理由, 裁判依据, 裁判主文, 尾部. */
export const DOC_SECTIONS = ['header', 'facts', 'reasoning', 'legalBasis', 'operative', 'closing'] as const;
/** A section of a judgment. */
export type DocSection = (typeof DOC_SECTIONS)[number];

/**
 * Lines laid out in their own way (标题, 案号, 落款): the court name and the document name (centred,
 * 二号小标宋), the case number (right), the signatures of the panel and the clerk, the date, and the
 * 本件与原本核对无异 stamp line. A paragraph without a role is a body paragraph (2-character indent).
 */
export const LINE_ROLES = [
  'courtName',
  'title',
  'caseNumber',
  'signature',
  'date',
  'verification',
  'clerk',
] as const;
/** A special line's role. */
export type LineRole = (typeof LINE_ROLES)[number];

/**
 * Automatic paragraph numbers in the order of 党政机关公文格式 (GB/T 9704-2012 7.3.3), which court
 * documents follow: 一、 then （一） then 1． then （1）.
 */
export const NUMBERING_STYLES = ['chinese', 'chineseParen', 'arabic', 'arabicParen'] as const;
/** A numbering style. */
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

/** Text alignments the schema allows (TipTap's text-align extension). */
export const TEXT_ALIGNS = ['left', 'center', 'right', 'justify'] as const;
/** A text alignment. */
export type TextAlign = (typeof TEXT_ALIGNS)[number];

/** Node type names of the schema. */
export const NODE = {
  doc: 'doc',
  paragraph: 'paragraph',
  heading: 'heading',
  text: 'text',
  hardBreak: 'hardBreak',
  table: 'table',
  tableRow: 'tableRow',
  tableCell: 'tableCell',
  tableHeader: 'tableHeader',
} as const;

/** Mark type names of the schema. */
export const MARK = {
  bold: 'bold',
  underline: 'underline',
  /** Text merged from the case record; `field` names where it came from. */
  mergeField: 'mergeField',
  /** Text still to be written by a person: the judge's own text, or a fact the record lacks. */
  fillIn: 'fillIn',
  /** A spot where two people changed the same words; set by the co-drafting layer. */
  conflictSpot: 'conflictSpot',
} as const;

/** A mark in TipTap JSON. */
export interface DocMark {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
}

/** A node in TipTap JSON (structurally a TipTap `JSONContent`). */
export interface DocNode {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly DocNode[];
  readonly marks?: readonly DocMark[];
  readonly text?: string;
}

/** Attributes of a paragraph (and, without `role`, of a heading). */
export interface ParagraphAttrs {
  readonly section?: DocSection | null;
  readonly role?: LineRole | null;
  readonly numbering?: NumberingStyle | null;
  /** First-line indent in characters; null: by role (2 for body paragraphs, 0 for special lines). */
  readonly indent?: number | null;
  readonly textAlign?: TextAlign | null;
}

/** The attrs of a `fillIn` mark: which field or passage is missing, and its label for people. */
export interface FillInAttrs {
  readonly field: string;
  readonly label: string;
}

/** A text node, left out when empty (ProseMirror forbids empty text nodes). */
export function textNode(text: string, marks: readonly DocMark[] = []): DocNode[] {
  if (text.length === 0) return [];
  return [marks.length > 0 ? { type: NODE.text, text, marks } : { type: NODE.text, text }];
}

/** A paragraph with only the attributes that are set (so documents stay small and diffs readable). */
export function paragraphNode(content: readonly DocNode[], attrs: ParagraphAttrs = {}): DocNode {
  const set = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== null && v !== undefined));
  return {
    type: NODE.paragraph,
    ...(Object.keys(set).length > 0 ? { attrs: set } : {}),
    ...(content.length > 0 ? { content } : {}),
  };
}

/** The `doc` node. */
export function docNode(content: readonly DocNode[]): DocNode {
  return { type: NODE.doc, content };
}

/** A string attribute of a node, or null. */
export function stringAttr(node: DocNode, name: string): string | null {
  const v = node.attrs?.[name];
  return typeof v === 'string' ? v : null;
}

/** True for the block nodes that hold text directly (paragraphs and headings). */
export function isTextBlock(node: DocNode): boolean {
  return node.type === NODE.paragraph || node.type === NODE.heading;
}
