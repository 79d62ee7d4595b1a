/**
 * The format of a document style file in `resources/templates/` and its check. A style is a list of
 * blocks: a line (`text` with its role, numbering, indent), a `section` (首部, 事实 … holding its
 * lines), `each` over a list field, `when` / `unless` a field has a value, `include` of a shared
 * fragment, and `table` for forms (传票, 送达回证).
 * {@link checkTemplate} refuses unknown fields, fields used outside the `each` that gives them their
 * item, malformed lines and unknown fragments, so a bad file fails the tests, not a judge's screen.
 */
import { DRAFT_KINDS } from '../../schemas/draft';
import {
  DOC_SECTIONS,
  LINE_ROLES,
  NUMBERING_STYLES,
  TEXT_ALIGNS,
  type DocSection,
  type LineRole,
  type NumberingStyle,
  type TextAlign,
} from '../content/docModel';
import { fieldSpec, type FeeHalving, type ItemKind } from './fields';
import { fieldNamesOf, parseTemplateText } from './templateText';

/** One line of a template. */
export interface TemplateLine {
  readonly text: string;
  readonly role?: LineRole;
  readonly numbering?: NumberingStyle;
  readonly indent?: number;
  readonly align?: TextAlign;
}

/** A cell of a form table. */
export interface TemplateCell {
  readonly text: string;
  readonly header?: boolean;
  readonly colspan?: number;
  readonly align?: TextAlign;
}

/** A block of a template. */
export type TemplateBlock =
  | TemplateLine
  | {
      readonly each: string;
      /** At least this many items: missing ones are shown with `placeholder` and listed as missing. */
      readonly min?: number;
      readonly placeholder?: TemplateLine;
      readonly blocks: readonly TemplateBlock[];
    }
  | { readonly when: string; readonly blocks: readonly TemplateBlock[] }
  | { readonly unless: string; readonly blocks: readonly TemplateBlock[] }
  | { readonly include: string }
  | { readonly section: DocSection; readonly blocks: readonly TemplateBlock[] }
  | {
      readonly table: {
        /** Relative column widths. */
        readonly columns: readonly number[];
        readonly rows: readonly (readonly TemplateCell[])[];
      };
    };

/** A document style (文书样式). */
export interface DocumentTemplate {
  readonly id: string;
  /** 民事判决书（第一审普通程序用） … */
  readonly name: string;
  readonly nameEn: string;
  /** The draft kind a document from it is (core/schemas/draft.ts). */
  readonly documentKind: (typeof DRAFT_KINDS)[number];
  /** Case type codes it serves (民初, 刑初 …). */
  readonly caseTypes: readonly string[];
  /** Procedure codes it serves; absent: any procedure of those types. */
  readonly procedures?: readonly string[];
  /** Fee halvings the document itself implies (准予撤诉 → withdrawal). */
  readonly feeHalving?: readonly FeeHalving[];
  /** Addressed to one person (传票, 送达回证): merged once per recipient. */
  readonly perRecipient?: boolean;
  /** Where its structure and wording come from. */
  readonly source: string;
  readonly blocks: readonly TemplateBlock[];
}

/** Shared blocks by name (`resources/templates/fragments.json`). */
export type TemplateFragments = Readonly<Record<string, readonly TemplateBlock[]>>;

/** A problem in a template file, with where it is (`blocks[3].blocks[0]`). */
export interface TemplateIssue {
  readonly at: string;
  readonly message: string;
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = (v: unknown, list: readonly string[]) => typeof v === 'string' && list.includes(v);

class Checker {
  readonly issues: TemplateIssue[] = [];
  private readonly including = new Set<string>();
  constructor(private readonly fragments: Obj) {}

  add(at: string, message: string): void {
    this.issues.push({ at, message });
  }

  field(at: string, name: string, items: ReadonlySet<ItemKind>, kinds: readonly string[]): void {
    const spec = fieldSpec(name);
    if (!spec) return this.add(at, `unknown field ${name}`);
    if (!kinds.includes(spec.kind))
      this.add(at, `${name} is a ${spec.kind} field, not ${kinds.join(' or ')}`);
    if (spec.item && !items.has(spec.item))
      this.add(at, `${name} is only available inside an each over ${spec.item}s`);
  }

  line(at: string, b: Obj, items: ReadonlySet<ItemKind>): void {
    if (typeof b['text'] !== 'string') return this.add(at, 'text must be a string');
    const parsed = parseTemplateText(b['text']);
    if (!parsed.ok) return this.add(at, parsed.error);
    for (const name of fieldNamesOf(parsed.segments)) this.field(at, name, items, ['text']);
    if (b['role'] !== undefined && !oneOf(b['role'], LINE_ROLES)) this.add(at, 'unknown role');
    if (b['numbering'] !== undefined && !oneOf(b['numbering'], NUMBERING_STYLES))
      this.add(at, 'unknown numbering');
    if (b['align'] !== undefined && !oneOf(b['align'], TEXT_ALIGNS)) this.add(at, 'unknown align');
    const indent = b['indent'];
    if (
      indent !== undefined &&
      !(typeof indent === 'number' && Number.isInteger(indent) && indent >= 0 && indent <= 8)
    )
      this.add(at, 'indent must be 0–8 characters');
  }

  blocks(at: string, value: unknown, items: ReadonlySet<ItemKind>): void {
    if (!Array.isArray(value)) return this.add(at, 'blocks must be a list');
    value.forEach((b: unknown, i) => this.block(`${at}[${i}]`, b, items));
  }

  block(at: string, b: unknown, items: ReadonlySet<ItemKind>): void {
    if (!isObj(b)) return this.add(at, 'a block must be an object');
    if ('each' in b) {
      const name = String(b['each']);
      this.field(at, name, items, ['list']);
      const spec = fieldSpec(name);
      const inner = new Set(items);
      if (spec?.kind === 'list') inner.add(spec.of);
      const min = b['min'];
      if (min !== undefined && !(typeof min === 'number' && Number.isInteger(min) && min > 0))
        this.add(at, 'min must be a whole number > 0');
      if ((min === undefined) !== (b['placeholder'] === undefined))
        this.add(at, 'min and placeholder go together');
      if (isObj(b['placeholder'])) this.line(`${at}.placeholder`, b['placeholder'], items);
      this.blocks(`${at}.blocks`, b['blocks'], inner);
    } else if ('when' in b || 'unless' in b) {
      this.field(at, String(b['when'] ?? b['unless']), items, ['flag', 'text', 'list']);
      this.blocks(`${at}.blocks`, b['blocks'], items);
    } else if ('include' in b) {
      const name = String(b['include']);
      if (!Object.prototype.hasOwnProperty.call(this.fragments, name))
        return this.add(at, `unknown fragment ${name}`);
      if (this.including.has(name)) return this.add(at, `fragment ${name} includes itself`);
      this.including.add(name);
      this.blocks(`${at}<${name}>`, this.fragments[name], items);
      this.including.delete(name);
    } else if ('table' in b) {
      this.table(at, b['table'], items);
    } else if ('section' in b) {
      if (!oneOf(b['section'], DOC_SECTIONS)) this.add(at, `unknown section ${String(b['section'])}`);
      this.blocks(`${at}.blocks`, b['blocks'], items);
    } else {
      this.line(at, b, items);
    }
  }

  table(at: string, t: unknown, items: ReadonlySet<ItemKind>): void {
    if (!isObj(t) || !Array.isArray(t['rows']) || !Array.isArray(t['columns']))
      return this.add(at, 'a table needs columns and rows');
    const columns = t['columns'] as unknown[];
    if (!columns.every((c) => typeof c === 'number' && c > 0)) this.add(at, 'column widths must be > 0');
    (t['rows'] as unknown[]).forEach((row, r) => {
      if (!Array.isArray(row)) return this.add(`${at}.rows[${r}]`, 'a row must be a list');
      let span = 0;
      row.forEach((cell: unknown, c) => {
        const where = `${at}.rows[${r}][${c}]`;
        if (!isObj(cell)) return this.add(where, 'a cell must be an object');
        const colspan = cell['colspan'] ?? 1;
        span += typeof colspan === 'number' ? colspan : 1;
        this.line(where, cell, items);
      });
      if (span !== columns.length)
        this.add(`${at}.rows[${r}]`, `row spans ${span} columns, not ${columns.length}`);
    });
  }
}

/** The blocks with every `include` replaced by its fragment (after the check, so names exist). */
function expandIncludes(blocks: readonly TemplateBlock[], fragments: TemplateFragments): TemplateBlock[] {
  return blocks.flatMap((b): TemplateBlock[] => {
    if ('include' in b) return expandIncludes(fragments[b.include] ?? [], fragments);
    if ('blocks' in b) return [{ ...b, blocks: expandIncludes(b.blocks, fragments) }];
    return [b];
  });
}

/**
 * Checks a parsed style file and returns it typed with its fragments included, or the issues found.
 * Fragments are checked where they are included, with the items of the `each` around them.
 */
export function checkTemplate(
  raw: unknown,
  fragments: TemplateFragments,
): { template: DocumentTemplate | null; issues: TemplateIssue[] } {
  const checker = new Checker(fragments as Obj);
  if (!isObj(raw)) return { template: null, issues: [{ at: '', message: 'a template must be an object' }] };
  for (const key of ['id', 'name', 'nameEn', 'source'])
    if (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '')
      checker.add(key, `${key} is required`);
  if (!oneOf(raw['documentKind'], DRAFT_KINDS)) checker.add('documentKind', 'unknown document kind');
  if (!Array.isArray(raw['caseTypes']) || raw['caseTypes'].length === 0)
    checker.add('caseTypes', 'caseTypes is required');
  const halving = raw['feeHalving'];
  if (
    halving !== undefined &&
    !(Array.isArray(halving) && halving.every((h) => oneOf(h, ['summary', 'mediation', 'withdrawal'])))
  )
    checker.add('feeHalving', 'unknown fee halving');
  checker.blocks(
    'blocks',
    raw['blocks'],
    new Set<ItemKind>(raw['perRecipient'] === true ? ['recipient'] : []),
  );
  return checker.issues.length > 0
    ? { template: null, issues: checker.issues }
    : {
        template: {
          ...(raw as unknown as DocumentTemplate),
          blocks: expandIncludes(raw['blocks'] as TemplateBlock[], fragments),
        },
        issues: [],
      };
}
