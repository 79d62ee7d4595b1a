/**
 * Indicators against figures worked out by hand on a small case set (the working is beside each
 * expectation). Cases are built as documents and go through the real fold, so the suspended periods,
 * due dates and appeal outcomes come from core/domain exactly as in the app.
 */
import { describe, expect, it } from 'vitest';
import { foldCaseState } from '../domain/caseState';
import { caseFactsOf, type CaseFacts } from './caseFacts';
import { computeIndicators } from './indicators';
import { monthPeriod } from './periods';
import { dailyMonitor, monthlyBulletin, quarterlyAnalysis } from './views';

interface Spec {
  readonly id: string;
  readonly type: string;
  readonly procedure?: string;
  readonly division: string;
  readonly judge: string;
  readonly filed: string;
  readonly claim?: number;
  readonly events?: readonly (readonly [string, string, Record<string, unknown>])[];
}

function facts(s: Spec): CaseFacts {
  const id = `case:${s.id}`;
  const caseDoc = {
    _id: id,
    type: 'case',
    court: '甘0402',
    caseType: s.type,
    ...(s.procedure ? { procedure: s.procedure } : {}),
    division: s.division,
    filingDate: s.filed,
    provisionalNumber: `临-${s.id}`,
    ...(s.claim !== undefined ? { claimAmount: s.claim } : {}),
  };
  const events = (s.events ?? []).map(([kind, date, data], n) => ({
    _id: `event:${id}:${n}`,
    caseId: id,
    kind,
    at: `${date}T10:00:00+08:00`,
    data: { date, ...data },
  }));
  const state = foldCaseState({
    caseDoc,
    assignmentDoc: { judge: s.judge },
    events,
    asOf: '2026-11-30',
  });
  return caseFactsOf(state, caseDoc);
}

const SUMMARY = { type: '民初', procedure: 'civilSummary' } as const; // 3 months
const ORDINARY = { type: '民初', procedure: 'civilOrdinary' } as const; // 6 months

const SPECS: readonly Spec[] = [
  // A: due 08-10 + 3 months = 11-10; closed 11-05 → within. 审理天数 Aug 10→Nov 5 = 21+30+31+5 = 87.
  {
    id: 'A',
    ...SUMMARY,
    division: 'min1',
    judge: 'judge.wang',
    filed: '2026-08-10',
    events: [['closed', '2026-11-05', { disposition: 'judgment' }]],
  },
  // B: suspended 08-01..08-20 = 20 days; due 10-01 + 20 = 10-21; closed 11-15 → late.
  //    Jul 1→Nov 15 = 31+31+30+31+14 = 137 days − 20 suspended = 117. Closed by mediation.
  {
    id: 'B',
    ...SUMMARY,
    division: 'min1',
    judge: 'judge.wang',
    filed: '2026-07-01',
    events: [
      ['suspended', '2026-08-01', { from: '2026-08-01', to: '2026-08-20', reason: '鉴定' }],
      ['closed', '2026-11-15', { disposition: 'mediation' }],
    ],
  },
  // C: filed in November, open; due 2027-05-03.
  { id: 'C', ...ORDINARY, division: 'min1', judge: 'judge.wang', filed: '2026-11-03' },
  // D: due 2025-12-01, open → overdue on 11-30; filed before 2025-11-30 (cut-off − 12 months) → >12 m.
  { id: 'D', ...SUMMARY, division: 'min2', judge: 'judge.li', filed: '2025-09-01' },
  // E: open suspension since 2025-04-01 → clock stopped, no due date, not overdue; filed before
  //    2025-05-30 (cut-off − 18 months) → >12 m and >18 m.
  {
    id: 'E',
    ...ORDINARY,
    division: 'min2',
    judge: 'judge.li',
    filed: '2025-03-01',
    events: [['suspended', '2025-04-01', { from: '2025-04-01', reason: '中止' }]],
  },
  // F: due 12-10; closed 11-20 by withdrawal → within. Sep 10→Nov 20 = 20+31+20 = 71.
  {
    id: 'F',
    ...SUMMARY,
    division: 'min2',
    judge: 'judge.li',
    filed: '2026-09-10',
    events: [['closed', '2026-11-20', { disposition: 'withdrawal' }]],
  },
  // G: closed in August, appealed, the higher court reversed it on 11-10 → one 改判 in November.
  {
    id: 'G',
    ...SUMMARY,
    division: 'min1',
    judge: 'judge.wang',
    filed: '2026-06-01',
    events: [
      ['closed', '2026-08-20', { disposition: 'judgment' }],
      ['appeal', '2026-09-01', { appellant: '被告' }],
      ['appeal', '2026-11-10', { appealOf: 'event:case:G:1', outcome: 'reversed', decidedOn: '2026-11-10' }],
    ],
  },
  // H: enforcement, due 12-15; closed 11-25 fully performed (执行完毕), 80,000 recovered.
  //    Jun 15→Nov 25 = 15+31+31+30+31+25 = 163.
  {
    id: 'H',
    type: '执',
    procedure: 'enforcement',
    division: 'zhixing',
    judge: 'judge.zhao',
    filed: '2026-06-15',
    claim: 100000,
    events: [['closed', '2026-11-25', { disposition: 'enforced', amountRecovered: 80000 }]],
  },
  // I: enforcement, due 11-20; closed 11-28 by 终结本次执行 → late, not actually enforced; 5,000.
  //    May 20→Nov 28 = 11+30+31+31+30+31+28 = 192.
  {
    id: 'I',
    type: '执',
    procedure: 'enforcement',
    division: 'zhixing',
    judge: 'judge.zhao',
    filed: '2026-05-20',
    claim: 50000,
    events: [['closed', '2026-11-28', { disposition: 'enforcementEnded', amountRecovered: 5000 }]],
  },
  // J: filed and closed in October, appealed 11-05 (no outcome yet) → not accepted (服判息诉).
  {
    id: 'J',
    ...SUMMARY,
    division: 'min1',
    judge: 'judge.wang',
    filed: '2026-10-15',
    events: [
      ['closed', '2026-10-30', { disposition: 'judgment' }],
      ['appeal', '2026-11-05', {}],
    ],
  },
  // K: administrative, filed 11-10, withdrawn 11-29 → within; 19 days.
  {
    id: 'K',
    type: '行初',
    procedure: 'administrativeFirst',
    division: 'xingzheng',
    judge: 'judge.li',
    filed: '2026-11-10',
    events: [['closed', '2026-11-29', { disposition: 'withdrawal' }]],
  },
  // L: due 12-03, open → 3 days left on 11-30.
  { id: 'L', ...SUMMARY, division: 'min1', judge: 'judge.wang', filed: '2026-09-03' },
  // M: criminal, filed on 11-30 itself.
  {
    id: 'M',
    type: '刑初',
    procedure: 'criminalFirst',
    division: 'xing',
    judge: 'judge.zhang',
    filed: '2026-11-30',
  },
];
const CASES: readonly CaseFacts[] = SPECS.map(facts);

const ids = (xs: readonly string[]) =>
  [...xs]
    .map((x) => x.slice('case:'.length))
    .sort()
    .join('');

describe('indicators for November 2026 (hand-worked)', () => {
  const [nov] = computeIndicators(CASES, [monthPeriod('2026-11-15')]);
  const t = nov!.total;

  it('counts received, carried over, closed and pending', () => {
    expect(ids(t.received.ids)).toBe('CKM'); // filed 11-01..11-30
    expect(ids(t.carriedOver.ids)).toBe('ABDEFHIL'); // filed before, not closed before 11-01 (G, J were)
    expect(ids(t.closed.ids)).toBe('ABFHIK');
    expect(ids(t.pending.ids)).toBe('CDELM');
  });

  it('closure rate = closed / (carried over + received) = 6 / (8 + 3)', () => {
    expect(t.closureRate.value).toBeCloseTo(6 / 11, 10);
    expect(t.closureRate.baseIds).toHaveLength(11);
  });

  it('closure within the statutory limit deducts suspended periods: 4 of 6 (B, I late)', () => {
    expect(ids(t.withinLimitRate.ids)).toBe('AFHK');
    expect(t.withinLimitRate.value).toBeCloseTo(4 / 6, 10);
  });

  it('average and median duration: 19, 71, 87, 117, 163, 192', () => {
    // sum 649 / 6 = 108.1667; median (87 + 117) / 2 = 102
    expect(t.averageDays.value).toBeCloseTo(649 / 6, 10);
    expect(t.medianDays.value).toBe(102);
  });

  it('overdue and long-pending at the cut-off 11-30', () => {
    expect(ids(t.overdue.ids)).toBe('D'); // E's clock is stopped; L due 12-03
    expect(ids(t.longPending12.ids)).toBe('DE');
    expect(ids(t.longPending18.ids)).toBe('E');
  });

  it('mediation 1/3 of civil closings, withdrawal 2/4 of civil + administrative closings', () => {
    expect(ids(t.mediationRate.ids)).toBe('B');
    expect(ids(t.mediationRate.baseIds)).toBe('ABF');
    expect(ids(t.withdrawalRate.ids)).toBe('FK');
    expect(t.withdrawalRate.value).toBe(0.5);
  });

  it('remand/reversal: G reversed in November over 4 first-instance closings (A, B, F, K)', () => {
    expect(ids(t.remandReversalRate.ids)).toBe('G');
    expect(t.remandReversalRate.value).toBe(0.25);
  });

  it('acceptance: all 4 litigation closings unchallenged; October: J appealed → 0/1', () => {
    expect(t.acceptanceRate.value).toBe(1);
    const [oct] = computeIndicators(CASES, [monthPeriod('2026-10-01')]);
    expect(ids(oct!.total.acceptanceRate.baseIds)).toBe('J');
    expect(oct!.total.acceptanceRate.value).toBe(0);
  });

  it('enforcement: 1 of 2 actually enforced (H); 80,000 + 5,000 recovered', () => {
    expect(ids(t.enforcementCompletionRate.ids)).toBe('H');
    expect(t.enforcementCompletionRate.value).toBe(0.5);
    expect(t.amountRecovered.value).toBe(85000);
    expect(ids(t.amountRecovered.ids)).toBe('HI');
  });

  it('slices by judge and filters by case type', () => {
    const [byJudge] = computeIndicators(CASES, [monthPeriod('2026-11-01')], { groupBy: 'judge' });
    // li: carried D, E, F + received K; closed F, K → 2/4
    expect(byJudge!.groups.get('judge.li')!.closureRate.value).toBe(0.5);
    expect(ids(byJudge!.groups.get('judge.li')!.overdue.ids)).toBe('D');
    const [civil] = computeIndicators(CASES, [monthPeriod('2026-11-01')], { filter: { caseType: ['民初'] } });
    // 民初 closings in November: A, B, F
    expect(ids(civil!.total.closed.ids)).toBe('ABF');
  });
});

describe('dashboard views (hand-worked)', () => {
  it('daily monitor of 11-30: M filed, L about to expire, D overdue for judge.li', () => {
    const d = dailyMonitor(CASES, '2026-11-30');
    expect(ids(d.today.received.ids)).toBe('M');
    expect(d.today.closed.value).toBe(0);
    expect(d.aboutToExpire.map((r) => [r.id, r.daysLeft])).toEqual([['case:L', 3]]);
    // 2025-12-01 − 2026-11-30 = −364 days
    expect(d.overdueByJudge).toEqual([
      { judge: 'judge.li', rows: [expect.objectContaining({ id: 'case:D', daysLeft: -364 })] },
    ]);
    expect(ids(dailyMonitor(CASES, '2026-11-28').today.closed.ids)).toBe('I');
  });

  it('monthly bulletin ranks judges by closure rate, then closings, then name', () => {
    const b = monthlyBulletin(CASES, '2026-11-30');
    // zhao 2/2; li 2/4 and wang 2/4 (A, B of A, B, L, C) tie on rate and closings → by name; zhang 0/1
    expect(b.byJudge.map((r) => [r.key, r.rank])).toEqual([
      ['judge.zhao', 1],
      ['judge.li', 2],
      ['judge.wang', 3],
      ['judge.zhang', 4],
    ]);
    // October for wang: carried A, B, G? no (closed 08-20); A, B, L, J(received) … closed J → 1/4
    const wang = b.byJudge.find((r) => r.key === 'judge.wang')!;
    expect(ids(wang.previous!.closed.ids)).toBe('J');
    expect(wang.previous!.closureRate.value).toBe(0.25);
    expect(b.total.previous.received.value).toBe(1); // J
  });

  it('quarterly analysis: eight quarters 2025Q1–2026Q4 with the year before', () => {
    const q = quarterlyAnalysis(CASES, '2026-11-30');
    expect(q.quarters.map((p) => p.key)).toEqual([
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
    ]);
    expect(ids(q.trend[0]!.received.ids)).toBe('E');
    expect(q.lastYear[0]!.received.value).toBe(0); // 2024Q1
    // 2026Q3 received A (08-10), B (07-01), F (09-10), L (09-03); closed G (08-20)
    expect(ids(q.trend[6]!.received.ids)).toBe('ABFL');
    expect(ids(q.trend[6]!.closed.ids)).toBe('G');
    // 2026Q4 closed: J (10-30) + A, B, F, H, I, K; year-on-year base 2025Q4 closed nothing
    expect(ids(q.trend[7]!.closed.ids)).toBe('ABFHIJK');
    expect(q.lastYear[7]!.closed.value).toBe(0);
    expect(ids(q.byDivision.get('zhixing')![7]!.closed.ids)).toBe('HI');
  });
});

describe('a period not over yet', () => {
  it('cuts the stock figures at asOf: on 11-20 L (due 12-03) and C are pending, D overdue', () => {
    const [full] = computeIndicators(CASES, [monthPeriod('2026-11-01')], { asOf: '2026-11-20' });
    // pending on 11-20: B closed 11-15 and A 11-05 no longer; F closed on 11-20 itself (not > cut);
    // H (11-25), I (11-28), K (11-29) still open then; M not yet filed.
    expect(ids(full!.total.pending.ids)).toBe('CDEHIKL');
    // I was due 11-20: not yet past due on 11-20 itself; D is.
    expect(ids(full!.total.overdue.ids)).toBe('D');
    const [late] = computeIndicators(CASES, [monthPeriod('2026-11-01')], { asOf: '2026-11-21' });
    expect(ids(late!.total.overdue.ids)).toBe('DI');
  });
});
