/**
 * Official case numbers allocated by the server worker against a real server (embedded, or
 * COUCH_URL): consecutive 1..n per (year, court, type) with no gap and no duplicate — with one
 * worker, with two worker processes at once, with a worker SIGKILLed mid-allocation and restarted,
 * and when a restarted worker replays the whole feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COURT } from '../../../core/court';
import { formatCaseNumber, parseCaseNumber } from '../../../core/domain/caseNumber';
import { counterId } from '../../../sync-server/src/workers/caseNumberWorker';
import { startWorker, type RunningWorker } from '../../../sync-server/src/workers/worker';
import { couchFetch, getCouchTarget, type CouchTarget, type Credentials } from '../../support/couchTarget';
import {
  caseDoc,
  docsWithPrefix,
  fileCases,
  getDocs,
  killWorker,
  numberIdOf,
  provisionTarget,
  putUser,
  removeUsers,
  sequencesOf,
  spawnWorker,
  testYear,
  waitFor,
  waitForNumbers,
  type WorkerProcess,
} from './workerFixture';

let target: CouchTarget;
const users: string[] = [];
const clerks: Credentials[] = [];
const suffix = Date.now().toString(36);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Checks the numbers of `caseIds` are exactly 1..n, each text matching its parts. */
async function expectConsecutive(caseIds: string[], year: number, typeCode: string): Promise<void> {
  const numbers = await waitForNumbers(target, caseIds);
  expect(sequencesOf(numbers.values())).toEqual(range(caseIds.length));
  for (const [caseId, d] of numbers) {
    expect(d['caseId']).toBe(caseId);
    expect(d['createdBy']).toBe('worker');
    expect(d['caseNumber']).toBe(
      formatCaseNumber({ year, court: DEFAULT_COURT.code, typeCode, sequence: Number(d['seq']) }),
    );
    expect(parseCaseNumber(String(d['caseNumber'])).ok).toBe(true);
  }
  // Nothing else holds a number of this counter, and no reservation is left pending.
  const all = (await docsWithPrefix(target, 'courtdesk_cases', 'caseNumber:')).filter(
    (d) => d['kind'] !== 'counter' && d['year'] === year && d['caseTypeCode'] === typeCode,
  );
  expect(all.length).toBe(caseIds.length);
  // Finished reservations leave the counter's pending list when the worker goes idle.
  const url = `${target.url}/courtdesk_cases/${encodeURIComponent(counterId({ year, court: DEFAULT_COURT.code, typeCode }))}`;
  await waitFor(
    'the pending list to drain',
    async () => Object.keys((await couchFetch(url, { auth: target.admin })).body.pending).length === 0,
    30_000,
  );
  expect((await couchFetch(url, { auth: target.admin })).body.next).toBe(caseIds.length + 1);
}

function file(n: number, typeCode: string, year: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) =>
    caseDoc((clerks[i % clerks.length] as Credentials).name, typeCode, year),
  );
}

async function fileAll(docs: Record<string, unknown>[]): Promise<string[]> {
  // Each clerk files their own share, all at once.
  await Promise.all(
    clerks.map((c) =>
      fileCases(
        target,
        c,
        docs.filter((d) => d['createdBy'] === c.name),
        10,
      ),
    ),
  );
  return docs.map((d) => String(d['_id']));
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
    const year = testYear();
    const worker: RunningWorker = await startWorker({ couchUrl: target.adminUrl, name: `it-${suffix}` });
    try {
      const civil = file(200, '民初', year);
      const admin = file(30, '行初', year);
      const ids = await fileAll([...civil, ...admin]);
      await expectConsecutive(ids.slice(0, 200), year, '民初');
      await expectConsecutive(ids.slice(200), year, '行初');
    } finally {
      await worker.stop();
    }
  });

  it('two worker processes running at once never leave a gap or a duplicate, even when one is killed', async () => {
    const year = testYear();
    const a = spawnWorker(target);
    const b = spawnWorker(target);
    let a2: WorkerProcess | undefined;
    try {
      await Promise.all([a.ready, b.ready]);
      const first = file(200, '民初', year);
      const filing = fileAll(first);
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
      const more = await fileAll(file(40, '民初', year));
      await expectConsecutive([...ids, ...more], year, '民初');
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
    const year = testYear();
    const ids: string[] = [];
    const key = encodeURIComponent(counterId({ year, court: DEFAULT_COURT.code, typeCode: '刑初' }));
    let killedWithPending = 0;
    for (let round = 0; round < 4; round++) {
      // The fault hook widens the window between reserving a number and recording it.
      const w: WorkerProcess = spawnWorker(target, { holdMs: 150 });
      await w.ready;
      const burst = file(25, '刑初', year);
      const filing = fileAll(burst);
      await waitFor(
        'a reservation in flight',
        async () => {
          const c = await couchFetch(`${target.url}/courtdesk_cases/${key}`, { auth: target.admin });
          return c.status === 200 && Object.keys(c.body.pending ?? {}).length > 0;
        },
        30_000,
      );
      await killWorker(w);
      // Killed mid-allocation = a number reserved in the counter but not yet recorded for its case.
      const c = await couchFetch(`${target.url}/courtdesk_cases/${key}`, { auth: target.admin });
      const reserved = Object.keys(c.body.pending ?? {});
      const recorded = await getDocs(target, 'courtdesk_cases', reserved.map(numberIdOf));
      killedWithPending += reserved.length - recorded.size;
      ids.push(...(await filing));
    }
    expect(killedWithPending).toBeGreaterThan(0); // at least one kill landed between reserving and recording
    // And kills at random moments, without the widened window.
    for (let round = 0; round < 3; round++) {
      const w = spawnWorker(target);
      await w.ready;
      const filing = fileAll(file(30, '刑初', year));
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
      await killWorker(w);
      ids.push(...(await filing));
    }
    const last = spawnWorker(target);
    try {
      await expectConsecutive(ids, year, '刑初');
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
    const year = testYear();
    try {
      await w.ready;
      const [sentinel] = await fileAll(file(1, '民初', year));
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
