/**
 * The enforcement write rules as the server enforces them (compiled validate_doc_update, core
 * schemas inside), tried with forged requests: approvals by leaders only and only as themselves,
 * once; approved terms frozen; statutory freeze periods; payments never changed; dishonest-debtor
 * entries under the id derived from respondent and ground, published and removed only after
 * approval, removed with a reason and never deleted. The role × action matrix is in
 * validateDocUpdate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ctx, docOf, loadVdu, outcome } from '../tests/support/vdu';
import { VALID_RESIDENT_ID } from '../tests/support/validDocs';
import { makeResidentId } from '../core/domain/identity';

const vdu = loadVdu('courtdesk_enforcement');
const officer = ctx('enf.liu', ['enforcement']);
const otherOfficer = ctx('enf.zhou', ['enforcement']);
const leader = ctx('leader.qian', ['leader']);
const judge = ctx('judge.zhao', ['judge']);
const AT = '2026-03-02T08:00:00.000Z';
const approved = (by = 'leader.qian') => ({ decision: 'approved', by, at: AT });

const fine = (extra: Record<string, unknown> = {}) => ({
  ...docOf('enforcementAction', 'enf.liu', {
    kind: 'fine',
    target: '李四',
    targetKind: 'natural',
    amount: 10_000,
    reason: '拒不报告财产',
  }),
  ...extra,
});
const stored = (doc: Record<string, unknown>): Record<string, unknown> => ({ ...doc, _rev: '1-a' });

describe('measures needing approval', () => {
  it('are proposed by officers without an approval; nobody creates one already approved', () => {
    expect(outcome(vdu, fine(), null, officer)).toBe('ok');
    expect(outcome(vdu, fine({ approval: approved('enf.liu') }), null, officer)).toBe('forbidden');
    expect(outcome(vdu, fine(), null, judge)).toBe('forbidden');
  });

  it('are approved by a leader as themselves, never by an officer or in another leader’s name', () => {
    const old = stored(fine());
    expect(outcome(vdu, { ...old, approval: approved() }, old, leader)).toBe('ok');
    expect(outcome(vdu, { ...old, approval: approved('enf.liu') }, old, officer)).toBe('forbidden');
    expect(outcome(vdu, { ...old, approval: approved('leader.li') }, old, leader)).toBe('forbidden');
    expect(() => vdu({ ...old, approval: approved('enf.liu') }, old, officer, {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('只有院庭长可以审批') }),
    );
  });

  it('keep the decision once made, and the leader cannot change the terms while approving', () => {
    const old = stored(fine({ approval: { ...approved(), decision: 'rejected' } }));
    expect(outcome(vdu, { ...old, approval: approved() }, old, leader)).toBe('forbidden');
    const pending = stored(fine());
    expect(outcome(vdu, { ...pending, amount: 90_000, approval: approved() }, pending, leader)).toBe(
      'forbidden',
    );
  });

  it('freeze the approved terms: the officer records execution but cannot raise the fine', () => {
    const old = stored(fine({ approval: approved() }));
    expect(outcome(vdu, { ...old, executedOn: '2026-03-05' }, old, officer)).toBe('ok');
    expect(() => vdu({ ...old, amount: 90_000 }, old, officer, {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('amount was approved') }),
    );
    expect(outcome(vdu, { ...old, approval: undefined }, old, officer)).toBe('forbidden');
  });

  it('respect the statutory limits of fines and detention', () => {
    expect(outcome(vdu, fine({ amount: 100_001 }), null, officer)).toBe('forbidden');
    expect(outcome(vdu, fine({ kind: 'detention', amount: undefined, days: 16 }), null, officer)).toBe(
      'forbidden',
    );
    expect(outcome(vdu, fine({ kind: 'detention', amount: undefined, days: 15 }), null, officer)).toBe('ok');
  });
});

describe('asset inquiries', () => {
  const inquiry = (controls: unknown[], extra: Record<string, unknown> = {}) =>
    docOf('assetInquiry', 'enf.liu', { controls, ...extra });

  it('refuse a bank freeze longer than one year (民诉法解释 第四百八十五条) and a seizure without a last day', () => {
    const freeze = { kind: 'freeze', date: '2026-03-01', amount: 5_000 };
    expect(outcome(vdu, inquiry([{ ...freeze, expiresOn: '2027-02-28' }]), null, officer)).toBe('ok');
    expect(() => vdu(inquiry([{ ...freeze, expiresOn: '2027-03-01' }]), null, officer, {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('超过法定期限') }),
    );
    expect(outcome(vdu, inquiry([{ kind: 'seizure', date: '2026-03-01' }]), null, officer)).toBe('forbidden');
    expect(
      outcome(
        vdu,
        inquiry([{ ...freeze, expiresOn: '2029-02-28' }], { assetKind: 'realEstate' }),
        null,
        officer,
      ),
    ).toBe('ok');
  });

  it('refuse controls before the inquiry has an answer, and writes by other roles', () => {
    const controls = [{ kind: 'freeze', date: '2026-03-01', expiresOn: '2027-02-28' }];
    expect(outcome(vdu, inquiry(controls, { result: 'pending' }), null, officer)).toBe('forbidden');
    expect(outcome(vdu, docOf('assetInquiry', 'leader.qian'), null, leader)).toBe('forbidden');
  });

  it('are updated by another officer (results arrive later), never deleted', () => {
    const old = stored(inquiry([]));
    expect(outcome(vdu, { ...old, result: 'notFound', amountFound: 0 }, old, otherOfficer)).toBe('ok');
    expect(outcome(vdu, { _id: old['_id'], _rev: '1-a', _deleted: true }, old, officer)).toBe('forbidden');
  });
});

describe('payments and closings', () => {
  it('payments are written once: no change, no deletion, disbursements carry no source', () => {
    const old = stored(docOf('enforcementPayment', 'enf.liu'));
    expect(outcome(vdu, { ...old, amount: 1 }, old, officer)).toBe('forbidden');
    expect(outcome(vdu, { _id: old['_id'], _rev: '1-a', _deleted: true }, old, officer)).toBe('forbidden');
    expect(
      outcome(vdu, docOf('enforcementPayment', 'enf.liu', { direction: 'disbursed' }), null, officer),
    ).toBe('forbidden');
    expect(outcome(vdu, docOf('enforcementPayment', 'enf.liu', { amount: 0.001 }), null, officer)).toBe(
      'forbidden',
    );
  });

  it('one closing per case (id derived from the case), approved by a leader and then fixed', () => {
    expect(
      outcome(vdu, { ...docOf('enforcementClosing', 'enf.liu'), _id: 'enforcementClosing:x' }, null, officer),
    ).toBe('forbidden');
    const old = stored(docOf('enforcementClosing', 'enf.liu', { mode: 'terminatedThisRound' }));
    const done = { ...old, approval: approved() };
    expect(outcome(vdu, done, old, leader)).toBe('ok');
    expect(outcome(vdu, { ...done, _rev: '2-b', mode: 'performed' }, { ...done, _rev: '2-b' }, officer)).toBe(
      'forbidden',
    );
  });
});

describe('dishonest-debtor entries', () => {
  const entry = (extra: Record<string, unknown> = {}) => docOf('dishonestDebtor', 'enf.liu', extra);
  const listed = () => stored(entry({ approval: approved() }));
  const removal = { reason: 'performed', note: '已全部履行', on: '2026-04-01', by: 'enf.liu' };

  it('live under the id derived from respondent and ground, so nobody is listed twice on one ground', () => {
    expect(outcome(vdu, entry(), null, officer)).toBe('ok');
    expect(outcome(vdu, entry({ _id: 'dishonestDebtor:0a1b2c3d' }), null, officer)).toBe('forbidden');
    expect(outcome(vdu, entry({ ground: 'obstruction' }), null, officer)).toBe('forbidden'); // id says reportViolation
    expect(
      outcome(
        vdu,
        entry({ _id: `dishonestDebtor:${VALID_RESIDENT_ID}:obstruction`, ground: 'obstruction' }),
        null,
        officer,
      ),
    ).toBe('ok');
  });

  it('refuse a minor and an invalid identity number', () => {
    const minor = makeResidentId('110105', '2010-01-01', 7);
    const respondent = { name: '王五', kind: 'natural', idNumber: minor };
    expect(
      outcome(vdu, entry({ _id: `dishonestDebtor:${minor}:reportViolation`, respondent }), null, officer),
    ).toBe('forbidden');
    const bad = { name: '王五', kind: 'natural', idNumber: '110105194912310021' };
    expect(
      outcome(
        vdu,
        entry({ _id: 'dishonestDebtor:110105194912310021:reportViolation', respondent: bad }),
        null,
        officer,
      ),
    ).toBe('forbidden');
  });

  it('are published and removed only after a leader’s approval', () => {
    const pending = stored(entry());
    expect(outcome(vdu, { ...pending, publishedOn: '2026-03-03' }, pending, officer)).toBe('forbidden');
    expect(outcome(vdu, { ...pending, removal }, pending, officer)).toBe('forbidden');
    expect(outcome(vdu, { ...pending, approval: approved() }, pending, officer)).toBe('forbidden');
    expect(outcome(vdu, { ...pending, approval: approved() }, pending, leader)).toBe('ok');
    const old = listed();
    expect(outcome(vdu, { ...old, publishedOn: '2026-03-03' }, old, officer)).toBe('ok');
  });

  it('are removed with a reason, by the signed-in officer, once, and never deleted', () => {
    const old = listed();
    expect(outcome(vdu, { ...old, removal }, old, officer)).toBe('ok');
    expect(outcome(vdu, { ...old, removal: { ...removal, note: '' } }, old, officer)).toBe('forbidden');
    expect(outcome(vdu, { ...old, removal: { ...removal, by: 'enf.zhou' } }, old, officer)).toBe('forbidden');
    expect(outcome(vdu, { ...old, removal: { ...removal, reason: 'periodEnded' } }, old, officer)).toBe(
      'forbidden',
    );
    const removed = { ...old, removal };
    expect(outcome(vdu, { ...removed, removal: undefined }, removed, officer)).toBe('forbidden');
    expect(outcome(vdu, { _id: old['_id'], _rev: '1-a', _deleted: true }, old, officer)).toBe('forbidden');
    expect(outcome(vdu, { ...old, facts: '改写事实' }, old, officer)).toBe('forbidden');
  });
});
