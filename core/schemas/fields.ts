/**
 * Small, dependency-free field checks shared by the collection schemas. Each check appends an
 * {@link EnvelopeIssue} (bilingual message, same style as the design documents) instead of
 * throwing, so one validation reports every problem of a document at once.
 */
import type { EnvelopeIssue } from './base';

/** A plain record view of a candidate document. */
export type Fields = Readonly<Record<string, unknown>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Collects issues for one document. */
export class IssueList {
  readonly issues: EnvelopeIssue[] = [];

  add(field: string, zh: string, en: string): void {
    this.issues.push({ field, message: `${zh} (${en})` });
  }

  /** Required non-empty string of at most `max` characters. */
  text(d: Fields, field: string, max: number, opts: { optional?: boolean } = {}): void {
    const v = d[field];
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'string' || v.trim().length === 0)
      this.add(field, `${field} 不能为空`, `${field} must be a non-empty string`);
    else if (v.length > max)
      this.add(field, `${field} 超过 ${max} 个字符`, `${field} is longer than ${max} characters`);
  }

  /** One of the given values. */
  oneOf(d: Fields, field: string, values: readonly string[], opts: { optional?: boolean } = {}): void {
    const v = d[field];
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'string' || !values.includes(v))
      this.add(field, `${field} 取值无效`, `${field} must be one of ${values.join(', ')}`);
  }

  /** A calendar date `YYYY-MM-DD`. */
  date(d: Fields, field: string, opts: { optional?: boolean } = {}): void {
    const v = d[field];
    if (v === undefined && opts.optional) return;
    if (
      typeof v !== 'string' ||
      !DATE.test(v) ||
      Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ||
      new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v
    ) {
      this.add(field, `${field} 必须是有效日期 (YYYY-MM-DD)`, `${field} must be a valid date YYYY-MM-DD`);
    }
  }

  /** An ISO-8601 time with zone. */
  time(d: Fields, field: string, opts: { optional?: boolean } = {}): void {
    const v = d[field];
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'string' || !ISO_TIME.test(v) || Number.isNaN(Date.parse(v))) {
      this.add(field, `${field} 必须是带时区的 ISO 时间`, `${field} must be an ISO-8601 time`);
    }
  }

  /** A finite number ≥ 0. */
  amount(d: Fields, field: string, opts: { optional?: boolean } = {}): void {
    const v = d[field];
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      this.add(field, `${field} 必须是不小于 0 的数`, `${field} must be a number ≥ 0`);
  }

  /** A string id starting with `prefix`. */
  ref(d: Fields, field: string, prefix: string, opts: { optional?: boolean } = {}): void {
    const v = d[field];
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'string' || !v.startsWith(prefix) || v.length <= prefix.length) {
      this.add(field, `${field} 必须以“${prefix}”开头`, `${field} must start with "${prefix}"`);
    }
  }
}

/** True for a non-null, non-array object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
