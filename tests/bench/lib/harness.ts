/**
 * Node side of the sync bench and the seed integration tests: a CouchDB target (embedded server
 * or COUCH_URL), the bench page built with its own Vite config, the app host serving it with the
 * `/couch` proxy (same-origin cookies), and Chromium pages signed in as the server admin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { startAppHost, type AppHost } from '../../../sync-server/src/appHost/appHost';
import { launchChromium } from '../../e2e/browser';
import { couchFetch, createDb, getCouchTarget, type CouchTarget } from '../../support/couchTarget';
import { caseDocs } from './caseDocs';
import type { BenchApi } from './benchApi';

const PAGE_DIR = fileURLToPath(new URL('../page/', import.meta.url));

/** Everything a bench or seed test needs; `close()` stops what it started. */
export interface BenchEnv {
  target: CouchTarget;
  host: AppHost;
  browser: Browser;
  /** A new browser context (its own IndexedDB: one "workstation"), on the bench page, signed in (as the server admin by default). */
  newPage(user?: { name: string; password: string }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the bench page into a temporary folder; returns that folder. */
export async function buildBenchPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'courtdesk-benchpage-'));
  await build({ configFile: join(PAGE_DIR, 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Starts the target, builds and serves the page, launches Chromium. */
export async function startBenchEnv(): Promise<BenchEnv> {
  const target = await getCouchTarget();
  const staticDir = await buildBenchPage();
  const host = await startAppHost({ couchUrl: target.url, staticDir, port: 0 });
  const browser = await launchChromium();
  return {
    target,
    host,
    browser,
    async newPage(user) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('pageerror', (err) => process.stderr.write(`[bench page] ${err.message}\n`));
      await page.goto(`${host.url}/index.html`);
      await page.waitForFunction(() => typeof window.bench === 'object');
      await page.evaluate(({ name, password }) => window.bench.signIn(name, password), user ?? target.admin);
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await host.close();
      await target.stop();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/** Calls one `window.bench` method in the page. */
export async function call<K extends keyof BenchApi>(
  page: Page,
  method: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return (await page.evaluate(
    ({ method, args }) => (window.bench[method] as (...a: unknown[]) => unknown)(...args),
    { method, args: args as unknown[] },
  )) as Awaited<ReturnType<BenchApi[K]>>;
}

/** Creates `db` on the server and fills it with `count` case documents through `_bulk_docs`. */
export async function fillServerDb(
  target: CouchTarget,
  db: string,
  count: number,
  opts: { batch?: number; prefix?: string; create?: boolean } = {},
): Promise<number> {
  if (opts.create ?? true) await createDb(target, db);
  const batch = opts.batch ?? 5000;
  const t0 = performance.now();
  for (let i = 0; i < count; i += batch) {
    const docs = caseDocs(i, Math.min(batch, count - i), opts.prefix);
    const r = await couchFetch(`${target.url}/${db}/_bulk_docs`, {
      method: 'POST',
      auth: target.admin,
      body: { docs },
      timeoutMs: 300_000,
    });
    if (r.status !== 201) throw new Error(`_bulk_docs ${db}: ${r.status} ${r.text.slice(0, 200)}`);
  }
  return performance.now() - t0;
}

/** The `/couch/<db>` path of a server database as the page sees it. */
export function couchPath(db: string): string {
  return `/couch/${db}`;
}
