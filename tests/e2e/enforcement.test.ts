import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../core/domain/identity';
import { addDays } from '../../core/domain/plainDate';
import { beijingDate } from '../../core/domain/processEvents';
import { maxExpiry } from '../../core/enforcement/assetControl';
import { couchFetch } from '../support/couchTarget';
import { seedCaseDocs } from '../support/renderer/caseFixtures';
import { readXlsx, type XlsxSheet } from '../support/xlsxRead';
import { startAppFixture, type AppFixture, type FixtureUser, signInPage } from './browser';

/**
 * 执行 end to end in Chromium against the real server (embedded, or COUCH_URL) and the built
 * renderer: a clerk files an enforcement case from a civil judgment (the worker numbers it 执);
 * an enforcement officer, offline, records a network inquiry of bank deposits, its answer and a
 * one-year freeze that lapses within 30 days; back online it reaches the server and the lapse
 * warning shows on the case list. The officer proposes listing the respondent as a dishonest
 * debtor, a leader approves, the exported list holds the respondent with the ID masked; the officer
 * removes the entry with a reason and the export no longer holds them; the officer releases the
 * freeze (its warning goes); the respondent listed again on the ground appears once in the export.
 * Screenshots (zh-CN) go to docs/screenshots/.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/enforcement/i18n/enforcement.zh-CN.json', 'utf8'));
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;
const CLERK: FixtureUser = { name: 'clerk.e2eenf', password: PASSWORD, roles: ['clerk'] };
const OFFICER: FixtureUser = { name: 'enforcement.e2eenf', password: PASSWORD, roles: ['enforcement'] };
const LEADER: FixtureUser = { name: 'leader.e2eenf', password: PASSWORD, roles: ['leader'] };
const SOURCE_N = 9301;
const APPLICANT = '欧阳晓峰';
const RESPONDENT = '司马振东';
const RESPONDENT_ID = makeResidentId('620402', '1975-04-18', 135);
const SHOTS = path.resolve('docs', 'screenshots');
const today = beijingDate(new Date().toISOString());

let fixture: AppFixture;
let browser: Browser;
const pageErrors: string[] = [];

async function signIn(page: Page, user: FixtureUser): Promise<void> {
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInPage(page, fixture.host.url, user);
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Picks `label` in the antd Select whose form item holds `testId` (or is labelled `label`). */
async function pick(page: Page, field: string, option: string): Promise<void> {
  await page.getByLabel(field, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

async function serverDocs(db: string, prefix: string): Promise<Record<string, unknown>[]> {
  const res = await couchFetch(
    `${fixture.target.url}/${db}/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`,
    { auth: fixture.target.admin },
  );
  return ((res.body as { rows: { doc: Record<string, unknown> }[] }).rows ?? []).map((r) => r.doc);
}

async function until<T>(what: string, check: () => Promise<T | null | undefined>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Clicks the CSV export and returns the file's text. */
async function exportCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  const file = await download.path();
  return readFileSync(file, 'utf8');
}

/** Clicks the Excel export and returns the file's sheet and its bytes. */
async function exportXlsx(page: Page): Promise<{ sheet: XlsxSheet; bytes: Buffer; name: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-xlsx').click(),
  ]);
  const bytes = readFileSync(await download.path());
  const [sheet] = await readXlsx(new Uint8Array(bytes));
  return { sheet: sheet!, bytes, name: download.suggestedFilename() };
}

beforeAll(async () => {
  fixture = await startAppFixture([CLERK, OFFICER, LEADER]);
  browser = fixture.browser;
  const docs = seedCaseDocs({
    n: SOURCE_N,
    filingDate: '2025-09-01',
    party: APPLICANT,
    clerk: CLERK.name,
  }).map((d) =>
    d.type === 'case'
      ? {
          ...d,
          parties: [
            ...(d['parties'] as unknown[]),
            {
              role: 'defendant',
              kind: 'natural',
              name: RESPONDENT,
              idNumber: RESPONDENT_ID,
              queryCode: '654321',
            },
          ],
        }
      : d,
  );
  const res = await couchFetch(`${fixture.target.url}/courtdesk_cases/_bulk_docs`, {
    method: 'POST',
    auth: fixture.target.admin,
    body: { docs },
  });
  expect(res.status).toBe(201);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await fixture?.stop();
});

describe('enforcement in Chromium against the real server', () => {
  let caseId = '';

  it('a clerk files an enforcement case from the judgment; the worker gives it a 执 number', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await ctx.newPage();
    await signIn(page, CLERK);
    await goTo(page, '#/enforcement/cases');
    await page.getByTestId('enforcement-filing-open').click();
    await pick(page, zh.page.sourceCase, `（2025）甘0402民初${SOURCE_N}号`);
    await page.getByTestId('enforcement-filing-parties').getByText(`${APPLICANT}`).waitFor();
    expect(await page.getByTestId('enforcement-filing-parties').innerText()).toContain(RESPONDENT);
    await page.getByTestId('enforcement-filing-document').fill(`（2025）甘0402民初${SOURCE_N}号民事判决书`);
    await page.getByTestId('enforcement-filing-amount').fill('120000');
    await page.locator('#enforcement-filing-save').click();
    await page.getByTestId('enforcement-case-page').waitFor();
    caseId = (await page.getByTestId('enforcement-case-page').getAttribute('data-case-id')) ?? '';
    expect(caseId).toMatch(/^case:/);
    const numberDoc = await until('the 执 number', async () => {
      const docs = await serverDocs('courtdesk_cases', `caseNumber:${caseId.slice(5)}`);
      return docs[0];
    });
    expect(String(numberDoc['caseNumber'])).toMatch(/^（\d{4}）甘0402执\d+号$/);
    await page
      .getByTestId('enforcement-case-number')
      .getByText(String(numberDoc['caseNumber']))
      .waitFor({ timeout: 60_000 });
    await ctx.close();
  });

  it('an officer records a bank freeze offline; it syncs and the lapse warning shows', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    const page = await ctx.newPage();
    await signIn(page, OFFICER);
    await goTo(page, `#/enforcement/cases?case=${encodeURIComponent(caseId)}`);
    await page.getByTestId('enforcement-case-page').waitFor();
    await page.getByTestId('inquiry-add').waitFor();

    await ctx.setOffline(true);
    const start = addDays(today, -340); // a one-year freeze from then ends within 30 days
    const lastDay = maxExpiry('bankDeposit', start);
    await page.getByTestId('inquiry-add').click();
    await page.getByTestId('inquiry-institution').fill('中国工商银行白银分行');
    await page.getByTestId('inquiry-date').fill(addDays(start, -2));
    await page.locator('#inquiry-save').click();
    await page.getByTestId('inquiry-result').click();
    await page.getByTestId('result-amount').fill('50000');
    await page.locator('#result-save').click();
    await page.getByTestId('inquiry-control').click();
    await page.getByTestId('control-date').fill(start);
    await page.getByTestId('control-amount').fill('50000');
    // The statutory last day is offered; one day more is refused with the article.
    await page.getByTestId('control-expires').fill(addDays(lastDay, 1));
    await page.locator('#control-save').click();
    await page.getByText('超过法定期限').first().waitFor();
    await page.getByTestId('control-expires').fill(lastDay);
    await page.locator('#control-save').click();
    await page.getByTestId('control-lapse').waitFor();
    expect(await page.getByTestId('control-lapse').innerText()).toMatch(/日内到期/);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.screenshot({
      path: path.join(SHOTS, 'enforcement-case-page-zh-CN.png'),
      animations: 'disabled',
      fullPage: true,
    });

    await ctx.setOffline(false);
    const inquiry = await until('the inquiry on the server', async () => {
      const docs = await serverDocs('courtdesk_enforcement', 'assetInquiry:');
      return docs.find(
        (d) => d['caseId'] === caseId && Array.isArray(d['controls']) && d['controls'].length === 1,
      );
    });
    expect((inquiry['controls'] as Record<string, unknown>[])[0]).toMatchObject({
      kind: 'freeze',
      expiresOn: lastDay,
    });

    await goTo(page, '#/enforcement/cases');
    const warning = page.getByTestId('lapse-warning').filter({ hasText: '中国工商银行白银分行' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain(lastDay);
    await page.screenshot({
      path: path.join(SHOTS, 'enforcement-list-lapse-zh-CN.png'),
      animations: 'disabled',
    });
    await ctx.close();
  });

  it('the officer releases the freeze (解除) with its ruling; its warning goes from the case page and the list', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
    const page = await ctx.newPage();
    await signIn(page, OFFICER);
    await goTo(page, `#/enforcement/cases?case=${encodeURIComponent(caseId)}`);
    await page.getByTestId('control-lapse').waitFor();
    await page.getByTestId('control-release').click();
    // A release dated before the freeze is refused with the reason; what was typed stays.
    await page.getByTestId('release-date').fill('2000-01-01');
    await page.getByTestId('release-ruling').fill(`（${today.slice(0, 4)}）甘0402执1号之一`);
    await page.getByTestId('release-reason').fill('被执行人已提供担保');
    await page.locator('#release-save').click();
    await page.getByText('解除日期不得早于措施生效日').first().waitFor();
    expect(await page.getByTestId('release-reason').inputValue()).toBe('被执行人已提供担保');
    await page.getByTestId('release-date').fill(today);
    await page.locator('#release-save').click();
    await page.getByTestId('control-released').waitFor();
    expect(await page.getByTestId('control-lapse').count()).toBe(0);
    expect(await page.getByTestId('control-release').count()).toBe(0);
    const released = await until('the release on the server', async () => {
      const docs = await serverDocs('courtdesk_enforcement', 'assetInquiry:');
      const doc = docs.find((d) => d['caseId'] === caseId);
      const control = (doc?.['controls'] as Record<string, unknown>[] | undefined)?.[0];
      return control?.['release'] ? doc : null;
    });
    expect(String(released['_id'])).toMatch(new RegExp(`^assetInquiry:${caseId}:`));
    expect((released['controls'] as Record<string, unknown>[])[0]!['release']).toMatchObject({
      on: today,
      reason: '被执行人已提供担保',
      by: OFFICER.name,
    });
    await goTo(page, '#/enforcement/cases');
    await page.getByTestId('enforcement-case-table').waitFor();
    await until('the warning to go from the list', async () =>
      (await page.getByTestId('lapse-warning').filter({ hasText: '中国工商银行白银分行' }).count()) === 0
        ? true
        : null,
    );
    await ctx.close();
  });

  it('a debtor is listed with a leader’s approval, exported masked only while listed, and removed with a reason', async () => {
    const officerCtx = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const officer = await officerCtx.newPage();
    await signIn(officer, OFFICER);
    await goTo(officer, '#/enforcement/debtors');
    await officer.getByTestId('listing-add').click();
    await pick(officer, zh.debtors.case, '执');
    await officer.getByTestId('listing-facts').fill('有履行能力而拒不履行生效判决确定的给付义务');
    await officer.locator('#listing-save').click();
    await officer.getByTestId('debtor-state').getByText(zh.debtors.states.pending).waitFor();
    // Nobody is listed twice for the same ground: the same proposal is refused.
    await officer.getByTestId('listing-add').click();
    await pick(officer, zh.debtors.case, '执');
    await officer.getByTestId('listing-facts').fill('重复');
    await officer.locator('#listing-save').click();
    await officer.getByText(zh.debtors.duplicate).first().waitFor();
    await officer.locator('.ant-modal-close').click();
    await officer.locator('#listing-save').waitFor({ state: 'hidden' });
    expect(await exportCsv(officer)).not.toContain(RESPONDENT);

    const leaderCtx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const leader = await leaderCtx.newPage();
    await signIn(leader, LEADER);
    await goTo(leader, '#/enforcement/debtors');
    await leader.getByTestId('listing-approve').click({ timeout: 60_000 });
    await leader.getByTestId('debtor-state').getByText(zh.debtors.states.listed).waitFor();

    await officer
      .getByTestId('debtor-state')
      .getByText(zh.debtors.states.listed)
      .waitFor({ timeout: 60_000 });
    const listed = await exportCsv(officer);
    const masked = `${RESPONDENT_ID.slice(0, 10)}****${RESPONDENT_ID.slice(14)}`;
    expect(listed).toContain(`${RESPONDENT},${masked},男`);
    expect(listed).not.toContain(RESPONDENT_ID);
    // The Excel file: the notice's columns, the same masked ID as a text cell, never the full one.
    const xlsx = await exportXlsx(officer);
    expect(xlsx.name).toBe(`失信被执行人名单-${today}.xlsx`);
    expect(xlsx.sheet.rows[2]!.map((c) => c?.value)).toEqual(zh.debtors.columns.split(','));
    const row = xlsx.sheet.rows.find((r) => r[1]?.value === RESPONDENT)!;
    expect(row[0]).toMatchObject({ type: 'number', value: 1 });
    expect(row[2]).toMatchObject({ type: 'string', value: masked });
    expect(row[3]).toMatchObject({ type: 'string', value: '男' });
    expect(xlsx.bytes.includes(Buffer.from(RESPONDENT_ID))).toBe(false);
    await officer.getByTestId('export-preview').click();
    await officer.getByTestId('public-list-preview').getByText(masked).waitFor();
    await officer.waitForTimeout(600); // the dialog's opening motion
    await officer.screenshot({
      path: path.join(SHOTS, 'enforcement-debtor-notice-zh-CN.png'),
      animations: 'disabled',
    });
    await officer.keyboard.press('Escape');

    await officer.getByTestId('listing-remove').click();
    await officer.getByTestId('removal-note').fill('被执行人已全部履行判决确定的义务');
    await officer.locator('#removal-save').click();
    await officer.getByTestId('debtor-state').getByText(zh.debtors.states.removed).waitFor();
    expect(await officer.getByTestId('debtor-state').innerText()).toContain(
      '被执行人已全部履行判决确定的义务',
    );
    expect(await exportCsv(officer)).not.toContain(RESPONDENT);
    const afterRemoval = await exportXlsx(officer);
    expect(afterRemoval.sheet.rows.some((r) => r.some((c) => c?.value === RESPONDENT))).toBe(false);
    await officer.screenshot({
      path: path.join(SHOTS, 'enforcement-debtors-zh-CN.png'),
      animations: 'disabled',
    });

    const entry = await until('the removal on the server', async () => {
      const docs = await serverDocs('courtdesk_enforcement', 'dishonestDebtor:');
      return docs.find((d) => d['removal'] !== undefined);
    });
    expect(entry['_id']).toBe(`dishonestDebtor:${RESPONDENT_ID}:ableButRefuses`);
    expect(entry['approval']).toMatchObject({ decision: 'approved', by: LEADER.name });
    expect(entry['removal']).toMatchObject({ reason: 'performed', by: OFFICER.name });

    // Listed again on the same ground after the removal: the entry's second round, once in the export.
    await officer.getByTestId('listing-add').click();
    await pick(officer, zh.debtors.case, '执');
    await officer.getByTestId('listing-facts').fill('履行后再次拒不履行新的给付义务');
    await officer.locator('#listing-save').click();
    await officer.getByTestId('debtor-state').getByText(zh.debtors.states.pending).waitFor();
    expect(await officer.getByTestId('debtor-state').innerText()).toContain('第 2 次纳入');
    await leader.getByTestId('listing-approve').click({ timeout: 60_000 });
    await officer
      .getByTestId('debtor-state')
      .getByText(zh.debtors.states.listed)
      .waitFor({ timeout: 60_000 });
    expect(await officer.getByTestId('debtor-state').count()).toBe(1);
    const relisted = await exportCsv(officer);
    expect(relisted.split(masked).length - 1).toBe(1);
    expect(relisted).toContain('履行后再次拒不履行新的给付义务');
    const round2 = await until('the second round on the server', async () => {
      const docs = await serverDocs('courtdesk_enforcement', 'dishonestDebtor:');
      return docs.find((d) => d['round'] === 2 && d['approval'] !== undefined);
    });
    expect(round2['_id']).toBe(entry['_id']);
    expect((round2['earlierRounds'] as unknown[]).length).toBe(1);
    await officerCtx.close();
    await leaderCtx.close();
    expect(pageErrors).toEqual([]);
  });
});
