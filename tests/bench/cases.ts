/**
 * Bench of the case catalog (docs/product-rules.md §4.6), in Chromium over a local IndexedDB replica
 * of 100,000 cases (~1 KB each) plus their case-number, assignment and event documents
 * (lib/catalogDocs.ts), the renderer's own catalog code (renderer/src/features/cases/model/):
 *
 *  - `case-query-p95` / `-p50`: the query the app ships (the case list's filter + sort + search,
 *    first page of 50) over 240 varied queries; baseline: the naive filter + full sort of the same
 *    summaries. One sample = one pass over the 240 queries; results compared for equality.
 *  - `case-catalog-build-100k`: building the catalog from the documents; baseline: a bare `allDocs`
 *    scan of the same replica (the read floor).
 *  - `case-catalog-restart-100k`: a restart from the local snapshot; baseline: a build from the
 *    documents.
 *  - `case-catalog-incremental-1k`: re-folding 1,000 rewritten cases (no baseline).
 *
 * Every metric: lib/samples.ts (≥ 3 samples per side, alternating). Writes results/cases.json.
 * CASES_BENCH_N overrides the case count (smoke runs).
 */
import type { CaseQuery } from '../../renderer/src/features/cases/model/catalogTypes';
import { mulberry32 } from '../../sync-server/src/setup/demoRandom';
import { BENCH_JUDGES } from './lib/catalogDocs';
import { LoadMonitor, machineInfo } from './lib/machine';
import { openBenchPage } from './lib/harness';
import { describeRow, pairedRow, soloRow, writeResults, type MetricRow } from './lib/results';
import { alternate, repeat } from './lib/samples';
import { percentile } from './lib/stats';
import type { CasesBenchApi } from './page/casesMain';

const N = Number(process.env['CASES_BENCH_N'] ?? 100_000);
const QUERIES = 240;
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

async function main(): Promise<void> {
  const load = new LoadMonitor();
  const bench = await openBenchPage<CasesBenchApi>('cases.html', 'casesBench');
  const rows: MetricRow[] = [];
  const add = (row: MetricRow) => {
    rows.push(row);
    log(describeRow(row));
  };
  try {
    const { call } = bench;
    const seeded = await call('seed', N, 5000);
    log(
      `seeded ${seeded.docs} docs for ${N} cases in ${(seeded.ms / 1000).toFixed(1)} s (case ~${seeded.bytes} B)`,
    );
    const first = await call('build'); // warm-up (JIT, IndexedDB caches), not counted
    log(`warm-up build ${first.ms.toFixed(0)} ms, ${first.cases} cases of ${first.docs} docs`);

    const build = await alternate(
      async () => (await call('build')).ms,
      async () => (await call('scan', 2000)).ms,
      { log },
    );
    add(
      pairedRow(
        'case-catalog-build-100k',
        'ms',
        build,
        'bare allDocs(include_docs) scan of the same replica in pages of 2000 (the read floor: no fold, no index)',
        {
          note: `${first.docs} docs; the build folds every case with core foldCaseState and builds 4 sort orders + search text`,
        },
      ),
    );

    let source: string | null = null;
    const restart = await alternate(
      async () => {
        const r = await call('restart');
        source = r.source;
        return r.ms;
      },
      async () => (await call('build')).ms,
      { log },
    );
    add(
      pairedRow(
        'case-catalog-restart-100k',
        'ms',
        restart,
        'a build from the documents (as case-catalog-build-100k), same replica, same run',
        {
          note: `ours = dispose + start again from the local _local snapshot (source: ${String(source)}) until settled`,
        },
      ),
    );

    const queries = makeQueries(QUERIES);
    await call('run', queries.slice(0, 20), 'catalog'); // warm-up (JIT), not counted
    await call('run', queries.slice(0, 20), 'naive');
    const latencies = { catalog: [] as number[][], naive: [] as number[][] };
    let mismatches = 0;
    let reference: string[] | null = null;
    const pass = async (side: 'catalog' | 'naive') => {
      const r = await call('run', queries, side);
      latencies[side].push(r.ms);
      reference ??= r.signatures;
      mismatches += r.signatures.filter((sig, i) => sig !== reference?.[i]).length;
      return r.ms;
    };
    const p95 = await alternate(
      async () => percentile(await pass('catalog'), 95),
      async () => percentile(await pass('naive'), 95),
      { log },
    );
    const naiveName =
      'naive Array filter + full sort of the same summaries per query (tests/support/renderer/naiveQuery.ts), same page, same run';
    const queryNote = `${QUERIES} first-page queries (limit 50) mixing type/status/judge/warning filters, 4 sort fields × 2 directions and number/party searches; one sample = one pass; ${mismatches} of ${QUERIES * p95.ours.length * 2} query results differed from the first pass's`;
    add(
      pairedRow('case-query-p95', 'ms (p95 of a pass)', p95, naiveName, {
        note: queryNote,
        queries: QUERIES,
      }),
    );
    add(
      pairedRow(
        'case-query-p50',
        'ms (p50 of a pass)',
        {
          ours: latencies.catalog.map((xs) => percentile(xs, 50)),
          baseline: latencies.naive.map((xs) => percentile(xs, 50)),
          order: p95.order,
        },
        naiveName,
        { note: 'the same passes as case-query-p95' },
      ),
    );

    const changed = await repeat(async (round) => (await call('change', 1000, round)).ms, { log });
    add(
      soloRow(
        'case-catalog-incremental-1k',
        'ms',
        changed,
        'nothing else re-folds changed cases; 1000 case documents rewritten locally, time until the catalog has re-folded them all',
      ),
    );
    if (mismatches > 0) log(`WARNING: ${mismatches} query results differed between passes or sides`);
    const file = writeResults('cases', rows, machineInfo(load, bench.chromium), {
      setup: `${N} cases (${seeded.docs} docs: case ~${seeded.bytes} B UTF-8 + caseNumber, assignment, events) in Chromium IndexedDB (pouchdb indexeddb adapter)`,
      queryMismatches: mismatches,
    });
    log(`wrote ${file}`);
  } finally {
    await bench.close();
  }
}

await main();
