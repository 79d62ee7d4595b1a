/**
 * Sync benchmark: in Chromium, against the embedded server (or COUCH_URL), through the app host's
 * same-origin `/couch` proxy. Every metric has ≥ 3 samples per side, ours and the baseline
 * alternating (lib/samples.ts), with median and spread in tests/bench/results/sync.json; nothing
 * passes or fails on time (docs/product-rules.md §8.5). At the end, the last fresh replica seeded in
 * bulk is compared with the last one PouchDB replicated: same ids, revisions, conflicts, attachments.
 * The case query the app ships is measured by tests/bench/cases.ts (`case-query-p95`).
 *
 *   npm run bench sync        (or: npx tsx tests/bench/sync.ts)
 *
 * Env: SYNC_BENCH_BIG (default 100000) and SYNC_BENCH_SMALL (default 10000) change the sizes.
 */
import type { Page } from 'playwright-core';
import { createDb } from '../support/couchTarget';
import type { Adapter } from './lib/benchApi';
import { call, couchPath, fillServerDb, startBenchEnv } from './lib/harness';
import { LoadMonitor, machineInfo } from './lib/machine';
import { compareReplicas } from './lib/replicas';
import { describeRow, pairedRow, soloRow, writeResults, type MetricRow } from './lib/results';
import { alternate, repeat, ROUNDS } from './lib/samples';
import { percentile } from './lib/stats';
import { addVariety } from './lib/variety';

const SMALL = Number(process.env['SYNC_BENCH_SMALL'] ?? 10_000);
const BIG = Number(process.env['SYNC_BENCH_BIG'] ?? 100_000);
/** The adapter CourtDesk uses (docs/adapter-choice.md); the other one is the adapter baseline. */
const CHOSEN: Adapter = 'indexeddb';
const OTHER: Adapter = 'idb';
/** seedFreshReplica's page size under test (its default) and the alternatives measured. */
const SEED_BATCH = 2000;
const SEED_BATCH_ALTERNATIVES = [500, 5000];
/** Tuned push batch (PouchDB default: 100 docs, 10 batches in flight). */
const PUSH_BATCH = 1000;
const LIVE_EDITS_PER_ROUND = 100;
const SINGLE_PUTS = 500;
const DEFAULT_PULL =
  'PouchDB 9 replicate.from(remote) with default options (batch_size 100, batches_limit 10)';

const started = Date.now();
const rows: MetricRow[] = [];
function log(line: string): void {
  process.stdout.write(`[sync bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
}
function add(row: MetricRow): void {
  rows.push(row);
  log(describeRow(row));
}
const sizeName = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** Ours: seedFreshReplica + a live pull until caught up. Baseline: default replication. */
async function freshReplica(
  page: Page,
  db: string,
  size: number,
  keepLast: boolean,
): Promise<{ oursName: string; baseName: string; liveRead: number[] }> {
  const liveRead: number[] = [];
  const name = (side: string, r: number) => `fr-${side}-${size}-${r}`;
  const samples = await alternate(
    async (r) => {
      const run = await call(page, 'seed', name('ours', r), CHOSEN, couchPath(db), SEED_BATCH, 'live');
      liveRead.push(run.liveDocsRead);
      if (!run.progressMonotonic || run.lastProgress?.done !== run.lastProgress?.total)
        log(`WARNING progress not monotonic/complete: ${JSON.stringify(run.lastProgress)}`);
      return run.ms;
    },
    async (r) => (await call(page, 'pull', name('base', r), CHOSEN, couchPath(db), {})).ms,
    {
      log,
      after: async (r) => {
        if (keepLast && r === ROUNDS - 1) return;
        await call(page, 'destroy', name('ours', r), CHOSEN);
        await call(page, 'destroy', name('base', r), CHOSEN);
      },
    },
  );
  add(
    pairedRow(`fresh-replica-${sizeName(size)}`, 'ms', samples, `${DEFAULT_PULL}, same data, same run`, {
      ...(size === BIG ? { target: '≤ 0.5× baseline' } : {}),
      note: `ours = seedFreshReplica(batchSize ${SEED_BATCH}) + live pull until caught up (it read ${liveRead.join('/')} docs); ${size} ~1 KB docs`,
    }),
  );
  const last = samples.ours.length - 1;
  return { oursName: name('ours', last), baseName: name('base', last), liveRead };
}

async function adapters(page: Page): Promise<void> {
  const small = couchPath('bench_small');
  const pull = await alternate(
    async (r) => (await call(page, 'pull', `ad-pull-${r}`, CHOSEN, small, {})).ms,
    async (r) => (await call(page, 'pull', `ad-pull-${r}`, OTHER, small, {})).ms,
    {
      log,
      after: async (r) => {
        await call(page, 'destroy', `ad-pull-${r}`, CHOSEN);
        await call(page, 'destroy', `ad-pull-${r}`, OTHER);
      },
    },
  );
  const seed = await alternate(
    async (r) => (await call(page, 'seed', `ad-seed-${r}`, CHOSEN, small, SEED_BATCH, 'none')).ms,
    async (r) => (await call(page, 'seed', `ad-seed-${r}`, OTHER, small, SEED_BATCH, 'none')).ms,
    {
      log,
      after: async (r) => {
        await call(page, 'destroy', `ad-seed-${r}`, CHOSEN);
        await call(page, 'destroy', `ad-seed-${r}`, OTHER);
      },
    },
  );
  const bulk = await alternate(
    async (r) => call(page, 'generate', `ad-write-${r}`, CHOSEN, 0, SMALL, 1000, 'push'),
    async (r) => call(page, 'generate', `ad-write-${r}`, OTHER, 0, SMALL, 1000, 'push'),
    {
      log,
      after: async (r) => {
        await call(page, 'destroy', `ad-write-${r}`, CHOSEN);
        await call(page, 'destroy', `ad-write-${r}`, OTHER);
      },
    },
  );
  const single = await alternate(
    async (r) =>
      (await call(page, 'singlePuts', `ad-single-${r}`, CHOSEN, SINGLE_PUTS, 'single')) / SINGLE_PUTS,
    async (r) =>
      (await call(page, 'singlePuts', `ad-single-${r}`, OTHER, SINGLE_PUTS, 'single')) / SINGLE_PUTS,
    {
      log,
      after: async (r) => {
        await call(page, 'destroy', `ad-single-${r}`, CHOSEN);
        await call(page, 'destroy', `ad-single-${r}`, OTHER);
      },
    },
  );
  const other = (what: string) => `pouchdb-adapter-idb (PouchDB's classic IndexedDB adapter), ${what}`;
  add(pairedRow(`adapter-pull-${sizeName(SMALL)}`, 'ms', pull, other('default replicate.from')));
  add(pairedRow(`adapter-seed-${sizeName(SMALL)}`, 'ms', seed, other('seedFreshReplica')));
  add(pairedRow(`adapter-bulk-write-${sizeName(SMALL)}`, 'ms', bulk, other('bulkDocs, batches of 1000')));
  add(pairedRow('adapter-single-put', 'ms/put', single, other(`${SINGLE_PUTS} sequential put()`)));
}

async function push(page: Page, env: Awaited<ReturnType<typeof startBenchEnv>>): Promise<void> {
  // One local source of SMALL documents, pushed to a new empty server database per sample.
  await call(page, 'generate', 'push-src', CHOSEN, 0, SMALL, 1000, 'push');
  let written = 0;
  const samples = await alternate(
    async (r) => {
      await createDb(env.target, `bench_push_ours_${r}`);
      const res = await call(page, 'push', 'push-src', CHOSEN, couchPath(`bench_push_ours_${r}`), {
        batchSize: PUSH_BATCH,
      });
      written = res.docsWritten;
      return res.ms;
    },
    async (r) => {
      await createDb(env.target, `bench_push_base_${r}`);
      return (await call(page, 'push', 'push-src', CHOSEN, couchPath(`bench_push_base_${r}`), {})).ms;
    },
    { log },
  );
  await call(page, 'destroy', 'push-src', CHOSEN);
  add(
    pairedRow(
      `push-${sizeName(SMALL)}`,
      'ms',
      samples,
      'PouchDB replicate.to with default options (batch_size 100)',
      {
        note: `ours: batch_size ${PUSH_BATCH}; ${written} docs written per sample, each into a new empty server database`,
      },
    ),
  );
}

async function live(env: Awaited<ReturnType<typeof startBenchEnv>>, page: Page): Promise<void> {
  const pageB = await env.newPage();
  for (const p of [page, pageB]) {
    await call(p, 'seed', 'live', CHOSEN, couchPath('bench_live'), SEED_BATCH, 'none');
    await call(p, 'startSync', 'live', CHOSEN, couchPath('bench_live'));
  }
  const rounds: number[][] = [];
  let edit = 0;
  await repeat(
    async () => {
      const latencies: number[] = [];
      for (let i = 0; i < LIVE_EDITS_PER_ROUND; i++, edit++) {
        const [from, to] = edit % 2 === 0 ? [page, pageB] : [pageB, page];
        const id = `live:${String(edit % 100).padStart(7, '0')}`;
        const { rev, at } = await call(from, 'edit', 'live', CHOSEN, id, edit);
        const handle = await to.waitForFunction(
          ({ id, rev }) => window.bench.arrival(id, rev),
          { id, rev },
          { timeout: 30_000, polling: 10 },
        );
        latencies.push(((await handle.jsonValue()) as number) - at);
      }
      rounds.push(latencies);
      return percentile(latencies, 95);
    },
    { log },
  );
  for (const p of [page, pageB]) await call(p, 'stopSync', 'live');
  await pageB.context().close();
  const why =
    'nothing else propagates an edit between two workstations; two replicas (two browser contexts), live sync({live, retry})';
  const note = `${LIVE_EDITS_PER_ROUND} edits per sample, alternating between the replicas`;
  add(
    soloRow(
      'live-p50',
      'ms (p50 of a sample)',
      rounds.map((l) => percentile(l, 50)),
      why,
      { note },
    ),
  );
  add(
    soloRow(
      'live-p95',
      'ms (p95 of a sample)',
      rounds.map((l) => percentile(l, 95)),
      why,
      { note, target: '≤ 1000 ms' },
    ),
  );
}

async function main(): Promise<void> {
  const load = new LoadMonitor();
  const env = await startBenchEnv();
  const chromium = env.browser.version();
  let comparison: Record<string, unknown> = {};
  try {
    const page = await env.newPage();
    log(`target ${env.target.embedded ? 'embedded server' : env.target.url}; sizes ${SMALL}/${BIG}`);
    log(`server fill ${SMALL}: ${(await fillServerDb(env.target, 'bench_small', SMALL)).toFixed(0)} ms`);
    log(`server fill ${BIG}: ${(await fillServerDb(env.target, 'bench_big', BIG)).toFixed(0)} ms`);
    const variety = await addVariety(env.target, 'bench_big', { count: Math.min(200, Math.floor(BIG / 4)) });
    log(`bench_big: ${JSON.stringify(variety)}`);
    await fillServerDb(env.target, 'bench_live', 100, { prefix: 'live' });
    // Warm-up (JIT, IndexedDB, server caches) so the first measured side is not the cold one.
    for (const a of [CHOSEN, OTHER]) {
      await call(page, 'seed', 'warm', a, couchPath('bench_live'), SEED_BATCH, 'oneshot');
      await call(page, 'pull', 'warm2', a, couchPath('bench_live'), {});
      await call(page, 'destroy', 'warm', a);
      await call(page, 'destroy', 'warm2', a);
    }

    await freshReplica(page, 'bench_small', SMALL, false);
    for (const bs of SEED_BATCH_ALTERNATIVES) {
      const batch = await alternate(
        async () =>
          (await call(page, 'seed', 'batch-def', CHOSEN, couchPath('bench_small'), SEED_BATCH, 'none')).ms,
        async () =>
          (await call(page, 'seed', `batch-${bs}`, CHOSEN, couchPath('bench_small'), bs, 'none')).ms,
        {
          log,
          after: async () => {
            await call(page, 'destroy', 'batch-def', CHOSEN);
            await call(page, 'destroy', `batch-${bs}`, CHOSEN);
          },
        },
      );
      add(
        pairedRow(
          `seed-batch-${bs}-${sizeName(SMALL)}`,
          'ms',
          batch,
          `seedFreshReplica with batchSize ${bs} (ours: ${SEED_BATCH})`,
        ),
      );
    }
    await adapters(page);
    await push(page, env);
    await live(env, page);

    const big = await freshReplica(page, 'bench_big', BIG, true);
    const fresh = await call(page, 'fingerprint', big.oursName, CHOSEN);
    const replicated = await call(page, 'fingerprint', big.baseName, CHOSEN);
    const result = compareReplicas(fresh, replicated);
    comparison = {
      metric: `fresh-vs-replicated-${sizeName(BIG)}`,
      what: 'the last fresh replica seeded in bulk (a) against the last one PouchDB replicated (b), live documents: ids, winning revisions, conflicts, attachments (content type, length, digest)',
      ...result,
      same: result.identical === fresh.length && fresh.length === replicated.length,
      tombstones: {
        seeded: await call(page, 'tombstones', big.oursName, CHOSEN),
        replicated: await call(page, 'tombstones', big.baseName, CHOSEN),
        note: `the server holds ${variety.deleted} deleted documents; a bulk seed reads _all_docs, which lists no deleted documents, so the seeded replica has none to show or to replicate back`,
      },
      serverVariety: variety,
    };
    log(`comparison: ${JSON.stringify(comparison)}`);
    await call(page, 'destroy', big.oursName, CHOSEN);
    await call(page, 'destroy', big.baseName, CHOSEN);
  } finally {
    await env.close();
  }
  const file = writeResults('sync', rows, machineInfo(load, chromium), {
    adapter: CHOSEN,
    target: env.target.embedded ? 'embedded server' : 'COUCH_URL',
    freshVsReplicated: comparison,
  });
  log(`wrote ${file} (${rows.length} metrics) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await main();
