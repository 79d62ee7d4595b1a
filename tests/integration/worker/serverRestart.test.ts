/**
 * The worker survives the server going away: it keeps retrying with capped backoff while the
 * embedded server is down, and resumes from its checkpoint once the server is back on the same
 * port and data folder. Embedded server only (a COUCH_URL server cannot be restarted from here).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '../../../sync-server/src/embedded/embeddedServer';
import { startWorker, type RunningWorker } from '../../../sync-server/src/workers/worker';
import { embeddedTarget, type CouchTarget } from '../../support/couchTarget';
import {
  caseDoc,
  fileCases,
  provisionTarget,
  putUser,
  sequencesOf,
  testYear,
  waitForNumbers,
} from './workerFixture';

const dir = mkdtempSync(join(tmpdir(), 'courtdesk-worker-restart-'));
const admin = { name: 'admin', password: randomBytes(12).toString('hex') };
let server: EmbeddedServer | undefined;
let worker: RunningWorker | undefined;

async function start(port: number): Promise<CouchTarget> {
  server = await startEmbeddedServer({ dataDir: dir, port, admin, logger: () => undefined });
  return embeddedTarget(server.url, admin, async () => {});
}

afterAll(async () => {
  await worker?.stop();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env['COUCH_URL']))('worker across a server restart (embedded server)', () => {
  it('retries while the server is down and numbers the cases filed after it comes back', async () => {
    let target = await start(0);
    const port = server?.port ?? 0;
    await provisionTarget(target);
    const clerk = await putUser(target, [], 'clerk.restart', ['clerk']);
    const year = testYear();
    const lines: string[] = [];
    worker = await startWorker({ couchUrl: target.adminUrl, name: 'restart', log: (l) => lines.push(l) });
    const first = Array.from({ length: 10 }, () => caseDoc(clerk.name, '民初', year));
    await fileCases(target, clerk, first, 5);
    await waitForNumbers(
      target,
      first.map((d) => String(d['_id'])),
    );

    await server?.close();
    server = undefined;
    await new Promise((r) => setTimeout(r, 1500)); // the worker's requests fail meanwhile
    target = await start(port);
    const second = Array.from({ length: 10 }, () => caseDoc(clerk.name, '民初', year));
    await fileCases(target, clerk, second, 5);
    const all = await waitForNumbers(
      target,
      [...first, ...second].map((d) => String(d['_id'])),
    );
    expect(sequencesOf(all.values())).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(lines.some((l) => /failed .*retr/i.test(l))).toBe(true);
  });
});
