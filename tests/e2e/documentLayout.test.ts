import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocNode } from '../../core/documents/content/docModel';
import { documentLines } from '../../core/documents/content/docText';
import { mergeTemplate } from '../../core/documents/templates/mergeTemplate';
import { templateById } from '../../core/documents/templates/templates';
import { toDocx } from '../../renderer/src/features/documents/export/toDocx';
import { LOAN_CASE } from '../support/documentFixtures';
import { docxToPdf, pdfLines, pdfPages, pdfPageToPng, pdfText, type PdfLine } from '../support/pdfTools';
import { launchChromium, SCREENSHOT_DIR } from './browser';

/**
 * A 民事判决书 merged from a realistic case, laid out as a court document twice: as .docx converted
 * by LibreOffice, and as the app's print view printed by Chromium (`page.pdf()`, what Electron's
 * `printToPDF` does). Both PDFs are measured with poppler: A4 pages, the 37 mm top and 28/26 mm
 * side margins, 22 lines of 28.95 pt, page numbers 「— n —」 outside, the case's number and parties in the
 * text. Page 1 of each is rasterised into artifacts/screenshots (docs/screenshots holds the copy
 * shown in docs/documents.md; a test run never rewrites tracked files).
 */
const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const LEFT = 28 * MM;
const RIGHT = A4.width - 26 * MM;
const TOP = 37 * MM;
const TEXT_BOTTOM = A4.height - 35 * MM;
const LINE = 28.95;

const template = templateById('civilJudgmentOrdinary');
if (!template) throw new Error('civilJudgmentOrdinary is missing');
const doc = mergeTemplate(template, LOAN_CASE, {
  documentDate: '2026-05-06',
  feeBearers: ['被告白银市宏达建材有限公司'],
}).doc;
const expectedLines = documentLines(doc).map((l) => (l.label + l.text).replace(/\s/g, ''));
const workDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-doc-layout-'));

afterAll(() => (process.env.KEEP_PDF ? undefined : rmSync(workDir, { recursive: true, force: true })));

/** Body lines of a page: below the title block, above the footer. */
function bodyLines(lines: readonly PdfLine[]): PdfLine[] {
  return lines.filter((l) => l.yMin < TEXT_BOTTOM && !/^—\d+—$/.test(l.text.replace(/\s/g, '')));
}

/** What both PDFs must show, whoever made them. */
async function expectCourtLayout(pdf: string, pages: number): Promise<void> {
  const info = await pdfPages(pdf);
  expect(info.pages).toBe(pages);
  expect(info.sizes).toHaveLength(pages);
  for (const size of info.sizes) {
    expect(size.width).toBeCloseTo(A4.width, 0);
    expect(size.height).toBeCloseTo(A4.height, 0);
  }
  const text = await pdfText(pdf);
  for (const needle of [
    '（2026）甘0402民初284号',
    '欧阳晓峰',
    '白银市宏达建材有限公司',
    '甘肃省白银市白银区人民法院',
  ])
    expect(text.replace(/\s/g, '')).toContain(needle);

  const page1 = await pdfLines(pdf, 1);
  const body = bodyLines(page1);
  const centre = (l: PdfLine) => (l.yMin + l.yMax) / 2;
  // The court's name is the first line, centred; its line box starts on the 37 mm margin (boxes are
  // measured by their centres: each PDF maker reports glyph boxes of its own height).
  expect(body[0]?.text).toBe('甘肃省白银市白银区人民法院');
  expect(centre(body[0]!)).toBeGreaterThan(TOP + LINE / 2 - 5);
  expect(centre(body[0]!)).toBeLessThan(TOP + LINE / 2 + 5);
  expect((body[0]!.xMin + body[0]!.xMax) / 2).toBeCloseTo((LEFT + RIGHT) / 2, -1);
  // Lines fill the 28 mm–26 mm text block and never leave it; a continuation line starts on the margin.
  expect(Math.min(...body.map((l) => l.xMin))).toBeCloseTo(LEFT, 0);
  expect(Math.max(...body.map((l) => l.xMax))).toBeLessThanOrEqual(RIGHT + 1);
  expect(Math.max(...body.map((l) => l.xMax))).toBeGreaterThan(RIGHT - 4);
  // 22 lines a page, 28.95 pt apart (Chromium rounds each line box to whole pixels: ±0.8 pt).
  const sameSize = body.filter((l) => Math.abs(l.yMax - l.yMin - (body[3]!.yMax - body[3]!.yMin)) < 0.5);
  const steps = sameSize.slice(1).map((l, i) => centre(l) - centre(sameSize[i]!));
  expect(steps.length).toBeGreaterThan(15);
  for (const step of steps) expect(Math.abs(step - LINE)).toBeLessThan(0.8);
  // At most 22 lines, the last inside the text block (widow control may leave the 22nd empty).
  expect(body.length).toBeGreaterThanOrEqual(21);
  expect(body.length).toBeLessThanOrEqual(22);
  expect(centre(body[body.length - 1]!)).toBeLessThan(TEXT_BOTTOM);

  // 「— n —」 7 mm under the text block: right on odd pages, left on even pages, one 四号 character in.
  for (let page = 1; page <= pages; page++) {
    const number = (await pdfLines(pdf, page)).find((l) => l.text.replace(/\s/g, '') === `—${page}—`);
    expect(number, `page number on page ${page}`).toBeDefined();
    expect(centre(number!)).toBeGreaterThan(TEXT_BOTTOM + 7 * MM);
    expect(centre(number!)).toBeLessThan(TEXT_BOTTOM + 7 * MM + 14);
    if (page % 2 === 1) expect(number!.xMax).toBeCloseTo(RIGHT - 14, -1);
    else expect(number!.xMin).toBeCloseTo(LEFT + 14, -1);
  }
}

/** Every line of the document appears in the PDF, in order (PDF lines wrap; the text must not change). */
async function expectAllText(pdf: string): Promise<void> {
  const text = (await pdfText(pdf)).replace(/\s|—\d+—/g, '');
  let from = 0;
  for (const line of expectedLines) {
    const at = text.indexOf(line, from);
    expect(at, `line in order: ${line}`).toBeGreaterThanOrEqual(from);
    from = at + line.length;
  }
}

describe('民事判决书 as .docx, converted by LibreOffice', () => {
  let pdf = '';
  beforeAll(async () => {
    const docx = path.join(workDir, 'civil-judgment.docx');
    writeFileSync(
      docx,
      await toDocx(doc as JSONContent, { title: '民事判决书', subject: LOAN_CASE.caseNumber ?? '' }),
    );
    pdf = await docxToPdf(docx, path.join(workDir, 'libreoffice'));
  }, 300_000);

  it('is two A4 pages laid out as a court document', async () => {
    await expectCourtLayout(pdf, 2);
  });

  it('has every line of the document in order', async () => {
    await expectAllText(pdf);
  });

  it('rasterises page 1', async () => {
    const png = await pdfPageToPng(pdf, 1, path.join(SCREENSHOT_DIR, 'documents-01-civil-judgment-docx.png'));
    expect(png).toMatch(/documents-01-civil-judgment-docx\.png$/);
  });
});

describe('民事判决书 print view, printed by Chromium', () => {
  let browser: Browser;
  let pdf = '';
  beforeAll(async () => {
    browser = await launchChromium();
    const bundle = await build({
      entryPoints: ['tests/support/printViewPage.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      logLevel: 'silent',
    });
    const page = await browser.newPage();
    // The app's own page: its UI must not reach paper.
    await page.setContent(
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>CourtDesk</title></head>' +
        '<body><div id="root"><h1>案件列表</h1><p>应用界面不应出现在打印件中</p></div></body></html>',
    );
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    await page.evaluate(
      ([json, title]) =>
        (
          globalThis as unknown as { courtdeskPrintView: { mount(d: unknown, m: unknown): void } }
        ).courtdeskPrintView.mount(json, { title }),
      [doc as DocNode, `民事判决书 ${LOAN_CASE.caseNumber}`] as const,
    );
    expect(await page.title()).toBe(`民事判决书 ${LOAN_CASE.caseNumber}`);
    await page.evaluate(() => document.fonts.ready);
    pdf = path.join(workDir, 'print-view.pdf');
    // Electron's printToPDF adds 1 cm margins unless the page says otherwise: the page's @page must win.
    await page.pdf({
      path: pdf,
      preferCSSPageSize: true,
      printBackground: true,
      margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' },
    });
    await page.close();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('is two A4 pages laid out as the .docx is', async () => {
    await expectCourtLayout(pdf, 2);
  });

  it('prints the document and nothing of the app', async () => {
    await expectAllText(pdf);
    expect(await pdfText(pdf)).not.toContain('应用界面不应出现在打印件中');
  });

  it('rasterises page 1', async () => {
    const png = await pdfPageToPng(
      pdf,
      1,
      path.join(SCREENSHOT_DIR, 'documents-02-civil-judgment-print.png'),
    );
    expect(png).toMatch(/documents-02-civil-judgment-print\.png$/);
  });
});
