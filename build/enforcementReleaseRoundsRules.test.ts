/**
 * The rules of issue 12's later parts as the server enforces them (compiled validate_doc_update,
 * core schemas inside), tried with forged requests: re-listing a respondent as the entry's next
 * round (never a second concurrent listing, never a forged round), releasing a freeze or seizure
 * (by officers only, never before the control, never undone) and four eyes on approvals.
 */
import { describe, expect, it } from 'vitest';
import { startNextRound } from '../core/enforcement/listingRounds';
import type { DishonestEntry } from '../core/enforcement/dishonest';
import { ctx, docOf, loadVdu, outcome } from '../tests/support/vdu';
import { VALID_RESIDENT_ID } from '../tests/support/validDocs';

const vdu = loadVdu('courtdesk_enforcement');
const officer = ctx('enf.liu', ['enforcement']);
const otherOfficer = ctx('enf.zhou', ['enforcement']);
const leader = ctx('leader.qian', ['leader']);
const chief = ctx('chief.wang', ['enforcement', 'leader']); // 执行局长: officer and leader
const clerk = ctx('clerk.sun', ['clerk']);
const reader = ctx('reading.pc1', ['reader']);
const AT = '2026-03-02T08:00:00.000Z';
const approved = (by = 'leader.qian') => ({ decision: 'approved', by, at: AT });
const stored = (doc: Record<string, unknown>, rev = '1-a'): Record<string, unknown> => ({
  ...doc,
  _rev: rev,
});
const message = (run: () => void) => {
  try {
    run();
    return 'ok';
  } catch (err) {
    return String((err as { forbidden?: string }).forbidden);
  }
};

describe('re-listing after a removal (the entry’s next round)', () => {
  const removal = { reason: 'performed', note: '已全部履行', on: '2026-04-01', by: 'enf.liu' };
  const listed = stored(docOf('dishonestDebtor', 'enf.liu', { approval: approved() }), '3-a');
  const removed = { ...listed, removal };
  const terms = { caseId: 'case:c2', listedOn: '2026-05-01', facts: '再次拒不报告财产' };
  const next = (from: Record<string, unknown>, user = 'enf.zhou') =>
    startNextRound(from as unknown as DishonestEntry, terms, user) as unknown as Record<string, unknown>;

  it('an officer lists a removed respondent again on the same ground, under the same id', () => {
    expect(outcome(vdu, next(removed), removed, otherOfficer)).toBe('ok');
    const rejected = {
      ...stored(docOf('dishonestDebtor', 'enf.liu')),
      approval: { ...approved(), decision: 'rejected' },
    };
    expect(outcome(vdu, next(rejected), rejected, otherOfficer)).toBe('ok');
  });

  it('refuse a second concurrent listing: a new round while listed or pending, or a second id', () => {
    // The new round claims a removal the stored entry does not have: the entry is still listed.
    expect(message(() => vdu(next(removed), listed, otherOfficer, {}))).toContain('删除后才能再次纳入');
    const pending = stored(docOf('dishonestDebtor', 'enf.liu'));
    expect(outcome(vdu, { ...next(removed), _rev: '1-a' }, pending, otherOfficer)).toBe('forbidden');
    const secondId = {
      ...docOf('dishonestDebtor', 'enf.zhou'),
      _id: `dishonestDebtor:${VALID_RESIDENT_ID}:reportViolation:2`,
    };
    expect(outcome(vdu, secondId, null, otherOfficer)).toBe('forbidden');
  });

  it('refuse a forged round: skipped number, rewritten or invented history, a new entry past round 1', () => {
    const good = next(removed);
    expect(message(() => vdu({ ...good, round: 3 }, removed, otherOfficer, {}))).toMatch(/round/);
    const rewritten = (good['earlierRounds'] as Record<string, unknown>[]).map((r) => ({
      ...r,
      facts: '改写',
    }));
    expect(message(() => vdu({ ...good, earlierRounds: rewritten }, removed, otherOfficer, {}))).toContain(
      '原样保留',
    );
    const fresh = { ...next(removed, 'enf.liu'), _rev: undefined };
    delete fresh._rev;
    expect(message(() => vdu(fresh, null, officer, {}))).toContain('第一轮');
    const round2 = { ...good, _rev: '4-a' };
    expect(outcome(vdu, { ...round2, earlierRounds: [] }, round2, otherOfficer)).toBe('forbidden');
  });

  it('a new round starts without approval, proposed by the signed-in officer, never by a leader', () => {
    expect(outcome(vdu, { ...next(removed), approval: approved() }, removed, otherOfficer)).toBe('forbidden');
    expect(outcome(vdu, next(removed, 'enf.liu'), removed, otherOfficer)).toBe('forbidden');
    expect(outcome(vdu, next(removed, 'leader.qian'), removed, leader)).toBe('forbidden');
  });

  it('the new round is approved by a leader who did not propose it, then frozen like round 1', () => {
    const round2 = stored(next(removed, 'chief.wang'), '4-a');
    expect(message(() => vdu({ ...round2, approval: approved('chief.wang') }, round2, chief, {}))).toContain(
      '不得是提出人',
    );
    expect(outcome(vdu, { ...round2, approval: approved() }, round2, leader)).toBe('ok');
    const approvedRound = { ...round2, approval: approved() };
    expect(outcome(vdu, { ...approvedRound, facts: '改写' }, approvedRound, otherOfficer)).toBe('forbidden');
  });
});

describe('releasing a freeze or seizure (解除)', () => {
  const freeze = { kind: 'freeze', date: '2026-01-06', amount: 5_000, expiresOn: '2027-01-05' };
  const release = {
    on: '2026-06-01',
    rulingNo: '（2026）甘0402执12号之一',
    reason: '已履行',
    by: 'enf.zhou',
  };
  const inquiry = stored(docOf('assetInquiry', 'enf.liu', { controls: [freeze] }));
  const releasedDoc = { ...inquiry, controls: [{ ...freeze, release }] };

  it('an officer records the release as themselves; clerks, readers and leaders cannot', () => {
    expect(outcome(vdu, releasedDoc, inquiry, otherOfficer)).toBe('ok');
    expect(message(() => vdu(releasedDoc, inquiry, officer, {}))).toContain('release.by');
    for (const who of [clerk, reader, leader])
      expect(outcome(vdu, releasedDoc, inquiry, who)).toBe('forbidden');
  });

  it('refuse a release dated before the control took effect, and a release of a deduction', () => {
    const early = { ...inquiry, controls: [{ ...freeze, release: { ...release, on: '2026-01-05' } }] };
    expect(message(() => vdu(early, inquiry, otherOfficer, {}))).toContain('解除日期不得早于');
    const deduction = { kind: 'deduction', date: '2026-01-06', amount: 100 };
    const old = stored(docOf('assetInquiry', 'enf.liu', { controls: [deduction] }));
    expect(outcome(vdu, { ...old, controls: [{ ...deduction, release }] }, old, otherOfficer)).toBe(
      'forbidden',
    );
  });

  it('a released control is never un-released, changed or dropped by a forged write', () => {
    const was = stored(releasedDoc, '2-a');
    expect(message(() => vdu({ ...was, controls: [freeze] }, was, otherOfficer, {}))).toContain('不得更改');
    const later = { ...freeze, release: { ...release, on: '2026-07-01' } };
    expect(outcome(vdu, { ...was, controls: [later] }, was, otherOfficer)).toBe('forbidden');
    expect(
      outcome(
        vdu,
        { ...was, controls: [{ ...freeze, expiresOn: '2026-12-31', release }] },
        was,
        otherOfficer,
      ),
    ).toBe('forbidden');
    expect(message(() => vdu({ ...was, controls: [] }, was, otherOfficer, {}))).toContain('不得删除');
    const added = { kind: 'seizure', date: '2026-06-02', expiresOn: '2027-06-01' };
    expect(outcome(vdu, { ...was, controls: [{ ...freeze, release }, added] }, was, otherOfficer)).toBe('ok');
  });
});

describe('four eyes on approvals', () => {
  const fine = (createdBy: string, extra: Record<string, unknown> = {}) =>
    stored(
      docOf('enforcementAction', createdBy, {
        kind: 'fine',
        amount: 10_000,
        reason: '拒不报告财产',
        ...extra,
      }),
    );

  it('a leader who is also an officer cannot approve the measure or closing they proposed', () => {
    const own = fine('chief.wang');
    expect(message(() => vdu({ ...own, approval: approved('chief.wang') }, own, chief, {}))).toContain(
      '不得是提出人',
    );
    expect(
      outcome(vdu, { ...own, approval: { ...approved('chief.wang'), decision: 'rejected' } }, own, chief),
    ).toBe('forbidden');
    expect(outcome(vdu, { ...own, approval: approved() }, own, leader)).toBe('ok');
    const closing = stored(docOf('enforcementClosing', 'chief.wang'));
    expect(outcome(vdu, { ...closing, approval: approved('chief.wang') }, closing, chief)).toBe('forbidden');
    expect(outcome(vdu, { ...closing, approval: approved() }, closing, leader)).toBe('ok');
  });

  it('whoever changes pending terms becomes the proposer; nobody names another as proposer', () => {
    const pending = fine('enf.liu');
    expect(outcome(vdu, { ...pending, amount: 20_000 }, pending, chief)).toBe('forbidden');
    const takenOver = { ...pending, amount: 20_000, proposedBy: 'chief.wang' };
    expect(outcome(vdu, takenOver, pending, chief)).toBe('ok');
    const stolen = stored(takenOver, '2-a');
    expect(outcome(vdu, { ...stolen, approval: approved('chief.wang') }, stolen, chief)).toBe('forbidden');
    expect(outcome(vdu, { ...pending, proposedBy: 'enf.zhou' }, pending, chief)).toBe('forbidden');
    expect(
      outcome(vdu, { ...docOf('enforcementAction', 'enf.liu'), proposedBy: 'enf.zhou' }, null, officer),
    ).toBe('forbidden');
  });
});
