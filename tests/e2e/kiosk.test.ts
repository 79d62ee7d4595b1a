import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COURT } from '../../core/court';
import { makeResidentId } from '../../core/domain/identity';
import type { HearingNoticeDoc, PublicCaseDoc } from '../../core/public/publicDocs';
import { couchFetch } from '../support/couchTarget';
import { startAppFixture, type AppFixture, type FixtureUser, signInPage } from './browser';

/**
 * Kiosk and hearing board end to end in Chromium against the real server (embedded, or COUCH_URL)
 * and the built renderer (issue 11 parts 5 and 6).
 *
 * The case the kiosk queries and the hearing the board shows come the real way: a clerk's
 * workstation writes the case and then the hearing event to courtdesk_cases (the same documents
 * over the same HTTP API its replication pushes), the server worker numbers the case and projects
 * it into courtdesk_public (query codes only as salted hashes), and the kiosk's live pull brings
 * it. Filler for the board (more rows than the screen, an enforcement notice, which the projection
 * does not write yet) is written by a `worker` account with the projection's shape (`putPublic`).
 *
 * (a) a kiosk queries a case with the right code (progress shown) and a wrong one (refused, the
 *     same answer as for an unknown number); it replicates only `courtdesk_public`; after its idle
 *     time it is back on the start screen with the inputs cleared.
 * (b) the board shows a hearing notice written on the server a moment earlier, without reload;
 *     with the network cut it shows the offline banner and keeps the schedule.
 * Screenshots (zh-CN) go to docs/screenshots/.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/kiosk/i18n/kiosk.zh-CN.json', 'utf8'));
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;
const KIOSK: FixtureUser = { name: 'kiosk.e2ekiosk', password: PASSWORD, roles: ['kiosk'] };
const BOARD: FixtureUser = { name: 'board.e2ekiosk', password: PASSWORD, roles: ['kiosk'] };
const WORKER: FixtureUser = { name: 'worker.e2ekiosk', password: PASSWORD, roles: ['worker'] };
const CLERK: FixtureUser = { name: 'clerk.e2ekiosk', password: PASSWORD, roles: ['clerk'] };
const SHOTS = path.resolve('docs', 'screenshots');
const DAY_MS = 86_400_000;
/** Court-time (UTC+8) calendar day of an instant. */
const courtDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const YEAR = courtDay(Date.now()).slice(0, 4);
const RIGHT_CODE = '246810';
const OTHER_PARTY_CODE = '135790';

/** The filed case: its id, and its official number and sequence once the worker gave them. */
const CASE_UUID = randomUUID();
let CASE_NUMBER = '';
let SEQUENCE = '';
let fixture: AppFixture;
let browser: Browser;
const pageErrors: string[] = [];

/**
 * Writes a document into courtdesk_public as the worker account (the projection worker's path),
 * with the envelope every database's validate_doc_update asks for (createdAt, createdBy).
 */
async function putPublic(doc: PublicCaseDoc | HearingNoticeDoc): Promise<void> {
  const res = await couchFetch(`${fixture.target.url}/courtdesk_public/${encodeURIComponent(doc._id)}`, {
    method: 'PUT',
    body: { ...doc, createdAt: new Date().toISOString(), createdBy: WORKER.name },
    auth: { name: WORKER.name, password: WORKER.password },
  });
  if (res.status !== 201) throw new Error(`writing ${doc._id}: ${res.status} ${res.text}`);
}

/** PUTs a document into courtdesk_cases as the clerk, as the clerk's workstation pushes it. */
async function putAsClerk(doc: Record<string, unknown>): Promise<void> {
  const res = await couchFetch(
    `${fixture.target.url}/courtdesk_cases/${encodeURIComponent(String(doc['_id']))}`,
    {
      method: 'PUT',
      body: doc,
      auth: { name: CLERK.name, password: CLERK.password },
    },
  );
  if (res.status !== 201) throw new Error(`writing ${String(doc['_id'])}: ${res.status} ${res.text}`);
}

/** Reads a courtdesk_public document as the server admin (null while it does not exist). */
async function readPublic(id: string): Promise<Record<string, unknown> | null> {
  const res = await couchFetch(`${fixture.target.url}/courtdesk_public/${encodeURIComponent(id)}`, {
    auth: fixture.target.admin,
  });
  return res.status === 200 ? (res.body as Record<string, unknown>) : null;
}

async function poll<T>(what: string, read: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Files a civil case with two parties and their query codes; resolves with its public document. */
async function fileCase(): Promise<Record<string, unknown>> {
  const today = courtDay(Date.now());
  const year = today.slice(0, 4);
  await putAsClerk({
    _id: `case:${CASE_UUID}`,
    type: 'case',
    schemaVersion: 3,
    createdAt: new Date().toISOString(),
    createdBy: CLERK.name,
    court: DEFAULT_COURT.code,
    caseType: '民初',
    procedure: 'civilOrdinary',
    filingDate: today,
    cause: '民间借贷纠纷',
    provisionalNumber: `临（${year}）${DEFAULT_COURT.code}民初-${CASE_UUID.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
    parties: [
      {
        role: 'plaintiff',
        kind: 'natural',
        name: '赵海燕',
        idNumber: makeResidentId('620402', '1985-06-01', 321),
        phone: '13909435678',
        queryCode: RIGHT_CODE,
      },
      { role: 'defendant', kind: 'legal', name: '白银市金桥商贸有限公司', queryCode: OTHER_PARTY_CODE },
    ],
  });
  return poll('the public projection of the filed case', () => readPublic(`publicCase:${CASE_UUID}`));
}

/** The clerk schedules a hearing of the filed case (an event, as the case screen writes it). */
async function scheduleHearing(startsAt: string, courtroom: string): Promise<void> {
  const at = new Date().toISOString();
  await putAsClerk({
    _id: `event:case:${CASE_UUID}:${at.replace(/[-:.]/g, '')}:${randomUUID()}`,
    type: 'event',
    schemaVersion: 2,
    createdAt: at,
    createdBy: CLERK.name,
    caseId: `case:${CASE_UUID}`,
    kind: 'hearingScheduled',
    at,
    data: {
      hearingId: 'h1',
      courtroom,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    },
  });
}

function hearingNotice(n: number, startsAt: string, extra: Partial<HearingNoticeDoc> = {}): HearingNoticeDoc {
  const caseUuid = randomUUID();
  return {
    _id: `hearingNotice:${caseUuid}:h1`,
    type: 'hearingNotice',
    schemaVersion: 1,
    kind: 'hearing',
    caseNumber: `（${YEAR}）${DEFAULT_COURT.code}民初${n}号`,
    cause: '买卖合同纠纷',
    startsAt,
    courtroom: '第二法庭',
    judge: '王建国',
    parties: [
      { role: '原告', name: '刘晓东' },
      { role: '被告', name: '孙某' },
    ],
    status: 'scheduled',
    label: '公开开庭',
    updatedAt: new Date().toISOString(),
    ...extra,
  };
}

/** Today (court time) at hh:mm, as the projection writes it. */
function todayAt(hhmm: string, dayOffset = 0): string {
  return `${courtDay(Date.now() + dayOffset * DAY_MS)}T${hhmm}:00+08:00`;
}

async function signIn(ctx: BrowserContext, user: FixtureUser): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInPage(page, fixture.host.url, user, { screen: 'screen-public-query' });
  return page;
}

/** Types digits into a kiosk field with the on-screen keypad. */
async function keypad(page: Page, field: 'year' | 'sequence' | 'code', digits: string): Promise<void> {
  await page.getByTestId(`kiosk-${field}`).click();
  await page.getByTestId('kiosk-key-clear').click();
  for (const d of digits) await page.getByTestId(`kiosk-key-${d}`).click();
}

async function query(page: Page, sequence: string, code: string): Promise<void> {
  await keypad(page, 'sequence', sequence);
  await keypad(page, 'code', code);
  await page.getByTestId('kiosk-submit').click();
}

beforeAll(async () => {
  fixture = await startAppFixture([KIOSK, BOARD, WORKER, CLERK]);
  browser = fixture.browser;
  mkdirSync(SHOTS, { recursive: true });
  const pub = await fileCase();
  CASE_NUMBER = String(pub['caseNumber']);
  SEQUENCE = /民初(\d+)号$/u.exec(CASE_NUMBER)?.[1] ?? '';
  expect(SEQUENCE, CASE_NUMBER).not.toBe('');
  // Only hashes of the query codes reach the public database, never the codes, ID or phone.
  const { _rev: _revision, access: _hashes, ...fields } = pub;
  expect(JSON.stringify(fields)).not.toMatch(
    new RegExp(`${RIGHT_CODE}|${OTHER_PARTY_CODE}|13909435678|620402`),
  );
});

afterAll(async () => {
  await fixture?.stop();
});

describe('kiosk and hearing board in Chromium', () => {
  it('a kiosk shows a case for the right query code and refuses a wrong one like an unknown number', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await signIn(ctx, KIOSK);
    await page.getByTestId('kiosk-start').waitFor();
    // Full screen: no navigation, menus or status bar of the staff window.
    expect(await page.getByTestId('nav').count()).toBe(0);
    for (const tile of ['query', 'courtGuide', 'litigationGuide', 'judicialAid', 'riskNotice', 'fees'])
      expect(await page.getByTestId(`kiosk-tile-${tile}`).innerText()).toContain(zh.tiles[tile].label);
    await page.locator('[data-testid="kiosk-sync"][data-state="current"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'kiosk-start-zh-CN.png') });

    // Touch targets ≥ 48 px and body type ≥ 24 px.
    const tileBox = await page.getByTestId('kiosk-tile-query').boundingBox();
    expect(tileBox?.height ?? 0).toBeGreaterThanOrEqual(48);
    const bodyPx = await page
      .getByTestId('kiosk-main')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(bodyPx).toBeGreaterThanOrEqual(24);

    await page.getByTestId('kiosk-tile-query').click();
    await page.getByTestId('kiosk-query').waitFor();
    const keyBox = await page.getByTestId('kiosk-key-5').boundingBox();
    expect(keyBox?.height ?? 0).toBeGreaterThanOrEqual(48);
    expect(await page.getByTestId('kiosk-case-number').innerText()).toBe(zh.query.previewIncomplete);
    await keypad(page, 'sequence', SEQUENCE);
    expect(await page.getByTestId('kiosk-case-number').innerText()).toContain(CASE_NUMBER);

    // Wrong code for an existing number, then the right code for a number that does not exist:
    // the same refusal, word for word.
    await query(page, SEQUENCE, '000000');
    const wrong = await page.getByTestId('kiosk-query-error').innerText();
    expect(wrong).toContain(zh.query.refused.split('，')[0]);
    expect(await page.getByTestId('kiosk-case-progress').count()).toBe(0);
    const missing = String(Number(SEQUENCE) + 7000);
    await query(page, missing, RIGHT_CODE);
    await page.getByTestId('kiosk-query-error').waitFor();
    expect(await page.getByTestId('kiosk-query-error').innerText()).toBe(wrong);
    const messagePx = await page
      .getByTestId('kiosk-query-error')
      .locator('.ant-alert-title')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(messagePx).toBeGreaterThanOrEqual(24);
    await page.screenshot({ path: path.join(SHOTS, 'kiosk-query-refused-zh-CN.png') });

    // Five wrong guesses for one number lock it, with the time left; the lock holds for the right
    // code too (that number does not exist and already counted one).
    for (let i = 0; i < 4; i++) await query(page, missing, '111111');
    await page.getByTestId('kiosk-query-locked').waitFor();
    expect(await page.getByTestId('kiosk-query-locked').innerText()).toBe(
      zh.query.locked.replace('{{minutes}}', '15'),
    );

    // The right code of either party shows the progress.
    await query(page, SEQUENCE, OTHER_PARTY_CODE);
    await page.getByTestId('kiosk-case-progress').waitFor();
    expect(await page.getByTestId('kiosk-result-number').innerText()).toBe(CASE_NUMBER);
    // What the worker projected: stage, the judge it drew (when the court has judges), parties.
    const pub = await readPublic(`publicCase:${CASE_UUID}`);
    expect(await page.getByTestId('kiosk-result-stage').innerText()).toBe(String(pub?.['stageLabel']));
    if (typeof pub?.['judgeInCharge'] === 'string')
      expect(await page.getByTestId('kiosk-result-judge').innerText()).toBe(pub['judgeInCharge']);
    const progress = await page.getByTestId('kiosk-case-progress').innerText();
    expect(progress).toContain('民间借贷纠纷');
    expect(progress).toContain('白银市金桥商贸有限公司');
    await page.screenshot({ path: path.join(SHOTS, 'kiosk-case-progress-zh-CN.png'), fullPage: true });

    // Back to the start: a guide and the fee calculator in large type.
    await page.getByTestId('kiosk-home').click();
    await page.getByTestId('kiosk-tile-judicialAid').click();
    expect(await page.getByTestId('kiosk-guide-judicialAid').innerText()).toContain(
      '减交比例不得低于百分之三十',
    );
    await page.getByTestId('kiosk-home').click();
    await page.getByTestId('kiosk-tile-fees').click();
    await page.getByTestId('fee-calculator').waitFor();
    await page.getByTestId('kiosk-home').click();
    await page.getByTestId('kiosk-start').waitFor();

    // The kiosk holds a replica of courtdesk_public only, and the server refuses it the rest.
    const local = await page.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes('courtdesk_')),
    );
    expect(local.length).toBeGreaterThan(0);
    for (const name of local) expect(name).toContain(`courtdesk_${KIOSK.name}_public`);
    const refused = await page.evaluate(async () =>
      Promise.all(
        ['courtdesk_cases', 'courtdesk_notices', 'courtdesk_enforcement'].map(
          async (db) => (await fetch(`couch/${db}/_changes?limit=1`, { credentials: 'include' })).status,
        ),
      ),
    );
    expect(refused).toEqual([403, 403, 403]);

    // Sign-out is hidden from the public: five taps on the emblem reveal it for the administrator.
    expect(await page.getByTestId('sign-out').count()).toBe(0);
    for (let i = 0; i < 5; i++) await page.locator('.cd-kiosk__emblem').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    await ctx.close();
  });

  it('returns to the start screen with the inputs cleared after the idle time', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // The terminal's idle setting (whole seconds, 5–600; 60 by default), shortened for the test.
    await ctx.addInitScript(() => window.localStorage.setItem('courtdesk.kiosk.idleSeconds', '5'));
    const page = await signIn(ctx, KIOSK);
    await page.getByTestId('kiosk-tile-query').click();
    await keypad(page, 'sequence', '123');
    await keypad(page, 'code', '99');
    expect(await page.getByTestId('kiosk-sequence').inputValue()).toBe('123');
    const idleFrom = Date.now();
    await page.getByTestId('kiosk-start').waitFor({ timeout: 15_000 });
    const idleMs = Date.now() - idleFrom;
    expect(idleMs).toBeGreaterThanOrEqual(4_000);
    await page.getByTestId('kiosk-tile-query').click();
    expect(await page.getByTestId('kiosk-sequence').inputValue()).toBe('');
    expect(await page.getByTestId('kiosk-code').inputValue()).toBe('');
    await ctx.close();
  });

  it('the board shows a hearing written a moment earlier without reload, and keeps it offline', async () => {
    await putPublic(hearingNotice(501, todayAt('09:00')));
    await putPublic(hearingNotice(502, todayAt('10:30', 1), { courtroom: '第三法庭' }));
    await putPublic(
      hearingNotice(503, todayAt('15:00'), { kind: 'enforcement', label: '执行公告', courtroom: '执行局' }),
    );
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await signIn(ctx, BOARD);
    await page.evaluate(() => {
      window.location.hash = '#/public/board';
    });
    await page.getByTestId('screen-public-board').waitFor();
    const rows = page.getByTestId('board-row');
    await page
      .locator(`[data-testid="board-today"] [data-case-number*="民初501号"]`)
      .waitFor({ timeout: 60_000 });
    await page.locator(`[data-testid="board-tomorrow"] [data-case-number*="民初502号"]`).waitFor();
    await page.locator(`[data-testid="board-enforcement"] [data-case-number*="民初503号"]`).waitFor();
    // Readable from 5 m: rows ≥ 40 px type, light on black.
    const cell = page.locator('[data-testid="board-today"] td').first();
    expect(await cell.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(40);

    // A hearing scheduled a moment ago on the clerk's workstation: the event reaches the server,
    // the worker projects it, the board's live pull shows it.
    const written = Date.now();
    await scheduleHearing(todayAt('14:00'), '第一法庭');
    await page
      .locator(`[data-testid="board-today"] [data-case-number="${CASE_NUMBER}"]`)
      .waitFor({ timeout: 30_000 });
    const latencyMs = Date.now() - written;
    console.log(`board: hearing visible ${latencyMs} ms after the clerk's write`);
    const order = await page
      .locator('[data-testid="board-today"] [data-testid="board-row"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-case-number')));
    expect(order).toEqual([`（${YEAR}）${DEFAULT_COURT.code}民初501号`, CASE_NUMBER]);
    const row = await page
      .locator(`[data-testid="board-today"] [data-case-number="${CASE_NUMBER}"]`)
      .innerText();
    expect(row).toContain('第一法庭');
    expect(row).toContain('民间借贷纠纷');
    expect(await page.getByTestId('board-last-updated').innerText()).toContain(
      zh.board.lastUpdated.split('：')[0],
    );
    expect(await page.getByTestId('board-offline').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'board-zh-CN.png') });

    // A longer list than the screen scrolls by itself (after a 4 s hold at the top).
    for (let n = 510; n < 522; n++)
      await putPublic(hearingNotice(n, todayAt(`${String(n - 502).padStart(2, '0')}:15`, 1)));
    await page
      .locator(`[data-testid="board-tomorrow"] [data-case-number*="民初521号"]`)
      .waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="board-scroll"]')?.scrollTop ?? 0) > 40,
      undefined,
      { timeout: 20_000 },
    );

    // Network cut: banner, and the last schedule stays.
    const shown = await rows.count();
    await ctx.setOffline(true);
    await page.getByTestId('board-offline').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('board-offline').innerText()).toBe(zh.board.offline);
    expect(await rows.count()).toBe(shown);
    expect(await page.getByTestId('board-last-updated').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.screenshot({ path: path.join(SHOTS, 'board-offline-zh-CN.png') });
    await ctx.setOffline(false);
    expect(await page.getByTestId('sign-out').count()).toBe(0);
    for (let i = 0; i < 5; i++) await page.locator('.cd-kiosk-board__corner').click();
    await page.getByTestId('sign-out').waitFor();
    await ctx.close();
    expect(pageErrors).toEqual([]);
  });
});
