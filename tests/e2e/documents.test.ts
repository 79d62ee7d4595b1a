import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { seedCaseDocs } from '../support/renderer/caseFixtures';
import { startAppFixture, type AppFixture, type FixtureUser, signInPage } from './browser';

/**
 * 文书 end to end in Chromium against the real server (embedded, or COUCH_URL) and the built
 * renderer: a judge of a case creates a 民事判决书 from its document style (merge fields filled
 * from the case), types into the co-drafting editor, sees the checker's finding underlined and
 * jumps to it, saves the 初稿 version, reloads (nothing lost: the session autosaved it), and
 * exports the .docx, whose XML holds the typed words. The editor's screenshot (zh-CN, CJK fonts)
 * goes to docs/screenshots/.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/documents/i18n/documents.zh-CN.json', 'utf8'));
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;
const JUDGE: FixtureUser = { name: 'judge.e2edoc', password: PASSWORD, roles: ['judge'] };
const ASSISTANT: FixtureUser = { name: 'assistant.e2edoc', password: PASSWORD, roles: ['assistant'] };
const CLERK: FixtureUser = { name: 'clerk.e2edoc', password: PASSWORD, roles: ['clerk'] };
const PHONE = '13993012345';
const CASE_N = 9101;
const CASE_ID = `case:c${CASE_N}`;
const PLAINTIFF = '欧阳晓峰';
const DOCS_SHOTS = path.resolve('docs', 'screenshots');

let fixture: AppFixture;
let browser: Browser;
const pageErrors: string[] = [];

async function signIn(page: Page, user: FixtureUser = JUDGE): Promise<void> {
  await signInPage(page, fixture.host.url, user);
}

/** The editor's plain text (paragraph numbers are decorations, not text). */
function editorText(page: Page): Promise<string> {
  return page.getByTestId('draft-editor').evaluate((el) => el.textContent ?? '');
}

beforeAll(async () => {
  fixture = await startAppFixture([JUDGE, ASSISTANT, CLERK]);
  browser = fixture.browser;
  // A civil first-instance case of this judge and assistant, as the worker would have assigned it.
  const docs = seedCaseDocs({
    n: CASE_N,
    filingDate: '2026-03-02',
    party: PLAINTIFF,
    judge: JUDGE.name,
    clerk: CLERK.name,
  }).map((d) => (d._id.startsWith('assignment:') ? { ...d, assistant: ASSISTANT.name } : d));
  const res = await couchFetch(`${fixture.target.url}/courtdesk_cases/_bulk_docs`, {
    method: 'POST',
    auth: fixture.target.admin,
    body: { docs },
  });
  expect(res.status).toBe(201);
  expect((res.body as { error?: string }[]).filter((r) => r.error)).toEqual([]);
  mkdirSync(DOCS_SHOTS, { recursive: true });
});

afterAll(async () => {
  await fixture?.stop();
});

/** Waits until the editor's text contains `text`. */
async function editorHas(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => (document.querySelector('[data-testid=draft-editor]')?.textContent ?? '').includes(t),
    text,
    { timeout: 60_000 },
  );
}

/** Selects the `n` characters before the last one of the document (its final 。) and types `text` over them. */
async function replaceBeforeLast(page: Page, n: number, text: string): Promise<void> {
  await page.getByTestId('draft-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < n; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.insertText(text);
}

/**
 * Waits until the server holds the draft as `page` shows it now: a fresh browser profile (its own
 * empty replica) of the same user opens the draft and must show the same text. Only then may the
 * writing page close (closing it earlier is a kill, which may lose the last second).
 */
async function reachesServer(page: Page, user: FixtureUser = JUDGE): Promise<void> {
  const text = await editorText(page);
  const ctx = await browser.newContext();
  try {
    const fresh = await ctx.newPage();
    await signIn(fresh, user);
    await fresh.evaluate((id) => {
      window.location.hash = `#/documents?draft=${encodeURIComponent(id)}`;
    }, draftId);
    await fresh.waitForFunction(
      (t) => document.querySelector('[data-testid=draft-editor]')?.textContent === t,
      text,
      { timeout: 60_000 },
    );
  } finally {
    await ctx.close();
  }
}

/** A document on the server (read as the server admin), once it has arrived. */
async function waitForServerDoc(pathname: string): Promise<Record<string, unknown>> {
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await couchFetch(`${fixture.target.url}/${pathname}`, { auth: fixture.target.admin });
    if (res.status === 200) return res.body as Record<string, unknown>;
    if (Date.now() > until) throw new Error(`${pathname} never reached the server (${res.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function openVersionsTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: zh.editor.tabs.versions }).click();
}

let draftId = '';

describe('文书 in Chromium against the real server', () => {
  it('drafts a judgment from a style, checks it, saves a version, survives a reload and exports .docx', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page);

    // The case page's 文书 card: a new draft from a document style.
    await page.evaluate((id) => {
      window.location.hash = `#/cases/list?case=${encodeURIComponent(id)}`;
    }, CASE_ID);
    await page.getByTestId('new-draft-button').click();
    await page.getByTestId('template-select').click();
    await page.locator('.ant-select-item-option[title="民事判决书（第一审普通程序用）"]').click();
    // What the record lacks is listed (the seeded case has no hearing date, panel or clerk).
    await page.getByTestId('missing-fields').waitFor();
    expect(await page.getByTestId('missing-fields').innerText()).toContain(zh.create.missing);
    await page.getByTestId('create-draft').click();

    // The editor opens with the style merged with the case.
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid=draft-editor]')?.textContent ?? '').includes('民事判决书'),
    );
    const merged = await editorText(page);
    expect(merged).toContain(PLAINTIFF);
    expect(merged).toContain('（2026）甘0402民初9101号');
    draftId = (await page.getByTestId('draft-page').getAttribute('data-draft-id')) ?? '';
    expect(draftId).toMatch(/^draft:/);

    // Typing at the end of the document, with a frequent mistake (其它 for 其他).
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    const typed = '本院认为，被告的其它辩解缺乏证据，本院不予采信。';
    await page.keyboard.insertText(typed);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=save-indicator]')?.getAttribute('data-state') === 'saved',
    );

    // The checker underlines the finding; clicking it in the list selects the words.
    await page.getByTestId('run-checker').click();
    const finding = page.locator('[data-testid=finding][data-code=commonError]').first();
    await finding.waitFor();
    await page.locator('.cd-finding[data-code=commonError]').first().waitFor();
    await page.getByTestId('draft-page').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(DOCS_SHOTS, 'documents-editor.png'), animations: 'disabled' });
    await finding.click();
    // The jump selects the finding's words (the editor takes the focus in the next frame).
    await page.waitForFunction(() => window.getSelection()?.toString() === '其它');
    await page.screenshot({ path: path.join(DOCS_SHOTS, 'documents-finding.png'), animations: 'disabled' });

    // 初稿 saved as a named version.
    await openVersionsTab(page);
    await page.getByTestId('save-version-button').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=versions-panel]')?.getAttribute('data-count') === '1',
    );
    expect(await page.getByTestId('version').first().innerText()).toContain(zh.versions.milestones.draft);

    // A reload loses nothing that was typed.
    await page.reload();
    await page.getByTestId('draft-editor').waitFor();
    await page.waitForFunction(
      (t) => (document.querySelector('[data-testid=draft-editor]')?.textContent ?? '').includes(t),
      typed,
    );

    // .docx export: the downloaded file's document.xml holds the typed paragraph.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-docx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const saved = path.join(path.resolve('artifacts', 'screenshots'), 'documents-e2e.docx');
    mkdirSync(path.dirname(saved), { recursive: true });
    await file.saveAs(saved);
    const xml =
      (await JSZip.loadAsync(new Uint8Array(readFileSync(saved))).then((z) =>
        z.file('word/document.xml')?.async('string'),
      )) ?? '';
    expect(xml).toContain('本院认为');
    expect(xml).toContain('其它辩解');
    expect(xml).toContain(PLAINTIFF);
    expect(pageErrors).toEqual([]);
    await reachesServer(page);
    await ctx.close();
  });

  it('compares the 初稿 with the current text and restores it as a new change', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page);
    await page.evaluate((id) => {
      window.location.hash = `#/documents?draft=${encodeURIComponent(id)}`;
    }, draftId);
    await editorHas(page, '本院不予采信');
    await replaceBeforeLast(page, 4, '予以采纳');
    await editorHas(page, '本院予以采纳');

    await openVersionsTab(page);
    await page.getByTestId('compare-version').first().click();
    const diff = page.getByTestId('version-diff');
    await diff.waitFor();
    expect(await diff.locator('[data-op=removed]').allInnerTexts()).toEqual(['不予采信']);
    expect(await diff.locator('[data-op=added]').allInnerTexts()).toEqual(['予以采纳']);
    await diff.locator('[data-op=added]').scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(DOCS_SHOTS, 'documents-version-diff.png'),
      animations: 'disabled',
    });
    await page.keyboard.press('Escape');

    await page.getByTestId('restore-version').first().click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await editorHas(page, '本院不予采信');
    expect(await editorText(page)).not.toContain('予以采纳');
    expect(pageErrors).toEqual([]);
    await reachesServer(page);
    await ctx.close();
  });

  it('merges a judge’s and an assistant’s offline edits, and blocks 定稿 on the words both changed until resolved', async () => {
    const contexts = await Promise.all(
      [0, 1].map(() => browser.newContext({ viewport: { width: 1440, height: 1000 } })),
    );
    const [judge, assistant] = await Promise.all(contexts.map((c) => c.newPage()));
    if (!judge || !assistant) throw new Error('no pages');
    for (const [page, user] of [
      [judge, JUDGE],
      [assistant, ASSISTANT],
    ] as const) {
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await signIn(page, user);
      await page.evaluate((id) => {
        window.location.hash = `#/documents?draft=${encodeURIComponent(id)}`;
      }, draftId);
      await editorHas(page, '本院不予采信');
    }
    // Both laptops lose the network, then each edits: a paragraph of its own, and the same words.
    for (const c of contexts) await c.setOffline(true);
    await replaceBeforeLast(judge, 4, '予以采纳');
    await judge.keyboard.press('Control+End');
    await judge.keyboard.press('Enter');
    await judge.keyboard.insertText('综上所述，判决如下：');
    await replaceBeforeLast(assistant, 4, '不予支持');
    await assistant.keyboard.press('Control+End');
    await assistant.keyboard.press('Enter');
    await assistant.keyboard.insertText('经查，原告已于二〇二六年一月催告被告付款。');
    for (const page of [judge, assistant])
      await page.waitForFunction(
        () => document.querySelector('[data-testid=save-indicator]')?.getAttribute('data-state') === 'saved',
      );

    // Back online: both edits are in both documents, the same text on both.
    for (const c of contexts) await c.setOffline(false);
    for (const page of [judge, assistant]) {
      await editorHas(page, '综上所述，判决如下：');
      await editorHas(page, '经查，原告已于二〇二六年一月催告被告付款。');
    }
    await judge.waitForFunction(
      (other) => document.querySelector('[data-testid=draft-editor]')?.textContent === other,
      await editorText(assistant),
      { timeout: 60_000 },
    );
    // The words both changed are one spot, listed on both sides; 定稿 is refused until it is resolved.
    for (const page of [judge, assistant]) await page.getByTestId('open-spots').waitFor({ timeout: 60_000 });
    await judge.getByRole('tab', { name: zh.editor.tabs.spots }).click();
    const spot = judge.getByTestId('spot').first();
    await spot.waitFor();
    expect(await spot.innerText()).toMatch(/予以采纳|不予支持/);
    await openVersionsTab(judge);
    await judge.getByTestId('milestone-select').click();
    await judge.locator(`.ant-select-item-option[title="${zh.versions.milestones.final}"]`).click();
    await judge.getByTestId('settle-blocked').waitFor();
    expect(await judge.getByTestId('save-version-button').isDisabled()).toBe(true);
    await judge.screenshot({
      path: path.join(DOCS_SHOTS, 'documents-spot-blocks-final.png'),
      animations: 'disabled',
    });

    await judge.getByRole('tab', { name: zh.editor.tabs.spots }).click();
    await judge.getByTestId('resolve-spot').first().click();
    await judge.getByTestId('open-spots').waitFor({ state: 'detached' });
    await assistant.getByTestId('open-spots').waitFor({ state: 'detached', timeout: 60_000 });
    // A last line with a phone number, for publication review to remove.
    await judge.getByTestId('draft-editor').click();
    await judge.keyboard.press('Control+End');
    await judge.keyboard.press('Enter');
    await judge.keyboard.insertText(`原告联系电话${PHONE}。`);
    await openVersionsTab(judge);
    // The conflict is resolved, but the style's places to fill (【…】) still block 定稿: each is
    // listed; a click selects it in the text and typing replaces it.
    await judge.getByTestId('settle-blocked-placeholders').waitFor();
    expect(await judge.getByTestId('save-version-button').isDisabled()).toBe(true);
    const listed = Number(await judge.getByTestId('placeholders').getAttribute('data-count'));
    expect(listed).toBeGreaterThan(3);
    expect(await judge.getByTestId('placeholder').allInnerTexts()).toContain('开庭日期');
    await judge.screenshot({
      path: path.join(DOCS_SHOTS, 'documents-placeholders-block-final.png'),
      animations: 'disabled',
    });
    for (let left = listed; left > 0; left--) {
      await judge.getByTestId('placeholder').first().click();
      await judge.waitForFunction(() => /^【.*】$/.test(window.getSelection()?.toString() ?? ''));
      await judge.keyboard.insertText('已填写');
      await judge.waitForFunction(
        (n) =>
          Number(document.querySelector('[data-testid=placeholders]')?.getAttribute('data-count') ?? 0) < n,
        left,
      );
    }
    await judge.getByTestId('settle-blocked-placeholders').waitFor({ state: 'detached' });
    expect(await editorText(judge)).not.toMatch(/【[^】]*】/);
    expect(await judge.getByTestId('save-version-button').isDisabled()).toBe(false);
    await judge.getByTestId('save-version-button').click();
    await judge.locator('[data-testid=version][data-milestone=final]').waitFor();
    await reachesServer(judge);
    expect(pageErrors).toEqual([]);
    for (const c of contexts) await c.close();
  });

  it('lets the clerk review the anonymised 定稿 side by side and keeps a publication record', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, CLERK);
    await page.evaluate(() => {
      window.location.hash = '#/documents';
    });
    await page.getByTestId('publish-link').first().click();
    await page.getByTestId('publication-page').waitFor();
    expect(await page.getByTestId('publication-decision').innerText()).toBe(zh.publish.publishable);
    const original = page.getByTestId('review-original');
    const result = page.getByTestId('review-result');
    await result.waitFor();
    // A sales-contract case: the parties keep their names; the phone number is removed.
    expect(await original.innerText()).toContain(PHONE);
    expect(await result.innerText()).not.toContain(PHONE);
    expect(await result.innerText()).toContain(`原告联系电话×××。`);
    expect(await result.innerText()).toContain(PLAINTIFF);
    await page.screenshot({
      path: path.join(DOCS_SHOTS, 'documents-publication-review.png'),
      animations: 'disabled',
    });

    await page.getByTestId('mark-published').click();
    await page.getByTestId('published').waitFor();
    const uuid = draftId.slice('draft:'.length);
    const record = await waitForServerDoc(`courtdesk_documents/publication%3A${uuid}`);
    expect(record['createdBy']).toBe(CLERK.name);
    expect(String(record['text'])).not.toContain(PHONE);
    expect(record['replacements']).toContainEqual(
      expect.objectContaining({ original: PHONE, replacement: '×××' }),
    );
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });

  it('shows a scanned PDF attached to the draft in the app, page by page, with pdf.js', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    // A two-page Chinese PDF, as a scanner's OCR output would be.
    const maker = await ctx.newPage();
    await maker.setContent(
      '<html lang="zh-CN"><body style="font-size:40px"><p>起诉状 第一页</p><p style="break-before:page">证据目录 第二页</p></body></html>',
    );
    const pdf = await maker.pdf({ format: 'A4' });
    await maker.close();

    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page);
    await page.evaluate((id) => {
      window.location.hash = `#/documents?draft=${encodeURIComponent(id)}`;
    }, draftId);
    await page.getByTestId('draft-editor').waitFor();
    await page
      .getByTestId('scan-input')
      .setInputFiles({ name: '起诉状.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('view-scan').first().click();
    const canvas = page.getByTestId('scan-canvas');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scan-canvas]')?.getAttribute('data-rendered-page') === '1',
      undefined,
      { timeout: 60_000 },
    );
    /** Share of the canvas's pixels that are not white: the page's text was drawn. */
    const inked = () =>
      canvas.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const data =
          c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
        return dark / (data.length / 4);
      });
    expect(await inked()).toBeGreaterThan(0.001);
    await page.screenshot({
      path: path.join(DOCS_SHOTS, 'documents-scan-viewer.png'),
      animations: 'disabled',
    });
    await page.getByTestId('scan-viewer').getByRole('button', { name: zh.scans.next }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scan-canvas]')?.getAttribute('data-rendered-page') === '2',
    );
    expect(await inked()).toBeGreaterThan(0.001);
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });
});
