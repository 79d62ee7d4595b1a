import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHost, type AppHost } from '../../../sync-server/src/appHost/appHost';
import { createCouchClient } from '../../../sync-server/src/couch/client';
import { provision } from '../../../sync-server/src/setup/provision';
import { launchChromium } from '../../e2e/browser';
import { buildHarness } from '../harness/buildHarness';
import { couchFetch, getCouchTarget, type CouchTarget } from '../../support/couchTarget';
import { addRoleUsers, type TestUser } from './fixture';
// Types of `window.cdf` only (the harness page bundles the module itself).
import type {} from '../harness/files';

/**
 * Size-aware attachment sync (renderer/src/db/fileSync.ts) in Chromium against a real server
 * (embedded, or COUCH_URL): a 50 MB file goes up and down byte-exact, small documents written
 * after it overtake it in both directions (each workstation on a throttled ~80 Mbit/s link), and the per-file states move pendingUpload → local on
 * the writer and pendingDownload → local on the reader. The page API (`window.cdf`) is
 * tests/integration/harness/files.ts, part of the shared sync harness page.
 */
const BIG = 50_000_000; // 50 MB (decimal): ~66.7 MB as base64 JSON, under the embedded server's 80 MiB request cap
const DB = 'courtdesk_documents';

let target: CouchTarget;
let host: AppHost;
let browser: Browser;
let users: Record<'clerk' | 'judge', TestUser>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  target = await getCouchTarget();
  await provision(createCouchClient(target.adminUrl));
  users = await addRoleUsers(target, ['clerk', 'judge']);
  host = await startAppHost({ couchUrl: target.url, staticDir: await buildHarness(), port: 0 });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await host?.close();
  await target?.stop();
});

/** A link of ~80 Mbit/s each way (a court's LAN/VPN), so a 50 MB transfer takes seconds as in the field. */
const LINK_BYTES_PER_S = 10 * 1024 * 1024;

async function workstation(user: TestUser, split = true): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page ${user.name}] ${e.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 2,
    downloadThroughput: LINK_BYTES_PER_S,
    uploadThroughput: LINK_BYTES_PER_S,
  });
  await page.goto(`${host.url}/index.html`);
  await page.waitForFunction(() => document.getElementById('ready')?.textContent === 'ready');
  expect(await page.evaluate(([n, p]) => window.cdf.signIn(n, p), [user.name, user.password] as const)).toBe(
    200,
  );
  await page.evaluate(([u, s]) => window.cdf.start(u, ['documents'], { split: s }), [
    user.name,
    split,
  ] as const);
  await page
    .waitForFunction(() => window.cdf.dbState('documents') === 'online', undefined, {
      timeout: 60_000,
      polling: 100,
    })
    .catch(async (e: unknown) => {
      throw new Error(
        `${String(e)}; status: ${JSON.stringify(await page.evaluate(() => window.cdf.status()))}`,
      );
    });
  return page;
}

const env = (by: string) => ({ schemaVersion: 1, createdAt: '2026-03-02T09:30:00.000+08:00', createdBy: by });

/** `n` small drafts (~250 bytes each). */
function smallDocs(by: string, tag: string, n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    ...env(by),
    _id: `draft:${tag}:${String(i).padStart(4, '0')}`,
    type: 'draft',
    caseId: `case:${tag}`,
    kind: 'other',
    title: `草稿 ${i}`,
    body: '<p>x</p>',
  }));
}

/** Polls the server until every id in `groups` is there; returns when each group was first complete (ms since t0). */
async function watchServer(
  groups: Record<string, readonly string[]>,
  t0: number,
  timeoutMs = 240_000,
): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  const all = [...new Set(Object.values(groups).flat())];
  for (;;) {
    const r = await couchFetch(`${target.url}/${DB}/_all_docs`, {
      method: 'POST',
      auth: target.admin,
      body: { keys: all },
    });
    const here = new Set(
      (r.body.rows as { id?: string; key: string; value?: { deleted?: boolean } }[])
        .filter((x) => x.value && !x.value.deleted)
        .map((x) => x.key),
    );
    for (const [name, ids] of Object.entries(groups))
      if (done[name] === undefined && ids.every((id) => here.has(id))) done[name] = Date.now() - t0;
    if (Object.keys(done).length === Object.keys(groups).length) return done;
    if (Date.now() - t0 > timeoutMs) throw new Error(`server never got everything: ${JSON.stringify(done)}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** Waits in the page until every id arrived locally; returns the page-clock arrival times. */
async function arrivals(page: Page, ids: readonly string[], timeoutMs = 240_000): Promise<number[]> {
  await page.waitForFunction((list) => list.every((id) => window.cdf.arrival(id) !== null), [...ids], {
    timeout: timeoutMs,
    polling: 50,
  });
  return page.evaluate((list) => list.map((id) => window.cdf.arrival(id) ?? -1), [...ids]);
}

async function serverBytes(id: string, name: string): Promise<Uint8Array> {
  const res = await fetch(`${target.url}/${DB}/${encodeURIComponent(id)}/${encodeURIComponent(name)}`, {
    headers: {
      authorization:
        'Basic ' + Buffer.from(`${target.admin.name}:${target.admin.password}`).toString('base64'),
    },
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe('size-aware attachment sync', () => {
  it('a 50 MB file syncs byte-exact both ways while 200 small documents written after it overtake it', async () => {
    const clerk = users.clerk.name;
    const writer = await workstation(users.clerk);
    const reader = await workstation(users.judge);
    await reader.evaluate(() => {
      window.cdf.trackArrivals('documents');
      window.cdf.watchStates('documents', ['volume:big50']);
    });
    await writer.evaluate(() => window.cdf.watchStates('documents', ['volume:big50']));
    await writer.evaluate(([d]) => window.cdf.bulk('documents', [d]), [
      { ...env(clerk), _id: 'volume:big50', type: 'volume', title: '卷宗 50 MB' },
    ] as const);

    // (b, upload) the file first, then 200 small documents; observe the server.
    const t0 = Date.now();
    const big = await writer.evaluate(
      ([u]) => window.cdf.attach('documents', u, 'volume:big50', 'scan50.pdf', 50_000_000, 42),
      [clerk] as const,
    );
    const up = smallDocs(clerk, 'up', 200);
    expect(await writer.evaluate(([d]) => window.cdf.bulk('documents', d), [up] as const)).toBe(200);
    const written = Date.now() - t0;
    const onServer = await watchServer(
      { small: up.map((d) => d._id as string), file: [big.info.fileId] },
      t0,
    );
    console.log(
      `upload: 50 MB file attached locally in ${big.ms} ms; after the 200 small docs were written, on the server: them after ${(onServer.small ?? 0) - written} ms, the file after ${(onServer.file ?? 0) - written} ms`,
    );
    expect(onServer.small).toBeLessThan(onServer.file ?? 0);

    // (a) byte-exact on the server: sha256 and CouchDB's md5 digest.
    const bytes = await serverBytes(big.info.fileId, 'scan50.pdf');
    expect(bytes.length).toBe(BIG);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(big.sha256);
    expect(`md5-${createHash('md5').update(bytes).digest('base64')}`).toBe(big.info.digest);
    const stub = await couchFetch(`${target.url}/${DB}/${encodeURIComponent(big.info.fileId)}`, {
      auth: target.admin,
    });
    expect(stub.body._attachments['scan50.pdf'].digest).toBe(big.info.digest);
    expect(stub.body).toMatchObject({ ownerId: 'volume:big50', size: BIG, digest: big.info.digest });

    // (b, download) while the reader downloads the file, 200 more small documents overtake it.
    await reader.waitForFunction((id) => window.cdf.states(id).includes('pendingDownload'), big.info.fileId, {
      timeout: 120_000,
      polling: 20,
    });
    const down = smallDocs(clerk, 'down', 200);
    const tDown = await reader.evaluate(() => window.cdf.now());
    expect(await writer.evaluate(([d]) => window.cdf.bulk('documents', d), [down] as const)).toBe(200);
    const smallAt = await arrivals(
      reader,
      down.map((d) => d._id as string),
    );
    const [fileAt = -1] = await arrivals(reader, [big.info.fileId]);
    console.log(
      `download: 200 small docs written during it arrived after ${Math.round(Math.max(...smallAt) - tDown)} ms, the file after ${Math.round(fileAt - tDown)} ms`,
    );
    expect(Math.max(...smallAt)).toBeLessThan(fileAt);
    const upAt = await arrivals(
      reader,
      up.map((d) => d._id as string),
    );
    expect(Math.max(...upAt)).toBeLessThan(fileAt); // the first 200 did not wait for the file either

    // (a) byte-exact on the reader, digest checked by readFile.
    expect(await reader.evaluate((id) => window.cdf.read('documents', id), big.info.fileId)).toEqual({
      sha256: big.sha256,
      size: BIG,
      digest: big.info.digest,
    });
    expect(await writer.evaluate((id) => window.cdf.read('documents', id), big.info.fileId)).toEqual({
      sha256: big.sha256,
      size: BIG,
      digest: big.info.digest,
    });

    // (c) the states each side went through, and nothing left pending.
    await writer.waitForFunction((id) => window.cdf.states(id).at(-1) === 'local', big.info.fileId, {
      timeout: 60_000,
    });
    await reader.waitForFunction((id) => window.cdf.states(id).at(-1) === 'local', big.info.fileId, {
      timeout: 60_000,
    });
    expect(await writer.evaluate((id) => window.cdf.states(id), big.info.fileId)).toEqual([
      'pendingUpload',
      'local',
    ]);
    expect(await reader.evaluate((id) => window.cdf.states(id), big.info.fileId)).toEqual([
      'pendingDownload',
      'local',
    ]);
    await writer.waitForFunction(() => window.cdf.status().attachments.uploadFiles === 0, undefined, {
      timeout: 60_000,
    });
    expect((await reader.evaluate(() => window.cdf.status())).attachments).toEqual({
      uploadFiles: 0,
      uploadBytes: 0,
      downloadFiles: 0,
      downloadBytes: 0,
    });
    for (const p of [writer, reader]) await p.evaluate(() => window.cdf.close());
  });

  it('measures the same upload without the split (small documents wait for the file)', async () => {
    const clerk = users.clerk.name;
    const writer = await workstation(users.clerk, false);
    await writer.evaluate(([d]) => window.cdf.bulk('documents', [d]), [
      { ...env(clerk), _id: 'volume:nosplit', type: 'volume', title: '卷宗' },
    ] as const);
    const t0 = Date.now();
    const big = await writer.evaluate(
      ([u]) => window.cdf.attach('documents', u, 'volume:nosplit', 'scan.pdf', 50_000_000, 7),
      [clerk] as const,
    );
    const small = smallDocs(clerk, 'nosplit', 200);
    expect(await writer.evaluate(([d]) => window.cdf.bulk('documents', d), [small] as const)).toBe(200);
    const written = Date.now() - t0;
    const onServer = await watchServer(
      { small: small.map((d) => d._id as string), file: [big.info.fileId] },
      t0,
    );
    console.log(
      `without the split (file attached in ${big.ms} ms): after the 200 small docs were written, on the server: them after ${(onServer.small ?? 0) - written} ms, the file after ${(onServer.file ?? 0) - written} ms`,
    );
    // One replication in sequence order: nothing written after the file arrives before it.
    expect(onServer.small).toBeGreaterThanOrEqual(onServer.file ?? Infinity);
    await writer.evaluate(() => window.cdf.close());
  });
});
