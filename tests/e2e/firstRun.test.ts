import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../core/domain/identity';
import { deadPort, launchChromium, SCREENSHOT_DIR, signInPage } from './browser';

/**
 * What a newcomer sees: CourtDesk started the way `bash scripts/start.sh` / `npm start` does
 * (`scripts/start.mjs`, minus `npm ci` and the build, which the suite has done) from a fresh data
 * folder and no configured server. A clerk files a case with the network gone — the UI never
 * waits for it — and once it is back the official case number (案号) replaces the provisional one
 * and a judge is drawn: the server worker runs by default. Its admin password stays in the data
 * folder's server.json, never on a command line. The numbered case is photographed for the README.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/cases/i18n/caseWork.zh-CN.json', 'utf8'));
/** Copied by hand to docs/screenshots/ for the README (a test run never rewrites tracked files). */
const SCREENSHOT = path.join(SCREENSHOT_DIR, 'first-run-case-numbered-zh-CN.png');
const dataDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-first-run-'));
let appPort = 0;
let start: ChildProcess | null = null;
const output: string[] = [];
let browser: Browser;

/** Resolves once the start script has printed a line matching `pattern`. */
function printed(pattern: RegExp, timeoutMs = 600_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => pattern.test(output.join(''));
    if (check()) return resolve();
    const timer = setTimeout(() => {
      start?.stdout?.off('data', onData);
      reject(new Error(`start script did not print ${pattern}:\n${output.join('')}`));
    }, timeoutMs);
    const onData = (): void => {
      if (!check()) return;
      clearTimeout(timer);
      start?.stdout?.off('data', onData);
      resolve();
    };
    start?.stdout?.on('data', onData);
  });
}

/** Stops the start script this suite launched (SIGTERM to its pid; it stops the server it started). */
async function stopStart(): Promise<void> {
  const proc = start;
  start = null;
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  await exited;
}

async function signIn(page: Page, name: string): Promise<void> {
  await signInPage(
    page,
    `http://127.0.0.1:${appPort}/`,
    { name, password: 'courtdesk' },
    { onlineWithinMs: 120_000 },
  );
}

beforeAll(async () => {
  if (!existsSync(path.join('dist', 'renderer', 'index.html')))
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
  appPort = await deadPort();
  // A newcomer's environment: no server configured, no admin given; only the port and data folder
  // are moved off the defaults so the suite cannot meet another CourtDesk on this machine.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['COURTDESK_ADMIN_USER', 'COURTDESK_ADMIN_PASSWORD', 'COURTDESK_SERVER_URL', 'COUCH_URL'])
    delete env[key];
  env['COURTDESK_DATA_DIR'] = dataDir;
  env['COURTDESK_PORT'] = String(await deadPort());
  start = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--browser', `--app-port=${appPort}`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout?.on('data', (b: Buffer) => output.push(b.toString()));
  start.stderr?.on('data', (b: Buffer) => output.push(b.toString()));
  await printed(new RegExp(`open http://127\\.0\\.0\\.1:${appPort}/`));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stopStart();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('first run (scripts/start.sh → npm start) in Chromium', () => {
  it('runs the server worker, with the generated admin password only in server.json', async () => {
    expect(output.join('')).toContain('CourtDesk embedded server');
    await printed(/server worker: running/, 120_000);
    const serverFile = JSON.parse(readFileSync(path.join(dataDir, 'server.json'), 'utf8')) as {
      admin: { name: string; password: string };
    };
    expect(serverFile.admin.password.length).toBeGreaterThanOrEqual(16);
    // Every command line on the machine, as `ps` shows them to any user.
    const commandLines = execFileSync('ps', ['-eo', 'args'], { maxBuffer: 16 * 1024 * 1024 }).toString();
    expect(commandLines).toContain('scripts/start.mjs');
    expect(commandLines).not.toContain(serverFile.admin.password);
    expect(output.join('')).not.toContain(serverFile.admin.password);
  });

  it('a case filed offline gets its official number and a judge once the network is back', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, 'clerk.wang');
    await page.evaluate(() => (window.location.hash = '#/cases/filing'));
    await page.getByTestId('filing-form').waitFor();

    await ctx.setOffline(true);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=server-status]')?.getAttribute('data-state') !== 'online',
      undefined,
      { timeout: 60_000 },
    );
    await page.getByTestId('filing-cause').click();
    await page.keyboard.type('买卖合同');
    await page.keyboard.press('Enter');
    await page.getByTestId('filing-claimAmount').fill('56000');
    await page.getByTestId('party-name-0').fill('孙晓梅');
    await page.getByTestId('party-idNumber-0').fill(makeResidentId('620402', '1985-03-02', 88));
    await page.getByTestId('party-kind-legal-1').click();
    await page.getByTestId('party-name-1').fill('白银市银光建材有限公司');
    await page.getByTestId('party-legalRepresentative-1').fill('周建华');
    await page.getByTestId('filing-summary').fill('原告向被告供应建材，被告尚欠货款五万六千元未付。');
    await page.getByTestId('filing-submit').click();
    await page.getByTestId('filing-result').waitFor();
    const provisional = (await page.getByTestId('filing-number').innerText()).trim();
    expect(provisional).toMatch(/^临（\d{4}）甘0402民初-[0-9A-Z]{8}$/);
    await page.getByTestId('filing-open-case').click();
    const number = page.getByTestId('case-number');
    await number.waitFor();
    expect(await number.getAttribute('data-official')).toBe('false');
    expect((await number.innerText()).trim()).toBe(provisional);

    await ctx.setOffline(false);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=case-number]')?.getAttribute('data-official') === 'true',
      undefined,
      { timeout: 240_000 },
    );
    expect((await number.innerText()).trim()).toMatch(/^（\d{4}）甘0402民初\d+号$/);
    await page.waitForFunction(() => !document.querySelector('[data-testid=case-provisional]'));
    const judge = page.getByTestId('case-judge');
    await page.waitForFunction(
      (none) => {
        const text = document.querySelector('[data-testid=case-judge]')?.textContent ?? '';
        return text.trim() !== '' && !text.includes(none);
      },
      zh.casePage.judgeNone,
      { timeout: 120_000 },
    );
    expect(await judge.getAttribute('data-user')).toMatch(/^(judge|leader)\./);
    await page.screenshot({ path: SCREENSHOT });
    expect(pageErrors).toEqual([]);
    await ctx.close();
  }, 480_000);
});
