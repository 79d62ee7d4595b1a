/**
 * Guard overhead benchmark: the same workload through our guarded embedded server and through raw
 * express-pouchdb 4.2.0 without the guard (baseline), measured in the same run. Appends
 * `{ metric, unit, ours, baseline, baselineName }` entries to tests/bench/results/server.json.
 * Never asserts on time (docs/product-rules.md §8.5: benchmarks are measured, not asserted).
 *
 *   npx tsx tests/bench/guard.ts
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { startEmbeddedServer } from '../../sync-server/src/embedded/embeddedServer';

/** One measured figure. */
export interface Result {
  metric: string;
  unit: string;
  ours: number;
  baseline: number;
  baselineName: string;
  measuredAt?: string;
}

const require = createRequire(import.meta.url);
const DOCS = 10_000;
const BATCH = 1_000;
const ROUNDS = 2;
const BASELINE = 'express-pouchdb 4.2.0 (fullCouchDB, admin set, no guard)';

interface Endpoint {
  url: string;
  auth: string;
  close(): Promise<void>;
}

async function startBaseline(dir: string, admin: { name: string; password: string }): Promise<Endpoint> {
  mkdirSync(join(dir, 'db'), { recursive: true });
  const PouchDB = (require('pouchdb-node') as { defaults(o: object): unknown }).defaults({
    prefix: join(dir, 'db') + '/',
  });
  const expressPouchDB = require('express-pouchdb') as (o: object) => express.Express & {
    couchConfig: { set(s: string, k: string, v: string, cb: () => void): void };
    setPouchDB(p: unknown): Promise<void>;
  };
  const ep = expressPouchDB({
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: join(dir, 'log.txt'),
    overrideMode: { exclude: ['routes/fauxton', 'routes/http-log'] },
  });
  await new Promise<void>((r) => ep.couchConfig.set('admins', admin.name, admin.password, r));
  await new Promise<void>((r) => ep.couchConfig.set('log', 'level', 'error', r));
  await ep.setPouchDB(PouchDB);
  const app = express();
  app.use(ep);
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    auth: basic(admin),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function basic(c: { name: string; password: string }): string {
  return 'Basic ' + Buffer.from(`${c.name}:${c.password}`).toString('base64');
}

function makeDocs(prefix: string): Array<Record<string, unknown>> {
  const filler = '案件摘要'.repeat(60); // ~720 bytes of UTF-8
  return Array.from({ length: DOCS }, (_, i) => ({
    _id: `${prefix}:${String(i).padStart(6, '0')}`,
    type: 'case',
    caseNumber: `（2026）甘0402民初${i + 1}号`,
    parties: [{ name: `当事人${i}`, role: 'plaintiff' }],
    summary: filler,
    filedAt: '2026-03-01',
  }));
}

async function req(e: Endpoint, method: string, path: string, body?: unknown): Promise<string> {
  const res = await fetch(e.url + path, {
    method,
    headers: { authorization: e.auth, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

async function measureWrite(e: Endpoint, db: string): Promise<number> {
  await req(e, 'PUT', `/${db}`);
  const docs = makeDocs(db);
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += BATCH)
    await req(e, 'POST', `/${db}/_bulk_docs`, { docs: docs.slice(i, i + BATCH) });
  return performance.now() - t0;
}

async function measureRead(e: Endpoint, db: string): Promise<number> {
  const t0 = performance.now();
  const text = await req(e, 'GET', `/${db}/_all_docs?include_docs=true`);
  const elapsed = performance.now() - t0;
  const rows = (JSON.parse(text) as { rows: unknown[] }).rows.length;
  if (rows !== DOCS) throw new Error(`expected ${DOCS} rows, got ${rows}`);
  return elapsed;
}

const VDU =
  'function (newDoc) { if (newDoc.type === "case" && !newDoc.caseNumber) throw({ forbidden: "caseNumber required" }); }';

async function measureWriteWithVdu(e: Endpoint, db: string): Promise<number> {
  await req(e, 'PUT', `/${db}`);
  await req(e, 'PUT', `/${db}/_design/rules`, { validate_doc_update: VDU });
  const docs = makeDocs(db).slice(0, DOCS / 2);
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += BATCH)
    await req(e, 'POST', `/${db}/_bulk_docs`, { docs: docs.slice(i, i + BATCH) });
  return performance.now() - t0;
}

const SINGLE_GETS = 1_000;

async function measureSingleGets(e: Endpoint, db: string): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < SINGLE_GETS; i++)
    await req(e, 'GET', `/${db}/${encodeURIComponent(`${db}:${String(i).padStart(6, '0')}`)}`);
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs the benchmark and appends its results to tests/bench/results/server.json. */
export async function runServerBench(): Promise<Result[]> {
  const root = mkdtempSync(join(tmpdir(), 'courtdesk-bench-'));
  const admin = { name: 'admin', password: 'bench-password' };
  const oursServer = await startEmbeddedServer({
    dataDir: join(root, 'ours'),
    port: 0,
    admin,
    logger: () => undefined,
  });
  const ours: Endpoint = { url: oursServer.url, auth: basic(admin), close: () => oursServer.close() };
  const base = await startBaseline(join(root, 'baseline'), admin);
  const samples = {
    oursW: [] as number[],
    baseW: [] as number[],
    oursR: [] as number[],
    baseR: [] as number[],
    oursV: [] as number[],
    baseV: [] as number[],
    oursG: [] as number[],
    baseG: [] as number[],
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order so neither side always runs warm.
      const order: Array<[Endpoint, 'ours' | 'base']> =
        round % 2 === 0
          ? [
              [ours, 'ours'],
              [base, 'base'],
            ]
          : [
              [base, 'base'],
              [ours, 'ours'],
            ];
      for (const [e, who] of order) {
        const db = `bench_${who}_${round}`;
        samples[`${who}W`].push(await measureWrite(e, db));
        samples[`${who}R`].push(await measureRead(e, db));
        samples[`${who}G`].push(await measureSingleGets(e, db));
        samples[`${who}V`].push(await measureWriteWithVdu(e, `${db}_vdu`));
      }
    }
  } finally {
    await ours.close();
    await base.close();
    rmSync(root, { recursive: true, force: true });
  }
  const measuredAt = new Date().toISOString();
  const results: Result[] = [
    {
      metric: `server _bulk_docs write ${DOCS} ~1KB docs (batches of ${BATCH})`,
      unit: 'ms',
      ours: round1(median(samples.oursW)),
      baseline: round1(median(samples.baseW)),
      baselineName: BASELINE,
      measuredAt,
    },
    {
      metric: `server _all_docs?include_docs=true read ${DOCS} docs`,
      unit: 'ms',
      ours: round1(median(samples.oursR)),
      baseline: round1(median(samples.baseR)),
      baselineName: BASELINE,
      measuredAt,
    },
    {
      metric: `server ${SINGLE_GETS} sequential GET /{db}/{doc} (Basic auth; per-request guard cost)`,
      unit: 'ms',
      ours: round1(median(samples.oursG)),
      baseline: round1(median(samples.baseG)),
      baselineName: BASELINE,
      measuredAt,
    },
    {
      metric: `server _bulk_docs write ${DOCS / 2} docs with a validate_doc_update (ours: vm sandbox; baseline: unsandboxed)`,
      unit: 'ms',
      ours: round1(median(samples.oursV)),
      baseline: round1(median(samples.baseV)),
      baselineName: BASELINE,
      measuredAt,
    },
  ];
  appendResults(results);
  return results;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function appendResults(results: Result[]): void {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'server.json');
  mkdirSync(dirname(file), { recursive: true });
  const existing: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const list = Array.isArray(existing) ? existing : [];
  writeFileSync(
    file,
    JSON.stringify(
      [...list.filter((r: { metric?: unknown }) => !results.some((n) => n.metric === r.metric)), ...results],
      null,
      2,
    ) + '\n',
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await runServerBench();
  for (const r of results)
    process.stdout.write(
      `${r.metric}: ours ${r.ours} ${r.unit}, baseline ${r.baseline} ${r.unit} (${r.baselineName})\n`,
    );
}
