import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHost, type AppHost } from '../../../sync-server/src/appHost/appHost';
import { createCouchClient } from '../../../sync-server/src/couch/client';
import { provision } from '../../../sync-server/src/setup/provision';
import { launchChromium, SCREENSHOT_DIR } from '../../e2e/browser';
import { couchFetch, getCouchTarget, type CouchTarget } from '../../support/couchTarget';
import { addRoleUsers, RUN_TAG, type TestUser } from './fixture';

/**
 * The real app (renderer build) in Chromium: a judge signs in through the form, the status bar
 * shows the engine's state, the conflict centre lists a draft with two conflicting revisions on
 * the server, shows them side by side with a text diff, and "keep this version" resolves it: the
 * server ends with one live leaf and the loser deleted.
 */
const APP_DIR = path.resolve('artifacts', 'app-build-sync');
let target: CouchTarget;
let host: AppHost;
let browser: Browser;
let judge: TestUser;

beforeAll(async () => {
  await build({
    configFile: path.resolve('renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: APP_DIR, emptyOutDir: true, sourcemap: false },
  });
  target = await getCouchTarget();
  await provision(createCouchClient(target.adminUrl));
  judge = (await addRoleUsers(target, ['judge'])).judge;
  host = await startAppHost({ couchUrl: target.url, staticDir: APP_DIR, port: 0 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await target?.stop();
});

describe('conflict centre in the app', () => {
  it('lists a server-side conflict, shows both versions, and keep resolves it everywhere', async () => {
    const db = `${target.url}/courtdesk_documents`;
    const id = `draft:ui${RUN_TAG}`;
    const body = {
      type: 'draft',
      schemaVersion: 1,
      createdAt: '2026-03-02T09:30:00.000+08:00',
      createdBy: judge.name,
      caseId: 'case:c1',
      kind: 'judgment',
      title: '民事判决书（冲突）',
    };
    const first = await couchFetch(`${db}/${id}`, {
      method: 'PUT',
      auth: judge,
      body: { ...body, body: '<p>原告张三。</p>' },
    });
    expect(first.status).toBe(201);
    const hash = String(first.body.rev).split('-')[1];
    // Two offline edits as replication delivers them: two leaves on rev 2 (written as admin, new_edits=false).
    const leaves = [
      {
        ...body,
        _id: id,
        _rev: `2-${'a'.repeat(32)}`,
        _revisions: { start: 2, ids: ['a'.repeat(32), hash] },
        body: '<p>原告张三诉被告李四买卖合同纠纷。</p>',
      },
      {
        ...body,
        _id: id,
        _rev: `2-${'b'.repeat(32)}`,
        _revisions: { start: 2, ids: ['b'.repeat(32), hash] },
        body: '<p>原告张三诉被告李四借款合同纠纷。</p>',
      },
    ];
    const w = await couchFetch(`${db}/_bulk_docs`, {
      method: 'POST',
      auth: target.admin,
      body: { docs: leaves, new_edits: false },
    });
    expect(w.status).toBe(201);

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    // The first load of the built app can take long on a busy machine: wait for the form itself.
    await page.getByTestId('signin-username').waitFor({ timeout: 120_000 });
    await page.getByTestId('signin-username').fill(judge.name);
    await page.getByTestId('signin-password').fill(judge.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('screen-home').waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'online',
      undefined,
      { timeout: 120_000 },
    );

    await page.goto(`${host.url}/#/conflicts`);
    await page.getByTestId(`conflict-open-${id}`).click({ timeout: 60_000 });
    await page.getByTestId('conflict-detail').waitFor({ timeout: 120_000 });
    const detail = await page.getByTestId('conflict-detail').innerText();
    expect(detail).toContain('买卖合同');
    expect(detail).toContain('借款合同');
    expect(await page.getByTestId('conflict-textdiff').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'sync-conflict-centre.png') });

    // The winner is the 'b…' leaf (higher hash); keep the other one.
    await page.getByTestId('conflict-keep-1').first().click();
    await page.getByTestId('conflicts-empty').waitFor({ timeout: 120_000 });
    const until = Date.now() + 60_000;
    let doc: { _conflicts?: string[]; body?: string } = {};
    while (Date.now() < until) {
      doc = (await couchFetch(`${db}/${id}?conflicts=true`, { auth: target.admin })).body;
      if (!doc._conflicts && String(doc.body).includes('买卖合同')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(doc._conflicts).toBeUndefined();
    expect(doc.body).toContain('买卖合同');
    const all = await couchFetch(`${db}/${id}?open_revs=all`, { auth: target.admin });
    const states = (all.body as { ok: { _deleted?: boolean } }[]).map((l) => l.ok._deleted === true).sort();
    expect(states).toEqual([false, true]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
