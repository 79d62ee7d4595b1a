/**
 * 随机分案 by the server worker against a real server: only eligible judges are drawn, recusals are
 * honoured, loads stay balanced, every draw is re-run from its audit record, and designated
 * assignment happens only with a leader's approval carrying a reason.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAssignment } from '../../../sync-server/src/workers/assignmentDraw';
import type { RunningWorker } from '../../../sync-server/src/workers/worker';
import { couchFetch, getCouchTarget, type CouchTarget, type Credentials } from '../../support/couchTarget';
import {
  caseDoc,
  docsWithPrefix,
  fileCases,
  getDocs,
  provisionTarget,
  putUser,
  removeUsers,
  startTestWorker,
  testYear,
  waitFor,
} from './workerFixture';

let target: CouchTarget;
let worker: RunningWorker;
let clerk: Credentials;
let leader: Credentials;
const users: string[] = [];
const s = Date.now().toString(36);
// Divisions unique to this run, so judges already on a COUCH_URL server never take part.
const D1 = `t${s}a`;
const D2 = `t${s}b`;
const judge = (n: string) => `judge.${n}${s}`;
const civilJudges = [judge('a1'), judge('a2'), judge('a3'), judge('b1'), judge('b2')];
const year = testYear();

const assignmentId = (caseId: string) => `assignment:${caseId.slice(5)}`;

async function waitAssigned(caseIds: string[]): Promise<Map<string, Record<string, unknown>>> {
  let docs = new Map<string, Record<string, unknown>>();
  await waitFor(`${caseIds.length} assignments`, async () => {
    docs = await getDocs(target, 'courtdesk_cases', caseIds.map(assignmentId));
    return docs.size === caseIds.length;
  });
  return new Map([...docs.values()].map((d) => [String(d['caseId']), d]));
}

async function fileOne(extra: Record<string, unknown>): Promise<string> {
  const doc = caseDoc(clerk.name, '民初', year, extra);
  await fileCases(target, clerk, [doc], 1);
  return String(doc['_id']);
}

async function approve(body: Record<string, unknown>, as: Credentials | 'admin' = leader): Promise<string> {
  const id = `approval:${randomUUID()}`;
  const doc = {
    _id: id,
    type: 'approval',
    kind: 'designation',
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    createdBy: as === 'admin' ? judge('a1') : as.name,
    ...body,
  };
  const r = await couchFetch(`${target.url}/courtdesk_cases/${encodeURIComponent(id)}`, {
    method: 'PUT',
    auth: as === 'admin' ? target.admin : as,
    body: doc,
  });
  if (r.status !== 201 && r.status !== 202) throw new Error(`approval: ${r.status} ${r.text}`);
  return id;
}

async function refusals(caseId: string): Promise<Record<string, unknown>[]> {
  return (await docsWithPrefix(target, 'courtdesk_audit', 'audit:')).filter(
    (a) => a['kind'] === 'designationRefused' && a['caseId'] === caseId,
  );
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provisionTarget(target);
  clerk = await putUser(target, users, `clerk.asg${s}`, ['clerk']);
  leader = await putUser(target, users, `leader.asg${s}`, ['leader', 'judge'], { division: 'shenguan' });
  for (const n of ['a1', 'a2', 'a3']) await putUser(target, users, judge(n), ['judge'], { division: D1 });
  for (const n of ['b1', 'b2']) await putUser(target, users, judge(n), ['judge'], { division: D2 });
  await putUser(target, users, judge('old'), ['judge'], { division: D1, disabled: true });
  await putUser(target, users, `assistant.asg${s}`, ['assistant'], { division: D1 });
  worker = await startTestWorker(target, {
    name: `asg-${s}`,
    divisionsByType: new Map([['民初', [D1, D2]]]),
  });
});

afterAll(async () => {
  await worker?.stop();
  if (!target) return;
  await removeUsers(target, users);
  await target.stop();
});

describe(`assignment worker (${process.env['COUCH_URL'] ? 'COUCH_URL' : 'embedded server'})`, () => {
  it('draws only eligible judges and balances their load over many cases', async () => {
    const docs = Array.from({ length: 50 }, () => caseDoc(clerk.name, '民初', year));
    await fileCases(target, clerk, docs, 10);
    const assigned = await waitAssigned(docs.map((d) => String(d['_id'])));
    const counts = new Map<string, number>();
    for (const a of assigned.values()) {
      expect(civilJudges).toContain(a['judge']);
      expect(a['method']).toBe('random');
      expect(a['createdBy']).toBe('worker');
      counts.set(String(a['judge']), (counts.get(String(a['judge'])) ?? 0) + 1);
    }
    expect(civilJudges.map((j) => counts.get(j) ?? 0)).toEqual([10, 10, 10, 10, 10]);
  });

  it('honours recusals (回避) and leaves a case nobody may hear unassigned', async () => {
    const everyone = await fileOne({ division: D1, recusals: [judge('a1'), judge('a2'), judge('a3')] });
    const docs = Array.from({ length: 12 }, () =>
      caseDoc(clerk.name, '民初', year, { division: D1, recusals: [judge('a1'), judge('a2')] }),
    );
    await fileCases(target, clerk, docs, 4);
    const assigned = await waitAssigned(docs.map((d) => String(d['_id'])));
    for (const a of assigned.values()) expect(a['judge']).toBe(judge('a3'));
    expect((await getDocs(target, 'courtdesk_cases', [assignmentId(everyone)])).size).toBe(0);
  });

  it('records every draw so that re-running it from the audit gives the same judge', async () => {
    // Its own filings, so the test means the same alone, first or after the others.
    const docs = Array.from({ length: 6 }, () => caseDoc(clerk.name, '民初', year));
    await fileCases(target, clerk, docs, 3);
    const assignments = [...(await waitAssigned(docs.map((d) => String(d['_id'])))).values()];
    expect(assignments.map((a) => a['method'])).toEqual(docs.map(() => 'random'));
    // The worker writes the assignment first and its audit right after (assignmentWorker.ts).
    let audits = new Map<string, Record<string, unknown>>();
    await waitFor(`${assignments.length} audit records`, async () => {
      audits = await getDocs(
        target,
        'courtdesk_audit',
        assignments.map((a) => String(a['auditId'])),
      );
      return audits.size === assignments.length;
    });
    for (const a of assignments) {
      const audit = audits.get(String(a['auditId']));
      expect(audit, String(a['_id'])).toBeDefined();
      const v = verifyAssignment(audit as Record<string, unknown>);
      expect(v.problems).toEqual([]);
      expect(v.expected).toBe(a['judge']);
    }
  });

  it('designates a judge only with a leader’s approval and a reason', async () => {
    // The leader approves first; the clerk's filing then carries the designation.
    const fileDesignated = async (approval: Record<string, unknown>, as: Credentials | 'admin' = leader) => {
      const doc = caseDoc(clerk.name, '民初', year);
      const approvalId = await approve({ caseId: doc['_id'], ...approval }, as);
      await fileCases(target, clerk, [{ ...doc, designation: { approvalId } }], 1);
      return String(doc['_id']);
    };
    const good = await fileDesignated({
      judge: judge('b1'),
      reason: '与本院（2025）甘0402民初88号为关联案件',
    });
    // The server refuses a designation without a reason outright (core/schemas in
    // validate_doc_update), so one can only come from a server admin; the worker refuses it too.
    await expect(approve({ caseId: 'case:x', judge: judge('b2'), reason: ' ' })).rejects.toThrow(
      /approval: 403 .*reason/,
    );
    const noReason = await fileDesignated(
      { judge: judge('b2'), reason: ' ', createdBy: leader.name },
      'admin',
    );
    const byJudge = await fileDesignated({ judge: judge('b2'), reason: '关联案件' }, 'admin'); // authored by a non-leader
    // A designation without a leader's approval is refused when it is filed.
    await expect(fileOne({ designation: { judge: judge('b2') } })).rejects.toThrow(/403 .*approvalId/);
    const late = await fileOne({ designation: { approvalId: `approval:late-${s}` } });
    const assigned = await waitAssigned([good]);
    expect(assigned.get(good)).toMatchObject({ judge: judge('b1'), method: 'designated' });
    for (const caseId of [noReason, byJudge])
      await waitFor(`refusal of ${caseId}`, async () => (await refusals(caseId)).length > 0);
    // The late approval arrives after its case was seen: the worker assigns when it comes.
    const lateDoc = {
      _id: `approval:late-${s}`,
      type: 'approval',
      kind: 'designation',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: leader.name,
      caseId: late,
      judge: judge('a2'),
      reason: '院长指定',
    };
    await couchFetch(`${target.url}/courtdesk_cases/${encodeURIComponent(lateDoc._id)}`, {
      method: 'PUT',
      auth: leader,
      body: lateDoc,
    });
    expect((await waitAssigned([late])).get(late)).toMatchObject({
      judge: judge('a2'),
      method: 'designated',
    });
    const got = await getDocs(target, 'courtdesk_cases', [noReason, byJudge].map(assignmentId));
    expect(got.size).toBe(0);
    const audit = (await getDocs(target, 'courtdesk_audit', [String(assigned.get(good)?.['auditId'])]))
      .values()
      .next().value;
    expect(verifyAssignment(audit as Record<string, unknown>)).toMatchObject({
      ok: true,
      expected: judge('b1'),
    });
  });
});
