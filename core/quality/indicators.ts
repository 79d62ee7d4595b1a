/**
 * Trial-quality indicators (审判质效指标, SPEC §4.2; definitions in docs/quality.md) over case facts
 * (caseFacts.ts), for a list of periods, optionally sliced by court, division, judge or case type.
 * One pass over the facts per call, whatever the number of indicators, periods and groups: every
 * case is tested once per period and appended to the id lists of the figures it counts in, so each
 * figure can be drilled down to the cases behind it.
 */
import { addMonths, type PlainDate } from '../domain/plainDate';
import type { CaseFacts } from './caseFacts';
import type { Period } from './periods';

/** A dimension an indicator table can be sliced by. */
export type Dimension = 'court' | 'division' | 'judge' | 'caseType';

/** Every {@link Dimension}. */
export const DIMENSIONS: readonly Dimension[] = ['court', 'division', 'judge', 'caseType'];

/**
 * One figure: a count, a rate (0–1), days or yuan. `ids` are the cases the figure counts (for a
 * rate, its numerator); `baseIds` the denominator of a rate (empty for other figures).
 */
export interface Figure {
  /** null when a rate or an average has nothing to divide by. */
  readonly value: number | null;
  readonly ids: readonly string[];
  readonly baseIds: readonly string[];
}

/** Names of the indicators of an {@link Indicators} set, in display order. */
export const INDICATOR_NAMES = [
  'received',
  'closed',
  'carriedOver',
  'pending',
  'closureRate',
  'withinLimitRate',
  'averageDays',
  'medianDays',
  'overdue',
  'longPending12',
  'longPending18',
  'mediationRate',
  'withdrawalRate',
  'remandReversalRate',
  'acceptanceRate',
  'enforcementCompletionRate',
  'amountRecovered',
] as const;

/** One of {@link INDICATOR_NAMES}. */
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

/** Indicators that are rates (shown as percentages). */
export const RATE_INDICATORS: ReadonlySet<IndicatorName> = new Set([
  'closureRate',
  'withinLimitRate',
  'mediationRate',
  'withdrawalRate',
  'remandReversalRate',
  'acceptanceRate',
  'enforcementCompletionRate',
]);

/** The indicators of one slice in one period. */
export type Indicators = Readonly<Record<IndicatorName, Figure>>;

/** The indicators of one period: the whole selection and each group. */
export interface PeriodIndicators {
  readonly period: Period;
  readonly total: Indicators;
  /** Group key (the dimension's value; '' = not recorded) → indicators; empty without `groupBy`. */
  readonly groups: ReadonlyMap<string, Indicators>;
}

/** Options of {@link computeIndicators}. */
export interface IndicatorOptions {
  readonly groupBy?: Dimension;
  /** Only cases whose dimension value is in the list (e.g. `{ court: ['甘0402'], caseType: ['民初'] }`). */
  readonly filter?: Partial<Record<Dimension, readonly string[]>>;
  /**
   * The day the data is as of: a period not over yet is cut off there for the stock figures
   * (pending, overdue, long-pending), so the current month does not count as overdue a case whose
   * limit runs out later this month. Default: the period's last day.
   */
  readonly asOf?: PlainDate;
}

const LITIGATION = new Set(['civil', 'criminal', 'administrative']);
/** 实施类执行案件: first enforcement and resumed enforcement (not preservation or objections). */
const EXECUTION_TYPES = new Set(['执', '执恢']);

/** Id lists an accumulator keeps, by index (plain arrays indexed by constant: the hot loop). */
const L = {
  received: 0,
  carriedOver: 1,
  pending: 2,
  overdue: 3,
  long12: 4,
  long18: 5,
  closed: 6,
  limitBase: 7,
  withinLimit: 8,
  durationBase: 9,
  civilClosed: 10,
  mediated: 11,
  civilAdminClosed: 12,
  withdrawn: 13,
  firstInstanceClosed: 14,
  litigationClosed: 15,
  accepted: 16,
  enforcementClosed: 17,
  enforcedFully: 18,
  reversed: 19,
  recovering: 20,
} as const;
const LISTS = 21;

/**
 * Positions (in the facts array) and values collected for one slice in one period. Positions are
 * small integers, which the garbage collector does not trace; case ids are looked up only when a
 * figure's `ids` are read (a drill-down).
 */
class Accumulator {
  readonly lists: number[][] = Array.from({ length: LISTS }, () => []);
  days: number[] = [];
  recovered = 0;
}

const EMPTY: readonly string[] = [];

/** A figure whose id lists are resolved from positions on first read. */
function figure(
  value: number | null,
  at: readonly number[],
  baseAt: readonly number[] | null,
  facts: readonly CaseFacts[],
): Figure {
  let ids: readonly string[] | null = null;
  let baseIds: readonly string[] | null = baseAt ? null : EMPTY;
  return {
    value,
    get ids() {
      return (ids ??= at.map((i) => (facts[i] as CaseFacts).id));
    },
    get baseIds() {
      return (baseIds ??= (baseAt ?? []).map((i) => (facts[i] as CaseFacts).id));
    },
  };
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function finish(a: Accumulator, facts: readonly CaseFacts[]): Indicators {
  const l = (n: keyof typeof L) => a.lists[L[n]] as number[];
  const count = (at: readonly number[]) => figure(at.length, at, null, facts);
  const rate = (at: readonly number[], base: readonly number[]) =>
    figure(base.length === 0 ? null : at.length / base.length, at, base, facts);
  const days = [...a.days].sort((x, y) => x - y);
  const daysAt = l('durationBase');
  const carried = l('carriedOver');
  const received = l('received');
  return {
    received: count(received),
    closed: count(l('closed')),
    carriedOver: count(carried),
    pending: count(l('pending')),
    closureRate: rate(l('closed'), carried.concat(received)),
    withinLimitRate: rate(l('withinLimit'), l('limitBase')),
    averageDays: figure(
      days.length === 0 ? null : days.reduce((s, d) => s + d, 0) / days.length,
      daysAt,
      null,
      facts,
    ),
    medianDays: figure(median(days), daysAt, null, facts),
    overdue: count(l('overdue')),
    longPending12: count(l('long12')),
    longPending18: count(l('long18')),
    mediationRate: rate(l('mediated'), l('civilClosed')),
    withdrawalRate: rate(l('withdrawn'), l('civilAdminClosed')),
    remandReversalRate: rate(l('reversed'), l('firstInstanceClosed')),
    acceptanceRate: rate(l('accepted'), l('litigationClosed')),
    enforcementCompletionRate: rate(l('enforcedFully'), l('enforcementClosed')),
    amountRecovered: figure(a.recovered, l('recovering'), null, facts),
  };
}

function put(a: Accumulator, list: number, id: number): void {
  (a.lists[list] as number[]).push(id);
}

/** Adds one case's contribution to one period's accumulator. */
function accumulate(
  a: Accumulator,
  f: CaseFacts,
  id: number,
  p: Period,
  cut: PlainDate,
  long12: PlainDate,
  long18: PlainDate,
): void {
  const { filedOn, closedOn } = f;
  if (filedOn !== null && filedOn <= p.to && (closedOn === null || closedOn >= p.from)) {
    if (filedOn < p.from) put(a, L.carriedOver, id);
    else put(a, L.received, id);
  }
  if (filedOn !== null && filedOn <= cut && (closedOn === null || closedOn > cut)) {
    put(a, L.pending, id);
    if (f.dueDate !== null && f.dueDate < cut) put(a, L.overdue, id);
    if (filedOn < long12) put(a, L.long12, id);
    if (filedOn < long18) put(a, L.long18, id);
  }
  if (closedOn !== null && closedOn >= p.from && closedOn <= p.to) {
    put(a, L.closed, id);
    if (f.withinLimit !== null) {
      put(a, L.limitBase, id);
      if (f.withinLimit) put(a, L.withinLimit, id);
    }
    if (f.netDays !== null) {
      put(a, L.durationBase, id);
      a.days.push(f.netDays);
    }
    const d = f.disposition;
    if (f.family === 'civil') {
      put(a, L.civilClosed, id);
      if (d === 'mediation') put(a, L.mediated, id);
    }
    if (f.family === 'civil' || f.family === 'administrative') {
      put(a, L.civilAdminClosed, id);
      if (d === 'withdrawal') put(a, L.withdrawn, id);
    }
    if (f.instance === 'first' && f.family !== null && LITIGATION.has(f.family))
      put(a, L.firstInstanceClosed, id);
    if (f.family !== null && LITIGATION.has(f.family)) {
      put(a, L.litigationClosed, id);
      if (f.challengedOn === null) put(a, L.accepted, id);
    }
    if (EXECUTION_TYPES.has(f.caseType)) {
      put(a, L.enforcementClosed, id);
      if (d === 'enforced') put(a, L.enforcedFully, id);
    }
  }
  if (f.reversedOn !== null && f.reversedOn >= p.from && f.reversedOn <= p.to && f.instance === 'first')
    put(a, L.reversed, id);
  let got = false;
  for (const r of f.recoveries) {
    if (r.date >= p.from && r.date <= p.to) {
      a.recovered += r.amount;
      got = true;
    }
  }
  if (got) put(a, L.recovering, id);
}

/**
 * Computes every indicator for each period over the facts, for the whole selection and, with
 * `groupBy`, per group. Pure; one pass over `facts`.
 */
export function computeIndicators(
  facts: readonly CaseFacts[],
  periods: readonly Period[],
  options: IndicatorOptions = {},
): PeriodIndicators[] {
  const { groupBy, filter } = options;
  const filters = filter
    ? (Object.entries(filter) as [Dimension, readonly string[]][]).map(([d, v]) => [d, new Set(v)] as const)
    : [];
  const groups = periods.map(() => new Map<string, Accumulator>());
  const cuts = periods.map((p) => (options.asOf !== undefined && options.asOf < p.to ? options.asOf : p.to));
  const bounds = cuts.map((cut) => [addMonths(cut, -12), addMonths(cut, -18)] as const);
  for (let n = 0; n < facts.length; n++) {
    const f = facts[n] as CaseFacts;
    if (filters.some(([d, set]) => !set.has(f[d]))) continue;
    // Without a grouping every case falls in one group; the total is the union of the groups.
    const key = groupBy ? f[groupBy] : '';
    for (let i = 0; i < periods.length; i++) {
      const m = groups[i] as Map<string, Accumulator>;
      let g = m.get(key);
      if (!g) m.set(key, (g = new Accumulator()));
      const [l12, l18] = bounds[i] as readonly [PlainDate, PlainDate];
      accumulate(g, f, n, periods[i] as Period, cuts[i] as PlainDate, l12, l18);
    }
  }
  return periods.map((period, i) => {
    const m = groups[i] as Map<string, Accumulator>;
    return {
      period,
      total: finish(merged([...m.values()]), facts),
      groups: groupBy ? new Map([...m].map(([k, a]) => [k, finish(a, facts)])) : new Map(),
    };
  });
}

/** The accumulator of several disjoint groups together. */
function merged(parts: readonly Accumulator[]): Accumulator {
  if (parts.length === 1) return parts[0] as Accumulator;
  const out = new Accumulator();
  for (let l = 0; l < LISTS; l++) out.lists[l] = parts.flatMap((a) => a.lists[l] as number[]);
  out.days = parts.flatMap((a) => a.days);
  out.recovered = parts.reduce((s, a) => s + a.recovered, 0);
  return out;
}
