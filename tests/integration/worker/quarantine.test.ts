/**
 * A change the worker can never handle is quarantined, not retried for ever: later changes (other
 * courts' case numbers) keep flowing, the bad one is reported once, and transient failures (the
 * server unreachable, 5xx) are still retried however often they happen. Real server (embedded or
 * COUCH_URL); the handler is ours so the failure kinds are exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp, CouchHttpError } from '../../../sync-server/src/workers/couchHttp';
import { ChangesFollower, type Change } from '../../../sync-server/src/workers/changesFollower';
import { recordQuarantine } from '../../../sync-server/src/workers/worker';
import {
  couchFetch,
  createDb,
  getCouchTarget,
  uniqueDbName,
  type CouchTarget,
} from '../../support/couchTarget';
import { provisionTarget } from './workerFixture';

let target: CouchTarget;
const db = uniqueDbName('quarantine');

beforeAll(async () => {
  target = await getCouchTarget();
  await createDb(target, db);
});

afterAll(async () => {
  await couchFetch(`${target.url}/${db}`, { method: 'DELETE', auth: target.admin });
  await target.stop();
});

async function put(id: string): Promise<void> {
  const r = await couchFetch(`${target.url}/${db}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    auth: target.admin,
    body: { n: id },
  });
  expect(r.status).toBe(201);
}

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('changes follower quarantine', () => {
  it('quarantines a permanently failing change, keeps going, and retries transient failures', async () => {
    const handled: string[] = [];
    const quarantined: { id: string; message: string; attempts: number }[] = [];
    let transientLeft = 12; // more than quarantineAfter: transient failures never quarantine
    const follower = new ChangesFollower({
      couch: new CouchHttp(target.adminUrl),
      db,
      name: 'quarantine-test',
      backoff: { initialMs: 1, maxMs: 5 },
      quarantineAfter: 4,
      handle: async (change: Change) => {
        if (change.id === 'bad') throw new CouchHttpError('forbidden: 案件类型无效', 403);
        if (change.id === 'bug') throw new TypeError("Cannot read properties of undefined (reading 'x')");
        if (change.id === 'flaky' && transientLeft-- > 0)
          throw new CouchHttpError('connect ECONNREFUSED', undefined);
        handled.push(change.id);
      },
      onQuarantine: async (change, error, attempts) => {
        quarantined.push({ id: change.id, message: error.message, attempts });
      },
    });
    for (const id of ['a', 'bad', 'b', 'bug', 'flaky', 'c']) await put(id);
    await follower.start();
    try {
      // A CouchDB database has several shards: `_changes` interleaves them, so the feed order is
      // not the write order (docs/architecture.md, "No order in _changes"). Compare sets.
      await until(
        () => handled.length + quarantined.length === 6,
        'every change handled or quarantined (the good ones keep flowing past the bad ones)',
      );
      expect([...handled].sort()).toEqual(['a', 'b', 'c', 'flaky']);
      expect([...quarantined].sort((x, y) => x.id.localeCompare(y.id))).toEqual([
        { id: 'bad', message: 'forbidden: 案件类型无效', attempts: 4 },
        { id: 'bug', message: "Cannot read properties of undefined (reading 'x')", attempts: 4 },
      ]);
      expect([...follower.quarantined].sort()).toEqual(['bad', 'bug']);
      expect(transientLeft).toBe(-1);
    } finally {
      await follower.stop();
    }
  });
});

describe('worker quarantine audit', () => {
  it('records a quarantined case change once per revision in courtdesk_audit', async () => {
    await provisionTarget(target);
    const couch = new CouchHttp(target.adminUrl);
    const caseId = `case:quarantine-${db.slice('quarantine_'.length)}`; // unique per run
    const change: Change = {
      seq: '42-abc',
      id: caseId,
      doc: {
        _id: caseId,
        _rev: '3-deadbeef',
        type: 'case',
        createdAt: '2026-03-02T08:00:00.000Z',
      },
    };
    const error = new CouchHttpError('forbidden: 案件类型无效', 403);
    await recordQuarantine(couch, 'worker', change, error, 8);
    await recordQuarantine(couch, 'worker', change, error, 9); // a replay after a crash
    const rows = await couchFetch(
      `${target.url}/courtdesk_audit/_all_docs?include_docs=true&startkey=${encodeURIComponent(
        JSON.stringify('audit:'),
      )}&endkey=${encodeURIComponent(JSON.stringify('audit:\ufff0'))}`,
      { auth: target.admin },
    );
    const audits = (rows.body.rows as { doc: Record<string, unknown> }[])
      .map((r) => r.doc)
      .filter((d) => d['kind'] === 'workerQuarantine' && d['docId'] === caseId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      type: 'audit',
      db: 'courtdesk_cases',
      rev: '3-deadbeef',
      seq: '42-abc',
      attempts: 8,
      error: 'forbidden: 案件类型无效',
      createdBy: 'worker',
    });
    expect(String(audits[0]?.['_id'])).toMatch(
      new RegExp(`^audit:20260302T080000Z:quarantine-${caseId}-3-deadbeef$`),
    );
  });
});
