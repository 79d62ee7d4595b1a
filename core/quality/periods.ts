/**
 * Statistical periods of the trial-quality dashboard: a day, a calendar month, a calendar quarter.
 * Bounds are inclusive `YYYY-MM-DD` dates, so a case filed on the last day of a month belongs to it.
 */
import { addDays, addMonths, daysInMonth, type PlainDate } from '../domain/plainDate';

/** A statistical period, both ends included. */
export interface Period {
  /** `2026-12-07`, `2026-11` or `2026Q3`. */
  readonly key: string;
  readonly from: PlainDate;
  readonly to: PlainDate;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The single day `date`. */
export function dayPeriod(date: PlainDate): Period {
  return { key: date, from: date, to: date };
}

/** The calendar month containing `date`. */
export function monthPeriod(date: PlainDate): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return { key: `${y}-${pad(m)}`, from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
}

/** The calendar quarter containing `date`. */
export function quarterPeriod(date: PlainDate): Period {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const last = q * 3 + 3;
  return {
    key: `${y}Q${q + 1}`,
    from: `${y}-${pad(q * 3 + 1)}-01`,
    to: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}`,
  };
}

/** The month before `p` (a month period). */
export function previousMonth(p: Period): Period {
  return monthPeriod(addDays(p.from, -1));
}

/** The same quarter one year earlier (同比). */
export function sameQuarterLastYear(p: Period): Period {
  return quarterPeriod(addMonths(p.from, -12));
}

/** The `n` quarters ending with the one containing `date`, oldest first. */
export function lastQuarters(date: PlainDate, n: number): Period[] {
  const out: Period[] = [];
  let q = quarterPeriod(date);
  for (let i = 0; i < n; i++) {
    out.unshift(q);
    q = quarterPeriod(addDays(q.from, -1));
  }
  return out;
}

/** The `n` months ending with the one containing `date`, oldest first. */
export function lastMonths(date: PlainDate, n: number): Period[] {
  const out: Period[] = [];
  let m = monthPeriod(date);
  for (let i = 0; i < n; i++) {
    out.unshift(m);
    m = previousMonth(m);
  }
  return out;
}
