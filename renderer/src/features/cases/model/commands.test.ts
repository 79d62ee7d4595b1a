import { describe, expect, it } from 'vitest';
// First: installs the Node globals PouchDB's browser build needs.
import { memoryDb } from '../../../../../tests/support/renderer/memory';
import { foldCaseState } from '../../../../../core/domain/caseState';
import { isProvisional } from '../../../../../core/domain/caseNumber';
import { makeResidentId } from '../../../../../core/domain/identity';
import { createRepository, type LocalDb } from '../../../db';
import {
  compactTime,
  decideExtension,
  drawQueryCode,
  fileCase,
  findHearingConflicts,
  recordEvent,
  type CommandEnv,
} from './commands';

function clock(start = '2026-03-02T01:00:00.000Z'): CommandEnv & { tick(): void } {
  let t = Date.parse(start);
  let n = 0;
  return {
    now: () => new Date((t += 1000)),
    uuid: () => `0a1b2c3d-4e5f-4a6b-8c7d-${String(++n).padStart(12, '0')}`,
    tick: () => (t += 60_000),
  };
}

async function docsOf(db: LocalDb, prefix: string): Promise<Record<string, unknown>[]> {
  const r = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
  return r.rows.map((x) => x.doc as Record<string, unknown>);
}

const plaintiff = {
  role: 'plaintiff' as const,
  kind: 'natural' as const,
  name: '张三',
  idNumber: makeResidentId('620402', '1980-05-06', 123).toLowerCase(),
  phone: '13800000000',
};
const defendant = {
  role: 'defendant' as const,
  kind: 'legal' as const,
  name: '白银某某商贸有限公司',
  legalRepresentative: '李四',
  agents: [{ name: '王律师', kind: 'lawyer' as const, licenseNo: '16204201010123456' }],
};

describe('case commands', () => {
  it('files a case with a provisional number, query codes and a filed event', async () => {
    const db = memoryDb('cmd');
    const repo = createRepository(db, { user: 'clerk.wang' });
    const env = clock();
    const r = await fileCase(
      repo,
      {
        caseType: '民初',
        procedure: 'civilSummary',
        cause: '民间借贷纠纷',
        filingDate: '2026-03-02',
        claimAmount: 50_000.5,
        summary: '  借款五万元未还  ',
        parties: [plaintiff, defendant],
      },
      env,
    );
    expect(r.caseId).toBe('case:0a1b2c3d-4e5f-4a6b-8c7d-000000000001');
    expect(isProvisional(r.provisionalNumber)).toBe(true);
    expect(r.provisionalNumber).toMatch(/^临（2026）甘0402民初-[0-9A-Z]{8}$/);
    const stored = await repo.get(r.caseId);
    expect(stored['schemaVersion']).toBe(3);
    expect(stored['summary']).toBe('借款五万元未还');
    const parties = stored['parties'] as Record<string, unknown>[];
    expect(parties[0]?.['idNumber']).toBe(plaintiff.idNumber.toUpperCase());
    for (const p of parties) expect(p['queryCode']).toMatch(/^\d{6}$/);
    expect(parties[1]?.['legalRepresentative']).toBe('李四');
    const events = await docsOf(db, 'event:');
    expect(events).toHaveLength(1);
    expect(events[0]?.['kind']).toBe('filed');
    expect(String(events[0]?.['_id'])).toMatch(new RegExp(`^event:${r.caseId}:\\d{8}T\\d{9}Z:`));
    const state = foldCaseState({ caseDoc: stored, events, asOf: '2026-03-10' });
    expect(state.status).toBe('pendingNumber');
    expect(state.displayNumber).toBe(r.provisionalNumber);
    expect(state.deadline?.dueDate).toBe('2026-06-02');
  });

  it('refuses an invalid filing before writing anything', async () => {
    const db = memoryDb('cmd');
    const repo = createRepository(db, { user: 'clerk.wang' });
    await expect(
      fileCase(repo, {
        caseType: '民初',
        procedure: 'civilSummary',
        cause: '民间借贷纠纷',
        filingDate: '2026-03-02',
        parties: [{ ...plaintiff, idNumber: '620402198005061230' }],
      }),
    ).rejects.toThrow(/idNumber/);
    expect((await db.allDocs()).rows).toHaveLength(0);
  });

  it('records process events that fold, and a leader decision that extends the deadline', async () => {
    const db = memoryDb('cmd');
    const clerk = createRepository(db, { user: 'clerk.wang' });
    const judge = createRepository(db, { user: 'judge.zhao' });
    const leader = createRepository(db, { user: 'leader.zhang' });
    const env = clock();
    const { caseId } = await fileCase(
      clerk,
      {
        caseType: '民初',
        procedure: 'civilOrdinary',
        cause: '买卖合同纠纷',
        filingDate: '2026-03-02',
        parties: [plaintiff],
      },
      env,
    );
    await recordEvent(
      clerk,
      caseId,
      'service',
      { method: 'electronic', recipient: '张三', date: '2026-03-03' },
      env,
    );
    await recordEvent(
      clerk,
      caseId,
      'hearingScheduled',
      { courtroom: '第一法庭', startsAt: '2026-04-01T01:00:00.000Z', endsAt: '2026-04-01T03:00:00.000Z' },
      env,
    );
    await recordEvent(clerk, caseId, 'suspended', { from: '2026-04-10', reason: '等待鉴定' }, env);
    await recordEvent(clerk, caseId, 'resumed', { date: '2026-04-20' }, env);
    const req = await recordEvent(
      judge,
      caseId,
      'extensionRequested',
      { level: 'president', months: 6, days: 0, reason: '案情复杂' },
      env,
    );
    await recordEvent(clerk, caseId, 'mediation', { outcome: 'failed', date: '2026-05-01' }, env);
    const fold = async () =>
      foldCaseState({
        caseDoc: await clerk.get(caseId),
        events: await docsOf(db, 'event:'),
        approvals: await docsOf(db, 'approval:'),
        asOf: '2026-05-02',
      });
    const before = await fold();
    expect(before.ignored).toEqual([]);
    expect(before.services).toHaveLength(1);
    expect(before.hearings[0]?.courtroom).toBe('第一法庭');
    expect(before.suspensions).toEqual([{ from: '2026-04-10', to: '2026-04-19' }]);
    expect(before.extensionRequests[0]?.status).toBe('pending');
    // 6 months from 03-02 plus 10 suspended days.
    expect(before.deadline?.dueDate).toBe('2026-09-12');

    const approval = await decideExtension(
      leader,
      { requestId: req._id, caseId },
      { decision: 'approved' },
      env,
    );
    expect(approval._id).toMatch(/^approval:/);
    const after = await fold();
    expect(after.extensionRequests[0]?.status).toBe('approved');
    expect(after.extensionRequests[0]?.approvedBy).toBe('leader.zhang');
    expect(after.deadline?.dueDate).toBe('2027-03-12');

    await recordEvent(clerk, caseId, 'closed', { disposition: 'judgment', date: '2026-06-01' }, env);
    await recordEvent(
      clerk,
      caseId,
      'appeal',
      { date: '2026-06-10', route: 'appeal', appellant: '张三' },
      env,
    );
    expect((await fold()).status).toBe('appealed');
  });

  it('refuses event data the fold could not read', async () => {
    const repo = createRepository(memoryDb('cmd'), { user: 'clerk.wang' });
    await expect(
      recordEvent(repo, 'case:x1', 'extensionRequested', {
        level: 'president',
        months: 0,
        days: 0,
        reason: '',
      }),
    ).rejects.toThrow(/data/);
  });

  it('finds hearings that clash by courtroom or by judge, not the hearing being moved', async () => {
    const db = memoryDb('cmd');
    const repo = createRepository(db, { user: 'clerk.wang' });
    const env = clock();
    const a = await fileCase(
      repo,
      {
        caseType: '民初',
        procedure: 'civilOrdinary',
        cause: '买卖合同纠纷',
        filingDate: '2026-03-02',
        parties: [plaintiff],
      },
      env,
    );
    const b = await fileCase(
      repo,
      {
        caseType: '民初',
        procedure: 'civilOrdinary',
        cause: '买卖合同纠纷',
        filingDate: '2026-03-02',
        parties: [plaintiff],
      },
      env,
    );
    // The judge of case a comes from its assignment (the worker's document).
    await db.put({
      _id: `assignment:${a.caseId.slice(5)}`,
      type: 'assignment',
      caseId: a.caseId,
      judge: 'judge.zhao',
    });
    const h = await recordEvent(
      repo,
      a.caseId,
      'hearingScheduled',
      { courtroom: '第一法庭', startsAt: '2026-04-01T01:00:00.000Z', endsAt: '2026-04-01T03:00:00.000Z' },
      env,
    );
    const base = {
      caseId: b.caseId,
      startsAt: '2026-04-01T02:00:00.000Z',
      endsAt: '2026-04-01T04:00:00.000Z',
    };
    const room = await findHearingConflicts(db, { ...base, courtroom: '第一法庭', judge: null });
    expect(room).toEqual([
      expect.objectContaining({ caseId: a.caseId, sameCourtroom: true, sameJudge: false }),
    ]);
    const person = await findHearingConflicts(db, { ...base, courtroom: '第二法庭', judge: 'judge.zhao' });
    expect(person).toEqual([
      expect.objectContaining({ hearingId: h._id, sameCourtroom: false, sameJudge: true }),
    ]);
    expect(await findHearingConflicts(db, { ...base, courtroom: '第二法庭', judge: 'judge.liu' })).toEqual(
      [],
    );
    // Back to back is not a clash; moving the hearing itself is not a clash.
    expect(
      await findHearingConflicts(db, {
        ...base,
        startsAt: '2026-04-01T03:00:00.000Z',
        courtroom: '第一法庭',
        judge: null,
      }),
    ).toEqual([]);
    expect(
      await findHearingConflicts(db, {
        ...base,
        caseId: a.caseId,
        courtroom: '第一法庭',
        judge: null,
        hearingId: h._id,
      }),
    ).toEqual([]);
  });

  it('draws six-digit codes and compacts times', () => {
    expect(drawQueryCode({ randomInt: () => 42 })).toBe('000042');
    expect(drawQueryCode()).toMatch(/^\d{6}$/);
    expect(compactTime('2026-03-02T01:00:00.000Z')).toBe('20260302T010000000Z');
  });
});
