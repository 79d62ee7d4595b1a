import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { startAppFixture, type AppFixture, type FixtureUser, signInPage } from './browser';

/**
 * E-library, search and download centre end to end in Chromium against the real server (embedded,
 * or COUCH_URL) and the built renderer. Provisioning's migration puts the starter set on the
 * server; a clerk's replica pulls it; the clerk opens an article from the shelves (its link and
 * citation), presses Ctrl+K, searches 诉讼费, sees the fee rules with the forum thread titled 诉讼费…
 * among them, clicks a fee article and lands on it. An admin uploads a form to the download
 * centre; the clerk, offline, saves it with the same bytes. Screenshots go to docs/screenshots/.
 */
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;
const CLERK: FixtureUser = { name: 'clerk.e2elib', password: PASSWORD, roles: ['clerk'] };
const ADMIN: FixtureUser = { name: 'admin.e2elib', password: PASSWORD, roles: ['admin'] };
const SHOTS = path.resolve('docs', 'screenshots');
const FEE_ARTICLE = 'law:litigation-fees:art-0002';
const LIMIT_ITEM = 'libraryItem:civil-procedure.first-instance-limits';
const LIMIT_ARTICLE = 'law:civil-procedure:art-0152';
const FORM_BYTES = Buffer.from(
  `民事起诉状（样式）\n原告：\n被告：\n诉讼请求：\n${randomBytes(8).toString('hex')}\n`,
  'utf8',
);

let fixture: AppFixture;
let browser: Browser;
const pageErrors: string[] = [];

async function signedIn(user: FixtureUser): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 960 }, acceptDownloads: true });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixture.host.url });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInPage(page, fixture.host.url, user);
  return { ctx, page };
}

beforeAll(async () => {
  fixture = await startAppFixture([CLERK, ADMIN]);
  browser = fixture.browser;
  // A thread whose title names 诉讼费 (written as if by the clerk; the forum screens are built elsewhere).
  const res = await couchFetch(`${fixture.target.url}/courtdesk_forum/_bulk_docs`, {
    method: 'POST',
    auth: fixture.target.admin,
    body: {
      docs: [
        {
          _id: 'post:e2elib1',
          type: 'post',
          schemaVersion: 1,
          createdAt: '2026-12-01T02:00:00.000Z',
          createdBy: CLERK.name,
          board: 'board:general',
          title: '诉讼费缓交申请怎么办理？',
          body: '<p>当事人经济困难，申请缓交，需要哪些材料？</p>',
        },
      ],
    },
  });
  expect(res.status).toBe(201);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await fixture?.stop();
});

describe('e-library, search and download centre (Chromium, real server)', () => {
  it('the starter set reached the server through provisioning', async () => {
    const res = await couchFetch(
      `${fixture.target.url}/courtdesk_library/_all_docs?startkey=%22libraryItem%3A%22&endkey=%22libraryItem%3A%EF%BF%B0%22`,
      { auth: fixture.target.admin },
    );
    expect((res.body as { rows: unknown[] }).rows.length).toBe(25);
  });

  it('opens an article, copies its citation, finds 诉讼费 with Ctrl+K and lands on the article', async () => {
    const { ctx, page } = await signedIn(CLERK);
    await page.getByTestId('nav-library').click();
    await page.getByTestId('screen-library').waitFor();
    await page.getByTestId('library-item-link').first().waitFor({ timeout: 60_000 });
    await page
      .locator(`a[href*="${encodeURIComponent(LIMIT_ITEM)}"]`)
      .first()
      .click();
    const article = page.locator(`[data-testid=library-article][data-article-id="${LIMIT_ARTICLE}"]`);
    await article.waitFor();
    expect(await page.getByTestId('library-heading').allTextContents()).toEqual(
      expect.arrayContaining(['第二编 审判程序', '第十二章 第一审普通程序', '第三节 开庭审理']),
    );
    // Each article has its own link; following it marks that article.
    await article.getByTestId('article-link').click();
    await page.waitForFunction(
      (id) => decodeURIComponent(location.hash).includes(`article=${id}`),
      LIMIT_ARTICLE,
    );
    await expect.poll(() => article.getAttribute('data-selected')).toBe('true');
    await page.screenshot({ path: path.join(SHOTS, 'library-article.png'), animations: 'disabled' });

    // Ctrl+K from any screen focuses the top bar's box.
    await page.getByTestId('nav-home').click();
    await page.keyboard.press('Control+K');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('search-box');
    await page.keyboard.type('诉讼费');
    await page.keyboard.press('Enter');
    await page.getByTestId('screen-search').waitFor();
    const hits = page.getByTestId('search-hit');
    await page
      .locator(`[data-testid=search-hit][data-hit-id$="#${FEE_ARTICLE}"]`)
      .waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=search-hit][data-hit-id="post:e2elib1"]').waitFor({ timeout: 60_000 });
    const kinds = await hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toContain('library');
    // Highlighted: the query's words are marked in titles or snippets.
    expect(await page.locator('[data-testid=search-hit] mark').first().textContent()).toMatch(/诉讼费/);
    await page.screenshot({ path: path.join(SHOTS, 'search-results.png'), animations: 'disabled' });

    // Filter to forum posts only, then nothing: the page says so.
    // The filters live in the route: a click changes the hash, and the box follows on hashchange
    // (asynchronously), so click and wait for the state rather than check()/uncheck().
    const forumOnly = page.getByRole('checkbox', { name: '论坛' });
    await forumOnly.click();
    await expect.poll(() => forumOnly.isChecked()).toBe(true);
    await expect.poll(() => hits.count()).toBe(1);
    await page.getByTestId('search-box').fill('量子纠缠');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-empty').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'search-empty.png'), animations: 'disabled' });

    // Back to 诉讼费 without filters; the fee article's result opens the article.
    await page.getByTestId('search-box').fill('诉讼费');
    await forumOnly.click();
    await expect.poll(() => forumOnly.isChecked()).toBe(false);
    await page.getByTestId('search-box').press('Enter');
    await page
      .locator(`[data-testid=search-hit][data-hit-id$="#${FEE_ARTICLE}"] [data-testid=search-hit-link]`)
      .click();
    await page.getByTestId('screen-library').waitFor();
    await expect
      .poll(() =>
        page.locator('[data-testid=library-article][data-selected=true]').getAttribute('data-article-id'),
      )
      .toBe(FEE_ARTICLE);
    // Citable: the copy button puts the article's citation on the clipboard.
    await page
      .locator('[data-testid=library-article][data-selected=true] [data-testid=article-copy]')
      .click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('《诉讼费用交纳办法》第二条');
    await ctx.close();
  });

  it('an admin uploads a form; a clerk saves it offline with the same bytes', async () => {
    const admin = await signedIn(ADMIN);
    await admin.page.getByTestId('nav-downloads').click();
    await admin.page.getByTestId('downloads-upload').click();
    await admin.page.getByTestId('upload-title').fill('民事起诉状（样式）');
    await admin.page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '民事起诉状.txt',
      mimeType: 'text/plain',
      buffer: FORM_BYTES,
    });
    await admin.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await admin.page.getByTestId('download-entry').waitFor();
    await admin.page.locator('[data-testid=attachment-row][data-state=local]').waitFor({ timeout: 90_000 });
    // The file document reached the server before the admin's window closes.
    await expect
      .poll(
        async () => {
          const res = await couchFetch(
            `${fixture.target.url}/courtdesk_library/_all_docs?startkey=%22file%3A%22&endkey=%22file%3A%EF%BF%B0%22`,
            { auth: fixture.target.admin },
          );
          return (res.body as { rows?: unknown[] }).rows?.length ?? 0;
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe(1);
    await admin.page.screenshot({ path: path.join(SHOTS, 'downloads.png'), animations: 'disabled' });
    await admin.ctx.close();

    const { ctx, page } = await signedIn(CLERK);
    await page.getByTestId('nav-downloads').click();
    await page.getByTestId('download-entry').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid=attachment-row][data-state=local]').waitFor({ timeout: 120_000 });
    await ctx.setOffline(true);
    const download = page.waitForEvent('download');
    await page.locator('[data-testid=attachment-row] button').last().click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('民事起诉状.txt');
    const saved = path.resolve('artifacts', 'screenshots', 'library-download.txt');
    mkdirSync(path.dirname(saved), { recursive: true });
    await file.saveAs(saved);
    expect(readFileSync(saved).equals(FORM_BYTES)).toBe(true);
    await ctx.close();
    expect(pageErrors).toEqual([]);
  });
});
