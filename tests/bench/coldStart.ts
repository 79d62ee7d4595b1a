/**
 * `cold-start-100k` and `renderer-heap-100k`: the built app (dist of renderer/, served by the app
 * host as in a browser deployment) opened in Chromium on a workstation that holds 100,000 cases
 * (~375k documents, lib/catalogDocs.ts) in its local replica.
 *
 *  1. The server's courtdesk_cases is filled (before provisioning, so the fill skips the validator),
 *     a leader signs in through the sign-in page, and the app seeds its replica, builds its case
 *     catalog and writes the catalog snapshot — the app's own code all the way.
 *  2. The server then goes away (the app host answers /couch from a dead port): every start below
 *     is an offline start from the remembered session, so no sync traffic mixes in.
 *  3. Samples, alternating: ours = open the app at the case list with the snapshot in place;
 *     baseline = the same with the snapshot's head removed, so the catalog is built from the
 *     documents (the app writes a new snapshot afterwards, which the next "ours" uses).
 *
 * cold-start: ms from navigation start to a usable case list (rows shown, count = every case).
 * renderer-heap: JSHeapUsedSize (CDP Performance.getMetrics) after HeapProfiler.collectGarbage, once
 * the start has settled (snapshot in place), for both kinds of start.
 * Writes tests/bench/results/coldStart.json. COLD_BENCH_N overrides the case count (smoke runs).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { compileDdocs } from '../../build/compileDdocs';
import { startAppHost, type AppHost } from '../../sync-server/src/appHost/appHost';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { provision } from '../../sync-server/src/setup/provision';
import { deadPort, launchChromium } from '../e2e/browser';
import { createDb, createUser, startEmbeddedTarget, type CouchTarget } from '../support/couchTarget';
import { benchCaseDocs } from './lib/catalogDocs';
import { buildBenchPage, callIn, serverBulkDocs } from './lib/harness';
import { LoadMonitor, machineInfo } from './lib/machine';
import { describeRow, pairedRow, writeResults } from './lib/results';
import { alternate } from './lib/samples';
import type { CasesBenchApi } from './page/casesMain';

const N = Number(process.env['COLD_BENCH_N'] ?? 100_000);
const USER = { name: 'leader.bench', password: 'bench-leader-pass' };
const REPLICA = `courtdesk_${encodeURIComponent(USER.name)}_cases`;
const started = Date.now();
const log = (m: string) => console.log(`[cold start ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

/** Fills courtdesk_cases with the documents of `cases` bench cases; returns the document count. */
async function fillCases(target: CouchTarget, cases: number): Promise<number> {
  await createDb(target, 'courtdesk_cases');
  const seqs = new Map<string, number>();
  const seqOf = (k: string) => {
    const n = (seqs.get(k) ?? 0) + 1;
    seqs.set(k, n);
    return n;
  };
  let pending: Record<string, unknown>[] = [];
  let written = 0;
  const flush = async () => {
    await serverBulkDocs(target, 'courtdesk_cases', pending);
    written += pending.length;
    pending = [];
  };
  for (let i = 0; i < cases; i++) {
    pending.push(...benchCaseDocs(i, seqOf));
    if (pending.length >= 2000) await flush();
  }
  if (pending.length) await flush();
  return written;
}

/** The app and the bench pages in one folder (one origin: the bench page reads the app's replica). */
async function buildSite(): Promise<string> {
  const site = mkdtempSync(join(tmpdir(), 'courtdesk-coldstart-'));
  await build({
    configFile: 'renderer/vite.config.ts',
    logLevel: 'warn',
    build: { outDir: site, emptyOutDir: true },
  });
  const pages = await buildBenchPage();
  cpSync(pages, join(site, 'bench'), { recursive: true });
  rmSync(pages, { recursive: true, force: true });
  return site;
}

async function until<T>(
  what: string,
  check: () => Promise<T | null>,
  timeoutMs: number,
  progress?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = Date.now();
  for (;;) {
    const v = await check();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    if (progress && Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      log(`waiting for ${what}: ${await progress()}`);
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** JS heap in use after a full GC, in MB; repeated until two readings agree within 1 MB. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let last = Number.NaN;
  for (let i = 0; i < 10; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const mb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 2 ** 20;
    if (Math.abs(mb - last) < 1) return mb;
    last = mb;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return last;
}

async function main(): Promise<void> {
  const load = new LoadMonitor();
  const target = await startEmbeddedTarget();
  const site = await buildSite();
  let host: AppHost = await startAppHost({ couchUrl: target.url, staticDir: site, port: 0 });
  const port = Number(new URL(host.url).port);
  const browser = await launchChromium();
  const chromium = browser.version();
  let context: BrowserContext | null = null;
  try {
    // Compiled before any request: compiling blocks for seconds (see provision.test.ts).
    const ddocs = compileDdocs();
    const t0 = Date.now();
    const docs = await fillCases(target, N);
    await provision(createCouchClient(target.adminUrl), { ddocs });
    await createUser(target, USER.name, USER.password, ['leader']);
    log(`server: ${docs} documents of ${N} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s, provisioned`);

    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const bench = await context.newPage();
    await bench.goto(`${host.url}/bench/cases.html`);
    await bench.waitForFunction(() => typeof window.casesBench === 'object');
    const snapshot = () =>
      callIn(bench, 'casesBench', 'appSnapshot', [REPLICA]) as ReturnType<CasesBenchApi['appSnapshot']>;
    const complete = async () => ((await snapshot())?.count === N ? true : null);

    // 1. First start online: sign in, initial sync, catalog, snapshot — the app's own path.
    const app = await context.newPage();
    app.on('pageerror', (e) => process.stderr.write(`[app] ${e.message}\n`));
    await app.goto(`${host.url}/`);
    await app.getByTestId('signin-form').waitFor({ timeout: 120_000 });
    const signInHeap = await heapAfterGc(app);
    await app.getByTestId('signin-username').fill(USER.name);
    await app.getByTestId('signin-password').fill(USER.password);
    await app.getByTestId('signin-submit').click();
    await app.getByTestId('screen-home').waitFor({ timeout: 120_000 });
    await app.goto(`${host.url}/#/cases/list`);
    const t1 = Date.now();
    await until('the first sync, the catalog and its snapshot', complete, 60 * 60_000, async () => {
      const status = await app
        .locator('[data-testid=case-count], [data-testid=case-catalog-building]')
        .first()
        .innerText()
        .catch(() => '(no case list)');
      return `snapshot ${JSON.stringify(await snapshot())}; list: ${status.replace(/\s+/g, ' ').slice(0, 120)}`;
    });
    log(
      `first start: replica seeded, catalog built and snapshot written in ${((Date.now() - t1) / 1000).toFixed(0)} s`,
    );
    await app.close();

    // 2. The server goes away; the app host stays on the same origin.
    await host.close();
    host = await startAppHost({ couchUrl: `http://127.0.0.1:${await deadPort()}`, staticDir: site, port });

    // 3. Alternating cold starts.
    const heaps = { ours: [] as number[], baseline: [] as number[] };
    const coldStart = async (side: 'ours' | 'baseline'): Promise<number> => {
      if (side === 'baseline') {
        if (!(await callIn(bench, 'casesBench', 'dropAppSnapshot', [REPLICA])))
          throw new Error('no snapshot to remove');
      } else if (!(await complete())) throw new Error('no complete snapshot before a snapshot start');
      const page = await context!.newPage();
      page.on('pageerror', (e) => process.stderr.write(`[app] ${e.message}\n`));
      await page.goto(`${host.url}/#/cases/list`);
      const usable = await page.waitForFunction(
        (n) => {
          const count = document.querySelector('[data-testid=case-count]');
          return count?.getAttribute('data-count') === String(n) &&
            document.querySelector('[data-testid=case-row]')
            ? performance.now()
            : null;
        },
        N,
        { polling: 'raf', timeout: 30 * 60_000 },
      );
      const ms = (await usable.jsonValue()) as number;
      // Settled: the snapshot is in place (a build writes a new one), then the heap after GC.
      await until('the snapshot after the start', complete, 30 * 60_000);
      heaps[side].push(await heapAfterGc(page));
      await page.close();
      return ms;
    };
    const starts = await alternate(
      () => coldStart('ours'),
      () => coldStart('baseline'),
      { log },
    );
    const setup = `${N} cases (${docs} documents) in the local replica (IndexedDB, indexeddb adapter) of a leader; the built app served by the app host; offline start (server unreachable, remembered session)`;
    const rows = [
      pairedRow(
        `cold-start-${N / 1000}k`,
        'ms',
        starts,
        'the same start with the catalog snapshot removed: the catalog is built from the documents',
        {
          note: `ms from navigation start to the case list showing rows and a count of all ${N} cases; ${setup}`,
        },
      ),
      pairedRow(
        `renderer-heap-${N / 1000}k`,
        'MB',
        { ...starts, ...heaps },
        'the same page after a start that built the catalog from the documents',
        {
          note: `JSHeapUsedSize (CDP Performance.getMetrics) after HeapProfiler.collectGarbage, once the start had settled; the sign-in page before any workspace: ${signInHeap.toFixed(1)} MB`,
          signInPageMB: Math.round(signInHeap * 10) / 10,
        },
      ),
    ];
    for (const r of rows) log(describeRow(r));
    log(`wrote ${writeResults('coldStart', rows, machineInfo(load, chromium), { setup })}`);
  } finally {
    await context?.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
    await host.close();
    await target.stop();
    rmSync(site, { recursive: true, force: true });
  }
}

await main();
