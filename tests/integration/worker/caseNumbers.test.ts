/**
 * Official case numbers allocated by the server worker against a real server (embedded, or
 * COUCH_URL — a single node or a cluster): consecutive 1..n per (year, court, type) with no gap and
 * no duplicate — with one worker, with two worker processes at once, with a worker SIGKILLed
 * mid-allocation and restarted, and when a restarted worker replays the whole feed. Each test uses
 * a year no earlier run used, so the suite can run again and again against the same CouchDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../../../sync-server/src/workers/worker';
import { getCouchTarget, type CouchTarget, type Credentials } from '../../support/couchTarget';
import { claimsOf, expectConsecutive, fileAll, newCases, unusedYear } from './caseNumberChecks';
import {
  docsWithPrefix,
  getDocs,
  killWorker,
  numberIdOf,
  provisionTarget,
  putUser,
  removeUsers,
  spawnWorker,
  waitFor,
  waitForNumbers,
  type WorkerProcess,
} from './workerFixture';

let target: CouchTarget;
const users: string[] = [];
const clerks: Credentials[] = [];
const suffix = Date.now().toString(36);
const file = (n: number, typeCode: string, year: number) => newCases(clerks, n, typeCode, year);
const filed = (docs: Record<string, unknown>[]) => fileAll(target, clerks, docs);
const consecutive = (ids: string[], year: number, typeCode: string) =>
  expectConsecutive(target, ids, year, typeCode);

/** Claimed cases of a key whose number document is not written yet (a kill lands in between). */
async function claimedUnrecorded(year: number, typeCode: string): Promise<number> {
  const holders = (await claimsOf(target, year, typeCode)).slice(1).map((c) => String(c['caseId']));
  const recorded = await getDocs(target, 'courtdesk_cases', holders.map(numberIdOf));
  return holders.filter((h) => !recorded.has(numberIdOf(h))).length;
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provisionTarget(target);
  for (const n of ['a', 'b', 'c', 'd'])
    clerks.push(await putUser(target, users, `clerk.w${n}${suffix}`, ['clerk']));
});

afterAll(async () => {
  if (!target) return;
  await removeUsers(target, users);
  await target.stop();
});

describe(`case-number worker (${process.env['COUCH_URL'] ? 'COUCH_URL' : 'embedded server'})`, () => {
  it('numbers 200 concurrently filed cases 1..200 per type, and a second type separately', async () => {
    const year = await unusedYear(target);
    const worker: RunningWorker = await startWorker({ couchUrl: target.adminUrl, name: `it-${suffix}` });
    try {
      const civil = file(200, '民初', year);
      const admin = file(30, '行初', year);
      const ids = await filed([...civil, ...admin]);
      await consecutive(ids.slice(0, 200), year, '民初');
      await consecutive(ids.slice(200), year, '行初');
    } finally {
      await worker.stop();
    }
  });

  it('two worker processes running at once never leave a gap or a duplicate, even when one is killed', async () => {
    const year = await unusedYear(target);
    const a = spawnWorker(target);
    const b = spawnWorker(target);
    let a2: WorkerProcess | undefined;
    try {
      await Promise.all([a.ready, b.ready]);
      const first = file(200, '民初', year);
      const filing = filed(first);
      // Kill worker a by pid in the middle of the burst; b carries on, then a comes back.
      await waitFor(
        'the burst to be half numbered',
        async () =>
          (
            await getDocs(
              target,
              'courtdesk_cases',
              first.map((d) => numberIdOf(String(d['_id']))),
            )
          ).size >= 100,
      );
      await killWorker(a);
      a2 = spawnWorker(target);
      const ids = await filing;
      const more = await filed(file(40, '民初', year));
      await consecutive([...ids, ...more], year, '民初');
      // Both really worked: each logged allocations of its own.
      expect(a.output.some((l) => l.includes('民初'))).toBe(true);
      expect(b.output.some((l) => l.includes('民初'))).toBe(true);
    } finally {
      await Promise.all([
        killWorker(a),
        killWorker(b, 'SIGTERM'),
        ...(a2 ? [killWorker(a2, 'SIGTERM')] : []),
      ]);
    }
  });

  it('a worker SIGKILLed mid-allocation and restarted leaves no gap or duplicate', async () => {
    const year = await unusedYear(target);
    const ids: string[] = [];
    let killedBetween = 0;
    for (let round = 0; round < 4; round++) {
      // The fault hook widens the window between claiming a position and recording the number.
      const w: WorkerProcess = spawnWorker(target, { holdMs: 150 });
      await w.ready;
      const filing = filed(file(25, '刑初', year));
      await waitFor(
        'a claim not yet recorded',
        async () => (await claimedUnrecorded(year, '刑初')) > 0,
        30_000,
      );
      await killWorker(w);
      // Killed mid-allocation = a position claimed for a case whose number is not recorded yet.
      killedBetween += await claimedUnrecorded(year, '刑初');
      ids.push(...(await filing));
    }
    expect(killedBetween).toBeGreaterThan(0); // at least one kill landed between claiming and recording
    // And kills at random moments, without the widened window.
    for (let round = 0; round < 3; round++) {
      const w = spawnWorker(target);
      await w.ready;
      const filing = filed(file(30, '刑初', year));
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
      await killWorker(w);
      ids.push(...(await filing));
    }
    const last = spawnWorker(target);
    try {
      await consecutive(ids, year, '刑初');
    } finally {
      await killWorker(last, 'SIGTERM');
    }
  });

  it('a restarted worker replays the whole feed without changing anything (idempotent)', async () => {
    const before = await docsWithPrefix(target, 'courtdesk_cases', 'caseNumber:');
    const audits = await docsWithPrefix(target, 'courtdesk_audit', 'audit:');
    // A new checkpoint name: this worker reads the feed from the very start. A case filed now is
    // numbered only after everything before it in the feed was replayed.
    const w = spawnWorker(target, { name: `replay-${suffix}` });
    const year = await unusedYear(target);
    try {
      await w.ready;
      const [sentinel] = await filed(file(1, '民初', year));
      await waitForNumbers(target, [String(sentinel)], 120_000);
    } finally {
      await killWorker(w, 'SIGTERM');
    }
    const after = (await docsWithPrefix(target, 'courtdesk_cases', 'caseNumber:')).filter(
      (d) => d['year'] !== year,
    );
    expect(after.map((d) => [d['_id'], d['_rev']])).toEqual(before.map((d) => [d['_id'], d['_rev']]));
    expect((await docsWithPrefix(target, 'courtdesk_audit', 'audit:')).length).toBe(audits.length);
  });
});
