import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingDbName } from '../../core/schemas/readingVisit';
import { couchFetch } from '../support/couchTarget';
import { putArchiveVolume, visitDoc, type VolumeFixture } from '../support/readingFixtures';
import { validDoc } from '../support/validDocs';
import { startAppFixture, type AppFixture, submitSignIn } from './browser';

/**
 * 阅卷 end to end in Chromium (docs/file-reading.md): a clerk admits a lawyer to case A; the reading
 * PC shows only case A's volumes in pdf.js and nothing else of the app; forged requests from the
 * reading PC's page for case B's volume (in courtdesk_documents and in another visit's database),
 * the staff databases and the audit are refused by the server; every page the lawyer views is in
 * courtdesk_audit and in the clerk's printable access log; closing the visit ends it on the PC.
 * Screenshots in docs/screenshots.
 */
const SHOTS = path.resolve('docs', 'screenshots');
const suffix = randomBytes(3).toString('hex');
const clerk = { name: `e2e.clerk.${suffix}`, password: 'e2e-clerk-password-1', roles: ['clerk' as const] };
const pc = { name: `reading.pc.${suffix}`, password: 'e2e-reader-password-1', roles: ['reader' as const] };
const pcB = { name: `reading.pcb.${suffix}`, password: 'e2e-reader-password-2', roles: ['reader' as const] };
const caseA = `case:${randomUUID()}`;
const caseB = `case:${randomUUID()}`;
const LAWYER_ID = '11010519491231002X';

let fixture: AppFixture;
let volumesA: VolumeFixture[];
let volumeB: VolumeFixture;
let visitBId: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

function caseDocOf(id: string, plaintiff: string, agent?: string): Record<string, unknown> {
  const base = validDoc('case', id, clerk.name);
  const parties = (base['parties'] as Record<string, unknown>[]).map((p, i) =>
    i === 0 ? { ...p, name: plaintiff, ...(agent ? { agents: [{ name: agent, kind: 'lawyer' }] } : {}) } : p,
  );
  return {
    ...base,
    parties,
    provisionalNumber: `临（2026）甘0402民初-${randomBytes(4).toString('hex').toUpperCase()}`,
  };
}

async function newPage(): Promise<Page> {
  const ctx = await fixture.browser.newContext({ viewport: { width: 1366, height: 900 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

async function signIn(page: Page, user: { name: string; password: string }): Promise<void> {
  await submitSignIn(page, fixture.host.url, user);
}

async function auditPages(visitId: string): Promise<Record<string, unknown>[]> {
  const q = new URLSearchParams({ startkey: '"audit:"', endkey: '"audit:\ufff0"', include_docs: 'true' });
  const r = await couchFetch(`${fixture.target.url}/courtdesk_audit/_all_docs?${q.toString()}`, {
    auth: fixture.target.admin,
  });
  return (r.body.rows as { doc: Record<string, unknown> }[])
    .map((x) => x.doc)
    .filter((d) => d['visitId'] === visitId && d['kind'] === 'readingPageView');
}

beforeAll(async () => {
  fixture = await startAppFixture([clerk, pc, pcB]);
  for (const doc of [caseDocOf(caseA, '欧阳明', '王律师'), caseDocOf(caseB, '司马青')]) {
    const r = await couchFetch(
      `${fixture.target.url}/courtdesk_cases/${encodeURIComponent(String(doc['_id']))}`,
      {
        method: 'PUT',
        auth: fixture.target.admin,
        body: doc,
      },
    );
    expect(r.status, r.text).toBe(201);
  }
  volumesA = [
    await putArchiveVolume(fixture.target, caseA, { caseNumber: 'A', seq: 1, title: 'A-Vol-1', pages: 2 }),
    await putArchiveVolume(fixture.target, caseA, { caseNumber: 'A', seq: 2, title: 'A-Vol-2', pages: 1 }),
  ];
  volumeB = await putArchiveVolume(fixture.target, caseB, {
    caseNumber: 'B',
    seq: 1,
    title: 'B-Vol-1',
    pages: 1,
  });
  // Another reading PC reads case B meanwhile: its database exists while the lawyer reads A.
  const visitB = visitDoc({ caseId: caseB, caseNumber: 'B', clerk: clerk.name, readerAccount: pcB.name });
  visitBId = String(visitB['_id']);
  const r = await couchFetch(`${fixture.target.url}/courtdesk_cases/${encodeURIComponent(visitBId)}`, {
    method: 'PUT',
    auth: clerk,
    body: visitB,
  });
  expect(r.status, r.text).toBe(201);
}, 240_000);

afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await fixture?.stop();
});

describe('阅卷 in Chromium', () => {
  it('admits a lawyer to case A only, refuses forged requests, and logs every page viewed', async () => {
    const desk = await newPage();
    await signIn(desk, clerk);
    await desk.getByTestId('screen-home').waitFor({ timeout: 60_000 });
    await desk.goto(`${fixture.host.url}/#/reading`);
    await desk.getByTestId('screen-reading').waitFor();
    await desk.getByTestId('reading-case').click();
    await desk.keyboard.type('欧阳明');
    await desk.locator('.ant-select-item-option', { hasText: '欧阳明' }).first().click({ timeout: 60_000 });
    await desk.getByTestId('reading-reader').click();
    await desk.locator('.ant-select-item-option', { hasText: '王律师' }).click();
    await desk.getByTestId('reading-id').fill('110105194912310021'); // wrong check digit
    await desk.getByTestId('reading-account').fill(pc.name);
    await desk.getByTestId('reading-admit-submit').click();
    await desk.getByText('身份证号码校验不通过，请核对证件').waitFor();
    await desk.getByTestId('reading-id').fill(LAWYER_ID);
    await desk.getByTestId('reading-admit-submit').click();
    const state = desk
      .locator('tr', { hasText: pc.name })
      .locator('[data-testid^=visit-state-]', { hasText: '阅卷中' });
    await state.waitFor({ timeout: 60_000 });
    const visitId = String(await state.getAttribute('data-testid')).replace('visit-state-', '');
    expect(visitId.startsWith('readingVisit:')).toBe(true);
    await desk.getByTestId('reading-visits').scrollIntoViewIfNeeded();
    await desk.screenshot({ path: path.join(SHOTS, 'reading-clerk-admit-zh-CN.png') });

    const room = await newPage();
    await signIn(room, pc);
    await room.getByTestId('reading-room').waitFor({ timeout: 60_000 });
    await room.getByTestId('room-volumes').waitFor({ timeout: 30_000 });
    expect(await room.getByTestId('room-volumes').innerText()).toBe('A-Vol-1\nA-Vol-2');
    expect(await room.locator('nav, [data-testid=app-nav]').count()).toBe(0);
    expect(await room.getByTestId('room-print').count()).toBe(0);
    const canvas = room.getByTestId('room-canvas');
    await room.waitForFunction(
      () => document.querySelector('[data-testid=room-canvas]')?.getAttribute('data-rendered-page') === '1',
    );
    await room.getByTestId('room-next').click();
    await room.waitForFunction(
      () => document.querySelector('[data-testid=room-canvas]')?.getAttribute('data-rendered-page') === '2',
    );
    await room.screenshot({ path: path.join(SHOTS, 'reading-room-zh-CN.png') });
    await room.getByRole('menuitem', { name: 'A-Vol-2' }).click();
    await room.waitForFunction(
      () => document.querySelector('[data-testid=room-canvas]')?.getAttribute('data-rendered-page') === '1',
    );
    expect(await canvas.isVisible()).toBe(true);

    // Forged requests from the reading PC's own page (its session cookie) are refused by the server.
    const forged = await room.evaluate(
      async ({ volumeB, dbB, mine, volumeA }) => {
        const status = async (url: string, init?: RequestInit) => (await fetch(url, init)).status;
        const put = (db: string, body: unknown) =>
          status(`/couch/${db}/pageView:${crypto.randomUUID()}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        const me = ((await (await fetch('/couch/_session')).json()) as { userCtx: { name: string } }).userCtx
          .name;
        const stored = (await (await fetch(`/couch/${mine}/${encodeURIComponent(volumeA)}`)).json()) as {
          _rev: string;
        };
        const view = {
          type: 'pageView',
          volumeId: volumeA,
          page: 1,
          action: 'print',
          at: new Date().toISOString(),
          createdBy: me,
        };
        return {
          documentsB: await status(`/couch/courtdesk_documents/${encodeURIComponent(volumeB)}`),
          documentsAll: await status('/couch/courtdesk_documents/_all_docs'),
          casesAll: await status('/couch/courtdesk_cases/_changes'),
          audit: await status('/couch/courtdesk_audit/_all_docs'),
          otherVisit: await status(`/couch/${dbB}/${encodeURIComponent(volumeB)}`),
          otherVisitAll: await status(`/couch/${dbB}/_all_docs`),
          printNotAllowed: await put(mine, view),
          deleteVolume: await status(`/couch/${mine}/${encodeURIComponent(volumeA)}?rev=${stored._rev}`, {
            method: 'DELETE',
          }),
        };
      },
      {
        volumeB: volumeB.volumeId,
        dbB: readingDbName(visitBId),
        mine: readingDbName(visitId),
        volumeA: volumesA[0]!.volumeId,
      },
    );
    expect(forged).toEqual({
      documentsB: 403,
      documentsAll: 403,
      casesAll: 403,
      audit: 403,
      otherVisit: 403,
      otherVisitAll: 403,
      printNotAllowed: 403,
      deleteVolume: 403,
    });
    // Ctrl+P prints nothing unrecorded: without leave to print it only says so.
    await room.keyboard.press('Control+P');
    await room.getByText('本次阅卷不允许打印').waitFor();
    // The other visit's database is really there (the refusal is not a 404 in disguise).
    const dbB = await couchFetch(`${fixture.target.url}/${readingDbName(visitBId)}`, {
      auth: fixture.target.admin,
    });
    expect(dbB.status).toBe(200);

    // Every page viewed: in courtdesk_audit, and in the clerk's access log.
    const expected = ['A-Vol-1:1', 'A-Vol-1:2', 'A-Vol-2:1'];
    let audited: string[] = [];
    for (let i = 0; i < 120 && audited.length < 3; i++) {
      audited = (await auditPages(visitId))
        .map((d) => `${String(d['volumeTitle'])}:${String(d['page'])}`)
        .sort();
      if (audited.length < 3) await new Promise((r) => setTimeout(r, 500));
    }
    if (audited.length !== 3) {
      const get = async (p: string) =>
        (await couchFetch(`${fixture.target.url}/${p}`, { auth: fixture.target.admin })).text;
      const diag = [
        await get(`courtdesk_cases/${encodeURIComponent(visitId.replace('readingVisit:', 'readingLog:'))}`),
        await get(`${readingDbName(visitId)}/_all_docs`),
        await get('courtdesk_audit/_all_docs'),
      ];
      throw new Error(`page views not audited: ${diag.join('\n')}`);
    }
    expect(audited).toEqual(expected);
    await desk.locator(`[data-testid="visit-log-${visitId}"]`).click();
    const log = desk.getByTestId('access-log');
    await desk.waitForFunction(
      () =>
        (document.querySelector('[data-testid=access-log]')?.querySelectorAll('tbody tr.ant-table-row')
          .length ?? 0) >= 3,
      undefined,
      { timeout: 60_000 },
    );
    const text = await log.innerText();
    for (const e of ['A-Vol-1', 'A-Vol-2', '王律师', '查阅']) expect(text).toContain(e);
    await desk.evaluate(() => {
      window.print = () => {
        (window as unknown as { printed: string }).printed =
          document.querySelector('[data-testid=access-log-print]')?.textContent ?? '';
      };
    });
    await desk.getByTestId('access-log-print-button').click();
    await desk.waitForFunction(() => typeof (window as unknown as { printed?: string }).printed === 'string');
    const printed = await desk.evaluate(() => (window as unknown as { printed: string }).printed);
    expect(printed).toContain('A-Vol-1');
    expect(printed).toContain('王律师');
    expect(printed.match(/查阅/g)?.length).toBe(3);
    await desk.screenshot({ path: path.join(SHOTS, 'reading-access-log-zh-CN.png') });
    await desk.keyboard.press('Escape');

    // The clerk ends the visit: the reading PC loses the case, the database is deleted.
    await desk.locator(`[data-testid="visit-close-${visitId}"]`).click();
    await desk.locator('.ant-popconfirm .ant-btn-primary').click();
    await room.getByTestId('room-waiting').waitFor({ timeout: 60_000 });
    const gone = await couchFetch(`${fixture.target.url}/${readingDbName(visitId)}`, {
      auth: fixture.target.admin,
    });
    expect(gone.status).toBe(404);
    expect(pageErrors).toEqual([]);
  });
});
