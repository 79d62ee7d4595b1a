import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { provision } from '../../sync-server/src/setup/provision';
import {
  couchFetch,
  createUser,
  getCouchTarget,
  refusedWrite,
  type CouchTarget,
} from '../support/couchTarget';
import { validDoc } from '../support/validDocs';

/**
 * Forged requests against the real server (embedded, or COUCH_URL) after provisioning: the
 * courtdesk_enforcement design document — core schemas inside — refuses what a modified client
 * could send: an officer approving their own measure, a leader approving in another's name, a
 * freeze longer than the law allows, deleting a dishonest-debtor entry. The same rules in detail:
 * build/enforcementRules.test.ts.
 */
let target: CouchTarget;
const PASSWORD = 'enforcement-rules-1';
const OFFICER = { name: 'enf.rules', password: PASSWORD };
const LEADER = { name: 'leader.rules', password: PASSWORD };
const JUDGE = { name: 'judge.rules', password: PASSWORD };
const AT = '2026-03-02T08:00:00.000Z';

function put(user: { name: string; password: string }, doc: Record<string, unknown>) {
  return couchFetch(`${target.url}/courtdesk_enforcement/${encodeURIComponent(String(doc['_id']))}`, {
    method: 'PUT',
    auth: user,
    body: doc,
  });
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provision(createCouchClient(target.adminUrl));
  await createUser(target, OFFICER.name, PASSWORD, ['enforcement']);
  await createUser(target, LEADER.name, PASSWORD, ['leader']);
  await createUser(target, JUDGE.name, PASSWORD, ['judge']);
});

afterAll(async () => {
  await target?.stop();
});

describe('courtdesk_enforcement refuses forged writes', () => {
  it('a measure: no self-approval, approval only by a leader as themselves', async () => {
    const id = `enforcementAction:rules-${Date.now()}`;
    const measure = validDoc('enforcementAction', id, OFFICER.name, {
      kind: 'fine',
      amount: 5_000,
      reason: '拒不报告财产',
    });
    const forged = await put(OFFICER, {
      ...measure,
      approval: { decision: 'approved', by: OFFICER.name, at: AT },
    });
    expect(forged.status).toBe(403);
    expect(String(forged.body['reason'])).toContain('审批');
    const created = await put(OFFICER, measure);
    expect(created.status).toBe(201);
    const rev = String(created.body['rev']);
    // Right after the create a cluster's third copy may lag: refusedWrite sends again on its 409.
    const asOther = await refusedWrite(target, () =>
      put(LEADER, { ...measure, _rev: rev, approval: { decision: 'approved', by: 'leader.li', at: AT } }),
    );
    expect(asOther.status).toBe(403);
    const byOfficer = await refusedWrite(target, () =>
      put(OFFICER, { ...measure, _rev: rev, approval: { decision: 'approved', by: LEADER.name, at: AT } }),
    );
    expect(byOfficer.status).toBe(403);
    const approved = await put(LEADER, {
      ...measure,
      _rev: rev,
      approval: { decision: 'approved', by: LEADER.name, at: AT },
    });
    expect(approved.status).toBe(201);
  });

  it('a bank freeze longer than one year, and writes by a judge', async () => {
    const inquiry = validDoc('assetInquiry', `assetInquiry:rules-${Date.now()}`, OFFICER.name, {
      controls: [{ kind: 'freeze', date: '2026-03-01', amount: 100, expiresOn: '2027-03-01' }],
    });
    const tooLong = await put(OFFICER, inquiry);
    expect(tooLong.status).toBe(403);
    expect(String(tooLong.body['reason'])).toContain('超过法定期限');
    const judge = validDoc('assetInquiry', `assetInquiry:judge-${Date.now()}`, JUDGE.name);
    expect((await put(JUDGE, judge)).status).toBe(403);
  });

  it('a dishonest-debtor entry is never deleted', async () => {
    const entry = validDoc('dishonestDebtor', '', OFFICER.name);
    const doc = {
      ...entry,
      _id: `dishonestDebtor:${String((entry['respondent'] as { idNumber: string }).idNumber)}:reportViolation`,
    };
    const created = await put(OFFICER, doc);
    expect(created.status).toBe(201);
    const del = await refusedWrite(target, () =>
      couchFetch(
        `${target.url}/courtdesk_enforcement/${encodeURIComponent(doc._id)}?rev=${String(created.body['rev'])}`,
        { method: 'DELETE', auth: OFFICER },
      ),
    );
    expect(del.status).toBe(403);
  });
});
