import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../../support/couchTarget';
import { drafts, events, RUN_TAG, serverBulk, serverDocs, startStack, until, type Stack } from './fixture';

/**
 * Two workstations (two Chromium contexts, IndexedDB adapter) against a real server through the
 * app host's /couch proxy: a fresh replica pulls 10k documents, a workstation pushes 10k written
 * offline (the unpushed count is exact while offline and returns to 0), and a write on one
 * workstation reaches the other live.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack(['clerk', 'judge']);
});
afterAll(async () => {
  await stack?.close();
});

describe('sync in Chromium against a real server', () => {
  it('pulls 10k documents into a fresh replica', async () => {
    const clerk = stack.users.clerk;
    await serverBulk(stack.target, 'courtdesk_cases', events(clerk.name, 10_000, `pull10k${RUN_TAG}`));
    const { page } = await stack.workstation(stack.users.judge);
    // What the replica read from the server: pages of the bulk seed (`_changes` with the bodies),
    // and documents listed by the `_changes` feeds of the live replication that follows it.
    const seedPage = /\/courtdesk_cases\/_changes\?.*include_docs=true/;
    let seedPages = 0;
    let changesRead = 0;
    let changesRequests = 0;
    page.on('request', (req) => {
      if (seedPage.test(req.url())) seedPages++;
    });
    page.on('response', (res) => {
      if (!/\/courtdesk_cases\/_changes\?/.test(res.url()) || seedPage.test(res.url())) return;
      changesRequests++;
      res.json().then(
        (body: { results?: unknown[] }) => (changesRead += body.results?.length ?? 0),
        () => undefined,
      );
    });
    const t0 = Date.now();
    await page.evaluate(([u]) => window.cd.start(u, ['cases']), [stack.users.judge.name] as const);
    await until(page, 'cases', 'online');
    await page.evaluate(() => window.cd.syncNow());
    const count = await page.evaluate(() => window.cd.docCount('cases'));
    console.log(
      `pull 10k: ${Date.now() - t0} ms (${seedPages} seed pages, ${changesRead} changes read after)`,
    );
    // Every document on the server (the 10k, the design document, anything else there) is local.
    const server = await couchFetch(`${stack.target.url}/courtdesk_cases`, { auth: stack.target.admin });
    expect(count).toBe(server.body.doc_count);
    const st = await page.evaluate(() => window.cd.status());
    expect(st.lastSyncAt).not.toBeNull();
    // Seeded in bulk with progress up to the total; the live pull then started at the seed's sequence.
    expect(st.initialSync).toMatchObject({ active: false, done: count });
    expect(st.initialSync?.total).toBe(st.initialSync?.done);
    expect(seedPages).toBeGreaterThan(0);
    expect(changesRequests).toBeGreaterThan(0);
    expect(changesRead).toBeLessThan(100);
    await page.evaluate(() => window.cd.recount());
    expect((await page.evaluate(() => window.cd.status())).unpushed).toBe(0);
    await page.evaluate(() => window.cd.close());
  });

  it('counts 10k writes made offline exactly, then pushes them all and the count returns to 0', async () => {
    const clerk = stack.users.clerk;
    const { context, page } = await stack.workstation(clerk);
    await page.evaluate(([u]) => window.cd.start(u, ['documents']), [clerk.name] as const);
    await until(page, 'documents', 'online');
    await context.setOffline(true);
    await until(page, 'documents', 'offline', 30_000);
    const docs = drafts(clerk.name, 10_000, `push10k${RUN_TAG}`);
    let t = Date.now();
    for (let i = 0; i < docs.length; i += 2000) {
      expect(
        await page.evaluate(([d]) => window.cd.bulk('documents', d), [docs.slice(i, i + 2000)] as const),
      ).toBe(2000);
    }
    console.log(`local writes 10k: ${Date.now() - t} ms`);
    t = Date.now();
    await page.evaluate(() => window.cd.recount());
    console.log(`offline recount of 10k: ${Date.now() - t} ms`);
    const offline = (await page.evaluate(() => window.cd.status())).databases[0];
    expect(offline).toMatchObject({ state: 'offline', unpushed: 10_000, unpushedMethod: 'since_checkpoint' });
    const t0 = Date.now();
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until(page, 'documents', 'online');
    const ok = await page.evaluate(() => window.cd.syncNow());
    expect(ok).toEqual({ ok: true });
    console.log(`push 10k: ${Date.now() - t0} ms`);
    const onServer = (await serverDocs(stack.target, 'courtdesk_documents')).filter((d) =>
      d.id.startsWith(`draft:push10k${RUN_TAG}:`),
    );
    expect(onServer).toHaveLength(10_000);
    await page.evaluate(() => window.cd.recount());
    const after = (await page.evaluate(() => window.cd.status())).databases[0];
    expect(after).toMatchObject({ unpushed: 0, unpushedMethod: 'revs_diff' });
    await page.evaluate(() => window.cd.close());
  });

  it('propagates a write from one workstation (indexeddb) to the other (idb) live', async () => {
    const a = await stack.workstation(stack.users.clerk);
    const b = await stack.workstation(stack.users.judge);
    await a.page.evaluate(([u]) => window.cd.start(u, ['forum']), [stack.users.clerk.name] as const);
    // The second workstation runs on the older `idb` adapter: both adapters sync.
    await b.page.evaluate(([u]) => window.cd.start(u, ['forum'], { adapter: 'idb' }), [
      stack.users.judge.name,
    ] as const);
    await until(a.page, 'forum', 'online');
    await until(b.page, 'forum', 'online');
    const latencies: number[] = [];
    // Ids of this run only: a shared CouchDB may still hold an earlier run's posts.
    const tag = `live${Date.now().toString(36)}`;
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await a.page.evaluate(
        ([u, n, t]) =>
          window.cd.create('forum', u, 'post', [`${t}${n}`], {
            board: 'board:general',
            title: `实时 ${n}`,
            body: '<p>内容</p>',
          }),
        [stack.users.clerk.name, i, tag] as const,
      );
      const seen = await b.page.evaluate((id) => window.cd.waitDoc('forum', id, 30_000), `post:${tag}${i}`);
      expect(seen).not.toBeNull();
      latencies.push(Date.now() - t0);
    }
    console.log(`live propagation ms: ${latencies.join(', ')}`);
    const post = await b.page.evaluate((id) => window.cd.get('forum', id), `post:${tag}4`);
    expect(post).toMatchObject({ title: '实时 4', createdBy: stack.users.clerk.name, schemaVersion: 1 });
    await a.page.evaluate(() => window.cd.close());
    await b.page.evaluate(() => window.cd.close());
  });
});
