/**
 * What the embedded server costs over bare express-pouchdb: the same workload through our guarded
 * server with the real design documents (build/compileDdocs.ts: courtdesk_cases' validate_doc_update
 * with the compiled core schemas, and its `_security`), signed in as a clerk with a session cookie
 * as the app is — and through raw express-pouchdb 4.2.0 with no guard, no design document and the
 * server admin (baseline). ≥ 3 samples per side, alternating (lib/samples.ts); a fresh database per
 * sample. Writes tests/bench/results/server.json. Measured, never asserted (docs/product-rules.md §8.5).
 *
 *   npm run bench guard       (or: npx tsx tests/bench/guard.ts)
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { compileDdocs } from '../../build/compileDdocs';
import { DATABASES } from '../../core/databases';
import { currentVersion } from '../../core/schemas/registry';
import { startEmbeddedServer } from '../../sync-server/src/embedded/embeddedServer';
import { securityFor } from '../../sync-server/src/setup/provision';
import { createUser, embeddedTarget, sessionCookie } from '../support/couchTarget';
import { validFields } from '../support/validDocs';
import { LoadMonitor, machineInfo } from './lib/machine';
import { describeRow, pairedRow, writeResults, type MetricRow } from './lib/results';
import { alternate, type Paired } from './lib/samples';

const require = createRequire(import.meta.url);
const DOCS = Number(process.env['GUARD_BENCH_DOCS'] ?? 10_000);
const BATCH = 1_000;
const SINGLE_GETS = 1_000;
const BASELINE =
  'raw express-pouchdb 4.2.0 (fullCouchDB mode, server admin by Basic auth, no guard, no design document)';
const CLERK = { name: 'clerk.bench', password: 'bench-clerk-pass' };
const started = Date.now();
const log = (m: string) => console.log(`[guard ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

/** One server as the workload sees it: base URL and the request headers that authenticate. */
interface Endpoint {
  url: string;
  headers: Record<string, string>;
  /** Creates an empty database ready for the workload (ours: real ddoc and `_security`). */
  createDb(db: string): Promise<void>;
  close(): Promise<void>;
}

function basic(c: { name: string; password: string }): string {
  return 'Basic ' + Buffer.from(`${c.name}:${c.password}`).toString('base64');
}

async function req(
  url: string,
  headers: Record<string, string>,
  method: string,
  body?: unknown,
): Promise<string> {
  const res = await fetch(url, {
    method,
    headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

async function startOurs(dir: string, admin: { name: string; password: string }): Promise<Endpoint> {
  const server = await startEmbeddedServer({ dataDir: dir, port: 0, admin, logger: () => undefined });
  const target = embeddedTarget(server.url, admin, () => server.close());
  const adminHeaders = { authorization: basic(admin) };
  const spec = DATABASES.find((d) => d.name === 'courtdesk_cases');
  const ddoc = compileDdocs()
    .find((d) => d.db === 'courtdesk_cases')
    ?.docs.find((d) => d._id === '_design/courtdesk');
  if (!spec || !ddoc) throw new Error('no courtdesk_cases design document');
  await createUser(target, CLERK.name, CLERK.password, ['clerk']);
  const cookie = await sessionCookie(target, CLERK.name, CLERK.password);
  return {
    url: server.url,
    headers: { cookie },
    async createDb(db) {
      await req(`${server.url}/${db}`, adminHeaders, 'PUT');
      await req(`${server.url}/${db}/_security`, adminHeaders, 'PUT', securityFor(spec));
      await req(`${server.url}/${db}/_design/courtdesk`, adminHeaders, 'PUT', ddoc);
      // The validator is live: a filing without its fields is refused before anything is timed.
      const probe = await fetch(`${server.url}/${db}/case%3Aprobe`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'case', schemaVersion: currentVersion('case'), createdBy: CLERK.name }),
      });
      if (probe.status !== 403) throw new Error(`${db}: an invalid filing got ${probe.status}, not 403`);
    },
    close: () => server.close(),
  };
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
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { authorization: basic(admin) };
  return {
    url,
    headers,
    createDb: async (db) => void (await req(`${url}/${db}`, headers, 'PUT')),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Valid filings (they pass the real validate_doc_update as a clerk), ids sorted for the GETs. */
function filings(): Array<Record<string, unknown> & { _id: string }> {
  const createdAt = new Date().toISOString();
  return Array.from({ length: DOCS }, () => ({
    _id: `case:${randomUUID()}`,
    ...validFields('case'),
    type: 'case',
    schemaVersion: currentVersion('case'),
    createdAt,
    createdBy: CLERK.name,
  }));
}

/** One sample of each workload on a fresh database: bulk write, `_all_docs` read, single GETs. */
async function workload(e: Endpoint, db: string): Promise<{ write: number; read: number; gets: number }> {
  await e.createDb(db);
  const docs = filings();
  let t0 = performance.now();
  for (let i = 0; i < docs.length; i += BATCH) {
    const text = await req(`${e.url}/${db}/_bulk_docs`, e.headers, 'POST', {
      docs: docs.slice(i, i + BATCH),
    });
    const failed = (JSON.parse(text) as { error?: string }[]).filter((r) => r.error);
    if (failed.length)
      throw new Error(`${db}: ${failed.length} writes refused, e.g. ${JSON.stringify(failed[0])}`);
  }
  const write = performance.now() - t0;
  t0 = performance.now();
  const all = JSON.parse(await req(`${e.url}/${db}/_all_docs?include_docs=true`, e.headers, 'GET')) as {
    rows: { id: string }[];
  };
  const read = performance.now() - t0;
  const caseRows = all.rows.filter((r) => r.id.startsWith('case:'));
  if (caseRows.length !== DOCS) throw new Error(`${db}: expected ${DOCS} cases, read ${caseRows.length}`);
  t0 = performance.now();
  for (const row of caseRows.slice(0, SINGLE_GETS))
    await req(`${e.url}/${db}/${encodeURIComponent(row.id)}`, e.headers, 'GET');
  return { write, read, gets: performance.now() - t0 };
}

async function main(): Promise<void> {
  const load = new LoadMonitor();
  const root = mkdtempSync(join(tmpdir(), 'courtdesk-guardbench-'));
  const admin = { name: 'admin', password: 'bench-password' };
  const ours = await startOurs(join(root, 'ours'), admin);
  const base = await startBaseline(join(root, 'baseline'), admin);
  const reads = { ours: [] as number[], baseline: [] as number[] };
  const gets = { ours: [] as number[], baseline: [] as number[] };
  let writes: Paired;
  try {
    const run = async (side: 'ours' | 'baseline', e: Endpoint, round: number) => {
      const r = await workload(e, `bench_${side}_${round}`);
      reads[side].push(r.read);
      gets[side].push(r.gets);
      return r.write;
    };
    await workload(ours, 'warm_ours'); // warm-up (JIT, LevelDB), not counted
    await workload(base, 'warm_base');
    writes = await alternate(
      (r) => run('ours', ours, r),
      (r) => run('baseline', base, r),
      { log },
    );
  } finally {
    await ours.close();
    await base.close();
    rmSync(root, { recursive: true, force: true });
  }
  const oursSide =
    'guarded embedded server, clerk with a session cookie, real courtdesk_cases design document and _security';
  const rows: MetricRow[] = [
    pairedRow(`server-bulk-write-${DOCS / 1000}k`, 'ms', writes, BASELINE, {
      note: `${DOCS} valid case documents (~1 KB) in _bulk_docs batches of ${BATCH}; ours: ${oursSide} (validate_doc_update runs the compiled core schemas and role rules on every document)`,
    }),
    pairedRow(`server-all-docs-read-${DOCS / 1000}k`, 'ms', { ...writes, ...reads }, BASELINE, {
      note: `GET _all_docs?include_docs=true of the ${DOCS} documents just written; ours: ${oursSide}`,
    }),
    pairedRow(`server-sequential-get-${SINGLE_GETS / 1000}k`, 'ms', { ...writes, ...gets }, BASELINE, {
      note: `${SINGLE_GETS} sequential GET /{db}/{doc}: the per-request cost of authentication and the guard; ours: ${oursSide}`,
    }),
  ];
  for (const r of rows) log(describeRow(r));
  log(`wrote ${writeResults('server', rows, machineInfo(load, 'n/a (Node only)'))}`);
}

await main();
