/**
 * THE schema of a court document (文书) for TipTap 3: the one extension list the editor, the
 * co-drafting layer and every converter (.docx, print) use. Content only — editing behaviour
 * (history, collaboration, placeholders) is added by the editor on top. Names and attribute values
 * come from core's content model (`core/documents/content/docModel.ts`), which the template merge
 * writes without TipTap. Decisions and sources: `docs/documents.md`.
 */
import { getSchema, Mark, mergeAttributes, type Extensions, type JSONContent } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Heading from '@tiptap/extension-heading';
import Paragraph from '@tiptap/extension-paragraph';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import Text from '@tiptap/extension-text';
import TextAlign from '@tiptap/extension-text-align';
import Underline from '@tiptap/extension-underline';
import { Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import {
  DOC_SECTIONS,
  LINE_ROLES,
  MARK,
  NUMBERING_STYLES,
  TEXT_ALIGNS,
} from '../../../../../core/documents/content/docModel';

/** Reads a data attribute that must be one of `allowed` (anything else is dropped on paste). */
function enumAttribute(name: string, allowed: readonly string[], keepOnSplit: boolean) {
  return {
    default: null,
    keepOnSplit,
    validate: (value: unknown) => {
      if (value !== null && !(typeof value === 'string' && allowed.includes(value)))
        throw new RangeError(`${name} must be one of ${allowed.join(', ')}: ${JSON.stringify(value)}`);
    },
    parseHTML: (el: HTMLElement) => {
      const v = el.getAttribute(`data-${name}`);
      return v !== null && allowed.includes(v) ? v : null;
    },
    renderHTML: (attrs: Record<string, unknown>) =>
      typeof attrs[name] === 'string' ? { [`data-${name}`]: attrs[name] } : {},
  };
}

function isIndent(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 8;
}

const indentAttribute = {
  default: null,
  validate: (value: unknown) => {
    if (value !== null && !isIndent(value))
      throw new RangeError(`indent must be 0–8 characters: ${String(value)}`);
  },
  parseHTML: (el: HTMLElement) => {
    const n = Number(el.getAttribute('data-indent'));
    return el.hasAttribute('data-indent') && isIndent(n) ? n : null;
  },
  renderHTML: (attrs: Record<string, unknown>) =>
    typeof attrs['indent'] === 'number' ? { 'data-indent': String(attrs['indent']) } : {},
};

/**
 * Paragraphs carry the section of the judgment they belong to (kept when Enter splits them), a
 * special line's role (not kept: Enter after the title makes a body paragraph), an automatic
 * number style and a first-line indent in characters (null: 2 for body text, 0 for special lines).
 */
const CourtParagraph = Paragraph.extend({
  addAttributes() {
    return {
      section: enumAttribute('section', DOC_SECTIONS, true),
      role: enumAttribute('role', LINE_ROLES, false),
      numbering: enumAttribute('numbering', NUMBERING_STYLES, true),
      indent: indentAttribute,
    };
  },
});

const CourtHeading = Heading.extend({
  addAttributes() {
    return { ...this.parent?.(), section: enumAttribute('section', DOC_SECTIONS, true) };
  },
}).configure({ levels: [1, 2, 3] });

function stringAttribute(name: string, dataName: string) {
  return {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute(dataName),
    renderHTML: (attrs: Record<string, unknown>) =>
      typeof attrs[name] === 'string' ? { [dataName]: attrs[name] } : {},
  };
}

/** Text merged from the case record; `field` lets the editor refresh it. Typing next to it is plain text. */
const MergeField = Mark.create({
  name: MARK.mergeField,
  inclusive: false,
  clearable: false,
  addAttributes: () => ({ field: stringAttribute('field', 'data-merge-field') }),
  parseHTML: () => [{ tag: 'span[data-merge-field]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, { class: 'cd-merge-field' }),
    0,
  ],
});

/** A place still to be written (【事实】, a particular the record lacks); shaded until replaced. */
const FillIn = Mark.create({
  name: MARK.fillIn,
  inclusive: false,
  clearable: false,
  addAttributes: () => ({
    field: stringAttribute('field', 'data-fill-in'),
    label: stringAttribute('label', 'data-fill-label'),
  }),
  parseHTML: () => [{ tag: 'span[data-fill-in]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { class: 'cd-fill-in' }), 0],
});

/**
 * Where two people changed the same words while offline; set by the co-drafting layer, one mark
 * per spot (`id`), several may overlap. Never typed into: new text next to it is not part of it.
 */
const ConflictSpot = Mark.create({
  name: MARK.conflictSpot,
  inclusive: false,
  clearable: false,
  excludes: '',
  addAttributes: () => ({ id: stringAttribute('id', 'data-conflict-spot') }),
  parseHTML: () => [{ tag: 'span[data-conflict-spot]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, { class: 'cd-conflict-spot' }),
    0,
  ],
});

/** The extension list of a court document: the editor and every converter use exactly this. */
export const courtDocumentExtensions: Extensions = [
  Document,
  Text,
  CourtParagraph,
  CourtHeading,
  HardBreak,
  Bold,
  Underline,
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  TextAlign.configure({ types: ['paragraph', 'heading'], alignments: [...TEXT_ALIGNS] }),
  MergeField,
  FillIn,
  ConflictSpot,
];

let schema: Schema | undefined;

/** The ProseMirror schema of {@link courtDocumentExtensions} (built once). */
export function courtDocumentSchema(): Schema {
  schema ??= getSchema(courtDocumentExtensions);
  return schema;
}

/** Why a document's JSON is not a court document. */
export class CourtDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CourtDocumentError';
  }
}

/**
 * Reads TipTap JSON as a court document, refusing unknown nodes, marks and content the schema does
 * not allow (a table in a paragraph …) with a {@link CourtDocumentError}. Converters call this
 * first, so a bad document gets a clear error and never a half-written file.
 */
export function parseCourtDocument(json: JSONContent): ProseMirrorNode {
  try {
    const node = ProseMirrorNode.fromJSON(courtDocumentSchema(), json);
    node.check();
    if (node.type.name !== 'doc') throw new Error(`the top node is ${node.type.name}, not doc`);
    return node;
  } catch (err) {
    throw new CourtDocumentError(`not a court document: ${err instanceof Error ? err.message : String(err)}`);
  }
}
