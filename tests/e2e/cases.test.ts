import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDeadline } from '../../core/domain/deadlines';
import { makeResidentId } from '../../core/domain/identity';
import { beijingDate } from '../../core/domain/processEvents';
import { deadPort, launchChromium, SCREENSHOT_DIR, signInPage } from './browser';

/**
 * Cases end to end, as in the issue: the real server CLI (embedded CouchDB + worker + app host,
 * demo staff) started as a child process. A clerk files a case while the server is stopped (the
 * provisional number shows); the server comes back on the same port and data folder, sync and the
 * worker run, and the official number appears on the open case page without a reload. The judge
 * the worker drew sees the case in "my cases" and requests an extension; a leader approves it and
 * the deadline moves by the approved period. The receipt is rendered to PDF and rasterised.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/cases/i18n/caseWork.zh-CN.json', 'utf8'));
/** The demo staff: the worker publishes their display names (directory:staff) for every screen. */
const demoStaff = (
  JSON.parse(readFileSync('resources/demo/staff.json', 'utf8')) as {
    staff: { name: string; displayName: string }[];
  }
).staff;
function displayNameOf(name: string): string {
  const s = demoStaff.find((x) => x.name === name);
  if (!s) throw new Error(`${name} is not demo staff`);
  return s.displayName;
}
const ADMIN = { name: 'admin', password: `e2e-${randomBytes(6).toString('hex')}` };
const PASSWORD = 'courtdesk';
const dataDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-cases-e2e-'));
let couchPort = 0;
let appPort = 0;
let server: ChildProcess | null = null;
let browser: Browser;
const pageErrors: string[] = [];
const consoleProblems: string[] = [];
const serverLog: string[] = [];

/** Starts `courtdesk-server start …` and resolves once it prints "ready". */
async function startServer(): Promise<void> {
  const proc = spawn(
    process.execPath,
    [
      'sync-server/bin/courtdesk-server.mjs',
      'start',
      '--provision',
      '--demo',
      '--demo-cases',
      '40',
      '--worker',
      '--port',
      String(couchPort),
      '--app-port',
      String(appPort),
      '--data',
      dataDir,
    ],
    {
      env: { ...process.env, COURTDESK_ADMIN_USER: ADMIN.name, COURTDESK_ADMIN_PASSWORD: ADMIN.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server = proc;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${serverLog.join('')}`)),
      120_000,
    );
    const onData = (b: Buffer) => {
      serverLog.push(b.toString());
      if (b.toString().includes('ready; press Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (b: Buffer) => serverLog.push(b.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${serverLog.join('')}`));
    });
  });
}

/** Stops the server this suite started (SIGTERM to its own pid) and waits for it to exit. */
async function stopServer(): Promise<void> {
  const proc = server;
  server = null;
  if (!proc || proc.exitCode !== null) return;
  proc.removeAllListeners('exit');
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  await exited;
}

async function adminGet(pathname: string): Promise<Record<string, unknown> | null> {
  const res = await fetch(`http://127.0.0.1:${couchPort}/${pathname}`, {
    headers: { Authorization: `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}` },
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function newPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // React and antd report misuse (deprecated props, missing keys) as console errors/warnings.
    if ((m.type() === 'error' || m.type() === 'warning') && /antd|React|Warning:/.test(m.text()))
      consoleProblems.push(m.text().slice(0, 300));
  });
  return page;
}

async function signIn(page: Page, name: string): Promise<void> {
  // Only the server must answer: each screen below waits for the documents it needs to sync.
  await signInPage(
    page,
    `http://127.0.0.1:${appPort}/`,
    { name, password: PASSWORD },
    { onlineWithinMs: 60_000 },
  );
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

function shot(name: string): string {
  return path.join(SCREENSHOT_DIR, name);
}

beforeAll(async () => {
  if (!existsSync(path.join('dist', 'renderer', 'index.html')))
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
  couchPort = await deadPort();
  appPort = await deadPort();
  await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  if (consoleProblems.length > 0)
    console.log(`console problems:\n${[...new Set(consoleProblems)].join('\n')}`);
  await browser?.close();
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('cases in Chromium against the real server', () => {
  let caseId = '';
  let judge = '';
  let deadlineBefore = '';
  let filingDate = '';
  let officialNumber = '';

  it('files a case offline, then the official number arrives after sync without a reload', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await newPage(ctx);
    await signIn(page, 'clerk.wang');
    await goTo(page, '#/cases/filing');
    await page.getByTestId('filing-form').waitFor();

    // The network goes away: the embedded server (and the app host) stop.
    await stopServer();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=server-status]')?.getAttribute('data-state') !== 'online',
      undefined,
      { timeout: 60_000 },
    );

    await page.getByTestId('filing-cause').click();
    await page.keyboard.type('民间借贷');
    await page.keyboard.press('Enter');
    await page.getByTestId('filing-claimAmount').fill('100000');
    await page.screenshot({ path: shot('cases-01a-filing-form-top.png') });
    await page.getByTestId('party-name-0').fill('赵一鸣');
    // A mistyped ID number is caught by its check digit, in Chinese.
    const id = makeResidentId('620402', '1979-08-15', 231);
    const typo = id.slice(0, 15) + String((Number(id[15]) + 1) % 10) + id.slice(16);
    await page.getByTestId('party-idNumber-0').fill(typo);
    await page.getByTestId('party-idNumber-0').blur();
    await page.getByText(zh.filing.idErrors.checkDigit).waitFor();
    await page.getByTestId('party-idNumber-0').fill(id);
    await page.getByTestId('party-kind-legal-1').click();
    await page.getByTestId('party-name-1').fill('白银市恒达商贸有限公司');
    await page.getByTestId('party-legalRepresentative-1').fill('钱立国');
    await page.getByTestId('filing-summary').fill('原告借给被告十万元，到期未还。');
    // The fee of 《诉讼费用交纳办法》 for 100,000 yuan shows live.
    await page.waitForFunction(
      () => document.querySelector('[data-testid=filing-fee]')?.getAttribute('data-fee') === '230000',
    );
    await page.screenshot({ path: shot('cases-01-filing-form.png'), fullPage: true });

    await page.getByTestId('filing-submit').click();
    await page.getByTestId('filing-result').waitFor();
    const provisional = (await page.getByTestId('filing-number').innerText()).trim();
    expect(provisional).toMatch(/^临（\d{4}）甘0402民初-[0-9A-Z]{8}$/);
    await page.screenshot({ path: shot('cases-02-filing-result.png') });

    // The receipt prints through the print stylesheet: render it to PDF and rasterise page 1.
    await page.getByTestId('receipt-print').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-page').count()).toBe(2);
    expect(await page.getByTestId('receipt-provisional').first().innerText()).toContain(provisional);
    const pdf = path.join(SCREENSHOT_DIR, 'cases-03-receipt.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      shot('cases-03-receipt'),
    ]);
    const pdfText = execFileSync('pdftotext', [pdf, '-']).toString();
    expect(pdfText).toContain('受理案件通知书');
    expect(pdfText.match(/您的案件查询码：\d{6}/g)).toHaveLength(2);
    expect(pdfText).not.toContain(zh.filing.resultTitle);
    await page.getByTestId('receipt-close').click();

    await page.getByTestId('filing-open-case').click();
    const number = page.getByTestId('case-number');
    await number.waitFor();
    caseId = (await page.locator('[data-case-id]').first().getAttribute('data-case-id')) ?? '';
    expect(caseId).toMatch(/^case:/);
    expect(await number.getAttribute('data-official')).toBe('false');
    expect(await number.innerText()).toBe(provisional);
    await page.getByTestId('case-provisional').waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=timeline]')?.getAttribute('data-count') === '1',
    );
    filingDate = beijingDate(new Date().toISOString());

    // The server comes back on the same port and data folder; sync pushes, the worker numbers.
    await startServer();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=case-number]')?.getAttribute('data-official') === 'true',
      undefined,
      { timeout: 180_000 },
    );
    const official = (await number.innerText()).trim();
    officialNumber = official;
    expect(official).toMatch(/^（\d{4}）甘0402民初\d+号$/);
    await page.waitForFunction(() => !document.querySelector('[data-testid=case-provisional]'));
    await page.waitForFunction(
      (none) => !(document.querySelector('[data-testid=case-judge]')?.textContent ?? '').includes(none),
      zh.casePage.judgeNone,
      { timeout: 60_000 },
    );
    await page.screenshot({ path: shot('cases-04-case-page-clerk.png'), fullPage: true });

    const assignment = await waitFor('assignment', () =>
      adminGet(`courtdesk_cases/${encodeURIComponent(`assignment:${caseId.slice(5)}`)}`),
    );
    judge = String(assignment['judge']);
    expect(judge).toMatch(/^(judge|leader)\./);
    // Shown by display name (the staff directory), the user name kept for tests and the tooltip.
    expect(await page.getByTestId('case-judge').getAttribute('data-user')).toBe(judge);
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid=case-judge]')?.textContent?.trim() === name,
      displayNameOf(judge),
      { timeout: 60_000 },
    );
    await ctx.close();
  });

  it('the assigned judge sees the case in "my cases" and requests an extension', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await newPage(ctx);
    await signIn(page, judge);
    await goTo(page, '#/cases/mine');
    const row = page.locator(`[data-testid=case-row][data-case-id="${caseId}"]`);
    await row.waitFor({ timeout: 120_000 }).catch(async (err: unknown) => {
      await page.screenshot({ path: '/tmp/cdbg/mine-fail.png', fullPage: true });
      throw err;
    });
    await page.screenshot({ path: shot('cases-05-my-cases-judge.png') });
    await goTo(page, `#/cases/mine?case=${encodeURIComponent(caseId)}`);
    const bar = page.getByTestId('deadline-bar');
    await bar.waitFor();
    deadlineBefore = (await bar.getAttribute('data-deadline')) ?? '';
    const base = computeDeadline({ procedure: 'civilOrdinary', filedOn: filingDate, asOf: filingDate });
    expect(base.ok && base.value.dueDate).toBe(deadlineBefore);

    // Two hearings in one courtroom at the same time: the second is warned about, then saved anyway.
    for (const expectClash of [false, true]) {
      await page.getByTestId('event-add-hearingScheduled').click();
      await page.getByTestId('event-courtroom').fill('第三法庭');
      await page.getByTestId('event-save').click();
      const clash = page.getByTestId('hearing-clashes');
      if (expectClash) {
        await clash.waitFor();
        expect(await clash.innerText()).toContain(zh.casePage.clashCourtroom);
        await page.screenshot({ path: shot('cases-05a-hearing-clash.png') });
        await page.getByTestId('event-save').click();
      } else if (await clash.isVisible().catch(() => false)) {
        await page.getByTestId('event-save').click(); // a demo hearing happens to overlap
      }
      await page.getByTestId('event-form-hearingScheduled').waitFor({ state: 'detached' });
    }
    await page.waitForFunction(
      () => document.querySelector('[data-testid=timeline]')?.getAttribute('data-count') === '3',
    );

    await page.getByTestId('extension-request-new').click();
    await page.getByTestId('event-reason').fill('案情复杂，需要委托司法鉴定');
    await page.getByTestId('event-save').click();
    await page.getByTestId('extension-request').waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=timeline]')?.getAttribute('data-count') === '4',
    );
    // The request reaches the server before the leader looks.
    await waitFor('the extension request on the server', async () => {
      const r = await adminGet(
        `courtdesk_cases/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(`event:${caseId}:`))}&endkey=${encodeURIComponent(JSON.stringify(`event:${caseId}:\ufff0`))}`,
      );
      const rows = (r?.['rows'] ?? []) as { doc: Record<string, unknown> }[];
      return rows.some((x) => x.doc['kind'] === 'extensionRequested') || null;
    });
    await page.screenshot({ path: shot('cases-06-extension-requested.png'), fullPage: true });
    await ctx.close();
  });

  it('a leader approves the extension and the deadline moves by the approved period', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await newPage(ctx);
    await signIn(page, 'leader.zhang');
    // The case list names judges as the court knows them (赵志刚), not by user name (judge.zhao).
    await goTo(page, '#/cases/list');
    await page.locator('[data-testid=case-row]').first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      () => {
        const cells = Array.from(document.querySelectorAll('[data-testid=case-row] [data-user]'));
        return cells.length > 0 && cells.every((c) => c.textContent !== c.getAttribute('data-user'));
      },
      undefined,
      { timeout: 60_000 },
    );
    const shown = await page
      .locator('[data-testid=case-row] [data-user]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-user') ?? '', e.textContent ?? ''] as const),
      );
    for (const [user, text] of shown) expect(text).toBe(displayNameOf(user));
    await page.screenshot({ path: shot('cases-06b-case-list-display-names.png') });
    await goTo(page, `#/cases/list?case=${encodeURIComponent(caseId)}`);
    await page.getByTestId('extension-request').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('deadline-bar').getAttribute('data-deadline')).toBe(deadlineBefore);
    await page.getByTestId('extension-approve').click();
    const extended = computeDeadline({
      procedure: 'civilOrdinary',
      filedOn: filingDate,
      asOf: filingDate,
      extensions: [{ level: 'president', months: 6, days: 0 }],
    });
    const expected = extended.ok ? extended.value.dueDate : null;
    expect(expected).not.toBe(deadlineBefore);
    await page.waitForFunction(
      (d) => document.querySelector('[data-testid=deadline-bar]')?.getAttribute('data-deadline') === d,
      expected,
    );
    await page.waitForFunction(() => !document.querySelector('[data-testid=extension-request]'));
    await page.screenshot({ path: shot('cases-07-extension-approved-leader.png'), fullPage: true });
    // The same page in English: every string translated (no raw keys).
    await page.getByRole('banner').getByTestId('language-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('deadline-bar').waitFor();
    expect(await page.getByTestId(`screen-cases-list`).innerText()).not.toContain('caseWork.');
    await page.screenshot({ path: shot('cases-07b-case-page-en.png'), fullPage: true });
    await page.getByRole('banner').getByTestId('language-zh-CN').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    // The approval syncs to the server as the leader's own document.
    await waitFor('the approval on the server', async () => {
      const r = await adminGet(
        `courtdesk_cases/_all_docs?include_docs=true&startkey=${encodeURIComponent('"approval:"')}&endkey=${encodeURIComponent('"approval:\ufff0"')}`,
      );
      const rows = (r?.['rows'] ?? []) as { doc: Record<string, unknown> }[];
      return rows.some((x) => x.doc['caseId'] === caseId && x.doc['createdBy'] === 'leader.zhang') || null;
    });

    // Filing again for the same person warns (not blocks) with the existing case.
    await goTo(page, '#/cases/filing');
    await page.getByTestId('party-name-0').fill('赵一鸣');
    const dup = page.getByTestId('filing-duplicate').first();
    await dup.waitFor({ timeout: 30_000 });
    await dup.scrollIntoViewIfNeeded();
    expect(await dup.innerText()).toContain(officialNumber);
    await page.screenshot({ path: shot('cases-08-duplicate-party.png') });
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });

  it("the judge records an appeal, then the higher court's outcome from the timeline (a new appealOf event)", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await newPage(ctx);
    await signIn(page, judge);
    await goTo(page, `#/cases/mine?case=${encodeURIComponent(caseId)}`);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor({ timeout: 60_000 });
    const before = Number(await timeline.getAttribute('data-count'));
    await page.getByTestId('event-add-appeal').click();
    await page.getByTestId('event-appellant').fill('被告');
    await page.getByTestId('event-save').click();
    await page.getByTestId('event-form-appeal').waitFor({ state: 'detached' });
    const action = page.getByTestId('appeal-record-outcome');
    await action.waitFor();
    await action.click();
    await page.locator('#appealOutcome').click();
    await page.locator(`.ant-select-item-option[title="${zh.appealOutcomes.remanded}"]`).click();
    await page.locator('#decidedOn').click();
    await page.locator('#decidedOn').fill(beijingDate(new Date().toISOString()));
    await page.locator('#decidedOn').press('Enter');
    await page.getByTestId('event-save').click();
    await page.getByTestId('event-form-appeal').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=timeline]')?.getAttribute('data-count') === String(n),
      before + 2,
    );
    await action.waitFor({ state: 'detached' });
    expect(await timeline.innerText()).toContain(zh.appealOutcomes.remanded);
    await page.screenshot({ path: shot('cases-09-appeal-outcome.png'), fullPage: true });
    // Both events reach the server; the outcome names the appeal and the appeal itself is unchanged.
    const appeals = await waitFor('the appeal and its outcome on the server', async () => {
      const r = await adminGet(
        `courtdesk_cases/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(`event:${caseId}:`))}&endkey=${encodeURIComponent(JSON.stringify(`event:${caseId}:\ufff0`))}`,
      );
      const rows = ((r?.['rows'] ?? []) as { doc: Record<string, unknown> }[]).filter(
        (x) => x.doc['kind'] === 'appeal',
      );
      return rows.length === 2 ? rows.map((x) => x.doc) : null;
    });
    const first = appeals.find((d) => !(d['data'] as Record<string, unknown>)['appealOf']);
    const outcomeDoc = appeals.find((d) => (d['data'] as Record<string, unknown>)['appealOf']);
    expect(first?.['data']).toMatchObject({ route: 'appeal', appellant: '被告' });
    expect(String(first?.['_rev'])).toMatch(/^1-/);
    expect(outcomeDoc?.['data']).toMatchObject({ appealOf: first?.['_id'], outcome: 'remanded' });
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });
});
