/**
 * Bench `case-list-filter-sort-100k` (docs/product-rules.md §4.6): in Chromium, a
 * local IndexedDB replica of 100,000 cases (~1 KB each) plus their case-number, assignment and
 * event documents; the renderer's case catalog is built over it (build time recorded against a
 * bare `allDocs` scan of the same documents), then ≥ 200 varied filtered + sorted first-page
 * queries (limit 50) are timed on the catalog (`ours`) and on a naive filter + full sort of the
 * same summaries (`baseline`), with the results compared for equality. Writes
 * tests/bench/results/cases.json. CASES_BENCH_N overrides the case count (smoke runs).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { CaseQuery } from '../../renderer/src/features/cases/model/catalogTypes';
import { launchChromium } from '../e2e/browser';
import { BENCH_JUDGES } from './lib/catalogDocs';
import { loadAverage, machineInfo } from './lib/machine';
import { percentile, round1 } from './lib/stats';
import type { CasesBenchApi } from './page/casesMain';
import { mulberry32 } from '../../sync-server/src/setup/demoRandom';

const N = Number(process.env.CASES_BENCH_N ?? 100_000);
const QUERIES = 240;
const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const started = Date.now();
const log = (m: string) => console.log(`[cases ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

/** Varied first-page queries: filters, every sort field and direction, searches as typed. */
function makeQueries(count: number): CaseQuery[] {
  const r = mulberry32(2026);
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(r() * max);
    return [...xs].sort(() => r() - 0.5).slice(0, n);
  };
  const searches = [
    '民初12',
    '（2025）甘0402执1',
    '(2026)甘0402民初3',
    '王',
    '王伟',
    '6204021980',
    '临2026',
    '甘0402刑初',
    '白银有色',
  ];
  const fields = ['filingDate', 'displayNumber', 'deadline', 'status'] as const;
  return Array.from({ length: count }, () => {
    const q: { -readonly [K in keyof CaseQuery]: CaseQuery[K] } = {
      sort: { field: fields[Math.floor(r() * 4)] ?? 'filingDate', dir: r() < 0.5 ? 'asc' : 'desc' },
      offset: 0,
      limit: 50,
    };
    if (r() < 0.5) q.types = some(['民初', '刑初', '执', '行初', '民特', '民督', '执保'], 2);
    if (r() < 0.4) q.statuses = some(['assigned', 'inHearing', 'suspended', 'closed', 'pendingNumber'], 3);
    if (r() < 0.3) q.judges = some(BENCH_JUDGES, 2);
    if (r() < 0.35) q.warnings = some(['overdue', 'd7', 'd15', 'd30'], 2);
    if (r() < 0.3) q.search = searches[Math.floor(r() * searches.length)];
    return q;
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  const outDir = mkdtempSync(join(os.tmpdir(), 'courtdesk-casesbench-'));
  await build({
    configFile: join(PAGE_DIR, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(PAGE_DIR, 'cases.html') } },
  });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      const body = readFileSync(join(outDir, path === '/' ? 'cases.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const browser = await launchChromium();
  const rows: Record<string, unknown>[] = [];
  let chromiumVersion = 'unknown';
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => process.stderr.write(`[bench page] ${e.message}\n`));
    await page.goto(`http://127.0.0.1:${port}/cases.html`);
    await page.waitForFunction(() => typeof window.casesBench === 'object');
    const call = <K extends keyof CasesBenchApi>(m: K, ...args: Parameters<CasesBenchApi[K]>) =>
      page.evaluate(({ m, args }) => (window.casesBench[m] as (...a: unknown[]) => unknown)(...args), {
        m,
        args: args as unknown[],
      }) as Promise<Awaited<ReturnType<CasesBenchApi[K]>>>;

    const seeded = await call('seed', N, 5000);
    log(
      `seeded ${seeded.docs} docs for ${N} cases in ${(seeded.ms / 1000).toFixed(1)} s (case doc ~${seeded.bytes} B)`,
    );
    const scan = await call('scan', 2000);
    const built = await call('build');
    log(
      `catalog built in ${built.ms.toFixed(0)} ms (${built.cases} cases); bare allDocs scan ${scan.ms.toFixed(0)} ms`,
    );
    const saved = await call('saveSnapshot');
    log(`snapshot written in ${saved.ms.toFixed(0)} ms`);
    const queries = makeQueries(QUERIES);
    await call('run', queries.slice(0, 20)); // warm-up (JIT), not counted
    const run = await call('run', queries);
    const p = (xs: number[], q: number) => percentile(xs, q);
    log(
      `queries: ours p50 ${p(run.ours, 50).toFixed(2)} p95 ${p(run.ours, 95).toFixed(2)} ms; naive p50 ${p(run.baseline, 50).toFixed(1)} p95 ${p(run.baseline, 95).toFixed(1)} ms; mismatches ${run.mismatches}`,
    );
    const changed = await call('change', 1000);
    log(`1000 changed cases re-folded in ${changed.ms.toFixed(0)} ms`);
    const restart = await call('restart');
    log(
      `restart: catalog ready from ${restart.source} in ${restart.ms.toFixed(0)} ms (${restart.cases} cases)`,
    );
    chromiumVersion = browser.version();
    const note = `${N} cases (${seeded.docs} docs: case ~${seeded.bytes} B UTF-8 + caseNumber, assignment, events) in Chromium IndexedDB (pouchdb indexeddb adapter); ${QUERIES} first-page queries (limit 50) mixing type/status/judge/warning filters, 4 sort fields × 2 directions and number/party searches; results identical to the baseline in ${QUERIES - run.mismatches}/${QUERIES}; median matches ${p(run.totals, 50)}`;
    rows.push(
      {
        metric: 'case-list-filter-sort-100k',
        unit: 'ms (p95)',
        ours: round1(p(run.ours, 95)),
        baseline: round1(p(run.baseline, 95)),
        baselineName:
          'naive Array filter + full sort of the same 100k summaries per query, same page, same run',
        target: 50,
        targetMet: p(run.ours, 95) <= 50,
        note,
      },
      {
        metric: 'case-list-filter-sort-100k-p50',
        unit: 'ms (p50)',
        ours: round1(p(run.ours, 50)),
        baseline: round1(p(run.baseline, 50)),
        baselineName: 'naive Array filter + full sort, same queries',
      },
      {
        metric: 'case-catalog-build-100k',
        unit: 'ms',
        ours: round1(built.ms),
        baseline: round1(scan.ms),
        baselineName:
          'bare allDocs(include_docs) scan of the same replica in pages of 2000 (the read floor: no fold, no index)',
        note: `${built.docs} docs; the build folds every case with core foldCaseState and builds 4 sort orders + search text`,
      },
      {
        metric: 'case-catalog-restart-100k',
        unit: 'ms',
        ours: round1(restart.ms),
        baseline: round1(built.ms),
        baselineName: 'first build from the documents (case-catalog-build-100k), same replica, same run',
        note: `ours = dispose + start again from the local _local snapshot (source: ${restart.source}) until settled; snapshot write took ${round1(saved.ms)} ms`,
      },
      {
        metric: 'case-catalog-incremental-1k',
        unit: 'ms',
        ours: round1(changed.ms),
        baseline: null,
        baselineName:
          'none (1000 case documents rewritten locally; time until the catalog has re-folded them all)',
      },
    );
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  const measuredAt = new Date().toISOString();
  const m = machineInfo(loadAtStart, chromiumVersion);
  const results = rows.map((r) => ({ ...r, measuredAt, machine: m }));
  const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'cases.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await main();
