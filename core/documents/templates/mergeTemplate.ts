/**
 * Fills a document style (文书样式) from a case: a pure function from a checked template, the case's
 * {@link TemplateRecord} and the choices of this merge to TipTap JSON. Merged text carries a
 * `mergeField` mark; what the record lacks becomes a visible 【label】 with a `fillIn` mark and is
 * listed in `missing`, so nothing is ever left silently blank; the judge's own passages (事实, 理由 …)
 * are 【label】 `fillIn` marks too, but expected, so they are not listed.
 */
import {
  MARK,
  NODE,
  docNode,
  paragraphNode,
  textNode,
  type DocMark,
  type DocNode,
  type DocSection,
} from '../content/docModel';
import { fieldSpec, type FieldSpec, type MergeOptions, type MergeScope } from './fields';
import type { DocumentTemplate, TemplateBlock, TemplateCell, TemplateLine } from './templateFormat';
import type { TemplateRecord } from './templateRecord';
import { parseTemplateText, type TextSegment } from './templateText';

/** A field the merge could not fill, for the list shown to the user. */
export interface MissingField {
  readonly field: string;
  readonly label: string;
  readonly labelEn: string;
  /** Whose particular it is (a party's or agent's name), or null for the case itself. */
  readonly subject: string | null;
}

/** The merged document and what it still lacks from the record. */
export interface MergeResult {
  readonly doc: DocNode;
  readonly missing: readonly MissingField[];
}

/** Prefix of the `fillIn` field of a passage the judge writes (`fill:facts`). */
export const PASSAGE_PREFIX = 'fill:';

/** How a place to fill reads in the document: 【出生日期】. */
export function fillInText(label: string): string {
  return `【${label}】`;
}

/** Total width of a form table in px (TipTap's `colwidth` unit): the 156 mm text block at 96 dpi. */
const TABLE_WIDTH_PX = 590;

class Merger {
  readonly missing: MissingField[] = [];
  private readonly seen = new Set<string>();

  private miss(field: string, spec: FieldSpec, scope: MergeScope): void {
    const subject =
      spec.item === 'agent'
        ? (scope.agent?.name ?? null)
        : spec.item === 'party'
          ? (scope.party?.name ?? null)
          : spec.item === 'member'
            ? (scope.member?.name ?? null)
            : spec.item === 'recipient'
              ? (scope.options.recipient ?? null)
              : null;
    const key = `${field}|${subject ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.missing.push({ field, label: spec.label, labelEn: spec.labelEn, subject });
  }

  private value(name: string, scope: MergeScope): string | null {
    const spec = fieldSpec(name);
    return spec?.kind === 'text' ? spec.read(scope) : null;
  }

  private inline(segments: readonly TextSegment[], scope: MergeScope): DocNode[] {
    const out: DocNode[] = [];
    for (const seg of segments) {
      if (seg.kind === 'literal')
        seg.text.split('\n').forEach((part, i) => {
          if (i > 0) out.push({ type: NODE.hardBreak });
          out.push(...textNode(part));
        });
      else if (seg.kind === 'fill') {
        const attrs = { field: `${PASSAGE_PREFIX}${seg.key}`, label: seg.label };
        out.push(...textNode(fillInText(seg.label), [{ type: MARK.fillIn, attrs }]));
      } else if (seg.kind === 'field') {
        const spec = fieldSpec(seg.name);
        if (!spec) throw new Error(`unknown field ${seg.name}: check templates before merging`);
        const value = this.value(seg.name, scope);
        if (value !== null)
          out.push(...textNode(value, [{ type: MARK.mergeField, attrs: { field: seg.name } }]));
        else {
          this.miss(seg.name, spec, scope);
          const attrs = { field: seg.name, label: spec.label };
          out.push(...textNode(fillInText(spec.label), [{ type: MARK.fillIn, attrs }]));
        }
      } else {
        const names = seg.parts.flatMap((p) => (p.kind === 'field' ? [p.name] : []));
        if (names.every((n) => this.value(n, scope) !== null)) out.push(...this.inline(seg.parts, scope));
      }
    }
    return joinText(out);
  }

  private line(line: TemplateLine, section: DocSection | null, scope: MergeScope): DocNode {
    const parsed = parseTemplateText(line.text);
    if (!parsed.ok) throw new Error(`${parsed.error}: check templates before merging`);
    return paragraphNode(this.inline(parsed.segments, scope), {
      section,
      role: line.role ?? null,
      numbering: line.numbering ?? null,
      indent: line.indent ?? null,
      textAlign: line.align ?? null,
    });
  }

  private truthy(name: string, scope: MergeScope): boolean {
    const spec = fieldSpec(name);
    if (!spec) return false;
    if (spec.kind === 'flag') return spec.read(scope);
    if (spec.kind === 'list') return spec.read(scope).length > 0;
    return spec.read(scope) !== null;
  }

  private cell(cell: TemplateCell, width: number, scope: MergeScope): DocNode {
    const paragraph = this.line(cell, null, scope);
    return {
      type: cell.header ? NODE.tableHeader : NODE.tableCell,
      attrs: { colspan: cell.colspan ?? 1, rowspan: 1, colwidth: [width] },
      content: [paragraph],
    };
  }

  blocks(blocks: readonly TemplateBlock[], section: DocSection | null, scope: MergeScope): DocNode[] {
    return blocks.flatMap((b): DocNode[] => {
      if ('each' in b) {
        const spec = fieldSpec(b.each);
        if (spec?.kind !== 'list') throw new Error(`${b.each} is not a list field`);
        const items = spec.read(scope);
        const out = items.flatMap((item) => this.blocks(b.blocks, section, { ...scope, [spec.of]: item }));
        const short = (b.min ?? 0) - items.length;
        if (short > 0 && b.placeholder) {
          this.miss(b.each, spec, scope);
          for (let i = 0; i < short; i++) out.push(this.line(b.placeholder, section, scope));
        }
        return out;
      }
      if ('when' in b) return this.truthy(b.when, scope) ? this.blocks(b.blocks, section, scope) : [];
      if ('unless' in b) return this.truthy(b.unless, scope) ? [] : this.blocks(b.blocks, section, scope);
      if ('include' in b)
        throw new Error(`include ${b.include} was not expanded: check templates before merging`);
      if ('table' in b) {
        const total = b.table.columns.reduce((a, c) => a + c, 0);
        const px = b.table.columns.map((c) => Math.round((c / total) * TABLE_WIDTH_PX));
        const rows = b.table.rows.map((row) => {
          let col = 0;
          const cells = row.map((cell) => {
            const span = cell.colspan ?? 1;
            const width = px.slice(col, col + span).reduce((a, c) => a + c, 0);
            col += span;
            return this.cell(cell, width, scope);
          });
          return { type: NODE.tableRow, content: cells };
        });
        return [{ type: NODE.table, content: rows }];
      }
      if ('section' in b) return this.blocks(b.blocks, b.section, scope);
      return [this.line(b, section, scope)];
    });
  }
}

function sameMarks(a: readonly DocMark[] = [], b: readonly DocMark[] = []): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Joins neighbouring text nodes with the same marks (the form ProseMirror keeps them in). */
function joinText(nodes: readonly DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last && last.type === NODE.text && node.type === NODE.text && sameMarks(last.marks, node.marks))
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') };
    else out.push(node);
  }
  return out;
}

/**
 * Merges a checked template with a case record. Never leaves a gap blank: a field without a value is
 * written as 【label】 (a `fillIn` mark) and listed in `missing`. Throws only for a template that
 * {@link checkTemplate} would have refused.
 */
export function mergeTemplate(
  template: DocumentTemplate,
  record: TemplateRecord,
  options: MergeOptions = {},
): MergeResult {
  const merger = new Merger();
  const content = merger.blocks(template.blocks, null, {
    record,
    options,
    feeHalving: template.feeHalving ?? [],
  });
  return { doc: docNode(content), missing: merger.missing };
}
