import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHost } from '../../sync-server/src/appHost/appHost';
import { validDoc } from '../support/validDocs';
import { startAppFixture } from './browser';

/**
 * CouchDB content shares the app's origin (`/couch/…` on the app host). A member uploads an HTML
 * attachment with a script, and a script file; whoever opens their `/couch/` URLs — as a page, or
 * as `<script src>` from inside the app — must not run them as the app: no access to the app's
 * storage, no CouchDB requests with the victim's session. Chromium through the real app host and a
 * real server (embedded, or COUCH_URL).
 */
const suffix = randomBytes(3).toString('hex');
const member = { name: `e2e.member.${suffix}`, password: 'e2e-password-3' };
const DB = 'courtdesk_documents';

/** Sets markers synchronously (storage, title), then uses the victim's session against the API. */
const ATTACK_SCRIPT =
  'localStorage.setItem("pwned","1");document.title="pwned";' +
  'fetch("/couch/_session").then(function(r){return r.text()}).then(function(t){localStorage.setItem("pwned-session",t)});';
const EVIL_HTML = `<!doctype html><html><head><title>invoice</title><script>${ATTACK_SCRIPT}</script></head><body>invoice</body></html>`;

let stopFixture: (() => Promise<void>) | undefined;
let host: AppHost;
let browser: Browser;

/** Uploads `body` as the only attachment of a new `file:` document, as the signed-in member. */
async function upload(page: Page, name: string, contentType: string, body: string): Promise<string> {
  const digest = `md5-${createHash('md5').update(body, 'utf8').digest('base64')}`;
  const id = `file:${randomUUID()}`;
  const doc = validDoc('file', id, member.name, {
    ownerId: `volume:${randomUUID()}`,
    name,
    contentType,
    size: Buffer.byteLength(body, 'utf8'),
    digest,
    _attachments: {
      [name]: { content_type: contentType, data: Buffer.from(body, 'utf8').toString('base64') },
    },
  });
  const status = await page.evaluate(
    async ({ db, doc }) => {
      const res = await fetch(`/couch/${db}/${encodeURIComponent(doc._id as string)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      });
      return `${res.status} ${await res.text()}`;
    },
    { db: DB, doc },
  );
  expect(status).toMatch(/^201 /);
  return `${host.url}/couch/${DB}/${encodeURIComponent(id)}/${encodeURIComponent(name)}`;
}

/** A page of the app with the member signed in to CouchDB (the session cookie the app uses). */
async function memberPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(host.url);
  await page.getByTestId('signin-form').waitFor();
  const status = await page.evaluate(async (m) => {
    const res = await fetch('/couch/_session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(m),
    });
    return res.status;
  }, member);
  expect(status).toBe(200);
  return page;
}

/** What the attack left in the app's origin: its storage markers. */
async function markers(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => [localStorage.getItem('pwned'), localStorage.getItem('pwned-session')]);
}

beforeAll(async () => {
  const fixture = await startAppFixture([{ ...member, roles: ['clerk'] }]);
  ({ host, browser } = fixture);
  stopFixture = fixture.stop;
});

afterAll(async () => {
  await stopFixture?.();
});

describe('CouchDB content opened in Chromium through the app host', () => {
  it('an HTML attachment opened as a page is a download: its script never runs as the app', async () => {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const app = await memberPage(ctx);
    const url = await upload(app, 'invoice.html', 'text/html', EVIL_HTML);

    const victim = await ctx.newPage();
    const requests: string[] = [];
    victim.on('request', (r) => requests.push(r.url()));
    const download = victim.waitForEvent('download');
    // Chromium aborts a navigation that turns into a download.
    const navigation = await victim.goto(url).then(
      () => 'rendered',
      (e: Error) => e.message,
    );
    expect(navigation).not.toBe('rendered');
    const file = await download;
    expect(file.suggestedFilename()).toBe('invoice.html');
    expect(await victim.title()).not.toBe('pwned');
    expect(requests).toEqual([url]);
    expect(await markers(app)).toEqual([null, null]);
    await ctx.close();
  });

  it('even rendered inline as HTML (a browser ignoring the download), the sandbox keeps the script from running', async () => {
    const ctx = await browser.newContext();
    const app = await memberPage(ctx);
    const url = await upload(app, 'report.html', 'text/html', EVIL_HTML);

    const victim = await ctx.newPage();
    // Undo the download and the safe type in the browser, keeping every other header the server sent.
    await victim.route(url, async (route) => {
      const response = await route.fetch();
      const headers: Record<string, string> = { ...response.headers(), 'content-type': 'text/html' };
      delete headers['content-disposition'];
      await route.fulfill({ response, headers });
    });
    const requests: string[] = [];
    victim.on('request', (r) => requests.push(r.url()));
    await victim.goto(url);
    await victim.waitForLoadState('networkidle');
    expect(await victim.locator('body').innerText()).toBe('invoice');
    expect(await victim.title()).toBe('invoice');
    expect(requests).toEqual([url]);
    expect(await markers(app)).toEqual([null, null]);
    await ctx.close();
  });

  it('an uploaded script cannot be loaded into the app with <script src="/couch/…">', async () => {
    const ctx = await browser.newContext();
    const app = await memberPage(ctx);
    const url = await upload(app, 'helper.js', 'text/javascript', 'window.__couchScriptRan = true;');
    // As if an injection in the app added the tag: the app's CSP allows 'self', which /couch/ is.
    const outcome = await app.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          const s = document.createElement('script');
          s.src = src;
          s.onload = () => resolve('loaded');
          s.onerror = () => resolve('refused');
          document.head.appendChild(s);
        }),
      url,
    );
    expect(outcome).toBe('refused');
    expect(await app.evaluate(() => (window as { __couchScriptRan?: boolean }).__couchScriptRan)).toBe(
      undefined,
    );
    await ctx.close();
  });
});
