import { describe, expect, it } from 'vitest';
import {
  actualClosureRate,
  mayTerminateThisRound,
  terminationConditions,
  type TerminationInput,
} from './closing';

const approval = { decision: 'approved' as const, by: 'leader.qian', at: '2026-06-01T08:00:00.000Z' };
const complete: TerminationInput = {
  filingDate: '2026-03-10',
  closingDate: '2026-06-10',
  measures: [
    { kind: 'executionNotice', targetKind: 'natural' },
    { kind: 'reportOrder', targetKind: 'natural' },
    { kind: 'consumptionRestriction', targetKind: 'natural', approval },
  ],
  inquiries: (['bankDeposit', 'vehicle', 'realEstate', 'securities'] as const).map((assetKind) => ({
    channel: 'network' as const,
    assetKind,
    result: 'notFound' as const,
  })),
  dishonestListedOrNotApplicable: true,
  confirmations: ['missingOrObstructionHandled', 'applicantHeard'],
};
const unmet = (input: TerminationInput) =>
  terminationConditions(input)
    .filter((c) => !c.met)
    .map((c) => c.code);

describe('终结本次执行程序 (法〔2016〕373号 第一条)', () => {
  it('is allowed when every condition holds', () => {
    expect(unmet(complete)).toEqual([]);
    expect(mayTerminateThisRound(complete)).toBe(true);
  });

  it('needs three full months since filing', () => {
    expect(unmet({ ...complete, closingDate: '2026-06-09' })).toEqual(['threeMonths']);
  });

  it('needs an approved consumption restriction (a pending one does not count) and the dishonest list considered', () => {
    const pending = complete.measures.map((m) =>
      m.kind === 'consumptionRestriction' ? { kind: m.kind, targetKind: m.targetKind } : m,
    );
    expect(unmet({ ...complete, measures: pending })).toEqual(['consumptionRestriction']);
    expect(unmet({ ...complete, dishonestListedOrNotApplicable: false })).toEqual(['consumptionRestriction']);
    expect(unmet({ ...complete, measures: complete.measures.slice(1) })).toEqual(['noticeAndReportOrder']);
  });

  it('needs network inquiries of deposits, vehicles, real estate and securities, answered', () => {
    const noSecurities = complete.inquiries.filter((q) => q.assetKind !== 'securities');
    const [row] = terminationConditions({ ...complete, inquiries: noSecurities }).filter((c) => !c.met);
    expect(row).toMatchObject({ code: 'assetSearchExhausted' });
    expect(row?.missing).toContain('securities');
    const local = complete.inquiries.map((q) =>
      q.assetKind === 'vehicle' ? { ...q, channel: 'local' as const } : q,
    );
    expect(unmet({ ...complete, inquiries: local })).toEqual(['assetSearchExhausted']);
    const pendingResult = complete.inquiries.map((q) =>
      q.assetKind === 'vehicle' ? { ...q, result: 'pending' as const } : q,
    );
    expect(unmet({ ...complete, inquiries: pendingResult })).toEqual(['assetSearchExhausted']);
  });

  it('with assets found, needs the officer to state they cannot be disposed of', () => {
    const found = [
      ...complete.inquiries,
      {
        channel: 'local' as const,
        assetKind: 'realEstate' as const,
        result: 'found' as const,
        amountFound: 300_000,
      },
    ];
    expect(unmet({ ...complete, inquiries: found })).toEqual(['assetSearchExhausted']);
    expect(
      unmet({
        ...complete,
        inquiries: found,
        confirmations: [...complete.confirmations, 'foundAssetsUndisposable'],
      }),
    ).toEqual([]);
  });

  it('needs the officer to confirm the search for a missing debtor and that the applicant was heard', () => {
    expect(unmet({ ...complete, confirmations: [] })).toEqual(['missingOrObstruction', 'applicantHeard']);
  });
});

describe('实际执结率', () => {
  it('is 执行完毕 over every case closed in the period', () => {
    const cases = [
      { mode: 'performed' as const, closedOn: '2026-01-05' },
      { mode: 'performed' as const, closedOn: '2026-02-05' },
      { mode: 'terminatedThisRound' as const, closedOn: '2026-02-10' },
      { mode: 'notEnforced' as const, closedOn: '2026-03-01' },
      { mode: 'performed' as const, closedOn: '2025-12-31' },
    ];
    expect(actualClosureRate(cases, '2026-01-01', '2026-03-01')).toEqual({ closed: 4, actual: 2, rate: 0.5 });
    expect(actualClosureRate(cases, '2027-01-01', '2027-12-31')).toEqual({
      closed: 0,
      actual: 0,
      rate: null,
    });
  });
});
