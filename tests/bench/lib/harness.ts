/**
 * Node side of the benches and the seed integration tests: the bench pages built with their own
 * Vite config and served by the app host (with the `/couch` proxy to a CouchDB target — embedded
 * server or COUCH_URL — for same-origin cookies), Chromium pages signed in as the server admin, and
 * the typed callers of the pages' `window` APIs.
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

/** Builds the bench pages (index.html: sync, cases.html: case catalog, documents.html: the court-document editor, search.html: the saved search index) into a temporary folder. */
export async function buildBenchPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'courtdesk-benchpage-'));
  await build({
    configFile: join(PAGE_DIR, 'vite.config.ts'),
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: ['index.html', 'cases.html', 'documents.html', 'search.html'].map((f) => join(PAGE_DIR, f)),
      },
    },
  });
  return outDir;
}

/** A bench page of its own (no CouchDB behind it) and the typed caller of its `window[global]` API. */
export interface OpenedPage<Api> {
  page: Page;
  chromium: string;
  call<K extends keyof Api>(
    method: K,
    ...args: Api[K] extends (...a: infer A) => unknown ? A : never
  ): Promise<Api[K] extends (...a: never[]) => infer R ? Awaited<R> : never>;
  close(): Promise<void>;
}

/** Builds the bench pages, serves them with the app host (no server behind /couch) and opens `html`. */
export async function openBenchPage<Api>(html: string, global: string): Promise<OpenedPage<Api>> {
  const staticDir = await buildBenchPage();
  const host = await startAppHost({ couchUrl: 'http://127.0.0.1:9', staticDir, port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage();
  page.on('pageerror', (err) => process.stderr.write(`[bench page] ${err.message}\n`));
  await page.goto(`${host.url}/${html}`);
  await page.waitForFunction(
    (g) => typeof (window as unknown as Record<string, unknown>)[g] === 'object',
    global,
  );
  return {
    page,
    chromium: browser.version(),
    call: (method, ...args) => callIn(page, global, String(method), args) as never,
    async close() {
      await browser.close().catch(() => undefined);
      await host.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/** Calls `window[global][method](...args)` in the page. */
export async function callIn(page: Page, global: string, method: string, args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ({ global, method, args }) => {
      const api = (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[global];
      const fn = api?.[method];
      if (!fn) throw new Error(`window.${global}.${method} is missing`);
      return fn(...args);
    },
    { global, method, args },
  );
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
  return (await callIn(page, 'bench', method, args)) as Awaited<ReturnType<BenchApi[K]>>;
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
  for (let i = 0; i < count; i += batch)
    await serverBulkDocs(target, db, caseDocs(i, Math.min(batch, count - i), opts.prefix));
  return performance.now() - t0;
}

/** One `_bulk_docs` request as the server admin; throws when the request or any document is refused. */
export async function serverBulkDocs(
  target: CouchTarget,
  db: string,
  docs: readonly object[],
  opts: { newEdits?: boolean } = {},
): Promise<Array<{ id: string; rev?: string }>> {
  const r = await couchFetch(`${target.url}/${db}/_bulk_docs`, {
    method: 'POST',
    auth: target.admin,
    body: { docs, ...(opts.newEdits === false ? { new_edits: false } : {}) },
    timeoutMs: 300_000,
  });
  if (r.status !== 201) throw new Error(`_bulk_docs ${db}: ${r.status} ${r.text.slice(0, 200)}`);
  const results = r.body as Array<{ id: string; rev?: string; error?: string }>;
  const failed = results.filter((x) => x.error);
  if (failed.length)
    throw new Error(`_bulk_docs ${db}: ${failed.length} refused, e.g. ${JSON.stringify(failed[0])}`);
  return results;
}

/** The `/couch/<db>` path of a server database as the page sees it. */
export function couchPath(db: string): string {
  return `/couch/${db}`;
}
