import { describe, expect, it } from 'vitest';
import { foldCaseState, procedureOf } from './caseState';
import { findHearingClashes, type HearingSlot } from './hearingClashes';

const CASE = 'case:0f8a7c1e-1111-4222-8333-944455556666';
const caseDoc = {
  _id: CASE,
  type: 'case',
  caseType: '民初',
  procedure: '普通程序',
  filingDate: '2026-03-02',
  provisionalNumber: '临（2026）甘0402民初-0Z8M7R0Y',
};
let n = 0;
function ev(
  kind: string,
  at: string,
  data: Record<string, unknown> = {},
  by = 'clerk.wang',
): Record<string, unknown> {
  n += 1;
  return {
    _id: `event:${CASE}:${at.replace(/[-:]/g, '')}:${String(n).padStart(4, '0')}`,
    type: 'event',
    caseId: CASE,
    kind,
    at,
    createdAt: at,
    createdBy: by,
    data,
  };
}

describe('foldCaseState', () => {
  it('a filed case without a number shows its provisional number and waits', () => {
    const s = foldCaseState({ caseDoc, events: [], asOf: '2026-03-10' });
    expect(s.status).toBe('pendingNumber');
    expect(s.displayNumber).toBe(caseDoc.provisionalNumber);
    expect(s.procedure).toBe('civilOrdinary');
    expect(s.deadline?.dueDate).toBe('2026-09-02'); // 6 months, filing day not counted
  });

  it('walks through number, assignment, hearing, suspension, extension, closing and appeal', () => {
    const number = { caseNumber: '（2026）甘0402民初17号' };
    const assignment = { judge: 'judge.zhao', method: 'random' };
    const hearing = ev('hearingScheduled', '2026-03-05T02:00:00Z', {
      courtroom: '第一法庭',
      startsAt: '2026-04-01T01:00:00Z',
    });
    const susp = ev('suspended', '2026-04-10T02:00:00Z', { from: '2026-04-10', reason: '等待鉴定' });
    const resumed = ev('resumed', '2026-05-10T02:00:00Z', { date: '2026-05-10' });
    const request = ev('extensionRequested', '2026-08-01T02:00:00Z', {
      level: 'president',
      months: 6,
      reason: '案情复杂',
    });
    const approval = {
      _id: 'approval:a1',
      type: 'approval',
      kind: 'extension',
      caseId: CASE,
      requestId: request['_id'],
      decision: 'approved',
      createdBy: 'leader.zhang',
      createdAt: '2026-08-02T02:00:00Z',
    };
    const base = {
      caseDoc,
      caseNumberDoc: number,
      assignmentDoc: assignment,
      approvals: [approval],
      asOf: '2026-08-03',
    };

    expect(foldCaseState({ ...base, events: [] }).status).toBe('assigned');
    expect(foldCaseState({ ...base, events: [hearing] }).hearings[0]).toMatchObject({
      courtroom: '第一法庭',
      judge: 'judge.zhao',
      held: false,
    });
    expect(foldCaseState({ ...base, events: [hearing, susp] }).status).toBe('suspended');
    const s = foldCaseState({ ...base, events: [hearing, susp, resumed, request] });
    expect(s.status).toBe('inHearing');
    expect(s.suspensions).toEqual([{ from: '2026-04-10', to: '2026-05-09' }]);
    expect(s.extensions).toEqual([{ level: 'president', months: 6, days: 0 }]);
    expect(s.extensionRequests[0]?.approvedBy).toBe('leader.zhang');
    // 12 months from 2026-03-02 → 2027-03-02, plus 30 suspended days.
    expect(s.deadline?.dueDate).toBe('2027-04-01');
    const closed = ev('closed', '2026-09-01T08:00:00Z', { method: '判决' }, 'judge.zhao');
    expect(foldCaseState({ ...base, events: [hearing, closed] }).closing).toEqual({
      disposition: 'judgment',
      method: '判决',
      date: '2026-09-01',
      amountRecovered: null,
    });
    const appeal = ev('appeal', '2026-09-10T08:00:00Z', { appellant: '张三' });
    expect(foldCaseState({ ...base, events: [closed, appeal] }).status).toBe('appealed');
    // The higher court's decision, recorded later against the appeal, completes that appeal.
    const decided = ev('appeal', '2026-12-01T08:00:00Z', {
      appealOf: appeal['_id'],
      outcome: 'remanded',
      decidedOn: '2026-11-30',
    });
    expect(foldCaseState({ ...base, events: [decided, closed, appeal] }).appeals).toEqual([
      {
        eventId: appeal['_id'],
        date: '2026-09-10',
        appellant: '张三',
        route: 'appeal',
        outcome: 'remanded',
        decidedOn: '2026-11-30',
      },
    ]);
  });

  it('an extension without a leader approval, or a rejected one, does not move the deadline', () => {
    const request = ev('extensionRequested', '2026-08-01T02:00:00Z', { months: 6 });
    const rejected = {
      _id: 'approval:r',
      type: 'approval',
      kind: 'extension',
      caseId: CASE,
      requestId: request['_id'],
      decision: 'rejected',
      createdBy: 'leader.li',
      createdAt: '2026-08-02T00:00:00Z',
    };
    for (const approvals of [[], [rejected]]) {
      const s = foldCaseState({ caseDoc, events: [request], approvals, asOf: '2026-08-03' });
      expect(s.extensions).toEqual([]);
      expect(s.deadline?.dueDate).toBe('2026-09-02');
    }
  });

  it('reads the demo data shape (top-level fields, Chinese closing method)', () => {
    const demoCase = {
      _id: CASE,
      type: 'case',
      caseTypeCode: '刑初',
      procedure: '速裁程序',
      filedAt: '2026-03-02',
    };
    const hearing = {
      _id: `event:${CASE}:x:1`,
      type: 'event',
      caseId: CASE,
      kind: 'hearingScheduled',
      at: '2026-03-04T10:30:00+08:00',
      createdBy: 'c',
      hearingAt: '2026-03-06T09:00:00+08:00',
      courtroom: '第二法庭',
    };
    const s = foldCaseState({ caseDoc: demoCase, events: [hearing], asOf: '2026-03-05' });
    expect(s.procedure).toBe('criminalExpedited');
    expect(s.hearings[0]?.courtroom).toBe('第二法庭');
    expect(s.ignored).toEqual([]);
  });

  it('skips and reports unknown kinds, malformed events and events of other cases', () => {
    const s = foldCaseState({
      caseDoc,
      events: [
        { _id: 'event:x', caseId: CASE, kind: 'teleport', at: '2026-03-03T00:00:00Z' },
        null,
        ev('hearingScheduled', '2026-03-03T00:00:00Z', {}),
        { ...ev('filed', '2026-03-02T00:00:00Z'), caseId: 'case:other' },
      ],
      asOf: '2026-03-04',
    });
    expect(s.ignored.map((i) => i.reason)).toEqual([
      expect.stringContaining('unknown event kind'),
      'not an object',
      expect.stringContaining('hearing'),
      'event of another case',
    ]);
  });
});

describe('procedureOf', () => {
  it('takes an explicit code, a procedure name, or the type default', () => {
    expect(procedureOf({ caseType: '民初', procedure: 'civilSmallClaims' })).toBe('civilSmallClaims');
    expect(procedureOf({ caseTypeCode: '民初', procedure: '简易程序' })).toBe('civilSummary');
    expect(procedureOf({ caseType: '执' })).toBe('enforcement');
    expect(procedureOf({ caseType: '司救' })).toBeNull();
  });
});

describe('findHearingClashes', () => {
  const slot = (
    hearingId: string,
    courtroom: string,
    judge: string | null,
    start: string,
    end: string,
  ): HearingSlot => ({
    hearingId,
    caseId: `case:${hearingId}`,
    courtroom,
    judge,
    startsAt: `2026-04-01T${start}:00+08:00`,
    endsAt: `2026-04-01T${end}:00+08:00`,
  });
  it('flags the same courtroom or the same judge at overlapping times only', () => {
    const clashes = findHearingClashes([
      slot('h1', '第一法庭', 'judge.zhao', '09:00', '11:00'),
      slot('h2', '第一法庭', 'judge.liu', '10:30', '12:00'), // same room, overlaps h1
      slot('h3', '第二法庭', 'judge.zhao', '10:00', '10:30'), // same judge as h1
      slot('h4', '第二法庭', 'judge.xu', '10:30', '11:00'), // touches h3 only at 10:30: no clash
      slot('h5', '第三法庭', null, '09:00', '12:00'),
    ]);
    expect(clashes).toEqual([
      { a: 'h1', b: 'h2', courtroom: true, judge: false },
      { a: 'h1', b: 'h3', courtroom: false, judge: true },
    ]);
  });
});
