import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/domain/plainDate';
import { beijingDate } from '../../core/domain/processEvents';
import { BULLETIN_COLUMNS } from '../../renderer/src/features/dashboard/bulletinExport';
import { couchFetch } from '../support/couchTarget';
import { seedCaseDocs } from '../support/renderer/caseFixtures';
import { readXlsx } from '../support/xlsxRead';
import { startAppFixture, type AppFixture, type FixtureUser, signInPage } from './browser';

/**
 * 审判质效 and 诉讼费计算 end to end in Chromium against the real server and the built renderer. A
 * leader's replica receives seven cases of two judges (three past their time limit); with the
 * network gone the leader opens the monthly bulletin, whose judge table counts each judge's overdue
 * cases, and drills into one judge's: the drawer lists exactly those cases. The daily monitor and
 * the quarterly analysis render from the same replica offline. The fee calculator gives
 * 《诉讼费用交纳办法》's fee for 100,000 yuan, halved in summary procedure, with the capitals.
 * Screenshots (zh-CN) go to docs/screenshots/.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/dashboard/i18n/dashboard.zh-CN.json', 'utf8'));
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;
const LEADER: FixtureUser = { name: 'leader.e2eq', password: PASSWORD, roles: ['leader'] };
const JUDGE_A = 'judge.e2eqa';
const JUDGE_B = 'judge.e2eqb';
const DOCS_SHOTS = path.resolve('docs', 'screenshots');
const today = beijingDate(new Date().toISOString());
const ago = (days: number) => addDays(today, -days);

let fixture: AppFixture;
const pageErrors: string[] = [];

/** Seven cases: three open past their limit (two of A, one of B), one closed today, one filed today. */
const CASES = [
  // civilSummary: 3 months; filed 200/150/120 days ago and still open → past the limit today.
  { n: 9201, judge: JUDGE_A, division: 'min1', filingDate: ago(200), procedure: 'civilSummary' },
  { n: 9202, judge: JUDGE_A, division: 'min1', filingDate: ago(150), procedure: 'civilSummary' },
  { n: 9203, judge: JUDGE_B, division: 'min2', filingDate: ago(120), procedure: 'civilSummary' },
  // civilOrdinary: 6 months → within the limit.
  { n: 9204, judge: JUDGE_A, division: 'min1', filingDate: ago(30) },
  { n: 9205, judge: JUDGE_B, division: 'min2', filingDate: ago(40), closedOn: today },
  { n: 9206, judge: JUDGE_A, division: 'min1', filingDate: ago(60), closedOn: today },
  { n: 9207, judge: JUDGE_B, division: 'min2', filingDate: today },
];
const numberOf = (c: (typeof CASES)[number]) => `（${c.filingDate.slice(0, 4)}）甘0402民初${c.n}号`;

async function signIn(page: Page, user: FixtureUser): Promise<void> {
  await signInPage(page, fixture.host.url, user);
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

function shot(name: string): string {
  return path.join(DOCS_SHOTS, name);
}

beforeAll(async () => {
  fixture = await startAppFixture([LEADER]);
  const docs = CASES.flatMap((c) =>
    seedCaseDocs({
      n: c.n,
      filingDate: c.filingDate,
      party: `当事人${c.n}`,
      judge: c.judge,
      ...(c.procedure ? { procedure: c.procedure } : {}),
      ...(c.closedOn ? { closedOn: c.closedOn } : {}),
    }).map((d) => (d._id.startsWith('case:') ? { ...d, division: c.division } : d)),
  );
  const res = await couchFetch(`${fixture.target.url}/courtdesk_cases/_bulk_docs`, {
    method: 'POST',
    auth: fixture.target.admin,
    body: { docs },
  });
  expect(res.status).toBe(201);
  expect((res.body as { error?: string }[]).filter((r) => r.error)).toEqual([]);
  mkdirSync(DOCS_SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await fixture?.stop();
});

describe('trial quality dashboard and fee calculator in Chromium', () => {
  it('a leader opens the monthly bulletin offline and drills into a judge’s overdue cases', async () => {
    const ctx = await fixture.browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, LEADER);
    // Online: the replica syncs and the dashboard's code loads once (the desktop app has it locally).
    await goTo(page, '#/dashboard');
    await page.getByTestId('dashboard-daily').waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="daily-overdue"]')?.textContent?.trim() === '3',
      undefined,
      { timeout: 120_000 },
    );
    await goTo(page, '#/cases/list');

    await ctx.setOffline(true);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=server-status]')?.getAttribute('data-state') !== 'online',
      undefined,
      { timeout: 60_000 },
    );
    await goTo(page, '#/dashboard?view=monthly');
    await page.getByTestId('dashboard-monthly').waitFor();
    const overdueA = page.getByTestId(`judge-${JUDGE_A}-overdue`);
    const overdueB = page.getByTestId(`judge-${JUDGE_B}-overdue`);
    expect((await overdueA.innerText()).trim()).toBe('2');
    expect((await overdueB.innerText()).trim()).toBe('1');
    // This month: 9207 received; 9205 and 9206 closed.
    expect((await page.getByTestId('total-*-received').innerText()).trim()).toBe('1');
    expect((await page.getByTestId('total-*-closed').innerText()).trim()).toBe('2');
    await page.screenshot({
      path: shot('dashboard-monthly-zh-CN.png'),
      fullPage: true,
      animations: 'disabled',
    });

    // The Excel export, offline too: the same figures, as numbers.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulletin-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/审判质效月通报（\d{4}-\d{2}）\.xlsx$/);
    const [sheet] = await readXlsx(new Uint8Array(readFileSync(await download.path())));
    const col = (n: (typeof BULLETIN_COLUMNS)[number]) => 2 + BULLETIN_COLUMNS.indexOf(n) * 2;
    expect(String(sheet!.cells.get('A1')?.value)).toContain('审判质效月通报');
    const headingRow = (text: string) => sheet!.rows.findIndex((r) => r[0]?.value === text);
    // Each table: its heading, two header rows, then its rows.
    const total = sheet!.rows[headingRow(zh.monthly.total) + 3]!;
    expect(total[col('received')]).toMatchObject({ type: 'number', value: 1 });
    expect(total[col('closed')]).toMatchObject({ type: 'number', value: 2 });
    expect(total[col('closureRate')]).toMatchObject({ type: 'number', format: '0.0%' });
    const judges = sheet!.rows.slice(headingRow(zh.monthly.byJudge) + 3);
    expect(judges).toHaveLength(2);
    const byOverdue = new Map(judges.map((r) => [r[col('overdue')]?.value, String(r[1]?.value)]));
    expect([...byOverdue.keys()].sort()).toEqual([1, 2]);
    const rowOf = (judge: string) => page.locator('tr', { has: page.getByTestId(`judge-${judge}-overdue`) });
    expect(await rowOf(JUDGE_A).innerText()).toContain(byOverdue.get(2));
    expect(await rowOf(JUDGE_B).innerText()).toContain(byOverdue.get(1));

    await overdueA.click();
    const drawer = page.getByTestId('dashboard-drill');
    await drawer.waitFor();
    await page.getByTestId('drill-row').first().waitFor();
    const rows = await page.getByTestId('drill-row').allInnerTexts();
    expect(rows).toHaveLength(2);
    const expected = CASES.filter((c) => c.n === 9201 || c.n === 9202).map(numberOf);
    for (const n of expected) expect(rows.some((r) => r.includes(n))).toBe(true);
    expect(await drawer.innerText()).toContain(zh.indicators.overdue);
    await page.screenshot({ path: shot('dashboard-drill-overdue-zh-CN.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');

    // The daily monitor and the quarterly analysis, offline too.
    await goTo(page, '#/dashboard?view=daily');
    await page.getByTestId('dashboard-daily').waitFor();
    expect((await page.getByTestId('daily-received').innerText()).trim()).toBe('1');
    expect((await page.getByTestId('daily-closed').innerText()).trim()).toBe('2');
    await page.getByTestId('daily-chart').waitFor();
    await page.screenshot({
      path: shot('dashboard-daily-zh-CN.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await goTo(page, '#/dashboard?view=quarterly');
    await page.getByTestId('quarter-yoy').waitFor();
    await page.screenshot({
      path: shot('dashboard-quarterly-zh-CN.png'),
      fullPage: true,
      animations: 'disabled',
    });

    expect(pageErrors).toEqual([]);
    await ctx.close();
  }, 300_000);

  it('the fee calculator gives the fee of 100,000 yuan, halved, with the amount in capitals', async () => {
    const ctx = await fixture.browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'zh-CN',
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, LEADER);
    await goTo(page, '#/fees');
    await page.getByTestId('fee-calculator').waitFor();
    await page.getByTestId('fee-amount').fill('100000');
    // 50 + 90,000 × 2.5% = 2,300 yuan
    await page.waitForFunction(
      () => document.querySelector('[data-testid=fee-total]')?.textContent?.includes('2,300.00') === true,
    );
    expect(await page.getByTestId('fee-capitals').innerText()).toContain('贰仟叁佰元整');
    await page.getByText('适用简易程序（第十六条）').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=fee-total]')?.textContent?.includes('1,150.00') === true,
    );
    expect(await page.getByTestId('fee-capitals').innerText()).toContain('壹仟壹佰伍拾元整');
    expect(await page.getByTestId('fee-lines').innerText()).toContain('超过1万元至10万元的部分');
    await page.screenshot({
      path: shot('fees-calculator-zh-CN.png'),
      fullPage: true,
      animations: 'disabled',
    });
    // A bad amount is refused with a message, and nothing else changes.
    await page.getByTestId('fee-amount').fill('12.345');
    await page.getByTestId('fee-error').waitFor();
    expect(pageErrors).toEqual([]);
    await ctx.close();
  }, 180_000);
});
