/**
 * Shared set-up of the worker integration tests: a provisioned server (embedded or COUCH_URL),
 * clerks filing cases over HTTP with their own credentials, worker child processes started and
 * killed by pid, and readers for the documents the worker writes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DEFAULT_COURT } from '../../../core/court';
import { createCouchClient } from '../../../sync-server/src/couch/client';
import { provision } from '../../../sync-server/src/setup/provision';
import { checkpointId } from '../../../sync-server/src/workers/changesFollower';
import { GUARDED_DATABASES } from '../../../sync-server/src/workers/conflictGuard';
import { startWorker, type RunningWorker, type WorkerOptions } from '../../../sync-server/src/workers/worker';
import { couchFetch, deleteUser, type CouchTarget, type Credentials } from '../../support/couchTarget';

const CASES_DB = 'courtdesk_cases';

/** A year no real data uses, so reruns against one COUCH_URL never share a counter. */
export function testYear(): number {
  return 2100 + Math.floor(Math.random() * 800);
}

/** Provisions the target (idempotent). */
export async function provisionTarget(target: CouchTarget): Promise<void> {
  await provision(createCouchClient(target.adminUrl));
}

/**
 * Makes worker `name` start at the current end of the feeds it follows (courtdesk_cases, the
 * conflict guards' databases and the public projection's) unless it has checkpoints already: a test worker then acts only on
 * what its test writes, never on the cases earlier suites left on a reused COUCH_URL server (a
 * fresh worker name otherwise replays the whole history: slow, and on a shared server it drew
 * those cases onto this test's judges, unbalancing the draw the test measures).
 */
export async function startAtFeedEnd(target: CouchTarget, name: string): Promise<void> {
  const feeds: [string, string][] = [
    [CASES_DB, checkpointId(name)],
    ...GUARDED_DATABASES.map((db): [string, string] => [db, checkpointId(`${name}-conflict-guard`)]),
    // The public projection follows both feeds under one checkpoint name.
    [CASES_DB, checkpointId(`${name}-public`)],
    ['courtdesk_enforcement', checkpointId(`${name}-public`)],
  ];
  for (const [db, id] of feeds) {
    const url = `${target.url}/${db}/${id}`;
    if ((await couchFetch(url, { auth: target.admin })).status === 200) continue;
    const info = await couchFetch(`${target.url}/${db}`, { auth: target.admin });
    if (info.status !== 200) throw new Error(`${db}: ${info.status} ${info.text}`);
    const r = await couchFetch(url, {
      method: 'PUT',
      auth: target.admin,
      body: { _id: id, seq: info.body.update_seq, updatedAt: new Date().toISOString() },
    });
    if (r.status !== 201) throw new Error(`checkpoint ${db}/${id}: ${r.status} ${r.text}`);
  }
}

/** {@link startWorker} for a test: starts at the end of its feeds ({@link startAtFeedEnd}). */
export async function startTestWorker(
  target: CouchTarget,
  options: Omit<WorkerOptions, 'couchUrl'> & { name: string },
): Promise<RunningWorker> {
  await startAtFeedEnd(target, options.name);
  return startWorker({ ...options, couchUrl: target.adminUrl });
}

/** Creates (or replaces) a user with roles and optional division; remembered for {@link removeUsers}. */
export async function putUser(
  target: CouchTarget,
  made: string[],
  name: string,
  roles: string[],
  extra: Record<string, unknown> = {},
): Promise<Credentials> {
  const password = `pw-${name}-123`;
  const url = `${target.url}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const old = await couchFetch(url, { auth: target.admin });
  const doc: Record<string, unknown> = {
    _id: `org.couchdb.user:${name}`,
    name,
    type: 'user',
    roles,
    password,
    ...extra,
  };
  if (old.status === 200) doc['_rev'] = old.body._rev;
  const r = await couchFetch(url, { method: 'PUT', auth: target.admin, body: doc });
  if (r.status !== 201 && r.status !== 202) throw new Error(`user ${name}: ${r.status} ${r.text}`);
  made.push(name);
  return { name, password };
}

/** Deletes the users made by {@link putUser}. */
export async function removeUsers(target: CouchTarget, made: string[]): Promise<void> {
  for (const n of made) await deleteUser(target, n);
}

/** A case document as a clerk files it. */
export function caseDoc(
  clerk: string,
  typeCode: string,
  year: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const uuid = randomUUID();
  return {
    _id: `case:${uuid}`,
    type: 'case',
    schemaVersion: 2,
    createdAt: new Date().toISOString(),
    createdBy: clerk,
    court: DEFAULT_COURT.code,
    caseType: typeCode,
    filingDate: `${year}-03-02`,
    cause: '民间借贷纠纷',
    parties: [{ role: 'plaintiff', kind: 'natural', name: '张三' }],
    ...extra,
  };
}

/**
 * Files `docs` over HTTP as `clerk`, `parallel` requests at a time; throws on any refusal. A 5xx
 * (a busy CouchDB timing out while waiting for its copies) is retried, as a client would: the case
 * may have been stored meanwhile, so a 409 after a 5xx counts when the stored case is this one.
 */
export async function fileCases(
  target: CouchTarget,
  clerk: Credentials,
  docs: Record<string, unknown>[],
  parallel = 20,
): Promise<void> {
  let i = 0;
  const lane = async () => {
    while (i < docs.length) {
      const doc = docs[i++] as Record<string, unknown>;
      const url = `${target.url}/courtdesk_cases/${encodeURIComponent(String(doc['_id']))}`;
      let r = await couchFetch(url, { method: 'PUT', auth: clerk, body: doc });
      let stored = false;
      for (let retry = 1; r.status >= 500 && retry <= 5 && !stored; retry++) {
        await new Promise((resolve) => setTimeout(resolve, 500 * retry));
        r = await couchFetch(url, { method: 'PUT', auth: clerk, body: doc });
        stored =
          r.status === 409 &&
          (await couchFetch(url, { auth: target.admin })).body?.createdAt === doc['createdAt'];
      }
      if (!stored && r.status !== 201 && r.status !== 202)
        throw new Error(`filing ${String(doc['_id'])}: ${r.status} ${r.text}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}

/** Documents by id (missing ones absent from the map). */
export async function getDocs(
  target: CouchTarget,
  db: string,
  ids: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (let k = 0; k < ids.length; k += 500) {
    const r = await couchFetch(`${target.url}/${db}/_all_docs?include_docs=true`, {
      method: 'POST',
      auth: target.admin,
      body: { keys: ids.slice(k, k + 500) },
    });
    for (const row of r.body.rows as { key: string; doc?: Record<string, unknown> | null }[])
      if (row.doc) out.set(row.key, row.doc);
  }
  return out;
}

/** Every document whose id starts with `prefix`. */
export async function docsWithPrefix(
  target: CouchTarget,
  db: string,
  prefix: string,
): Promise<Record<string, unknown>[]> {
  const q = new URLSearchParams({
    startkey: JSON.stringify(prefix),
    endkey: JSON.stringify(`${prefix}\ufff0`),
    include_docs: 'true',
  });
  const r = await couchFetch(`${target.url}/${db}/_all_docs?${q.toString()}`, { auth: target.admin });
  return (r.body.rows as { doc: Record<string, unknown> }[]).map((row) => row.doc);
}

/** `caseNumber:<uuid>` of a `case:<uuid>` id. */
export function numberIdOf(caseId: string): string {
  return `caseNumber:${caseId.slice(5)}`;
}

/** Polls `check` until it returns true; throws with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Waits for `check` for as long as the worker moves: a busy server (a shared CouchDB whose feed a
 * new worker replays from the start) is slow, a stuck one does nothing for `stallMs`. `busy` is a
 * counter of work done (e.g. the changes a worker processed, the lines it printed).
 */
export async function waitWhileBusy(
  what: string,
  check: () => Promise<boolean>,
  busy: () => number,
  stallMs = 60_000,
): Promise<void> {
  let moved = Date.now();
  let work = busy();
  await waitFor(
    `${what} (while the worker moves)`,
    async () => {
      if (await check()) return true;
      if (busy() > work) [moved, work] = [Date.now(), busy()];
      if (Date.now() - moved > stallMs) throw new Error(`${what}: nothing moved for ${stallMs / 1000} s`);
      return false;
    },
    3_600_000,
  );
}

/** Waits until every case in `caseIds` has its number document; returns them by case id. */
export async function waitForNumbers(
  target: CouchTarget,
  caseIds: string[],
  timeoutMs = 90_000,
): Promise<Map<string, Record<string, unknown>>> {
  let docs = new Map<string, Record<string, unknown>>();
  await waitFor(
    `${caseIds.length} case numbers`,
    async () => {
      docs = await getDocs(target, 'courtdesk_cases', caseIds.map(numberIdOf));
      return docs.size === caseIds.length;
    },
    timeoutMs,
  );
  return new Map([...docs.values()].map((d) => [String(d['caseId']), d]));
}

/** Sorted sequence numbers of `numbers`, checked to be exactly 1..n with matching text. */
export function sequencesOf(numbers: Iterable<Record<string, unknown>>): number[] {
  return [...numbers].map((d) => Number(d['seq'])).sort((a, b) => a - b);
}

/** A worker child process (`courtdesk-server worker`). */
export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  /** Resolves once the worker printed "ready". */
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Spawns `node sync-server/bin/courtdesk-server.mjs worker --couch URL`. */
export function spawnWorker(
  target: CouchTarget,
  opts: { name?: string; holdMs?: number } = {},
): WorkerProcess {
  const args = ['sync-server/bin/courtdesk-server.mjs', 'worker', '--couch', target.adminUrl];
  if (opts.name) args.push('--name', opts.name);
  const env = { ...process.env, COURTDESK_WORKER_HOLD_MS: String(opts.holdMs ?? 0) };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line) output.push(line);
    if (output.some((l) => l.endsWith(': ready'))) onReady();
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output, ready, exited };
}

/** SIGKILLs a worker by pid (never by name) and waits for it to be gone. */
export async function killWorker(w: WorkerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (w.child.exitCode === null && w.child.signalCode === null && w.child.pid !== undefined)
    process.kill(w.child.pid, signal);
  await w.exited;
}
