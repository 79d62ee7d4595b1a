import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, type ModuleDef } from '../../renderer/src/app/modules';
import { startAppHost, type AppHost } from '../../sync-server/src/appHost/appHost';
import { deadPort, SCREENSHOT_DIR, startAppFixture, STATIC_DIR, submitSignIn } from './browser';

/**
 * End-to-end in Debian's Chromium: the real renderer build served by the app host, a real server
 * (the embedded one, or COUCH_URL) provisioned by our CLI code. A clerk signs in, visits every
 * module, switches language; wrong password, unreachable server, kiosk landing, sign-out and the
 * recovery screen are checked as a user would see them. Screenshots land in artifacts/screenshots.
 */
const en = JSON.parse(readFileSync('renderer/src/app/i18n/en.json', 'utf8'));
const zh = JSON.parse(readFileSync('renderer/src/app/i18n/zh-CN.json', 'utf8'));
const suffix = randomBytes(3).toString('hex');
const clerk = { name: `e2e.clerk.${suffix}`, password: 'e2e-password-1', displayName: '王书记员' };
const kiosk = { name: `e2e.kiosk.${suffix}`, password: 'e2e-password-2' };

let stopFixture: (() => Promise<void>) | undefined;
let host: AppHost;
let browser: Browser;
const pageErrors: string[] = [];

async function newPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
  });
  return page;
}

async function signIn(page: Page, name: string, password: string): Promise<void> {
  await submitSignIn(page, host.url, { name, password });
}

async function openModule(page: Page, m: ModuleDef): Promise<void> {
  const nav = page.getByTestId(`nav-${m.key}`);
  if (m.group && !(await nav.isVisible())) await page.getByTestId(`nav-${m.group}`).click();
  await nav.click();
  await page.getByTestId(`screen-${m.key}`).waitFor();
}

beforeAll(async () => {
  const fixture = await startAppFixture([
    { name: clerk.name, password: clerk.password, roles: ['clerk'], displayName: clerk.displayName },
    { name: kiosk.name, password: kiosk.password, roles: ['kiosk'] },
  ]);
  ({ host, browser } = fixture);
  stopFixture = fixture.stop;
});

afterAll(async () => {
  await stopFixture?.();
});

describe('CourtDesk shell in Chromium', () => {
  it('shows the sign-in page in Simplified Chinese with the CSP applied', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Not newPage(): this test provokes a CSP violation on purpose.
    const page = await ctx.newPage();
    await page.goto(host.url);
    await page.getByTestId('signin-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('signin-submit').innerText()).toContain(zh.auth.submit.trim().slice(0, 1));
    const csp = await page.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // An inline script must be refused by the CSP.
    const inlineRan = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRan).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-01-signin-zh-CN.png') });
    await ctx.close();
  });

  it('tells a wrong password apart from an unreachable server', async () => {
    const ctx = await browser.newContext();
    const page = await newPage(ctx);
    await signIn(page, clerk.name, 'definitely-wrong');
    const error = page.getByTestId('signin-error');
    await error.waitFor();
    expect(await error.getAttribute('data-error')).toBe('auth.errors.wrongCredentials');
    expect(await error.innerText()).toContain(zh.auth.errors.wrongCredentials);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-02-wrong-password.png') });

    const deadHost = await startAppHost({
      couchUrl: `http://127.0.0.1:${await deadPort()}`,
      staticDir: STATIC_DIR,
      port: 0,
    });
    try {
      await submitSignIn(page, deadHost.url, clerk);
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid=signin-error]')?.getAttribute('data-error') ===
          'auth.errors.unreachable',
      );
      expect(await page.getByTestId('signin-error').innerText()).toContain(zh.auth.errors.unreachable);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-03-server-unreachable.png') });
    } finally {
      await deadHost.close();
    }
    await ctx.close();
  });

  it('signs a clerk in, visits every module and switches language', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await newPage(ctx);
    await signIn(page, clerk.name, clerk.password);
    await page.getByTestId('screen-home').waitFor();
    // The display name comes from the staff directory once it has synced (the user name until then).
    await page.waitForFunction(
      (shown) => document.querySelector('[data-testid=user-name]')?.textContent === shown,
      clerk.displayName,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid=server-status]')?.getAttribute('data-state') === 'online',
    );
    // The workbench reports the real replication state of the clerk's local replicas.
    await page.waitForFunction(
      () => document.querySelector('[data-testid=home-sync-state]')?.getAttribute('data-state') === 'online',
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('home-sync-state').innerText()).toContain(zh.sync.state.online);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-04-home-clerk-zh-CN.png') });

    const visible = MODULES.filter((m) => !m.hidden && m.roles.includes('clerk'));
    expect(visible.length).toBeGreaterThan(10);
    for (const m of visible) {
      await openModule(page, m);
      const text = await page.getByTestId(`screen-${m.key}`).innerText();
      // The workbench greets the user instead of showing a module title.
      expect(text).toContain(m.key === 'home' ? clerk.displayName : zh.modules[m.key].title);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `e2e-module-${m.key}-zh-CN.png`) });
    }

    await page.getByRole('banner').getByTestId('language-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const casesList = MODULES.find((m) => m.key === 'cases-list');
    if (!casesList) throw new Error('cases-list module missing');
    await openModule(page, casesList);
    expect(await page.getByTestId('screen-cases-list').innerText()).toContain(en.modules['cases-list'].title);
    expect(await page.getByTestId('nav-cases').innerText()).toBe(en.nav.group.cases);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-05-cases-list-en.png') });

    // The choice survives a reload; switching back restores Chinese.
    await page.reload();
    await page.getByTestId('screen-cases-list').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('banner').getByTestId('language-zh-CN').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.getByTestId('nav-cases').innerText()).toBe(zh.nav.group.cases);

    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    await page.reload();
    await page.getByTestId('signin-form').waitFor();
    const session = await page.evaluate(async () =>
      (await fetch('couch/_session', { credentials: 'include' })).json(),
    );
    expect(session.userCtx.name).toBeNull();
    await ctx.close();
  });

  it('sends a kiosk account straight to the public query and hides staff modules', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await newPage(ctx);
    await signIn(page, kiosk.name, kiosk.password);
    await page.getByTestId('screen-public-query').waitFor();
    expect(await page.getByTestId('nav-cases').count()).toBe(0);
    expect(await page.getByTestId('nav-settings').count()).toBe(
      MODULES.find((m) => m.key === 'settings')?.roles.includes('kiosk') ? 1 : 0,
    );
    // The server, not the UI, keeps the kiosk out of staff data.
    const res = await page.evaluate(
      async () => (await fetch('couch/courtdesk_cases/_all_docs?limit=1', { credentials: 'include' })).status,
    );
    expect(res).toBe(403);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-06-kiosk.png') });
    await ctx.close();
  });

  it('shows the recovery screen when a screen fails to load, and the rest keeps working', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await newPage(ctx);
    await page.route('**/assets/ForumScreen-*.js', (route) => route.abort());
    await signIn(page, clerk.name, clerk.password);
    await page.getByTestId('screen-home').waitFor();
    const forum = MODULES.find((m) => m.key === 'forum');
    if (!forum) throw new Error('forum module missing');
    await page.getByTestId('nav-forum').click();
    await page.getByTestId('recovery-screen').waitFor();
    const text = await page.getByTestId('recovery-screen').innerText();
    expect(text.includes(zh.errorBoundary.moduleTitle) || text.includes(zh.errorBoundary.title)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-07-recovery.png') });
    const home = MODULES.find((m) => m.key === 'home');
    if (!home) throw new Error('home module missing');
    await openModule(page, home);
    await ctx.close();
    // Only the aborted chunk may have produced errors.
    expect(
      pageErrors.filter((e) => !/ForumScreen|dynamically imported module|Failed to fetch/i.test(e)),
    ).toEqual([]);
  });
});
