import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { SCREENSHOT_DIR, startAppFixture, type AppFixture, submitSignIn } from './browser';

/**
 * 修改密码 end to end in Chromium: a judge opens the user menu, changes the password in the dialog
 * (the renderer encrypts the request, the server worker carries it out), is asked to sign in again,
 * and signs in with the new password; the old one no longer works. The header shows the judge's
 * display name and title from the staff directory, never the user name. Real renderer build, app
 * host and server (embedded, or COUCH_URL); screenshots in artifacts/screenshots.
 */
const zh = JSON.parse(readFileSync('renderer/src/app/i18n/zh-CN.json', 'utf8'));
const suffix = randomBytes(3).toString('hex');
const judge = { name: `e2e.judge.${suffix}`, password: 'e2e-old-password-1', displayName: '赵志刚' };
const NEW_PASSWORD = 'e2e-new-password-2';

let fixture: AppFixture;
const pageErrors: string[] = [];

async function signIn(page: Page, password: string): Promise<void> {
  await submitSignIn(page, fixture.host.url, { name: judge.name, password });
}

/** Submits the dialog and waits for its outcome (`data-outcome`) and text. */
async function submitChange(page: Page): Promise<{ outcome: string | null; text: string }> {
  await page.getByTestId('change-password-submit').click();
  const result = page.getByTestId('change-password-result');
  await result.waitFor({ timeout: 60_000 });
  return { outcome: await result.getAttribute('data-outcome'), text: await result.innerText() };
}

/** Waits until the app sees the server (the dialog offers nothing to submit offline). */
async function online(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid=server-status]')?.getAttribute('data-state') === 'online',
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
}

beforeAll(async () => {
  fixture = await startAppFixture([
    { name: judge.name, password: judge.password, roles: ['judge'], displayName: judge.displayName },
  ]);
  // A title, which the header shows beside the name (from the staff directory).
  const url = `${fixture.target.url}/_users/${encodeURIComponent(`org.couchdb.user:${judge.name}`)}`;
  const doc = (await couchFetch(url, { auth: fixture.target.admin })).body;
  await couchFetch(url, { method: 'PUT', auth: fixture.target.admin, body: { ...doc, title: '二级法官' } });
});

afterAll(async () => {
  await fixture?.stop();
});

describe('修改密码 in Chromium', () => {
  it('a judge changes the password in the dialog and signs in again with it', async () => {
    const ctx = await fixture.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, judge.password);
    await page.getByTestId('screen-home').waitFor();
    await page.waitForFunction(
      (shown) => document.querySelector('[data-testid=user-name]')?.textContent === shown,
      judge.displayName,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('user-title').innerText()).toBe('二级法官');
    expect(await page.getByTestId('home-greeting').innerText()).toContain(judge.displayName);
    expect(await page.getByRole('banner').innerText()).not.toContain(judge.name);
    await online(page);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-menu-change-password').click();
    await page.getByTestId('change-password-form').waitFor();
    expect(await page.getByTestId('change-password-intro').innerText()).toContain(
      zh.account.changePassword.intro,
    );
    // The form's own checks first: a short password and a mismatch are caught before anything is sent.
    await page.getByTestId('change-password-current').fill(judge.password);
    await page.getByTestId('change-password-new').fill('short');
    await page.getByTestId('change-password-confirm').fill('shorter');
    await page.getByTestId('change-password-submit').click();
    await page.getByText(zh.account.changePassword.invalid.tooShort.replace('{{min}}', '8')).waitFor();
    await page.getByText(zh.account.changePassword.invalid.mismatch).waitFor();
    await shot(page, 'e2e-password-01-invalid-zh-CN.png');

    await page.getByTestId('change-password-new').fill(NEW_PASSWORD);
    await page.getByTestId('change-password-confirm').fill(NEW_PASSWORD);
    await shot(page, 'e2e-password-02-form-zh-CN.png');
    const changed = await submitChange(page);
    expect(changed.outcome).toBe('changed');
    expect(changed.text).toContain(zh.account.changePassword.done.title);
    await shot(page, 'e2e-password-03-changed-zh-CN.png');

    await page.getByTestId('change-password-signin-again').click();
    await page.getByTestId('signin-form').waitFor();
    await signIn(page, judge.password);
    const error = page.getByTestId('signin-error');
    await error.waitFor();
    expect(await error.getAttribute('data-error')).toBe('auth.errors.wrongCredentials');
    await signIn(page, NEW_PASSWORD);
    await page.getByTestId('screen-home').waitFor();
    await page.waitForFunction(
      (shown) => document.querySelector('[data-testid=user-name]')?.textContent === shown,
      judge.displayName,
      { timeout: 60_000 },
    );
    await shot(page, 'e2e-password-04-signed-in-again-zh-CN.png');
    await ctx.close();
    expect(pageErrors).toEqual([]);
  });

  it('a wrong current password is reported in the dialog and changes nothing', async () => {
    const ctx = await fixture.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await ctx.newPage();
    await signIn(page, NEW_PASSWORD);
    await page.getByTestId('screen-home').waitFor();
    await online(page);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-menu-change-password').click();
    await page.getByTestId('change-password-current').fill('not-the-password');
    await page.getByTestId('change-password-new').fill('another-password-3');
    await page.getByTestId('change-password-confirm').fill('another-password-3');
    const refused = await submitChange(page);
    expect(refused.outcome).toBe('wrongPassword');
    expect(refused.text).toContain(zh.account.changePassword.problem.wrongPassword);
    await shot(page, 'e2e-password-05-wrong-current-zh-CN.png');
    const check = await couchFetch(`${fixture.target.url}/_session`, {
      method: 'POST',
      body: { name: judge.name, password: NEW_PASSWORD },
    });
    expect(check.status).toBe(200);
    await ctx.close();
  });
});
