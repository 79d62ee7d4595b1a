/**
 * A calendar date without a time or a time zone, written `YYYY-MM-DD` (the date printed on a
 * filing receipt). All arithmetic goes through a day number (days since 1970-01-01) computed with
 * `Date.UTC`, so the host's time zone can never shift a date by one.
 */

/** A `YYYY-MM-DD` string that {@link isPlainDate} accepted. */
export type PlainDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Year, month (1–12) and day of a date. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** True for a leap year of the Gregorian calendar (the calendar 民法典 第二百条 counts in). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Splits a date string into its parts, or null when it is not a real date in 1000–9999. */
export function dateParts(value: string): DateParts | null {
  const m = SHAPE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isPlainDate(value: unknown): value is PlainDate {
  return typeof value === 'string' && dateParts(value) !== null;
}

/** Formats parts as `YYYY-MM-DD` (no validation beyond padding). */
export function formatDate(parts: DateParts): PlainDate {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a date; throws on an invalid date (callers validate input first). */
export function toDayNumber(date: PlainDate): number {
  const p = dateParts(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(n: number): PlainDate {
  const d = new Date(n * DAY_MS);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** `date` plus `days` (may be negative). */
export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b` (the strings sort the same way). */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `date` is the last day of its month. */
export function isLastDayOfMonth(date: PlainDate): boolean {
  const p = dateParts(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return p.day === daysInMonth(p.year, p.month);
}

/**
 * How a period counted in months ends.
 * - `civil`: 民法典 第二百零二条 (and 民事诉讼法 第八十五条 as the SPC reads it): the day with the
 *   same number in the final month, or that month's last day when it has no such day.
 *   2026-08-31 + 6 months → 2027-02-28; 2026-02-28 + 1 month → 2026-03-28.
 * - `criminal`: 刑事诉讼法解释 (2012年版 第一百六十五条, carried into the 2021 interpretation):
 *   as `civil`, except that a period starting on the last day of a month ends on the last day of
 *   the final month. 2026-02-28 + 1 month → 2026-03-31.
 */
export type MonthRule = 'civil' | 'criminal';

/** `date` plus `months` whole months, ending per `rule` (see {@link MonthRule}). */
export function addMonths(date: PlainDate, months: number, rule: MonthRule = 'civil'): PlainDate {
  const p = dateParts(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const fromMonthEnd = p.day === daysInMonth(p.year, p.month);
  const day = rule === 'criminal' && fromMonthEnd ? last : Math.min(p.day, last);
  return formatDate({ year, month, day });
}
