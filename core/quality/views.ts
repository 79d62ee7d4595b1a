/**
 * The three dashboard views of SPEC §4.2 (日监控、月通报、季分析) as pure functions over case facts.
 * Each is assembled from {@link computeIndicators} (one pass per call) plus, for the daily monitor,
 * the open cases' due dates on the day.
 */
import type { PlainDate } from '../domain/plainDate';
import { daysLeft, type CaseFacts } from './caseFacts';
import {
  computeIndicators,
  type Dimension,
  type Figure,
  type Indicators,
  type IndicatorOptions,
} from './indicators';
import {
  dayPeriod,
  lastQuarters,
  monthPeriod,
  previousMonth,
  sameQuarterLastYear,
  type Period,
} from './periods';

/** An open case near or past its time limit on the monitored day. */
export interface DeadlineRow {
  readonly id: string;
  readonly number: string;
  readonly judge: string;
  readonly division: string;
  readonly dueDate: PlainDate;
  /** Days to the due date (negative: overdue by that many days). */
  readonly daysLeft: number;
}

/** 日监控: the day's filings and closings, cases about to exceed their limit, overdue per judge. */
export interface DailyMonitor {
  readonly day: PlainDate;
  readonly today: Indicators;
  /** Open cases with 0 ≤ days left ≤ `withinDays`, soonest first. */
  readonly aboutToExpire: readonly DeadlineRow[];
  /** Open cases past their due date per judge ('' = unassigned), most overdue judge first. */
  readonly overdueByJudge: readonly { readonly judge: string; readonly rows: readonly DeadlineRow[] }[];
}

/** Builds the daily monitor for `day`; `withinDays` is the "about to exceed" horizon (default 7). */
export function dailyMonitor(
  facts: readonly CaseFacts[],
  day: PlainDate,
  options: IndicatorOptions & { readonly withinDays?: number } = {},
): DailyMonitor {
  const within = options.withinDays ?? 7;
  const [p] = computeIndicators(facts, [dayPeriod(day)], options);
  const soon: DeadlineRow[] = [];
  const overdue = new Map<string, DeadlineRow[]>();
  const filters = Object.entries(options.filter ?? {}) as [Dimension, readonly string[]][];
  for (const f of facts) {
    const left = daysLeft(f, day);
    if (left === null || left > within || f.dueDate === null) continue;
    if (filters.some(([d, v]) => !v.includes(f[d]))) continue;
    if (f.filedOn === null || f.filedOn > day) continue;
    const row: DeadlineRow = {
      id: f.id,
      number: f.number,
      judge: f.judge,
      division: f.division,
      dueDate: f.dueDate,
      daysLeft: left,
    };
    if (left >= 0) soon.push(row);
    else {
      let l = overdue.get(f.judge);
      if (!l) overdue.set(f.judge, (l = []));
      l.push(row);
    }
  }
  soon.sort((a, b) => a.daysLeft - b.daysLeft || a.number.localeCompare(b.number));
  return {
    day,
    today: (p as NonNullable<typeof p>).total,
    aboutToExpire: soon,
    overdueByJudge: [...overdue]
      .map(([judge, rows]) => ({ judge, rows: rows.sort((a, b) => a.daysLeft - b.daysLeft) }))
      .sort((a, b) => b.rows.length - a.rows.length || a.judge.localeCompare(b.judge)),
  };
}

/** One ranked row of the monthly bulletin. */
export interface BulletinRow {
  readonly key: string;
  readonly rank: number;
  readonly current: Indicators;
  readonly previous: Indicators | null;
}

/** 月通报: the month's indicators per division and per judge, ranked, with the previous month. */
export interface MonthlyBulletin {
  readonly month: Period;
  readonly previousMonth: Period;
  readonly total: { readonly current: Indicators; readonly previous: Indicators };
  readonly byDivision: readonly BulletinRow[];
  readonly byJudge: readonly BulletinRow[];
}

/** Month-on-month change of a figure's value (环比): current − previous, null when either is null. */
export function change(current: Figure, previous: Figure | null | undefined): number | null {
  if (!previous || current.value === null || previous.value === null) return null;
  return current.value - previous.value;
}

/**
 * Ranks groups by closure rate (结案率) descending, then closed cases descending, then key — the
 * order court bulletins rank by; groups without a closure rate come last.
 */
function ranked(cur: ReadonlyMap<string, Indicators>, prev: ReadonlyMap<string, Indicators>): BulletinRow[] {
  const rows = [...cur].sort(([ka, a], [kb, b]) => {
    const ra = a.closureRate.value ?? -1;
    const rb = b.closureRate.value ?? -1;
    if (ra !== rb) return rb - ra;
    const ca = a.closed.value ?? 0;
    const cb = b.closed.value ?? 0;
    return cb - ca || ka.localeCompare(kb);
  });
  return rows.map(([key, current], i) => ({ key, rank: i + 1, current, previous: prev.get(key) ?? null }));
}

/** Builds the monthly bulletin of the month containing `day`. */
export function monthlyBulletin(
  facts: readonly CaseFacts[],
  day: PlainDate,
  options: Pick<IndicatorOptions, 'filter' | 'asOf'> = {},
): MonthlyBulletin {
  const month = monthPeriod(day);
  const prev = previousMonth(month);
  const [d0, d1] = computeIndicators(facts, [month, prev], { ...options, groupBy: 'division' });
  const [j0, j1] = computeIndicators(facts, [month, prev], { ...options, groupBy: 'judge' });
  const a = d0 as NonNullable<typeof d0>;
  const b = d1 as NonNullable<typeof d1>;
  return {
    month,
    previousMonth: prev,
    total: { current: a.total, previous: b.total },
    byDivision: ranked(a.groups, b.groups),
    byJudge: ranked((j0 as NonNullable<typeof j0>).groups, (j1 as NonNullable<typeof j1>).groups).filter(
      (r) => r.key !== '',
    ),
  };
}

/** 季分析: eight quarters of trend with the same quarters a year earlier (同比), per division too. */
export interface QuarterlyAnalysis {
  readonly quarters: readonly Period[];
  /** Indicators of each quarter (same order as `quarters`). */
  readonly trend: readonly Indicators[];
  /** The same quarter one year earlier, per quarter (year-on-year). */
  readonly lastYear: readonly Indicators[];
  /** Per division: each quarter's indicators. */
  readonly byDivision: ReadonlyMap<string, readonly (Indicators | null)[]>;
}

/** Builds the quarterly analysis of the `count` (default 8) quarters ending with the one of `day`. */
export function quarterlyAnalysis(
  facts: readonly CaseFacts[],
  day: PlainDate,
  options: Pick<IndicatorOptions, 'filter' | 'asOf'> & { readonly count?: number } = {},
): QuarterlyAnalysis {
  const quarters = lastQuarters(day, options.count ?? 8);
  const earlier = quarters.slice(0, 4).map(sameQuarterLastYear);
  const all = [...earlier, ...quarters];
  const res = computeIndicators(facts, all, {
    groupBy: 'division',
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  const byKey = new Map(res.map((r) => [r.period.key, r]));
  const at = (p: Period) => byKey.get(p.key) as PeriodIndicators;
  const divisions = new Set<string>();
  for (const q of quarters) for (const k of at(q).groups.keys()) divisions.add(k);
  return {
    quarters,
    trend: quarters.map((q) => at(q).total),
    lastYear: quarters.map((q) => at(sameQuarterLastYear(q)).total),
    byDivision: new Map(
      [...divisions].sort().map((d) => [d, quarters.map((q) => at(q).groups.get(d) ?? null)] as const),
    ),
  };
}

type PeriodIndicators = ReturnType<typeof computeIndicators>[number];
