import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../../support/couchTarget';
import {
  serverBulk,
  serverDocs,
  startChildServer,
  startStack,
  until,
  type ChildServer,
  type Stack,
} from './fixture';

/**
 * Fault test: the embedded server runs as a `courtdesk-server start` child process and is SIGKILLed
 * five times during a two-way sync of 10k documents (5k pulled, 5k pushed, plus edits made while
 * it is down), each time restarted on the same port and data folder. Afterwards every document is
 * on the server exactly once, at the workstation's latest revision, without conflicts.
 * (Always the embedded server: a COUCH_URL server cannot be killed by the suite.)
 */
let server: ChildServer;
let stack: Stack;

beforeAll(async () => {
  server = await startChildServer();
  stack = await startStack(['clerk', 'judge'], server.target);
});
afterAll(async () => {
  await stack?.close();
  await server?.stop();
});

function post(id: string, by: string, n: number): Record<string, unknown> {
  return {
    _id: `post:${id}`,
    type: 'post',
    schemaVersion: 1,
    createdAt: '2026-03-02T09:30:00.000+08:00',
    createdBy: by,
    board: 'board:general',
    title: `帖子 ${n}`,
    body: `<p>${'内容'.repeat(200)}</p>`,
  };
}

describe('server killed during a 10k two-way sync', () => {
  it('converges: every document once, at its latest revision, after 5 SIGKILL/restart cycles', async () => {
    const clerk = stack.users.clerk.name;
    const judge = stack.users.judge.name;
    await serverBulk(
      stack.target,
      'courtdesk_forum',
      Array.from({ length: 5000 }, (_, i) => post(`srv${i}`, judge, i)),
    );
    const { page } = await stack.workstation(stack.users.clerk);
    await page.evaluate(([u]) => window.cd.start(u, ['forum'], { maxBackoffMs: 1000 }), [clerk] as const);
    const local = Array.from({ length: 5000 }, (_, i) => post(`ws${i}`, clerk, i));
    for (let i = 0; i < local.length; i += 1000)
      await page.evaluate(([d]) => window.cd.bulk('forum', d), [local.slice(i, i + 1000)] as const);

    const t0 = Date.now();
    const atKill: { serverDocs: number; localDocs: number; state: string }[] = [];
    for (let k = 0; k < 5; k++) {
      await new Promise((r) => setTimeout(r, 2500 + Math.floor(Math.random() * 1500)));
      atKill.push({
        serverDocs: (await serverDocs(stack.target, 'courtdesk_forum')).length,
        localDocs: await page.evaluate(() => window.cd.docCount('forum')),
        state: (await page.evaluate(() => window.cd.status())).state,
      });
      await server.kill();
      // Edits made while the server is down must win afterwards.
      for (let j = 0; j < 20; j++) {
        const id = `post:ws${k * 20 + j}`;
        await page.evaluate(([u, i, n]) => window.cd.update('forum', u, i, { title: `离线修改 ${n}` }), [
          clerk,
          id,
          k,
        ] as const);
      }
      await until(page, 'forum', 'offline', 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      await server.restart();
    }
    console.log(`kills at: ${JSON.stringify(atKill)}`);
    // The kills really happened mid-sync: the server did not have everything yet at the first one.
    expect(atKill[0]?.serverDocs).toBeLessThan(10_000);
    await until(page, 'forum', 'online', 240_000);
    expect(await page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    console.log(`converged ${Date.now() - t0} ms after the first kill window began`);
    expect(await page.evaluate(() => window.cd.history())).toEqual(
      expect.arrayContaining(['offline', 'syncing', 'online']),
    );

    const docs = await serverDocs(stack.target, 'courtdesk_forum');
    const ids = docs.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('post:srv'))).toHaveLength(5000);
    expect(ids.filter((id) => id.startsWith('post:ws'))).toHaveLength(5000);
    expect(docs.filter((d) => d.doc['_conflicts'])).toEqual([]);
    // Latest revision: the server's winner equals the workstation's for every document it wrote.
    const localRevs = await page.evaluate(async () => {
      const out: Record<string, string> = {};
      for (let i = 0; i < 5000; i++) {
        const d = await window.cd.get('forum', `post:ws${i}`);
        if (d) out[String(d['_id'])] = String(d['_rev']);
      }
      return out;
    });
    expect(Object.keys(localRevs)).toHaveLength(5000);
    const mismatched = docs.filter((d) => d.id.startsWith('post:ws') && localRevs[d.id] !== d.rev);
    expect(mismatched).toEqual([]);
    const edited = docs.filter((d) => String(d.doc['title']).startsWith('离线修改'));
    expect(edited).toHaveLength(100);
    const forum = await couchFetch(`${stack.target.url}/courtdesk_forum`, { auth: stack.target.admin });
    expect(await page.evaluate(() => window.cd.docCount('forum'))).toBe(forum.body.doc_count);
    await page.evaluate(() => window.cd.recount());
    expect((await page.evaluate(() => window.cd.status())).unpushed).toBe(0);
    await page.evaluate(() => window.cd.close());
  });
});
