/**
 * Statutory time limits (审限) of a case: due date, elapsed and remaining days, warning level.
 *
 * Counting (民事诉讼法 第八十五条, 刑事诉讼法 第一百零五条, 民法典 第二百零一条、第二百零二条):
 * the filing day is not counted; a period in months ends on the same day number of the final
 * month, or that month's last day when it is shorter (criminal procedure: see `MonthRule`).
 * Suspended periods (扣除审限) are whole days, both ends included, that do not run; approved
 * extensions add to the limit, all counted from the filing day (民诉法解释: "延长后的审理期限累计
 * 不得超过…" treats the extended limit as one total).
 *
 * Holidays: whether a last day on a non-working day moves on is data (`holidayRollover` in
 * timeLimits.json). It is applied only when the caller passes a {@link WorkCalendar}, because the
 * State Council's yearly holiday and make-up-day table is not in core. See the README in
 * resources/reference for the sources behind the flag.
 */
import {
  addDays,
  addMonths,
  compareDates,
  fromDayNumber,
  isPlainDate,
  toDayNumber,
  type PlainDate,
} from './plainDate';
import { procedureLimit, type ApprovalLevel, type ProcedureLimit, type Span } from './timeLimits';

/** A suspension of the clock (扣除审限): `from`–`to` inclusive; `to: null` = still suspended. */
export interface Suspension {
  readonly from: PlainDate;
  readonly to: PlainDate | null;
}

/** An approved extension of the time limit. */
export interface Extension {
  readonly level: ApprovalLevel;
  readonly months: number;
  readonly days: number;
}

/** Tells which days are not working days (weekends, public holidays, minus make-up days). */
export interface WorkCalendar {
  isNonWorkingDay(date: PlainDate): boolean;
}

/** What {@link computeDeadline} needs. */
export interface DeadlineInput {
  /** Procedure code from timeLimits.json (`civilOrdinary`, `criminalSummary` …). */
  readonly procedure: string;
  /** 立案/受理 date; not itself counted. */
  readonly filedOn: PlainDate;
  /** The day the status is wanted for ("today"). */
  readonly asOf: PlainDate;
  /** Named alternative base limit (e.g. `sentenceOver3Years`). */
  readonly variant?: string;
  readonly suspensions?: readonly Suspension[];
  readonly extensions?: readonly Extension[];
  readonly calendar?: WorkCalendar;
}

/** Warning levels of docs/product-rules.md §4.5: 30, 15 and 7 days left, and overdue. */
export type WarningLevel = 'none' | 'd30' | 'd15' | 'd7' | 'overdue';

/** A problem with the recorded extensions (the deadline is still computed). */
export interface DeadlineIssue {
  readonly code: 'extensionLevelNotAllowed' | 'extensionTooLong' | 'extensionTooMany';
  readonly message: string;
}

/** The time-limit state of a case on `asOf`. */
export interface DeadlineStatus {
  readonly procedure: ProcedureLimit;
  /** Total limit: base (or variant) plus every extension. */
  readonly limit: Span;
  /** Due date of the base limit alone, with no suspension or extension. */
  readonly baseDueDate: PlainDate;
  /** Last day of the limit; null while an open-ended suspension holds the clock before it. */
  readonly dueDate: PlainDate | null;
  /** True when an open-ended suspension has stopped the clock on `asOf`. */
  readonly clockStopped: boolean;
  /** Running days the limit allows (before any holiday roll-over). */
  readonly allowedDays: number;
  /** Running days used up to and including `asOf`. */
  readonly elapsedDays: number;
  /** Suspended days deducted up to and including `asOf`. */
  readonly suspendedDays: number;
  /** Running days left after `asOf`; negative when overdue. */
  readonly remainingDays: number;
  /** Days the due date moved because it fell on a non-working day (0 without a calendar). */
  readonly rolledOverDays: number;
  readonly level: WarningLevel;
  readonly issues: readonly DeadlineIssue[];
}

/** Why a deadline could not be computed. */
export interface DeadlineError {
  readonly code:
    'unknownProcedure' | 'unknownVariant' | 'invalidDate' | 'invalidSuspension' | 'invalidExtension';
  readonly message: string;
}

/** Either a status or the reason there is none; never throws. */
export type DeadlineResult =
  | { readonly ok: true; readonly value: DeadlineStatus }
  | { readonly ok: false; readonly error: DeadlineError };

/** Warning level for a number of remaining running days (≤30, ≤15, ≤7, <0). */
export function warningLevel(remainingDays: number): WarningLevel {
  if (remainingDays < 0) return 'overdue';
  if (remainingDays <= 7) return 'd7';
  if (remainingDays <= 15) return 'd15';
  if (remainingDays <= 30) return 'd30';
  return 'none';
}

/** End of a span counted from `start` (start not counted): months first, then days. */
export function addSpan(
  start: PlainDate,
  span: Span,
  rule: ProcedureLimit['monthRule'] = 'civil',
): PlainDate {
  return addDays(addMonths(start, span.months, rule), span.days);
}

/** Day-number intervals, inclusive; `end` is Infinity for an open suspension. */
interface DayRange {
  start: number;
  end: number;
}

/** Sorts suspensions and merges overlapping or touching ones into day-number ranges. */
function toRanges(list: readonly Suspension[]): DayRange[] {
  const ranges = list
    .map((s) => ({ start: toDayNumber(s.from), end: s.to === null ? Infinity : toDayNumber(s.to) }))
    .sort((a, b) => a.start - b.start);
  const merged: DayRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Sorted suspensions with overlapping or touching ones merged (for display and storage). */
export function mergeSuspensions(list: readonly Suspension[]): Suspension[] {
  return toRanges(list).map((r) => ({
    from: fromDayNumber(r.start),
    to: r.end === Infinity ? null : fromDayNumber(r.end),
  }));
}

/** Day number on which `running` running days after `from` are used up, or null if never. */
function walk(from: number, running: number, ranges: readonly DayRange[]): number | null {
  let cursor = from;
  let left = running;
  for (const r of ranges) {
    if (r.end <= cursor) continue;
    const start = Math.max(r.start, cursor + 1);
    const gap = start - 1 - cursor;
    if (left <= gap) return cursor + left;
    left -= gap;
    if (r.end === Infinity) return null;
    cursor = r.end;
  }
  return cursor + left;
}

/** Suspended days within (from, to]. */
function suspendedWithin(from: number, to: number, ranges: readonly DayRange[]): number {
  let total = 0;
  for (const r of ranges) {
    const a = Math.max(r.start, from + 1);
    const b = Math.min(r.end, to);
    if (b >= a) total += b - a + 1;
  }
  return total;
}

/** Checks recorded extensions against what the procedure allows. */
export function checkExtensions(proc: ProcedureLimit, extensions: readonly Extension[]): DeadlineIssue[] {
  const issues: DeadlineIssue[] = [];
  const counts = new Map<ApprovalLevel, number>();
  for (const e of extensions) {
    const rule = proc.extensions.find((r) => r.level === e.level);
    if (!rule) {
      issues.push({
        code: 'extensionLevelNotAllowed',
        message: `${proc.name}不允许由 ${e.level} 批准延长 (no ${e.level} extension for ${proc.code})`,
      });
      continue;
    }
    const n = (counts.get(e.level) ?? 0) + 1;
    counts.set(e.level, n);
    if (rule.maxTimes !== null && n > rule.maxTimes) {
      issues.push({
        code: 'extensionTooMany',
        message: `${proc.name}由 ${e.level} 批准延长超过 ${rule.maxTimes} 次 (too many ${e.level} extensions)`,
      });
    }
    if (rule.span && e.months * 31 + e.days > rule.span.months * 31 + rule.span.days) {
      issues.push({
        code: 'extensionTooLong',
        message: `${proc.name}单次延长超过法定幅度 (extension longer than the rule allows)`,
      });
    }
  }
  return issues;
}

function err(code: DeadlineError['code'], message: string): DeadlineResult {
  return { ok: false, error: { code, message } };
}

/** Computes the time-limit state of a case; returns a typed error for bad input. */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const proc = procedureLimit(input.procedure);
  if (!proc) return err('unknownProcedure', `未知的程序 (unknown procedure: ${input.procedure})`);
  let base = proc.base;
  if (input.variant !== undefined) {
    const v = proc.variants[input.variant];
    if (!v) return err('unknownVariant', `未知的审限情形 (unknown variant: ${input.variant})`);
    base = v;
  }
  if (!isPlainDate(input.filedOn) || !isPlainDate(input.asOf))
    return err('invalidDate', '日期格式应为 YYYY-MM-DD (dates must be YYYY-MM-DD)');
  const suspensions = input.suspensions ?? [];
  for (const s of suspensions) {
    if (!isPlainDate(s.from) || (s.to !== null && !isPlainDate(s.to)))
      return err('invalidDate', '扣除审限的日期无效 (invalid suspension date)');
    if (s.to !== null && compareDates(s.to, s.from) < 0)
      return err(
        'invalidSuspension',
        `扣除审限的结束日早于开始日 (suspension ends before it starts: ${s.from}–${s.to})`,
      );
  }
  const extensions = input.extensions ?? [];
  for (const e of extensions) {
    const whole = (n: number) => Number.isInteger(n) && n >= 0;
    if (!whole(e.months) || !whole(e.days) || e.months + e.days === 0)
      return err(
        'invalidExtension',
        '延长期限必须是正的整月或整日 (an extension must be whole months/days > 0)',
      );
  }

  const limit: Span = extensions.reduce(
    (s, e) => ({ months: s.months + e.months, days: s.days + e.days }),
    base,
  );
  const filed = toDayNumber(input.filedOn);
  const asOf = toDayNumber(input.asOf);
  const allowedDays = toDayNumber(addSpan(input.filedOn, limit, proc.monthRule)) - filed;
  const ranges = toRanges(suspensions);
  let due = walk(filed, allowedDays, ranges);
  let rolledOverDays = 0;
  if (due !== null && proc.holidayRollover && input.calendar) {
    const cal = input.calendar;
    // A year of consecutive non-working days would be a calendar bug, not a holiday.
    while (rolledOverDays < 366 && cal.isNonWorkingDay(fromDayNumber(due + rolledOverDays)))
      rolledOverDays += 1;
    due += rolledOverDays;
  }
  const elapsedDays = Math.max(0, asOf - filed - suspendedWithin(filed, asOf, ranges));
  const total = due === null ? allowedDays : due - filed - suspendedWithin(filed, due, ranges);
  const remainingDays = total - elapsedDays;
  const clockStopped = ranges.some((r) => r.end === Infinity && r.start <= asOf);
  return {
    ok: true,
    value: {
      procedure: proc,
      limit,
      baseDueDate: addSpan(input.filedOn, base, proc.monthRule),
      dueDate: due === null ? null : fromDayNumber(due),
      clockStopped,
      allowedDays,
      elapsedDays,
      suspendedDays: suspendedWithin(filed, asOf, ranges),
      remainingDays,
      rolledOverDays,
      level: warningLevel(remainingDays),
      issues: checkExtensions(proc, extensions),
    },
  };
}
