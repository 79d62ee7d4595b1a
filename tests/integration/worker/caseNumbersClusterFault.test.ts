/**
 * A CouchDB cluster node stopped in the middle of a numbering burst and started again: filings
 * continue meanwhile, no number is decided while a copy is away (docs/case-numbers.md, the
 * availability trade-off), and once the node is back the numbers are still exactly 1..n.
 *
 * Runs only against a cluster whose nodes this machine can stop and start:
 *   COUCH_URL              a node of the cluster (admin credentials)
 *   COUCH_CLUSTER_CONTROL  folder with `stop-node.sh N` and `start-node.sh N`
 *   COUCH_FAULT_NODE       the node to stop (default 3) — never the one COUCH_URL talks to.
 * Anywhere else the test is reported as skipped, with the reason printed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, getCouchTarget, type CouchTarget, type Credentials } from '../../support/couchTarget';
import { expectConsecutive, fileAll, newCases, unusedYear, whileNumbering } from './caseNumberChecks';
import {
  getDocs,
  killWorker,
  numberIdOf,
  provisionTarget,
  putUser,
  removeUsers,
  spawnWorker,
  type WorkerProcess,
} from './workerFixture';

const control = process.env['COUCH_CLUSTER_CONTROL'];
const node = process.env['COUCH_FAULT_NODE'] ?? '3';
let target: CouchTarget;
const users: string[] = [];
const clerks: Credentials[] = [];

/** Why the fault test cannot run here, or undefined when it can. */
async function whyNot(): Promise<string | undefined> {
  if (!process.env['COUCH_URL']) return 'not a CouchDB cluster (embedded server)';
  const info = await couchFetch(`${target.url}/courtdesk_cases`, { auth: target.admin });
  const n = Number(info.body?.cluster?.n ?? 1);
  if (n < 2) return `not a cluster (courtdesk_cases has n=${n})`;
  if (!control) return 'COUCH_CLUSTER_CONTROL is not set (folder with stop-node.sh / start-node.sh)';
  if (!existsSync(join(control, 'stop-node.sh'))) return `no stop-node.sh in ${control}`;
  return undefined;
}

async function nodeScript(script: 'stop-node.sh' | 'start-node.sh'): Promise<void> {
  await promisify(execFile)(join(String(control), script), [node], {
    env: { ...process.env, ERL_EPMD_ADDRESS: '127.0.0.1' },
    timeout: 180_000,
  });
}

async function numbered(caseIds: string[]): Promise<number> {
  return (await getDocs(target, 'courtdesk_cases', caseIds.map(numberIdOf))).size;
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provisionTarget(target);
  const suffix = Date.now().toString(36);
  for (const n of ['a', 'b']) clerks.push(await putUser(target, users, `clerk.f${n}${suffix}`, ['clerk']));
});

afterAll(async () => {
  if (!target) return;
  await removeUsers(target, users);
  await target.stop();
});

describe('case numbers while a cluster node is down', () => {
  // Two restarts of a node and two workers catching up on a shared 2-core machine: minutes.
  it(
    'decides nothing while a copy is away, and numbers 1..n once it is back',
    { timeout: 1_200_000 },
    async (ctx) => {
      const reason = await whyNot();
      if (reason) {
        console.log(`SKIPPED cluster fault test: ${reason}`);
        ctx.skip();
        return;
      }
      const year = await unusedYear(target);
      const t0 = Date.now();
      const phase = (what: string) =>
        console.log(`cluster fault test +${Math.round((Date.now() - t0) / 1000)} s: ${what}`);
      const workers: WorkerProcess[] = [spawnWorker(target), spawnWorker(target)];
      const busy = () => workers.reduce((n, w) => n + w.output.length, 0);
      let down = false;
      try {
        await Promise.all(workers.map((w) => w.ready));
        const burst = newCases(clerks, 60, '民初', year);
        const ids = burst.map((d) => String(d['_id']));
        const filing = fileAll(target, clerks, burst);
        await whileNumbering(target, ids, 15, busy);
        phase(`${await numbered(ids)} numbered; stopping node ${node}`);
        await nodeScript('stop-node.sh');
        down = true;
        phase(`node ${node} stopped`);
        // Clerks keep filing; the numbers already decided are recorded, then nothing moves.
        const during = newCases(clerks, 20, '民初', year);
        const more = await fileAll(target, clerks, during);
        await filing;
        await new Promise((r) => setTimeout(r, 5000));
        const stalled = await numbered([...ids, ...more]);
        await new Promise((r) => setTimeout(r, 5000));
        expect(await numbered([...ids, ...more])).toBe(stalled);
        expect(stalled).toBeLessThan(ids.length + more.length);
        phase(`numbering paused at ${stalled} of ${ids.length + more.length}; starting node ${node}`);
        await nodeScript('start-node.sh');
        down = false;
        phase(`node ${node} back`);
        await expectConsecutive(target, [...ids, ...more], year, '民初', busy);
        phase('all numbered 1..n');
      } catch (err) {
        for (const [i, w] of workers.entries())
          console.log(`worker ${i}:\n${w.output.slice(-25).join('\n')}`);
        throw err;
      } finally {
        if (down) await nodeScript('start-node.sh');
        await Promise.all(workers.map((w) => killWorker(w, 'SIGTERM')));
      }
    },
  );
});
