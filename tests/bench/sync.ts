/**
 * Sync benchmark (issue 3): in Chromium, against the embedded server (or COUCH_URL), through the
 * app host's same-origin `/couch` proxy. Every figure has a baseline measured in the same run;
 * nothing passes or fails on time. Writes tests/bench/results/sync.json (overwritten each run).
 *
 *   npm run bench sync        (or: npx tsx tests/bench/sync.ts)
 *
 * Env: SYNC_BENCH_BIG (default 100000) and SYNC_BENCH_SMALL (default 10000) change the sizes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createDb } from '../support/couchTarget';
import type { Adapter } from './lib/benchApi';
import { call, couchPath, fillServerDb, startBenchEnv } from './lib/harness';
import { loadAverage, machineInfo } from './lib/machine';
import { percentile, round1 } from './lib/stats';

/** One row of results/sync.json. */
export interface SyncResult {
  metric: string;
  unit: string;
  ours: number | null;
  baseline: number | null;
  baselineName: string;
  measuredAt: string;
  adapter: string;
  target?: string;
  targetMet?: boolean;
  note?: string;
  machine: Record<string, unknown>;
}

const SMALL = Number(process.env.SYNC_BENCH_SMALL ?? 10_000);
const BIG = Number(process.env.SYNC_BENCH_BIG ?? 100_000);
/** The adapter CourtDesk uses (docs/adapter-choice.md); the other one is the adapter baseline. */
const CHOSEN: Adapter = 'indexeddb';
const OTHER: Adapter = 'idb';
/** seedFreshReplica's page size under test (its default) and the alternatives measured. */
const SEED_BATCH = 2000;
const SEED_BATCH_ALTERNATIVES = [500, 5000];
/** Tuned push batch (PouchDB default: 100 docs, 10 batches in flight). */
const PUSH_BATCH = 1000;
const LIVE_EDITS = 200;
const QUERY_RUNS = 60;
const SCAN_RUNS = 5;
const SINGLE_PUTS = 500;

const rows: Array<Omit<SyncResult, 'measuredAt' | 'machine'>> = [];
const started = Date.now();

function log(line: string): void {
  process.stdout.write(`[sync bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
}

function add(row: Omit<SyncResult, 'measuredAt' | 'machine' | 'adapter'> & { adapter?: string }): void {
  const full = {
    adapter: CHOSEN,
    ...row,
    ours: row.ours === null ? null : round1(row.ours),
    baseline: row.baseline === null ? null : round1(row.baseline),
  };
  rows.push(full);
  log(
    `${full.metric}: ours ${full.ours} ${full.unit}, baseline ${full.baseline} ${full.unit} (${full.baselineName})${full.target ? ` target ${full.target}: ${full.targetMet ? 'met' : 'NOT met'}` : ''}`,
  );
}

const loadAtStart = loadAverage();
let chromium = 'unknown';

async function freshReplica(page: Page, size: number, db: string, keepOurs: string | null): Promise<void> {
  const remote = couchPath(db);
  // Alternate who goes first between sizes so neither side always runs on a warm server cache.
  const oursFirst = size === SMALL;
  let ours = 0;
  let base = 0;
  let liveRead = 0;
  const runOurs = async (): Promise<void> => {
    const r = await call(page, 'seed', keepOurs ?? `fr-ours-${size}`, CHOSEN, remote, SEED_BATCH, 'live');
    ours = r.ms;
    liveRead = r.liveDocsRead;
    if (!r.progressMonotonic || r.lastProgress?.done !== r.lastProgress?.total)
      log(`WARNING progress not monotonic/complete: ${JSON.stringify(r.lastProgress)}`);
  };
  const runBase = async (): Promise<void> => {
    base = (await call(page, 'pull', `fr-base-${size}`, CHOSEN, remote, {})).ms;
    await call(page, 'destroy', `fr-base-${size}`, CHOSEN);
  };
  if (oursFirst) {
    await runOurs();
    await runBase();
  } else {
    await runBase();
    await runOurs();
  }
  if (!keepOurs) await call(page, 'destroy', `fr-ours-${size}`, CHOSEN);
  const name =
    size === 100_000 ? 'fresh-replica-100k' : size === 10_000 ? 'fresh-replica-10k' : `fresh-replica-${size}`;
  add({
    metric: name,
    unit: 'ms',
    ours,
    baseline: base,
    baselineName:
      'PouchDB 9 replicate.from(remote) with default options (batch_size 100, batches_limit 10), same data, same run',
    ...(size === BIG ? { target: '≤ 0.5× baseline', targetMet: ours <= 0.5 * base } : {}),
    note: `ours = seedFreshReplica(batchSize ${SEED_BATCH}) + live pull until caught up (it read ${liveRead} docs); ${size} ~1 KB docs; ratio ${round1((ours / base) * 100) / 100}`,
  });
}

async function main(): Promise<void> {
  const env = await startBenchEnv();
  chromium = env.browser.version();
  try {
    const page = await env.newPage();
    log(`target ${env.target.embedded ? 'embedded server' : env.target.url}; sizes ${SMALL}/${BIG}`);
    log(`server fill ${SMALL}: ${(await fillServerDb(env.target, 'bench_small', SMALL)).toFixed(0)} ms`);
    log(`server fill ${BIG}: ${(await fillServerDb(env.target, 'bench_big', BIG)).toFixed(0)} ms`);

    await fillServerDb(env.target, 'bench_live', 100, { prefix: 'live' });
    // Warm-up (JIT, IndexedDB, server caches) so the first measured side is not the cold one.
    for (const a of [CHOSEN, OTHER]) {
      await call(page, 'seed', 'warm', a, couchPath('bench_live'), SEED_BATCH, 'oneshot');
      await call(page, 'pull', 'warm2', a, couchPath('bench_live'), {});
      await call(page, 'destroy', 'warm', a);
      await call(page, 'destroy', 'warm2', a);
    }

    await freshReplica(page, SMALL, 'bench_small', null);

    for (const bs of SEED_BATCH_ALTERNATIVES) {
      const alt = await call(page, 'seed', `batch-${bs}`, CHOSEN, couchPath('bench_small'), bs, 'none');
      await call(page, 'destroy', `batch-${bs}`, CHOSEN);
      const def = await call(page, 'seed', `batch-def`, CHOSEN, couchPath('bench_small'), SEED_BATCH, 'none');
      await call(page, 'destroy', `batch-def`, CHOSEN);
      add({
        metric: `seed-batch-${bs}-10k`,
        unit: 'ms',
        ours: def.ms,
        baseline: alt.ms,
        baselineName: `seedFreshReplica with batchSize ${bs} (ours: ${SEED_BATCH})`,
      });
    }

    // Adapter comparison, pull of a fresh replica (default replication and our seed) and local writes.
    const pulls: Record<Adapter, number> = { indexeddb: 0, idb: 0 };
    const seeds: Record<Adapter, number> = { indexeddb: 0, idb: 0 };
    const bulk: Record<Adapter, number> = { indexeddb: 0, idb: 0 };
    const single: Record<Adapter, number> = { indexeddb: 0, idb: 0 };
    for (const a of [OTHER, CHOSEN]) {
      pulls[a] = (await call(page, 'pull', 'ad-pull', a, couchPath('bench_small'), {})).ms;
      await call(page, 'destroy', 'ad-pull', a);
      seeds[a] = (await call(page, 'seed', 'ad-seed', a, couchPath('bench_small'), SEED_BATCH, 'none')).ms;
      await call(page, 'destroy', 'ad-seed', a);
      bulk[a] = await call(page, 'generate', 'ad-write', a, 0, SMALL, 1000, 'push');
      single[a] = await call(page, 'singlePuts', 'ad-single', a, SINGLE_PUTS, 'single');
      await call(page, 'destroy', 'ad-single', a);
      if (a !== CHOSEN) await call(page, 'destroy', 'ad-write', a);
    }
    const adapterName = (what: string): string =>
      `pouchdb-adapter-idb (PouchDB's classic IndexedDB adapter), ${what}`;
    add({
      metric: 'adapter-pull-10k',
      unit: 'ms',
      ours: pulls[CHOSEN],
      baseline: pulls[OTHER],
      baselineName: adapterName('default replicate.from'),
    });
    add({
      metric: 'adapter-seed-10k',
      unit: 'ms',
      ours: seeds[CHOSEN],
      baseline: seeds[OTHER],
      baselineName: adapterName('seedFreshReplica'),
    });
    add({
      metric: 'adapter-bulk-write-10k',
      unit: 'ms',
      ours: bulk[CHOSEN],
      baseline: bulk[OTHER],
      baselineName: adapterName('bulkDocs, batches of 1000'),
    });
    add({
      metric: 'adapter-single-put',
      unit: 'ms/put',
      ours: single[CHOSEN] / SINGLE_PUTS,
      baseline: single[OTHER] / SINGLE_PUTS,
      baselineName: adapterName(`${SINGLE_PUTS} sequential put()`),
    });

    // Push: the 10k docs just written locally (indexeddb), to two empty server databases.
    await createDb(env.target, 'bench_push_base');
    await createDb(env.target, 'bench_push_ours');
    const pushBase = await call(page, 'push', 'ad-write', CHOSEN, couchPath('bench_push_base'), {});
    const pushOurs = await call(page, 'push', 'ad-write', CHOSEN, couchPath('bench_push_ours'), {
      batchSize: PUSH_BATCH,
    });
    await call(page, 'destroy', 'ad-write', CHOSEN);
    add({
      metric: 'push-10k',
      unit: 'ms',
      ours: pushOurs.ms,
      baseline: pushBase.ms,
      baselineName: 'PouchDB replicate.to with default options (batch_size 100)',
      note: `ours: batch_size ${PUSH_BATCH}; ${pushOurs.docsWritten} docs written`,
    });

    // Live propagation between two workstations (two browser contexts) over LIVE_EDITS edits.
    const pageB = await env.newPage();
    for (const p of [page, pageB]) {
      await call(p, 'seed', 'live', CHOSEN, couchPath('bench_live'), SEED_BATCH, 'none');
      await call(p, 'startSync', 'live', CHOSEN, couchPath('bench_live'));
    }
    const latencies: number[] = [];
    for (let i = 0; i < LIVE_EDITS; i++) {
      const [from, to] = i % 2 === 0 ? [page, pageB] : [pageB, page];
      const id = `live:${String(i % 100).padStart(7, '0')}`;
      const { rev, at } = await call(from, 'edit', 'live', CHOSEN, id, i);
      const handle = await to.waitForFunction(
        ({ id, rev }) => window.bench.arrival(id, rev),
        { id, rev },
        { timeout: 30_000, polling: 10 },
      );
      latencies.push(((await handle.jsonValue()) as number) - at);
    }
    for (const p of [page, pageB]) await call(p, 'stopSync', 'live');
    await pageB.context().close();
    const p95 = percentile(latencies, 95);
    add({
      metric: 'live-p50',
      unit: 'ms',
      ours: percentile(latencies, 50),
      baseline: null,
      baselineName: 'none',
      note: `${LIVE_EDITS} edits alternating between two replicas (two browser contexts), live sync({live, retry})`,
    });
    add({
      metric: 'live-p95',
      unit: 'ms',
      ours: p95,
      baseline: null,
      baselineName: 'none',
      target: '≤ 1000 ms',
      targetMet: p95 <= 1000,
    });

    // Big fresh replica; ours is kept for the query benchmark.
    await freshReplica(page, BIG, 'bench_big', 'q-big');

    const q: Record<Adapter, { build: number; lat: number[] }> = {
      indexeddb: { build: 0, lat: [] },
      idb: { build: 0, lat: [] },
    };
    q[CHOSEN].build = await call(page, 'createIndex', 'q-big', CHOSEN);
    q[CHOSEN].lat = await call(page, 'queryLatencies', 'q-big', CHOSEN, QUERY_RUNS);
    const scan = await call(page, 'scanLatencies', 'q-big', CHOSEN, SCAN_RUNS);
    await call(page, 'destroy', 'q-big', CHOSEN);
    const qp95 = percentile(q[CHOSEN].lat, 95);
    add({
      metric: 'case-query-p95',
      unit: 'ms',
      ours: qp95,
      baseline: percentile(scan, 95),
      baselineName: `full scan: allDocs({include_docs}) + filter, ${SCAN_RUNS} runs`,
      target: '≤ 50 ms',
      targetMet: qp95 <= 50,
      note: `pouchdb-find index [status, judge], limit 50, ${QUERY_RUNS} runs over ${BIG} local ~1 KB case docs`,
    });
    add({
      metric: 'case-query-p50',
      unit: 'ms',
      ours: percentile(q[CHOSEN].lat, 50),
      baseline: percentile(scan, 50),
      baselineName: 'full scan: allDocs({include_docs}) + filter',
    });

    // The same index and query on the other adapter (seeded with our seed to save time).
    await call(page, 'seed', 'q-big-other', OTHER, couchPath('bench_big'), SEED_BATCH, 'none');
    q[OTHER].build = await call(page, 'createIndex', 'q-big-other', OTHER);
    q[OTHER].lat = await call(page, 'queryLatencies', 'q-big-other', OTHER, QUERY_RUNS);
    await call(page, 'destroy', 'q-big-other', OTHER);
    const an = (what: string): string => `pouchdb-adapter-idb, ${what}`;
    add({
      metric: 'adapter-index-build-100k',
      unit: 'ms',
      ours: q[CHOSEN].build,
      baseline: q[OTHER].build,
      baselineName: an('createIndex + first find'),
    });
    add({
      metric: 'adapter-query-100k-p50',
      unit: 'ms',
      ours: percentile(q[CHOSEN].lat, 50),
      baseline: percentile(q[OTHER].lat, 50),
      baselineName: an('same find'),
    });
    add({
      metric: 'adapter-query-100k-p95',
      unit: 'ms',
      ours: percentile(q[CHOSEN].lat, 95),
      baseline: percentile(q[OTHER].lat, 95),
      baselineName: an('same find'),
    });
  } finally {
    await env.close();
  }
  const measuredAt = new Date().toISOString();
  const m = machineInfo(loadAtStart, chromium);
  const results: SyncResult[] = rows.map((r) => ({ ...r, measuredAt, machine: m }));
  const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'sync.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${file} (${results.length} metrics) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await main();
