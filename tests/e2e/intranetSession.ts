import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { startAppFixture, type AppFixture, type FixtureUser, signInPage } from './browser';

/**
 * What the intranet browser suites share (intranet.test.ts, intranetAdmin.test.ts): staff signed
 * in on workstations of their own (one browser context each), and the server read or written
 * behind the app's back — as the server admin, or forged with a workstation's own session.
 */

/** A staff account of an intranet suite (one password per run). */
export function intranetUser(name: string, roles: FixtureUser['roles'], displayName: string): FixtureUser {
  return { name, password: PASSWORD, roles, displayName };
}
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;

/** The browser viewport of the intranet screenshots. */
export const VIEW = { viewport: { width: 1440, height: 960 } };

/** A running intranet suite. */
export interface IntranetSession {
  readonly fixture: AppFixture;
  /** Uncaught errors of every page opened. */
  readonly pageErrors: string[];
  /** A new workstation (browser context) with `user` signed in, on the workbench. */
  open(user: FixtureUser): Promise<Page>;
  /** Moves a page to a hash route. */
  go(page: Page, hash: string): Promise<void>;
  /** A document as the server holds it (read as the server admin). */
  serverDoc(db: string, id: string): Promise<Record<string, unknown> & { _id: string; _rev: string }>;
  /** Waits (≤ 60 s) until the server's copy of a document satisfies `ok`. */
  waitForServerDoc(db: string, id: string, ok: (d: Record<string, unknown>) => boolean): Promise<void>;
  /** A forged PUT through the app's own CouchDB proxy, with the page's session cookie. */
  forgedPut(
    page: Page,
    doc: Record<string, unknown>,
    db: string,
  ): Promise<{ status: number; reason?: string }>;
  stop(): Promise<void>;
}

/** Starts the server, the worker, the app host and Chromium with `users`. */
export async function startIntranetSession(users: readonly FixtureUser[]): Promise<IntranetSession> {
  const fixture = await startAppFixture(users);
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const read = (db: string, id: string) =>
    couchFetch(`${fixture.target.url}/${db}/${encodeURIComponent(id)}`, { auth: fixture.target.admin });
  return {
    fixture,
    pageErrors,
    async open(user) {
      const ctx = await fixture.browser.newContext(VIEW);
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.stack ?? e.message));
      await signInPage(page, fixture.host.url, user);
      return page;
    },
    async go(page, hash) {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
    },
    async serverDoc(db, id) {
      const res = await read(db, id);
      expect(res.status).toBe(200);
      return res.body as Record<string, unknown> & { _id: string; _rev: string };
    },
    async waitForServerDoc(db, id, ok) {
      const until = Date.now() + 60_000;
      for (;;) {
        const res = await read(db, id);
        if (res.status === 200 && ok(res.body as Record<string, unknown>)) return;
        if (Date.now() > until)
          throw new Error(`${db}/${id} never reached the server as expected (${res.status})`);
        await new Promise((r) => setTimeout(r, 500));
      }
    },
    forgedPut(page, doc, db) {
      return page.evaluate(
        async ({ d, dbName }) => {
          const r = await fetch(`couch/${dbName}/${encodeURIComponent(String(d['_id']))}`, {
            method: 'PUT',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(d),
          });
          return { status: r.status, reason: ((await r.json()) as { reason?: string }).reason };
        },
        { d: doc, dbName: db },
      );
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await fixture.stop();
    },
  };
}
