import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../../../core/domain/caseState';
import type { WarningLevel } from '../../../../../core/domain/deadlines';
import type { CaseQuery, CaseSortField, CaseSummary } from './catalogTypes';
import { CaseIndex, STATUS_ORDER, WARNING_ORDER } from './caseIndex';
import { caseNumberSortKey } from './caseSearch';
import { naiveQuery } from '../../../../../tests/support/renderer/naiveQuery';

const TYPES = ['民初', '刑初', '执', '行初'];
const JUDGES = ['judge.a', 'judge.b', 'judge.c'];
const NAMES = ['张三', '李四', '王五', '白银某公司'];

const summaryArb = (i: number) =>
  fc
    .record({
      type: fc.constantFrom(...TYPES),
      status: fc.constantFrom(...STATUS_ORDER),
      warning: fc.constantFrom(...WARNING_ORDER),
      judge: fc.option(fc.constantFrom(...JUDGES), { nil: null }),
      clerk: fc.option(fc.constantFrom('clerk.x', 'judge.a'), { nil: null }),
      filing: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      deadline: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      seq: fc.integer({ min: 1, max: 30 }),
      official: fc.boolean(),
      pending: fc.boolean(),
      party: fc.constantFrom(...NAMES),
      id: fc.constantFrom('62040219900101123X', '620402198001011234', undefined),
    })
    .map((r): CaseSummary => {
      const day = (n: number | null) =>
        n === null ? null : `2026-01-${String(1 + (n % 28)).padStart(2, '0')}`;
      const official = r.official ? `（2026）甘0402${r.type}${r.seq}号` : null;
      const provisional = `临20260101-${String(i).padStart(5, '0')}`;
      return {
        id: `case:${String(i).padStart(4, '0')}`,
        displayNumber: official ?? provisional,
        officialNumber: official,
        provisionalNumber: provisional,
        caseType: r.type,
        procedure: null,
        cause: '买卖合同纠纷',
        division: null,
        status: r.status,
        judge: r.judge,
        clerk: r.clerk,
        assistant: null,
        filingDate: day(r.filing),
        deadline: day(r.deadline),
        remainingDays: null,
        warning: r.warning,
        pendingExtension: r.pending,
        parties: [{ name: r.party, role: 'plaintiff', kind: 'natural', ...(r.id ? { idNumber: r.id } : {}) }],
      };
    });

const casesArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => summaryArb(i))));

const queryArb: fc.Arbitrary<CaseQuery> = fc.record({
  types: fc.option(fc.subarray(TYPES), { nil: undefined }),
  statuses: fc.option(fc.subarray([...STATUS_ORDER]), { nil: undefined }),
  judges: fc.option(fc.subarray([...JUDGES, '']), { nil: undefined }),
  warnings: fc.option(fc.subarray([...WARNING_ORDER]), { nil: undefined }),
  staff: fc.option(fc.constantFrom('judge.a', 'clerk.x', 'nobody'), { nil: undefined }),
  pendingExtension: fc.option(fc.boolean(), { nil: undefined }),
  search: fc.option(
    fc.constantFrom('', '(2026)', '（2026）甘0402民初1', '民初1', '张', '白银', '123x', '临2026'),
    {
      nil: undefined,
    },
  ),
  sort: fc.record({
    field: fc.constantFrom<CaseSortField>('filingDate', 'displayNumber', 'deadline', 'status'),
    dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
  }),
  offset: fc.integer({ min: 0, max: 20 }),
  limit: fc.integer({ min: 1, max: 25 }),
});

function naive(rows: readonly CaseSummary[], q: CaseQuery) {
  const r = naiveQuery(rows, q);
  return { total: r.total, ids: r.rows.map((x) => x.id) };
}

describe('case index', () => {
  it('answers every query like a naive filter + sort (bulk-loaded and built incrementally)', () => {
    fc.assert(
      fc.property(casesArb, fc.array(queryArb, { minLength: 1, maxLength: 5 }), (rows, queries) => {
        const bulk = new CaseIndex();
        bulk.bulkLoad(rows);
        const inc = new CaseIndex();
        // Insert in reverse, with a stale version of each first, to exercise replace and remove.
        for (const r of [...rows].reverse()) inc.upsert({ ...r, status: 'closed', filingDate: null });
        if (rows[0]) inc.upsert({ ...rows[0], id: 'case:gone' });
        for (const r of rows) inc.upsert(r);
        inc.remove('case:gone');
        for (const q of queries) {
          const want = naive(rows, q);
          for (const index of [bulk, inc]) {
            const got = index.query(q);
            expect({ total: got.total, ids: got.rows.map((r) => r.id) }).toEqual(want);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('narrows a search as it is typed and forgets it when the data changes', () => {
    const index = new CaseIndex();
    const base = fc.sample(summaryArb(0), { numRuns: 1, seed: 1 })[0] as CaseSummary;
    index.bulkLoad([
      {
        ...base,
        id: 'case:1',
        officialNumber: '（2026）甘0402民初12号',
        displayNumber: '（2026）甘0402民初12号',
      },
      {
        ...base,
        id: 'case:2',
        officialNumber: '（2026）甘0402民初123号',
        displayNumber: '（2026）甘0402民初123号',
      },
    ]);
    const q = (search: string) =>
      index
        .query({ search, sort: { field: 'displayNumber', dir: 'asc' }, offset: 0, limit: 10 })
        .rows.map((r) => r.id);
    expect(q('(2026)甘0402民初12')).toEqual(['case:1', 'case:2']);
    expect(q('（2026）甘0402民初123')).toEqual(['case:2']);
    expect(q(' 民初 123号')).toEqual(['case:2']);
    index.upsert({
      ...base,
      id: 'case:3',
      officialNumber: '（2025）甘0402民初123号',
      displayNumber: '（2025）甘0402民初123号',
    });
    expect(q('民初123')).toEqual(['case:3', 'case:2']);
  });

  it('sorts case numbers naturally', () => {
    expect(caseNumberSortKey('（2026）甘0402民初9号') < caseNumberSortKey('（2026）甘0402民初10号')).toBe(
      true,
    );
    expect(caseNumberSortKey('（2025）甘0402民初99号') < caseNumberSortKey('（2026）甘0402民初1号')).toBe(
      true,
    );
  });

  it('counts warnings, lists judges and finds duplicate parties', () => {
    const index = new CaseIndex();
    const base = fc.sample(summaryArb(0), { numRuns: 1, seed: 2 })[0] as CaseSummary;
    const w = (id: string, warning: WarningLevel, judge: string | null, status: CaseStatus = 'assigned') => ({
      ...base,
      id,
      warning,
      judge,
      status,
      clerk: null,
      parties: [{ name: `当事人${id}`, role: 'plaintiff', kind: 'natural' as const, idNumber: `ID${id}X` }],
    });
    index.bulkLoad([
      w('case:1', 'overdue', 'judge.a'),
      w('case:2', 'd7', 'judge.b'),
      w('case:3', 'd7', 'judge.a'),
    ]);
    expect(index.warningCounts()).toEqual({ overdue: 1, d7: 2, d15: 0, d30: 0, none: 0 });
    expect(index.warningCounts('judge.a')).toEqual({ overdue: 1, d7: 1, d15: 0, d30: 0, none: 0 });
    expect(index.judges()).toEqual(['judge.a', 'judge.b']);
    expect(index.findDuplicateParties([{ name: '某人', idNumber: 'idcase:2x' }])).toEqual([
      {
        caseId: 'case:2',
        displayNumber: base.displayNumber,
        partyName: '当事人case:2',
        idNumber: 'IDcase:2X',
        matchedBy: 'idNumber',
      },
    ]);
    expect(index.findDuplicateParties([{ name: '当事人case:3' }], 'case:3')).toEqual([]);
    expect(index.findDuplicateParties([{ name: ' 当事人case:3' }]).map((m) => m.matchedBy)).toEqual(['name']);
    index.remove('case:3');
    expect(index.findDuplicateParties([{ name: '当事人case:3' }])).toEqual([]);
  });
});
