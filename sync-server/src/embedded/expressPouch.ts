import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import type { SecurityObject } from './access';
import type { AuthDb } from './authn';
import { createValidationInstaller, invalidateValidators } from './validation';
import type { ChangesDb } from './changesFeed';

/**
 * express-pouchdb 4.2.0 on pouchdb-node 9 (LevelDB under `<dataDir>/db/`), configured before it
 * serves anything: the admin is in `[admins]` (no admin party, ever), the `_session` cookie secret
 * is fixed, ddoc-JS parts that would run unsandboxed are excluded, and our validation replaces
 * express-pouchdb's. Internal modules of express-pouchdb are used where it has no public hook;
 * the version is pinned in package.json.
 */

const require = createRequire(import.meta.url);

/** express-pouchdb parts we switch off (see docs/embedded-server.md). */
export const EXCLUDED_PARTS = [
  'validation', // replaced by validation.ts (vm sandbox, CouchDB arguments)
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

/** A database object not wrapped by express-pouchdb (reads `_security` without its plugins). */
export interface RawDb extends ChangesDb {
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
  authDb(): Promise<AuthDb>;
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

/** Hashes the admin password the pouchdb-auth way, reusing the stored hash when it still matches (cookies stay valid). */
async function adminHash(dataDir: string, admin: { name: string; password: string }): Promise<string> {
  const auth = require('pouchdb-auth') as {
    hashAdminPasswords(a: Record<string, string>): Promise<Record<string, string>>;
  };
  const authUtils = require('pouchdb-auth/lib/utils') as {
    hashPassword(p: string, salt: string, it: number): Promise<string>;
  };
  const file = join(dataDir, 'embedded-admin.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; hash?: string };
    const m = /^-pbkdf2-([\da-f]+),([\da-f]+),(\d+)$/.exec(saved.hash ?? '');
    if (saved.name === admin.name && m && m[1] && m[2] && m[3]) {
      const key = await authUtils.hashPassword(admin.password, m[2], Number(m[3]));
      if (key === m[1]) return saved.hash as string;
    }
  }
  const hashed = (await auth.hashAdminPasswords({ [admin.name]: admin.password }))[admin.name] as string;
  writeFileSync(file, JSON.stringify({ name: admin.name, hash: hashed }) + '\n', { mode: 0o600 });
  return hashed;
}

/** Builds and configures express-pouchdb; resolves once it is ready to serve. */
export async function createExpressPouch(opts: {
  dataDir: string;
  admin: { name: string; password: string };
  cookieSecret: string;
  serverAdminNames: ReadonlySet<string>;
}): Promise<ExpressPouch> {
  const dbDir = join(opts.dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const BasePouch = require('pouchdb-node') as { defaults(o: object): PouchStatic };
  const PouchDB = BasePouch.defaults({ prefix: dbDir + '/' });
  const expressPouchDB = require('express-pouchdb') as (o: object) => EpApp;
  const app = expressPouchDB({
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: join(opts.dataDir, 'express-pouchdb.log'),
    overrideMode: { exclude: [...EXCLUDED_PARTS] },
  });
  // Before any PouchDB is attached, so no request can ever see an admin party.
  await setConfig(app.couchConfig, 'admins', opts.admin.name, await adminHash(opts.dataDir, opts.admin));
  await setConfig(app.couchConfig, 'couch_httpd_auth', 'secret', opts.cookieSecret);
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
  function forget(name: string): void {
    // Not closed: instances of one name share the LevelDB store, closing would close it for express-pouchdb too.
    known = null;
    if (name === '') return;
    raw.delete(name);
    invalidateValidators(name);
  }

  const install = createValidationInstaller({ serverAdminNames: opts.serverAdminNames, getSecurity });
  // First in the chain: express-pouchdb's authentication wrapper ends the chain for `_users`
  // (it does not call next()), so a wrapper registered normally would never guard `_users`.
  app.dbWrapper._wrappers.unshift((name, db, next) => {
    install(name, db);
    return next();
  });
  await app.setPouchDB(PouchDB);

  const epUtils = require('express-pouchdb/lib/utils') as {
    getUsersDB(app: unknown, P: unknown): Promise<AuthDb>;
  };
  let authDbPromise: Promise<AuthDb> | null = null;
  function authDb(): Promise<AuthDb> {
    authDbPromise ??= epUtils.getUsersDB(app, PouchDB);
    return authDbPromise;
  }
  await authDb();

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

  return { app, PouchDB, authDb, getSecurity, dbExists, forget, close, putSecurity, rawDb };
}
