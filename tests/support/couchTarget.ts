import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer } from '../../sync-server/src/embedded/embeddedServer';
import { markServer, sweepServer } from './runSweep';

/**
 * The CouchDB a test suite talks to: Apache CouchDB when `COUCH_URL` is set (admin credentials in
 * the URL, e.g. http://admin:pw@127.0.0.1:5984), otherwise a fresh embedded server on a random
 * port in a temporary folder. Shared by the conformance, integration and fault suites: keep the
 * API stable.
 */
export interface CouchTarget {
  /** Base URL without credentials, no trailing slash. */
  url: string;
  /** Base URL with the admin's credentials. */
  adminUrl: string;
  admin: { name: string; password: string };
  /** True for the embedded server, false for `COUCH_URL`. */
  embedded: boolean;
  /**
   * Embedded: closes the server and removes its folder. `COUCH_URL`: deletes the databases and
   * users created through this module's helpers, then purges every other document (and deletes
   * every `_local` document) created since the target was obtained (runSweep.ts), so the suites
   * can run again and again against one staging server.
   */
  stop(): Promise<void>;
}

/** A credential for {@link couchFetch}. */
export interface Credentials {
  name: string;
  password: string;
}

/** Options of {@link couchFetch}. */
export interface CouchFetchOptions {
  method?: string;
  /** JSON-serialised unless `rawBody` is given. */
  body?: unknown;
  /** Sent as is (malformed JSON, attachments). */
  rawBody?: string | Buffer;
  contentType?: string;
  /** A `Cookie` header value, e.g. from {@link sessionCookie}. */
  cookie?: string;
  auth?: Credentials;
  headers?: Record<string, string>;
  /** Aborts the request after this long (default 30 s). */
  timeoutMs?: number;
}

/** A response, body parsed as JSON when possible. */
export interface CouchResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CouchDB bodies are open-ended JSON.
  body: any;
}

const created = new WeakMap<CouchTarget, { dbs: Set<string>; users: Set<string> }>();

function track(target: CouchTarget): { dbs: Set<string>; users: Set<string> } {
  let t = created.get(target);
  if (!t) {
    t = { dbs: new Set(), users: new Set() };
    created.set(target, t);
  }
  return t;
}

/** Starts (or connects to) the target. */
export async function getCouchTarget(): Promise<CouchTarget> {
  const external = process.env.COUCH_URL;
  if (external) {
    const u = new URL(external);
    const admin = { name: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
    if (!admin.name)
      throw new Error('COUCH_URL must carry admin credentials, e.g. http://admin:pw@127.0.0.1:5984');
    u.username = '';
    u.password = '';
    const url = u.toString().replace(/\/$/, '');
    const mark = await markServer(url, admin);
    const target: CouchTarget = {
      url,
      adminUrl: external.replace(/\/$/, ''),
      admin,
      embedded: false,
      async stop() {
        const t = track(target);
        for (const db of t.dbs)
          await couchFetch(`${url}/${encodeURIComponent(db)}`, { method: 'DELETE', auth: admin });
        for (const user of t.users) await deleteUser(target, user);
        await sweepServer(url, admin, mark, t.dbs);
        t.dbs.clear();
        t.users.clear();
      },
    };
    return target;
  }
  return startEmbeddedTarget();
}

/**
 * A fresh embedded server in this process, on a random port in a temporary folder, whatever
 * `COUCH_URL` says: what unit tests of code that talks to CouchDB run against (one per test file).
 */
export async function startEmbeddedTarget(): Promise<CouchTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'courtdesk-couch-'));
  const admin = { name: 'admin', password: randomBytes(12).toString('hex') };
  const server = await startEmbeddedServer({ dataDir: dir, port: 0, admin, logger: () => undefined });
  return embeddedTarget(server.url, admin, async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** The server URL with `user`'s credentials (what the CLI and the worker are given). */
export function credentialUrl(target: CouchTarget, user: Credentials): string {
  const u = new URL(target.url);
  u.username = encodeURIComponent(user.name);
  u.password = encodeURIComponent(user.password);
  return u.toString().replace(/\/$/, '');
}

/**
 * Deletes every database but `_users` and `_replicator` (the server needs those to sign anyone
 * in), so tests sharing one embedded server each start from an unprovisioned server. Refuses a
 * `COUCH_URL` target: it would wipe someone's server.
 */
export async function dropDatabases(target: CouchTarget): Promise<void> {
  if (!target.embedded) throw new Error('dropDatabases only runs against a test-owned embedded server');
  const all = await couchFetch(`${target.url}/_all_dbs`, { auth: target.admin });
  for (const db of all.body as string[]) {
    if (db === '_users' || db === '_replicator') continue;
    const r = await couchFetch(`${target.url}/${encodeURIComponent(db)}`, {
      method: 'DELETE',
      auth: target.admin,
    });
    if (r.status !== 200) throw new Error(`delete ${db}: ${r.status} ${r.text}`);
  }
}

/** A target for an embedded server the caller started (and stops with `stop`). */
export function embeddedTarget(url: string, admin: Credentials, stop: () => Promise<void>): CouchTarget {
  const u = new URL(url);
  u.username = admin.name;
  u.password = admin.password;
  return { url, adminUrl: u.toString().replace(/\/$/, ''), admin, embedded: true, stop };
}

/** One HTTP request, CouchDB style. Never throws on an HTTP error status. */
export async function couchFetch(url: string, opts: CouchFetchOptions = {}): Promise<CouchResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: string | Buffer | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.auth)
    headers.authorization =
      'Basic ' + Buffer.from(`${opts.auth.name}:${opts.auth.password}`).toString('base64');
  const res = await fetch(url, {
    method: opts.method ?? 'GET',
    headers,
    body:
      body === undefined ? undefined : new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/**
 * Sends a write the server is expected to refuse, and returns its answer. On Apache CouchDB (not
 * the embedded server) a 409 is sent again, for up to `withinMs`: right after a document is
 * written one shard copy of a cluster may not hold it yet, and CouchDB 3.4 then answers a write
 * that validate_doc_update forbids with whichever reply came first — the lagging copy's conflict —
 * because the replies disagree ([forbidden, forbidden, conflict]: `fabric_doc_update:force_reply`).
 * A 409 that persists (a real conflict) is returned as it is.
 */
export async function refusedWrite(
  target: CouchTarget,
  send: () => Promise<CouchResponse>,
  withinMs = 10_000,
): Promise<CouchResponse> {
  const until = Date.now() + withinMs;
  for (;;) {
    const r = await send();
    if (r.status !== 409 || target.embedded || Date.now() > until) return r;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Reads a document from every copy of a cluster (`r=3`; CouchDB caps r at n, so a single node
 * answers as usual). When the copies disagree CouchDB repairs the lagging one before it answers,
 * so a test that depends on every copy holding a write (a replicated write whose validation reads
 * the stored document) waits for it this way.
 */
export async function readFromEveryCopy(docUrl: string, auth: Credentials): Promise<CouchResponse> {
  const r = await couchFetch(`${docUrl}${docUrl.includes('?') ? '&' : '?'}r=3`, { auth });
  if (r.status !== 200) throw new Error(`GET ${docUrl}?r=3: ${r.status} ${r.text.slice(0, 200)}`);
  return r;
}

/** A unique database name for this run: `conf_<random>` (or `<prefix>_<random>`). */
export function uniqueDbName(prefix = 'conf'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Creates a database (as admin), optionally with a `_security` object; `stop()` deletes it on COUCH_URL. */
export async function createDb(target: CouchTarget, name: string, security?: object): Promise<void> {
  const r = await couchFetch(`${target.url}/${encodeURIComponent(name)}`, {
    method: 'PUT',
    auth: target.admin,
  });
  if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${r.text}`);
  track(target).dbs.add(name);
  if (security) {
    const s = await couchFetch(`${target.url}/${encodeURIComponent(name)}/_security`, {
      method: 'PUT',
      auth: target.admin,
      body: security,
    });
    if (s.status !== 200) throw new Error(`_security ${name}: ${s.status} ${s.text}`);
    await securitySettled(target, name, security);
  }
}

/**
 * On a cluster each shard copy holds its own `_security` and the write returns once a majority
 * has it, so the next request may be checked against a copy that has not: read it back until
 * five reads in a row (each may land on another copy) show the new object.
 */
async function securitySettled(target: CouchTarget, name: string, security: object): Promise<void> {
  const canonical = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
        : x,
    );
  const want = canonical(security);
  const until = Date.now() + 10_000;
  let inARow = 0;
  while (inARow < 5 && Date.now() < until) {
    const r = await couchFetch(`${target.url}/${encodeURIComponent(name)}/_security`, { auth: target.admin });
    inARow = r.status === 200 && canonical(r.body) === want ? inARow + 1 : 0;
    if (inARow === 0) await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Creates or updates a user (as admin). */
export async function createUser(
  target: CouchTarget,
  name: string,
  password: string,
  roles: string[],
): Promise<void> {
  const url = `${target.url}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const existing = await couchFetch(url, { auth: target.admin });
  const doc: Record<string, unknown> = {
    _id: `org.couchdb.user:${name}`,
    name,
    password,
    roles,
    type: 'user',
  };
  if (existing.status === 200) doc._rev = existing.body._rev;
  const r = await couchFetch(url, { method: 'PUT', auth: target.admin, body: doc });
  if (r.status !== 201 && r.status !== 202) throw new Error(`create user ${name}: ${r.status} ${r.text}`);
  track(target).users.add(name);
}

/** Deletes a user (as admin); missing users are fine. */
export async function deleteUser(target: CouchTarget, name: string): Promise<void> {
  const url = `${target.url}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const existing = await couchFetch(url, { auth: target.admin });
  if (existing.status !== 200) return;
  await couchFetch(`${url}?rev=${encodeURIComponent(existing.body._rev)}`, {
    method: 'DELETE',
    auth: target.admin,
  });
}

/** Signs in through `POST /_session` and returns the `Cookie` header value (`AuthSession=…`). */
export async function sessionCookie(target: CouchTarget, name: string, password: string): Promise<string> {
  const r = await couchFetch(`${target.url}/_session`, { method: 'POST', body: { name, password } });
  if (r.status !== 200) throw new Error(`sign-in ${name}: ${r.status} ${r.text}`);
  const setCookie = r.headers.get('set-cookie') ?? '';
  const m = /AuthSession=([^;]*)/.exec(setCookie);
  if (!m) throw new Error(`sign-in ${name}: no AuthSession cookie`);
  return `AuthSession=${m[1]}`;
}
