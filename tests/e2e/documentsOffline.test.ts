import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHost, type AppHost } from '../../sync-server/src/appHost/appHost';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { startEmbeddedServer, type EmbeddedServer } from '../../sync-server/src/embedded/embeddedServer';
import { provision } from '../../sync-server/src/setup/provision';
import { addUser } from '../../sync-server/src/setup/users';
import { startWorker, type RunningWorker } from '../../sync-server/src/workers/worker';
import * as Y from 'yjs';
import { draftDataRange } from '../../core/schemas/draftData';
import { FRAGMENT } from '../../renderer/src/db/drafts/draftState';
import { paragraphs } from '../support/drafts/fragmentEdits';
import { couchFetch } from '../support/couchTarget';
import { pdfText } from '../support/pdfTools';
import { seedCaseDocs } from '../support/renderer/caseFixtures';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  deadPort,
  SCREENSHOT_DIR,
  STATIC_DIR,
  type FixtureUser,
  signInPage,
} from './browser';

/**
 * 文书 with the server really stopped (issue 9, "E2E in Chromium"): the suite runs its own
 * embedded server on a fixed port and data folder, whatever COUCH_URL says (a suite cannot stop a
 * shared CouchDB), and closes it — not a mocked network — while the
 * app host keeps serving the built renderer (as Electron loads the app from disk). A judge drafts a
 * 民事判决书 from its style on a case synced earlier, types, and closes the browser; a new browser
 * on the same profile opens the app (the unverified offline session), the draft is all there, the
 * checker runs, the .docx and the PDF are exported and read back. The server then comes back on
 * the same port and folder and receives the draft.
 *
 * PDF in the browser build is the print view mounted on the page and `window.print()` (the
 * browser's dialog saves the PDF). Headless Chromium has no dialog, so the suite's `window.print`
 * records the print view the app mounted (its markup and stylesheet) and Chromium prints exactly
 * that with `page.pdf()`: the same page the dialog would save.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/documents/i18n/documents.zh-CN.json', 'utf8'));
const output = JSON.parse(
  readFileSync('renderer/src/features/documents/i18n/documentOutput.zh-CN.json', 'utf8'),
) as { pdfInDialog: string };
const ADMIN = { name: 'admin', password: `e2e-${randomBytes(6).toString('hex')}` };
const JUDGE: FixtureUser = {
  name: 'judge.offline',
  password: `e2e-${randomBytes(6).toString('hex')}`,
  roles: ['judge'],
};
const CASE_N = 9202;
const CASE_ID = `case:c${CASE_N}`;
const PLAINTIFF = '司马晓光';
const TYPED = '本院认为，被告的其它抗辩理由均不能成立，本院不予支持。';

const dataDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-docs-offline-'));
const profileDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-docs-profile-'));
const outDir = path.resolve(SCREENSHOT_DIR, 'documents-offline');
let port = 0;
let server: EmbeddedServer | null = null;
let worker: RunningWorker | null = null;
let host: AppHost | null = null;
let context: BrowserContext | null = null;
const pageErrors: string[] = [];

/** Starts the embedded server on the suite's port and folder; then, once provisioned, the worker. */
async function startServer(beforeWorker?: () => Promise<void>): Promise<void> {
  server = await startEmbeddedServer({ dataDir, port, admin: ADMIN, logger: () => undefined });
  await beforeWorker?.();
  worker = await startWorker({
    couchUrl: `http://${ADMIN.name}:${ADMIN.password}@127.0.0.1:${port}`,
    name: `e2e-offline-${Date.now().toString(36)}`,
    conflictGuard: false,
  });
}

/** Stops the worker and closes the embedded server: its port refuses connections. */
async function stopServer(): Promise<void> {
  await worker?.stop();
  worker = null;
  await server?.close();
  server = null;
}

/** Records what `window.print()` would print: the mounted print view and its stylesheet. */
function recordPrint(): void {
  window.print = () => {
    const view = document.querySelector('.cd-print-view');
    const css = Array.from(document.querySelectorAll('style'))
      .map((s) => s.textContent ?? '')
      .filter((t) => t.includes('.cd-print-view'));
    (window as unknown as { printed: unknown[] }).printed ??= [];
    (window as unknown as { printed: unknown[] }).printed.push({
      html: view?.outerHTML ?? '',
      css,
      title: document.title,
    });
  };
}

/** A browser on the suite's profile (its IndexedDB and localStorage survive a close). */
async function openBrowser(): Promise<Page> {
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  await context.addInitScript(recordPrint);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

function editorText(page: Page): Promise<string> {
  return page.getByTestId('draft-editor').evaluate((el) => el.textContent ?? '');
}

function serverState(page: Page): Promise<string | null> {
  return page.getByTestId('server-status').getAttribute('data-state');
}

/**
 * Waits until the server holds the draft's document and content batches whose Yjs updates, applied
 * in Node, give a text containing `text` (read as the server admin).
 */
async function waitForServerText(draftId: string, text: string): Promise<void> {
  const base = `http://127.0.0.1:${port}/courtdesk_documents`;
  const [start, end] = draftDataRange('draftUpdate', draftId);
  const until = Date.now() + 120_000;
  for (;;) {
    const draft = await couchFetch(`${base}/${encodeURIComponent(draftId)}`, { auth: ADMIN });
    const batches = await couchFetch(
      `${base}/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(start))}&endkey=${encodeURIComponent(JSON.stringify(end))}`,
      { auth: ADMIN },
    );
    const doc = new Y.Doc();
    for (const row of (batches.body as { rows?: { doc: { update: string } }[] }).rows ?? [])
      Y.applyUpdate(doc, new Uint8Array(Buffer.from(row.doc.update, 'base64')));
    const saved = paragraphs(doc.getXmlFragment(FRAGMENT)).join('\n');
    if (draft.status === 200 && saved.includes(text)) return;
    if (Date.now() > until) throw new Error(`the draft never reached the server (${draft.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  port = await deadPort();
  await startServer(async () => {
    const couch = createCouchClient(`http://${ADMIN.name}:${ADMIN.password}@127.0.0.1:${port}`);
    await provision(couch);
    await addUser(couch, JUDGE);
  });
  const docs = seedCaseDocs({ n: CASE_N, filingDate: '2026-03-02', party: PLAINTIFF, judge: JUDGE.name });
  const res = await couchFetch(`http://127.0.0.1:${port}/courtdesk_cases/_bulk_docs`, {
    method: 'POST',
    auth: ADMIN,
    body: { docs },
  });
  expect(res.status).toBe(201);
  host = await startAppHost({ couchUrl: `http://127.0.0.1:${port}`, staticDir: STATIC_DIR, port: 0 });
  mkdirSync(outDir, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await host?.close();
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
});

describe('文书 with the server stopped', () => {
  let draftId = '';
  let before = '';

  it('drafts from a style with the server stopped; after closing the browser nothing is lost', async () => {
    const page = await openBrowser();
    const appUrl = host?.url ?? '';
    await signInPage(page, appUrl, JUDGE);
    // The case reaches this PC's replica while the server is up.
    await page.evaluate((id) => {
      window.location.hash = `#/cases/list?case=${encodeURIComponent(id)}`;
    }, CASE_ID);
    await page.getByTestId('new-draft-button').waitFor({ timeout: 60_000 });

    // The server stops: its port refuses connections; the app host still serves the app's files.
    await stopServer();
    expect(
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=server-status]')?.getAttribute('data-state') !== 'online',
      undefined,
      { timeout: 60_000 },
    );

    await page.getByTestId('new-draft-button').click();
    await page.getByTestId('template-select').click();
    await page.locator('.ant-select-item-option[title="民事判决书（第一审普通程序用）"]').click();
    await page.getByTestId('create-draft').click();
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid=draft-editor]')?.textContent ?? '').includes('民事判决书'),
    );
    draftId = (await page.getByTestId('draft-page').getAttribute('data-draft-id')) ?? '';
    expect(draftId).toMatch(/^draft:/);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(TYPED);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=save-indicator]')?.getAttribute('data-state') === 'saved',
    );
    before = await editorText(page);
    expect(before).toContain(PLAINTIFF);
    expect(before).toContain(TYPED);
    expect(await serverState(page)).not.toBe('online');
    await context?.close();
    context = null;

    // A new browser on the same profile, the server still stopped.
    const again = await openBrowser();
    await again.goto(appUrl);
    await again.getByTestId('screen-home').waitFor({ timeout: 60_000 });
    await again.evaluate((id) => {
      window.location.hash = `#/documents?draft=${encodeURIComponent(id)}`;
    }, draftId);
    await again.waitForFunction(
      (t) => document.querySelector('[data-testid=draft-editor]')?.textContent === t,
      before,
      { timeout: 60_000 },
    );
    expect(await serverState(again)).not.toBe('online');
    expect(pageErrors).toEqual([]);
  });

  it('runs the checker and exports .docx and PDF offline; the server receives the draft when it is back', async () => {
    const page = context?.pages()[0];
    if (!page) throw new Error('no page from the previous test');
    await page.getByTestId('run-checker').click();
    await page.locator('[data-testid=finding][data-code=commonError]').first().waitFor();
    await page.locator('.cd-finding[data-code=commonError]').first().waitFor();
    await page.screenshot({ path: path.join(outDir, 'editor-offline.png'), animations: 'disabled' });

    // .docx: the typed words and the merged party are in word/document.xml.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-docx').click();
    const file = await download;
    const docx = path.join(outDir, 'judgment.docx');
    await file.saveAs(docx);
    const xml =
      (await JSZip.loadAsync(new Uint8Array(readFileSync(docx))).then((z) =>
        z.file('word/document.xml')?.async('string'),
      )) ?? '';
    expect(xml).toContain(TYPED.slice(0, 10));
    expect(xml).toContain(PLAINTIFF);

    // PDF: the print view the app mounted for window.print(), printed by Chromium.
    await page.getByTestId('export-pdf').click();
    await page.getByText(output.pdfInDialog).waitFor();
    await page.waitForFunction(
      () => ((window as unknown as { printed?: unknown[] }).printed ?? []).length === 1,
    );
    await page.evaluate(() => {
      const [job] = (window as unknown as { printed: { html: string; css: string[] }[] }).printed;
      if (!job?.html.includes('cd-print-view')) throw new Error('window.print() ran without a print view');
      const style = document.createElement('style');
      style.id = 'e2e-print-style';
      style.textContent = job.css.join('\n');
      document.head.append(style);
      document.body.insertAdjacentHTML('beforeend', job.html);
    });
    const pdf = path.join(outDir, 'judgment.pdf');
    writeFileSync(pdf, new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })));
    await page.evaluate(() => {
      document.getElementById('e2e-print-style')?.remove();
      document.querySelector('body > .cd-print-view')?.remove();
    });
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain(TYPED.replace(/\s+/g, ''));
    expect(text).toContain(PLAINTIFF);
    expect(text).toContain('民事判决书');
    // Only the document: nothing of the app's page (its tabs, its buttons).
    expect(text).not.toContain(zh.editor.tabs.versions);

    // The server comes back on the same port and folder: the draft and the typed words reach it.
    await startServer();
    await waitForServerText(draftId, TYPED);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=server-status]')?.getAttribute('data-state') === 'online',
      undefined,
      { timeout: 60_000 },
    );
    expect(pageErrors).toEqual([]);
  });
});
