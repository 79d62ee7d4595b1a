import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArchive } from '../../sync-server/src/archives/importArchive';
import { tinyPdf } from '../support/archiveFixtures';
import { pdfPages, pdfText } from '../support/pdfTools';
import { seedCaseDocs } from '../support/renderer/caseFixtures';
import { couchFetch } from '../support/couchTarget';
import { renderScan } from '../bench/lib/ocrScans';
import { startAppFixture, type AppFixture, type FixtureUser, signInPage } from './browser';

/**
 * The archive screen end to end in Chromium against the real server and the built renderer
 * (docs/archives.md): volumes imported on the server by the bulk import reach a clerk's replica
 * (metadata only); the clerk searches by party, case number and year, opens a volume, sees its
 * catalogue, and opens its scan, which is fetched on demand and rendered by pdf.js; a word that
 * only the volume's OCR text holds is found by the top-bar search and leads to the volume. One
 * small OCR check in Chromium: a generated scan of known text is read in the app's Web Worker
 * (model and WebAssembly served by the app, under the OCR files' own CSP) and the catalogue title
 * is suggested from its first line. Background OCR: a clerk turns the workstation's queue on and
 * the imported volumes without text are read page by page in the app and stored once each.
 */
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;
const CLERK: FixtureUser = { name: 'clerk.e2earch', password: PASSWORD, roles: ['clerk'] };
const SHOTS = path.resolve('docs', 'screenshots');
const ROWS: readonly [string, string, string][] = [
  ['（2018）甘0402民初101号', '正卷1', '欧阳晓峰、白银某某公司'],
  ['（2018）甘0402民初101号', '副卷1', '欧阳晓峰、白银某某公司'],
  ['（2019）甘0402民初55号', '正卷1', '赵某、钱某'],
  ['（2019）甘0402民初56号', '正卷1', '孙某、李某'],
  ['（2020）甘0402刑初7号', '正卷1', '周某'],
];

/** A closed case with three papers in its electronic case file, to be bound into volumes. */
const CLOSED_UUID = '0a1b2c3d-0000-4000-8000-00000000e2e1';
const CLOSED_NUMBER = '（2026）甘0402民初8801号';
const PAPERS: readonly [string, string, number][] = [
  ['民事起诉状', 'QSZ', 2],
  ['合议庭评议笔录', 'HYT', 1],
  ['开庭笔录', 'KTBL', 3],
];

/** The paper and scan-file documents of the closed case, as a clerk's filing would have stored them. */
function paperDocs(by: string): Record<string, unknown>[] {
  return PAPERS.flatMap(([title, label, pages], i) => {
    const uuid = `0a1b2c3d-0000-4000-8000-00000000e2f${i}`;
    const id = `caseFilePaper:${CLOSED_UUID}:${uuid}`;
    const fileId = `file:0a1b2c3d-0000-4000-8000-00000000e3f${i}`;
    const bytes = tinyPdf(label, pages);
    const env = { schemaVersion: 1, createdAt: `2026-03-0${i + 1}T08:00:00.000Z`, createdBy: by };
    return [
      {
        _id: fileId,
        type: 'file',
        ...env,
        ownerId: id,
        onDemand: true,
        name: `${label}.pdf`,
        contentType: 'application/pdf',
        size: bytes.length,
        digest: `md5-${createHash('md5').update(bytes).digest('base64')}`,
        _attachments: {
          [`${label}.pdf`]: { content_type: 'application/pdf', data: Buffer.from(bytes).toString('base64') },
        },
      },
      {
        _id: id,
        type: 'caseFilePaper',
        ...env,
        caseId: `case:${CLOSED_UUID}`,
        caseNumber: CLOSED_NUMBER,
        title,
        receivedOn: `2026-03-0${i + 1}`,
        kind: 'main',
        pageCount: pages,
        fileId,
        catalogue: [{ title, firstPage: 1, lastPage: pages, confirmed: true }],
      },
    ];
  });
}

let fixture: AppFixture;
let root: string;
let ctx: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  fixture = await startAppFixture([CLERK]);
  root = mkdtempSync(path.join(tmpdir(), 'courtdesk-e2e-archive-'));
  const lines = ['案号,卷,文件,年度,当事人'];
  ROWS.forEach(([cn, vol, parties], i) => {
    writeFileSync(path.join(root, `${i}.pdf`), tinyPdf(`vol ${i}`, 3));
    lines.push(`${cn},${vol},${i}.pdf,,${parties}`);
  });
  writeFileSync(path.join(root, 'list.csv'), lines.join('\n') + '\n');
  const report = await importArchive({
    couchUrl: fixture.target.adminUrl,
    csvPath: path.join(root, 'list.csv'),
    root,
    importId: 'e2e',
    duty: 1,
  });
  expect(report).toMatchObject({ done: ROWS.length, failed: 0 });
  // A catalogue and the OCR text of the first volume, as a clerk's OCR would have stored them.
  const volRes = await couchFetch(
    `${fixture.target.url}/courtdesk_documents/_all_docs?include_docs=true&startkey=%22archiveVolume%3A%22&endkey=%22archiveVolume%3A%EF%BF%B0%22`,
    { auth: fixture.target.admin },
  );
  const first = (volRes.body.rows as { doc: Record<string, unknown> }[])
    .map((r) => r.doc)
    .find((d) => d['caseNumber'] === ROWS[0]?.[0] && d['kind'] === 'main');
  expect(first).toBeTruthy();
  const vol = first as Record<string, unknown>;
  const put = await couchFetch(`${fixture.target.url}/courtdesk_documents/_bulk_docs`, {
    method: 'POST',
    auth: fixture.target.admin,
    body: {
      docs: [
        {
          ...vol,
          catalogue: [
            { title: '民事起诉状', firstPage: 1, lastPage: 2, docDate: '2018-03-05', confirmed: true },
            { title: '送达回证', firstPage: 3, lastPage: 3, confirmed: false },
          ],
        },
        {
          _id: `archiveText:${String(vol['_id'])}`,
          type: 'archiveText',
          schemaVersion: 1,
          createdAt: '2026-12-07T08:00:00.000Z',
          createdBy: fixture.target.admin.name,
          ownerId: vol['_id'],
          caseNumber: vol['caseNumber'],
          title: vol['title'],
          pages: ['民事起诉状\n原告请求判令被告返还鎏金铜镜一面', '', '送达回证'],
          engine: 'tesseract.js 7 chi_sim',
        },
      ],
    },
  });
  expect(put.status).toBe(201);
  const seeded = await couchFetch(`${fixture.target.url}/courtdesk_cases/_bulk_docs`, {
    method: 'POST',
    auth: fixture.target.admin,
    body: {
      docs: seedCaseDocs({
        n: 8801,
        uuid: CLOSED_UUID,
        filingDate: '2026-01-05',
        party: '吴某',
        judge: 'judge.e2earch',
        clerk: CLERK.name,
        closedOn: '2026-04-01',
      }),
    },
  });
  expect(seeded.status).toBe(201);
  const papers = await couchFetch(`${fixture.target.url}/courtdesk_documents/_bulk_docs`, {
    method: 'POST',
    auth: fixture.target.admin,
    body: { docs: paperDocs(CLERK.name) },
  });
  expect((papers.body as { error?: string }[]).filter((r) => r.error)).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  ctx = await fixture.browser.newContext({ viewport: { width: 1440, height: 960 } });
  page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInPage(page, fixture.host.url, CLERK);
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await fixture?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function search(fields: { caseNumber?: string; party?: string; year?: string }): Promise<string[]> {
  await page.getByTestId('archive-search-case').fill(fields.caseNumber ?? '');
  await page.getByTestId('archive-search-party').fill(fields.party ?? '');
  await page.getByTestId('archive-search-year').fill(fields.year ?? '');
  await page.getByTestId('archive-search-submit').click();
  await page.waitForTimeout(200);
  return page.getByTestId('archive-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
}

describe('archives (Chromium, real server)', () => {
  it('searches by party, case number and year, opens a volume with its catalogue and its scan on demand', async () => {
    await page.goto(`${fixture.host.url}/#/archives`);
    await page.getByTestId('screen-archives').waitFor();
    // The imported volumes and the closed case's papers.
    await expect
      .poll(() => page.getByTestId('archive-row').count(), { timeout: 60_000 })
      .toBe(ROWS.length + PAPERS.length);
    // The import's progress came with the replica.
    await expect.poll(() => page.getByTestId('archive-import-run').textContent()).toMatch(/5\/5/u);

    expect(await search({ party: '欧阳' })).toHaveLength(2);
    const byNumber = await search({ caseNumber: '(2019)甘0402民初55' }); // half-width brackets find full-width ones
    expect(byNumber).toHaveLength(1);
    expect(byNumber[0]).toContain('赵某');
    expect(await search({ year: '2019' })).toHaveLength(2);
    expect(await search({ party: '欧阳', year: '2019' })).toHaveLength(0);
    await page.getByText('没有符合条件的卷宗。').waitFor();

    const rows = await search({ party: '欧阳晓峰' });
    expect(rows[0]).toContain('正卷');
    await page.getByTestId('archive-open').first().click();
    const drawer = page.getByTestId('archive-volume');
    await drawer.waitFor();
    const entries = page.getByTestId('archive-catalogue');
    await expect.poll(() => entries.textContent()).toMatch(/民事起诉状/u);
    expect(await entries.textContent()).toMatch(/送达回证/u);
    await page.getByTestId('archive-open-scan').click();
    const canvas = page.getByTestId('scan-canvas');
    await expect.poll(() => canvas.getAttribute('data-rendered-page'), { timeout: 60_000 }).toBe('1');
    await page.screenshot({ path: path.join(SHOTS, 'archives-volume.png'), animations: 'disabled' });
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('scan-viewer').waitFor({ state: 'detached' });
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
    await page.getByTestId('archive-search-party').fill('');
    await page.getByTestId('archive-search-submit').click();
    await page.screenshot({ path: path.join(SHOTS, 'archives-list.png'), animations: 'disabled' });
  }, 180_000);

  it('finds a volume by a word only its scan holds, from the top-bar search', async () => {
    await page.goto(`${fixture.host.url}/#/home`);
    await page.getByTestId('screen-home').waitFor();
    await page.getByTestId('search-box').fill('鎏金铜镜');
    await page.keyboard.press('Enter');
    await page.getByTestId('screen-search').waitFor();
    const hit = page.locator('[data-testid=search-hit][data-kind=archive]');
    await hit.first().waitFor({ timeout: 60_000 });
    await hit.first().getByTestId('search-hit-link').click();
    await page.getByTestId('archive-volume').waitFor();
    expect(await page.getByTestId('archive-volume').getAttribute('data-id')).toMatch(
      /^archiveVolume:.+:main:01$/u,
    );
  }, 120_000);

  it('reads a scanned paper with OCR in the app’s worker and suggests its catalogue title', async () => {
    const scanPage = await fixture.browser.newPage();
    const png = await renderScan(
      scanPage,
      [
        '民事起诉状',
        '原告：欧阳晓峰，男，汉族，住白银市白银区。',
        '被告：白银某某公司。',
        '诉讼请求：判令被告返还借款本金五万元。',
        '二〇二六年三月五日',
      ],
      11,
    );
    await scanPage.close();
    await page.goto(`${fixture.host.url}/#/archives`);
    await page.getByTestId('archive-file-paper').click();
    await page.getByTestId('paper-dialog').waitFor();
    await page.locator('[data-testid=paper-dialog] input[type=file]').setInputFiles({
      name: 'qisuzhuang.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await page.getByTestId('paper-ocr-done').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('paper-title').inputValue()).toBe('民事起诉状');
    // Stored and shown without the spaces tesseract puts between Han characters (the search indexes Han runs).
    expect(await page.getByTestId('paper-ocr-text').textContent()).toMatch(/诉讼请求/u);
    // Unconfirmed until the clerk ticks it; filing without a case is refused with a reason.
    expect(await page.getByTestId('paper-confirm').isChecked()).toBe(false);
    await page.getByTestId('paper-save').click();
    await page.getByText('请选择案件。').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'archives-file-paper.png'), animations: 'disabled' });
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('background OCR: a clerk turns it on and every imported volume without text gets one stored text, read in the app', async () => {
    await page.keyboard.press('Escape'); // the previous test leaves the paper dialog open
    await page.getByTestId('paper-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('screen-archives').waitFor();
    await page.getByTestId('archive-ocr-enable').click();
    // Read only when nobody touches the computer; then one page at a time in the OCR worker.
    await expect
      .poll(() => page.getByTestId('archive-ocr-status').textContent(), {
        timeout: 240_000,
        interval: 2_000,
      })
      .toBe('已全部识别');
    const res = await couchFetch(
      `${fixture.target.url}/courtdesk_documents/_all_docs?include_docs=true&conflicts=true&startkey=%22archiveText%3AarchiveVolume%3A%22&endkey=%22archiveText%3AarchiveVolume%3A%EF%BF%B0%22`,
      { auth: fixture.target.admin },
    );
    const texts = (res.body.rows as { doc: Record<string, unknown> }[]).map((r) => r.doc);
    // The first volume had its text already; the four others were read by the queue, 3 pages each.
    expect(texts).toHaveLength(ROWS.length);
    const queued = texts.filter((t) => t['ocr'] !== undefined);
    expect(queued).toHaveLength(ROWS.length - 1);
    for (const t of queued) {
      expect(t).toMatchObject({ ocr: { state: 'done', pageCount: 3 }, createdBy: CLERK.name });
      expect(t['pages']).toHaveLength(3);
      expect(t['_conflicts']).toBeUndefined();
    }
    // tinyPdf draws "vol <n> p<page>" on every page: the recognised text holds the page number.
    expect(queued.some((t) => (t['pages'] as string[]).some((p) => /p\s*2/u.test(p)))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'archives-background-ocr.png'), animations: 'disabled' });
    await page.getByTestId('archive-ocr-enable').click(); // off again for the next test
    await expect.poll(() => page.getByTestId('archive-ocr-status').textContent()).toBe('未开启');
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('binds a closed case’s papers into a 正卷 and a 副卷 the clerk reviews and confirms; the PDFs hold the papers’ pages', async () => {
    await page.getByTestId('archive-bind').click();
    const dialog = page.getByTestId('bind-dialog');
    await dialog.waitFor();
    await dialog.locator('.ant-select').click();
    await page.keyboard.type('8801');
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: '8801' })
      .first()
      .click({ timeout: 60_000 });
    const volumes = page.getByTestId('bind-volume');
    await expect.poll(() => volumes.count(), { timeout: 30_000 }).toBe(2);
    expect(await volumes.nth(0).textContent()).toMatch(
      /正卷第1册.*共 5 页.*民事起诉状.*第 1–2 页.*开庭笔录.*第 3–5 页/u,
    );
    expect(await volumes.nth(1).textContent()).toMatch(/副卷第1册.*共 1 页.*合议庭评议笔录/u);
    await page.screenshot({ path: path.join(SHOTS, 'archives-bind.png'), animations: 'disabled' });
    await page.getByTestId('bind-confirm').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => page.getByTestId('archive-row').count()).toBe(ROWS.length + 2 + PAPERS.length);

    const volumeOnServer = async (kind: string) => {
      const res = await couchFetch(
        `${fixture.target.url}/courtdesk_documents/${encodeURIComponent(`archiveVolume:${CLOSED_UUID}:${kind}:01`)}`,
        { auth: fixture.target.admin },
      );
      return res.status === 200 ? (res.body as Record<string, unknown>) : null;
    };
    await expect.poll(() => volumeOnServer('main'), { timeout: 60_000 }).toBeTruthy();
    const main = (await volumeOnServer('main')) as Record<string, unknown>;
    expect(main).toMatchObject({
      caseNumber: CLOSED_NUMBER,
      pageCount: 5,
      createdBy: CLERK.name,
      catalogue: [
        { title: '民事起诉状', firstPage: 1, lastPage: 2, confirmed: true },
        { title: '开庭笔录', firstPage: 3, lastPage: 5, confirmed: true },
      ],
    });
    await expect.poll(() => volumeOnServer('secondary'), { timeout: 60_000 }).toMatchObject({ pageCount: 1 });
    const fileUrl = `${fixture.target.url}/courtdesk_documents/${encodeURIComponent(String(main['fileId']))}`;
    await expect
      .poll(async () => (await couchFetch(fileUrl, { auth: fixture.target.admin })).status, {
        timeout: 60_000,
      })
      .toBe(200);
    const file = (await couchFetch(`${fileUrl}?attachments=true`, { auth: fixture.target.admin })).body as {
      onDemand?: boolean;
      _attachments: Record<string, { data: string }>;
    };
    expect(file.onDemand).toBe(true);
    const pdf = path.join(root, 'bound-main.pdf');
    writeFileSync(
      pdf,
      Uint8Array.from(Buffer.from(Object.values(file._attachments)[0]?.data ?? '', 'base64')),
    );
    expect((await pdfPages(pdf)).pages).toBe(5);
    expect(await pdfText(pdf, 2)).toContain('QSZ p2');
    expect(await pdfText(pdf, 3)).toContain('KTBL p1');
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
