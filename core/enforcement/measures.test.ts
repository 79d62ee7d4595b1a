import { describe, expect, it } from 'vitest';
import { measureInEffect, measureIssues, measureState, type Measure } from './measures';
import { mayDecide, proposerOf } from './approvals';

const approval = { decision: 'approved' as const, by: 'leader.qian', at: '2026-06-01T08:00:00.000Z' };

describe('measures', () => {
  it('need approval when coercive; notices are recorded and in effect at once', () => {
    expect(measureState({ kind: 'executionNotice', targetKind: 'natural' })).toBe('recorded');
    expect(measureState({ kind: 'fine', targetKind: 'natural', amount: 100 })).toBe('pending');
    expect(measureInEffect({ kind: 'consumptionRestriction', targetKind: 'natural' })).toBe(false);
    expect(measureInEffect({ kind: 'consumptionRestriction', targetKind: 'natural', approval })).toBe(true);
    expect(
      measureInEffect({
        kind: 'detention',
        targetKind: 'natural',
        days: 5,
        approval: { ...approval, decision: 'rejected' },
      }),
    ).toBe(false);
  });

  it('keep fines and detention within 民事诉讼法 第一百一十八条', () => {
    const fields = (m: Measure) => measureIssues(m).map((i) => i.field);
    expect(fields({ kind: 'fine', targetKind: 'natural', amount: 100_000 })).toEqual([]);
    expect(fields({ kind: 'fine', targetKind: 'natural', amount: 100_000.01 })).toEqual(['amount']);
    expect(fields({ kind: 'fine', targetKind: 'legal', amount: 49_999 })).toEqual(['amount']);
    expect(fields({ kind: 'fine', targetKind: 'legal', amount: 1_000_000 })).toEqual([]);
    expect(fields({ kind: 'detention', targetKind: 'natural', days: 15 })).toEqual([]);
    expect(fields({ kind: 'detention', targetKind: 'natural', days: 16 })).toEqual(['days']);
    expect(fields({ kind: 'detention', targetKind: 'legal', days: 3 })).toEqual(['targetKind']);
    expect(fields({ kind: 'reportOrder', targetKind: 'natural', amount: 5 })).toEqual(['amount']);
    expect(fields({ kind: 'reportOrder', targetKind: 'natural', approval })).toEqual(['approval']);
  });
});

describe('four eyes', () => {
  it('the proposer of a record (who last set its terms, else its creator) cannot decide it', () => {
    expect(proposerOf({ createdBy: 'enf.liu' })).toBe('enf.liu');
    expect(proposerOf({ createdBy: 'enf.liu', proposedBy: 'enf.zhou' })).toBe('enf.zhou');
    expect(mayDecide({ createdBy: 'leader.wang' }, 'leader.wang')).toBe(false);
    expect(mayDecide({ createdBy: 'enf.liu' }, 'leader.wang')).toBe(true);
    expect(mayDecide({ createdBy: 'leader.wang', proposedBy: 'enf.zhou' }, 'leader.wang')).toBe(true);
  });
});
