import { describe, expect, it } from 'vitest';
import { dishonestEntryId, listingIssues, listingState, publicList, type DishonestEntry } from './dishonest';
import { closedRound, roundClosed, roundOf, startNextRound } from './listingRounds';

const ID = '11010519491231002X';
const approval = { decision: 'approved' as const, by: 'leader.qian', at: '2026-06-01T08:00:00.000Z' };
const removal = { reason: 'performed' as const, note: '已全部履行', on: '2026-09-01', by: 'enf.liu' };
const first: DishonestEntry = {
  _id: dishonestEntryId(ID, 'reportViolation'),
  caseId: 'case:c1',
  caseNumber: '（2026）甘0402执12号',
  respondent: { name: '李四', kind: 'natural', idNumber: ID },
  ground: 'reportViolation',
  listedOn: '2026-06-01',
  facts: '拒不申报财产',
  approval,
  publishedOn: '2026-06-02',
  createdBy: 'enf.liu',
};
const terms = {
  caseId: 'case:c2',
  caseNumber: '（2027）甘0402执3号',
  listedOn: '2027-03-01',
  facts: '再次拒不申报',
};

describe('listing rounds', () => {
  it('a pending or current listing blocks a new one; a removed or rejected one does not', () => {
    expect(roundClosed({ ...first, approval: undefined })).toBe(false);
    expect(roundClosed(first)).toBe(false);
    expect(() => startNextRound(first, terms, 'enf.zhou')).toThrow(/still pending or listed/);
    expect(roundClosed({ ...first, removal })).toBe(true);
    expect(roundClosed({ ...first, approval: { ...approval, decision: 'rejected' } })).toBe(true);
  });

  it('the next round keeps the id, moves the closed round into earlierRounds and starts pending', () => {
    const next = startNextRound({ ...first, removal }, terms, 'enf.zhou');
    expect(next._id).toBe(first._id);
    expect(roundOf(next)).toBe(2);
    expect(next).toMatchObject({ ...terms, proposedBy: 'enf.zhou', createdBy: 'enf.liu' });
    expect(next.approval).toBeUndefined();
    expect(next.removal).toBeUndefined();
    expect(next.publishedOn).toBeUndefined();
    expect(next.earlierRounds).toEqual([closedRound({ ...first, removal })]);
    expect(next.earlierRounds?.[0]).toMatchObject({ round: 1, caseId: 'case:c1', removal, approval });
    expect(listingIssues(next)).toEqual([]);
    expect(listingState(next, '2027-03-02')).toBe('pending');
  });

  it('refuse forged rounds: a skipped number, an earlier round still listed, a date before the removal', () => {
    const next = startNextRound({ ...first, removal }, terms, 'enf.zhou');
    const fields = (e: DishonestEntry) => listingIssues(e).map((i) => i.field);
    expect(fields({ ...next, round: 3 })).toEqual(['round']);
    expect(fields({ ...first, round: 2 })).toEqual(['round']);
    expect(fields({ ...next, earlierRounds: [closedRound(first)] })).toEqual(['earlierRounds[0]']);
    expect(fields({ ...next, listedOn: '2026-08-31' })).toEqual(['listedOn']);
    expect(fields({ ...next, round: 0 })).toEqual(['round']);
  });

  it('the public list shows a respondent removed and listed again once, with the current listing', () => {
    const next = startNextRound({ ...first, removal }, terms, 'enf.zhou');
    const listedAgain: DishonestEntry = { ...next, approval: { ...approval, by: 'leader.li' } };
    const rows = publicList([listedAgain], '2027-03-02');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseNumber: '（2027）甘0402执3号', listedOn: '2027-03-01' });
    expect(publicList([next], '2027-03-02')).toEqual([]);
  });
});
