import { describe, expect, it } from 'vitest';
import { parseEventDoc, parseExtensionDecision } from './processEventDocs';
import { beijingDate, compareEvents } from './processEvents';

const CASE = 'case:abc';
const base = {
  _id: `event:${CASE}:20260301T010000Z:1`,
  type: 'event',
  caseId: CASE,
  at: '2026-03-01T01:00:00Z',
  createdBy: 'clerk.wang',
};

describe('parseEventDoc', () => {
  it('reads service with method, recipient and date', () => {
    const r = parseEventDoc({
      ...base,
      kind: 'service',
      data: { method: 'mail', recipient: '李四', date: '2026-03-03' },
    });
    expect(r).toEqual({
      ok: true,
      event: {
        ...{ id: base._id, caseId: CASE, at: base.at, by: 'clerk.wang' },
        kind: 'service',
        method: 'mail',
        recipient: '李四',
        date: '2026-03-03',
      },
    });
  });

  it('defaults a hearing to two hours and its id to the event id; rejects one without a courtroom', () => {
    const r = parseEventDoc({
      ...base,
      kind: 'hearingScheduled',
      data: { courtroom: '第一法庭', startsAt: '2026-03-10T01:00:00Z', judge: 'judge.zhao' },
    });
    expect(
      r.ok && r.event.kind === 'hearingScheduled' && [r.event.endsAt, r.event.hearingId, r.event.judge],
    ).toEqual(['2026-03-10T03:00:00.000Z', base._id, 'judge.zhao']);
    expect(
      parseEventDoc({ ...base, kind: 'hearingScheduled', data: { startsAt: '2026-03-10T01:00:00Z' } }).ok,
    ).toBe(false);
  });

  it('accepts aliases and maps Chinese closing methods to dispositions', () => {
    const closing = parseEventDoc({ ...base, kind: 'closing', method: '裁定准许撤回起诉' });
    expect(closing.ok && closing.event.kind === 'closed' && closing.event.disposition).toBe('withdrawal');
    const ruling = parseEventDoc({ ...base, kind: 'closed', data: { method: '裁定驳回异议' } });
    expect(ruling.ok && ruling.event.kind === 'closed' && ruling.event.disposition).toBe('ruling');
    const s = parseEventDoc({
      ...base,
      kind: 'suspension',
      data: { from: '2026-03-02', to: '2026-03-09', reason: '中止' },
    });
    expect(s.ok && s.event.kind === 'suspended' && [s.event.from, s.event.to]).toEqual([
      '2026-03-02',
      '2026-03-09',
    ]);
  });

  it('refuses bad extensions and suspensions ending before they start, never throwing', () => {
    expect(parseEventDoc({ ...base, kind: 'extensionRequested', data: { months: 0, days: 0 } }).ok).toBe(
      false,
    );
    expect(
      parseEventDoc({ ...base, kind: 'extensionRequested', data: { level: 'mayor', months: 1 } }).ok,
    ).toBe(false);
    expect(
      parseEventDoc({ ...base, kind: 'suspended', data: { from: '2026-03-09', to: '2026-03-01' } }).ok,
    ).toBe(false);
    expect(parseEventDoc({ ...base, kind: 'constructor' })).toMatchObject({ ok: false, unknownKind: true });
    expect(parseEventDoc({ ...base, kind: 'note', at: 'yesterday', createdAt: undefined }).ok).toBe(false);
  });
});

describe('helpers', () => {
  it('dates an instant in Beijing time', () => {
    expect(beijingDate('2026-03-01T17:00:00Z')).toBe('2026-03-02');
    expect(beijingDate('2026-03-01T15:59:59Z')).toBe('2026-03-01');
  });
  it('orders by instant, not by text, then by id', () => {
    const a = { id: 'b', caseId: CASE, by: '', at: '2026-03-01T09:00:00+08:00' };
    const b = { id: 'a', caseId: CASE, by: '', at: '2026-03-01T02:00:00Z' };
    expect(compareEvents(a, b)).toBe(-1);
    expect(compareEvents({ ...a, at: b.at }, b)).toBe(1);
  });
  it('reads only extension decisions from approval documents', () => {
    const doc = {
      _id: 'approval:1',
      type: 'approval',
      kind: 'extension',
      caseId: CASE,
      requestId: base._id,
      decision: 'approved',
      createdBy: 'leader.li',
      createdAt: '2026-03-05T00:00:00Z',
      months: 3,
    };
    expect(parseExtensionDecision(doc)).toMatchObject({
      decision: 'approved',
      months: 3,
      days: null,
      level: null,
      by: 'leader.li',
    });
    expect(parseExtensionDecision({ ...doc, kind: 'designation' })).toBeNull();
    expect(parseExtensionDecision({ ...doc, decision: 'maybe' })).toBeNull();
  });
});
