import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { seedCaseDocs } from '../support/renderer/caseFixtures';
import { pdfFromObjects } from '../support/pdfTools';
import { SCREENSHOT_DIR, startAppFixture, type AppFixture, type FixtureUser, signInPage } from './browser';

/**
 * The scan viewer (pdf.js) on a Chinese PDF whose font is NOT embedded — as many scanners' OCR
 * layers and older court systems write them: a Type0 font /STSong-Light with the predefined CMap
 * /UniGB-UCS2-H. pdf.js can only map its codes to characters with that CMap, which the app serves
 * from its own origin (`pdfjs/cmaps/`, copied by renderer/vite.config.ts; the CSP allows nothing
 * else). The page must show ink, the CMap must come from the app's origin, and no request may leave
 * it. The control: with the CMaps unreachable, the same page stays blank.
 */
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;
const JUDGE: FixtureUser = { name: 'judge.e2ecmap', password: PASSWORD, roles: ['judge'] };
const CASE_N = 9303;
const CASE_ID = `case:c${CASE_N}`;
const TEXT = '起诉状民事判决书';

/** A one-page PDF written by hand: 起诉状民事判决书 in /STSong-Light, not embedded, /UniGB-UCS2-H. */
export function cidPdf(text: string): Buffer {
  const hex = [...text]
    .map((c) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0'))
    .join('');
  const content = `BT /F1 40 Tf 20 50 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 120] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  return pdfFromObjects(objects);
}

let fixture: AppFixture;

beforeAll(async () => {
  fixture = await startAppFixture([JUDGE]);
  const docs = seedCaseDocs({ n: CASE_N, filingDate: '2026-03-02', party: '上官云', judge: JUDGE.name });
  const res = await couchFetch(`${fixture.target.url}/courtdesk_cases/_bulk_docs`, {
    method: 'POST',
    auth: fixture.target.admin,
    body: { docs },
  });
  expect(res.status).toBe(201);
});

afterAll(async () => {
  await fixture?.stop();
});

/** Signs in, opens the case page, attaches the PDF (once per suite) and opens it in the viewer. */
async function viewScan(ctx: BrowserContext, upload: boolean): Promise<Page> {
  const page = await ctx.newPage();
  await signInPage(page, fixture.host.url, JUDGE);
  await page.evaluate((id) => {
    window.location.hash = `#/cases/list?case=${encodeURIComponent(id)}`;
  }, CASE_ID);
  if (upload)
    await page
      .getByTestId('scan-input')
      .setInputFiles({ name: '起诉状.pdf', mimeType: 'application/pdf', buffer: cidPdf(TEXT) });
  await page.getByTestId('view-scan').first().click({ timeout: 60_000 });
  return page;
}

/** Share of the canvas's pixels that are dark. */
function ink(page: Page): Promise<number> {
  return page.getByTestId('scan-canvas').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
    return dark / Math.max(1, data.length / 4);
  });
}

describe('pdf.js CMaps from the app origin', () => {
  it('renders a Chinese PDF whose font is not embedded, with the CMap fetched from the app itself', async () => {
    const ctx = await fixture.browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'zh-CN',
    });
    const requests: string[] = [];
    ctx.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    const page = await viewScan(ctx, true);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scan-canvas]')?.getAttribute('data-rendered-page') === '1',
      undefined,
      { timeout: 60_000 },
    );
    const origin = new URL(fixture.host.url).origin;
    const cmap = requests.filter((u) => u.endsWith('/UniGB-UCS2-H.bcmap'));
    expect(cmap).toEqual([`${origin}/pdfjs/cmaps/UniGB-UCS2-H.bcmap`]);
    expect(requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u))).toEqual([]);
    // Eight characters at 40 pt on a 400 × 120 pt page: well over 2 % of the pixels are ink.
    expect(await ink(page)).toBeGreaterThan(0.02);
    await page.getByTestId('scan-viewer').screenshot({
      path: path.join(SCREENSHOT_DIR, 'scan-cmap-stsong.png'),
      animations: 'disabled',
    });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the control: without the CMaps the same page shows no glyphs', async () => {
    const ctx = await fixture.browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'zh-CN',
    });
    await ctx.route('**/pdfjs/cmaps/**', (route) => route.abort());
    const page = await viewScan(ctx, false);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scan-canvas]')?.getAttribute('data-rendered-page') === '1',
      undefined,
      { timeout: 60_000 },
    );
    expect(await ink(page)).toBeLessThan(0.002);
    await ctx.close();
  });
});
