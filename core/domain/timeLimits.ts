/**
 * The statutory time limits (审限) of every procedure docs/product-rules.md §4.5 names, loaded from
 * `resources/reference/timeLimits.json` and checked once at load so the rest of the code can trust
 * their shape. The legal source of each limit is kept beside it in the JSON (`source`).
 */
import raw from '../../resources/reference/timeLimits.json';
import type { MonthRule } from './plainDate';

/** Who approved an extension of a time limit. */
export type ApprovalLevel = 'president' | 'higherCourt' | 'highCourt' | 'supremeCourt';

/** Every {@link ApprovalLevel}, lowest first. */
export const APPROVAL_LEVELS: readonly ApprovalLevel[] = [
  'president',
  'higherCourt',
  'highCourt',
  'supremeCourt',
];

/** A length of time: whole months, then days (1.5 months = 1 month + 15 days, 刑诉法解释). */
export interface Span {
  readonly months: number;
  readonly days: number;
}

/** One kind of extension a procedure allows. */
export interface ExtensionRule {
  readonly level: ApprovalLevel;
  /** Length one approval adds; null where the law names no length ("as approved"). */
  readonly span: Span | null;
  /** How many approvals of this level the law contemplates; null: no stated limit. */
  readonly maxTimes: number | null;
}

/** Procedure families, as in the case-type reference list. */
export type ProcedureFamily = 'civil' | 'criminal' | 'administrative' | 'enforcement';

/** The time limit of one procedure. */
export interface ProcedureLimit {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly family: ProcedureFamily;
  readonly base: Span;
  /** Named alternative base limits (e.g. `sentenceOver3Years` for criminal summary procedure). */
  readonly variants: Readonly<Record<string, Span>>;
  readonly monthRule: MonthRule;
  /** Whether a last day on a non-working day moves to the next working day (see deadlines.ts). */
  readonly holidayRollover: boolean;
  readonly extensions: readonly ExtensionRule[];
  /** The article(s) the limit comes from. */
  readonly source: string;
}

const FAMILIES: readonly string[] = ['civil', 'criminal', 'administrative', 'enforcement'];

function fail(message: string): never {
  throw new Error(`timeLimits.json: ${message}`);
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function asCount(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    fail(`${where} must be a whole number ≥ 0`);
  return value;
}

function asString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(`${where} must be a non-empty string`);
  return value;
}

function asSpan(value: unknown, where: string): Span {
  const r = asRecord(value, where);
  const span = { months: asCount(r['months'], `${where}.months`), days: asCount(r['days'], `${where}.days`) };
  if (span.months === 0 && span.days === 0) fail(`${where} is empty`);
  return span;
}

/** Checks and converts the raw JSON; throws with the offending path when the data is malformed. */
export function parseTimeLimits(data: unknown): ProcedureLimit[] {
  const list = asRecord(data, 'root')['procedures'];
  if (!Array.isArray(list)) fail('procedures must be an array');
  const seen = new Set<string>();
  return list.map((item: unknown, i) => {
    const r = asRecord(item, `procedures[${i}]`);
    const code = asString(r['code'], `procedures[${i}].code`);
    if (seen.has(code)) fail(`duplicate procedure ${code}`);
    seen.add(code);
    const family = asString(r['family'], `${code}.family`);
    if (!FAMILIES.includes(family)) fail(`${code}.family: unknown ${family}`);
    const monthRule = asString(r['monthRule'], `${code}.monthRule`);
    if (monthRule !== 'civil' && monthRule !== 'criminal') fail(`${code}.monthRule: unknown ${monthRule}`);
    if (typeof r['holidayRollover'] !== 'boolean') fail(`${code}.holidayRollover must be a boolean`);
    const variants: Record<string, Span> = {};
    for (const [name, span] of Object.entries(asRecord(r['variants'] ?? {}, `${code}.variants`))) {
      variants[name] = asSpan(span, `${code}.variants.${name}`);
    }
    const exts = r['extensions'];
    if (!Array.isArray(exts)) fail(`${code}.extensions must be an array`);
    const extensions = exts.map((e: unknown, j): ExtensionRule => {
      const x = asRecord(e, `${code}.extensions[${j}]`);
      const level = asString(x['level'], `${code}.extensions[${j}].level`);
      if (!(APPROVAL_LEVELS as readonly string[]).includes(level))
        fail(`${code}.extensions[${j}].level: unknown ${level}`);
      const span =
        x['months'] === null
          ? null
          : asSpan({ months: x['months'], days: x['days'] }, `${code}.extensions[${j}]`);
      const maxTimes =
        x['maxTimes'] === null ? null : asCount(x['maxTimes'], `${code}.extensions[${j}].maxTimes`);
      return { level: level as ApprovalLevel, span, maxTimes };
    });
    return {
      code,
      name: asString(r['name'], `${code}.name`),
      nameEn: asString(r['nameEn'], `${code}.nameEn`),
      family: family as ProcedureFamily,
      base: asSpan(r['base'], `${code}.base`),
      variants,
      monthRule,
      holidayRollover: r['holidayRollover'],
      extensions,
      source: asString(r['source'], `${code}.source`),
    };
  });
}

/** Every procedure's time limit, from the reference data. */
export const PROCEDURE_LIMITS: readonly ProcedureLimit[] = parseTimeLimits(raw);

/** The time limit of a procedure by code (`civilOrdinary`, `criminalSummary` …), or null. */
export function procedureLimit(code: string): ProcedureLimit | null {
  return PROCEDURE_LIMITS.find((p) => p.code === code) ?? null;
}
