import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import type { SecurityObject } from './access';
import type { Credentials } from './authn';
import type { ChangesDb } from './changesFeed';
import { DesignDocTrust } from './ddocTrust';
import { registerLevelAdapter, type PurgeableDb } from './levelAdapter';
import { hashAdminPassword, needsUpgrade, parseAdminHash, verifyPassword } from './passwords';
import { createValidationInstaller } from './validation';

/**
 * express-pouchdb 4.2.0 on pouchdb-node 9 (LevelDB under `<dataDir>/db/`, through levelAdapter.ts),
 * configured before it serves anything: authentication, sessions and ddoc-JS parts that would run
 * unsandboxed are excluded (the guard authenticates and serves `_session`, validation.ts
 * replaces express-pouchdb's validation). Internal modules of express-pouchdb are used where it
 * has no public hook; the version is pinned in package.json.
 */

const require = createRequire(import.meta.url);

/** express-pouchdb parts we switch off (see docs/embedded-server.md). */
export const EXCLUDED_PARTS = [
  'validation', // replaced by validation.ts (vm sandbox, CouchDB arguments)
  'routes/authentication', // pouchdb-auth: 10-iteration SHA-1 hashes, no lockout; the guard authenticates
  'routes/authorization',
  'routes/session', // served by the guard (session.ts)
  'replicator', // the _replicator database daemon: not used
  'routes/fauxton', // web UI bundle: not needed, not audited
  'routes/show',
  'routes/list',
  'routes/update',
  'routes/rewrite', // ddoc JS outside any sandbox
  'routes/temp-views', // arbitrary map code from any member; gone from CouchDB since 2.0
  'routes/security', // replaced by the guard (pouchdb-security treats empty members as public)
  'routes/vhosts',
  'routes/special-test-auth',
  'routes/db-updates',
  'routes/http-log',
  'routes/log',
  'routes/stats',
] as const;

interface CouchConfig {
  set(section: string, key: string, value: unknown, cb: (err?: Error | null) => void): void;
}

interface EpApp extends Express {
  couchConfig: CouchConfig;
  dbWrapper: { _wrappers: Array<(name: string, db: unknown, next: () => unknown) => unknown> };
  setPouchDB(p: unknown): Promise<void>;
}

/** The PouchDB constructor with the parts we use. */
export interface PouchStatic {
  new (name: string): RawDb;
  allDbs(): Promise<string[]>;
}

/** A database object not wrapped by express-pouchdb (no validation wrappers, no plugins). */
export interface RawDb extends ChangesDb, PurgeableDb {
  name: string;
  get(id: string, opts?: object): Promise<Record<string, unknown>>;
  put(doc: object): Promise<unknown>;
  viewCleanup(): Promise<unknown>;
  close(): Promise<void>;
}

/** What {@link createExpressPouch} returns. */
export interface ExpressPouch {
  app: Express;
  PouchDB: PouchStatic;
  trust: DesignDocTrust;
  /** The `[admins]` section: the configured admin and its hash. */
  admins: Readonly<Record<string, string>>;
  /** Credentials of a name: the configured admin, else its `_users` document. */
  lookupCredentials(name: string): Promise<Credentials | null>;
  /** Writes a `_users` document directly (internal, e.g. a hash upgrade). */
  saveUserDoc(doc: Record<string, unknown>): Promise<void>;
  getSecurity(name: string): Promise<SecurityObject>;
  dbExists(name: string): Promise<boolean>;
  putSecurity(name: string, sec: SecurityObject): Promise<void>;
  rawDb(name: string): RawDb;
  /** Forgets cached knowledge of a database (after create/delete/_security). */
  forget(name: string): void;
  close(): Promise<void>;
}

function setConfig(cfg: CouchConfig, section: string, key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) =>
    cfg.set(section, key, value, (err) => (err ? reject(err) : resolve())),
  );
}

/**
 * The admin's `[admins]` hash (CouchDB 3.4 format), kept in `<dataDir>/embedded-admin.json` and
 * reused while the password matches and the scheme is current, so admin cookies survive restarts.
 */
async function adminHash(
  dataDir: string,
  admin: { name: string; password: string },
  iterations: number,
): Promise<string> {
  const file = join(dataDir, 'embedded-admin.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; hash?: string };
    const stored = parseAdminHash(saved.hash ?? '');
    if (saved.name === admin.name && stored && !needsUpgrade(stored, iterations)) {
      if (await verifyPassword(admin.password, stored)) return saved.hash as string;
    }
  }
  const hashed = await hashAdminPassword(admin.password, iterations);
  writeFileSync(file, JSON.stringify({ name: admin.name, hash: hashed }) + '\n', { mode: 0o600 });
  return hashed;
}

/** Builds and configures express-pouchdb; resolves once it is ready to serve. */
export async function createExpressPouch(opts: {
  dataDir: string;
  admin: { name: string; password: string };
  serverAdminNames: ReadonlySet<string>;
  iterations: number;
  logger: (line: string) => void;
}): Promise<ExpressPouch> {
  const dbDir = join(opts.dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const BasePouch = require('pouchdb-node') as Parameters<typeof registerLevelAdapter>[0] & {
    defaults(o: object): PouchStatic;
  };
  const adapter = registerLevelAdapter(BasePouch, opts.logger);
  const PouchDB = BasePouch.defaults({ prefix: dbDir + '/', adapter });
  const expressPouchDB = require('express-pouchdb') as (o: object) => EpApp;
  const app = expressPouchDB({
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: join(opts.dataDir, 'express-pouchdb.log'),
    overrideMode: { exclude: [...EXCLUDED_PARTS] },
  });
  app.disable('x-powered-by');
  // Not put into express-pouchdb's config: it would re-hash it with pouchdb-auth's scheme.
  const adminStored = await adminHash(opts.dataDir, opts.admin, opts.iterations);
  await setConfig(app.couchConfig, 'couchdb', 'max_document_size', 80 * 1024 * 1024);
  await setConfig(app.couchConfig, 'log', 'level', 'error');

  const raw = new Map<string, RawDb>();
  function rawDb(name: string): RawDb {
    let db = raw.get(name);
    if (!db) {
      db = new PouchDB(name);
      raw.set(name, db);
    }
    return db;
  }
  let known: Set<string> | null = null;
  async function dbExists(name: string): Promise<boolean> {
    if (name === '_users') return true;
    if (!known) known = new Set(await PouchDB.allDbs());
    return known.has(name);
  }
  async function getSecurity(name: string): Promise<SecurityObject> {
    if (!(await dbExists(name))) return {};
    try {
      const doc = await rawDb(name).get('_local/_security');
      const sec = doc.security;
      return typeof sec === 'object' && sec !== null ? (sec as SecurityObject) : {};
    } catch {
      return {};
    }
  }
  async function putSecurity(name: string, sec: SecurityObject): Promise<void> {
    const db = rawDb(name);
    for (let attempt = 0; ; attempt++) {
      const current = await db
        .get('_local/_security')
        .catch(() => ({ _id: '_local/_security' }) as Record<string, unknown>);
      try {
        await db.put({ ...current, security: sec });
        return;
      } catch (err) {
        if (attempt >= 5 || (err as { status?: number }).status !== 409) throw err;
      }
    }
  }
  async function lookupCredentials(name: string): Promise<Credentials | null> {
    if (opts.serverAdminNames.has(name)) {
      const stored = parseAdminHash(adminStored);
      return stored ? { ...stored, name, roles: ['_admin'] } : null;
    }
    try {
      const doc = await rawDb('_users').get(`org.couchdb.user:${name}`);
      const roles = Array.isArray(doc.roles)
        ? doc.roles.filter((r): r is string => typeof r === 'string')
        : [];
      return { ...doc, name, roles, doc };
    } catch {
      return null;
    }
  }
  async function saveUserDoc(doc: Record<string, unknown>): Promise<void> {
    await rawDb('_users').put(doc);
  }
  const trust = new DesignDocTrust(join(opts.dataDir, 'trusted-design-docs.json'));
  const validation = createValidationInstaller({
    serverAdminNames: opts.serverAdminNames,
    getSecurity,
    trust,
    iterations: opts.iterations,
  });
  function forget(name: string): void {
    // Not closed: instances of one name share the LevelDB store, closing would close it for express-pouchdb too.
    known = null;
    if (name === '') return;
    raw.delete(name);
    validation.invalidate(name);
  }
  // First in the chain, so every database (`_users` included) is wrapped before anything else.
  app.dbWrapper._wrappers.unshift((name, db, next) => {
    validation.install(name, db);
    return next();
  });
  await app.setPouchDB(PouchDB);
  // express-pouchdb's authentication part created `_users`; sign-in needs it from the first request.
  await (rawDb('_users') as unknown as { info(): Promise<unknown> }).info();

  async function close(): Promise<void> {
    const all = [...raw.values()];
    raw.clear();
    await Promise.all(all.map((db) => db.close().catch(() => undefined)));
    const cache = (PouchDB as unknown as { __dbCacheMap?: { forEach(fn: (db: RawDb) => void): void } })
      .__dbCacheMap;
    const open: RawDb[] = [];
    cache?.forEach((db) => open.push(db));
    await Promise.all(open.map((db) => db.close().catch(() => undefined)));
  }

  return {
    app,
    PouchDB,
    trust,
    admins: { [opts.admin.name]: adminStored },
    lookupCredentials,
    saveUserDoc,
    getSecurity,
    dbExists,
    forget,
    close,
    putSecurity,
    rawDb,
  };
}
