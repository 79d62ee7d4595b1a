import { randomBytes } from 'node:crypto';
import {
  couchFetch,
  createDb,
  createUser,
  getCouchTarget,
  uniqueDbName,
  type CouchResponse,
  type CouchTarget,
  type Credentials,
} from '../support/couchTarget';

/**
 * Shared setup of the conformance suite: one target (embedded or COUCH_URL), one secured database
 * and the six kinds of caller the matrix runs as.
 */

/** The kinds of caller. */
export const ACTORS = [
  'anonymous',
  'outsider',
  'memberName',
  'memberRole',
  'dbAdmin',
  'serverAdmin',
] as const;
/** One of {@link ACTORS}. */
export type Actor = (typeof ACTORS)[number];

/** What a conformance file gets. */
export interface Fixture {
  target: CouchTarget;
  /** The secured database (members: memberName by name, `clerk` by role; admins: dbAdmin). */
  db: string;
  creds: Record<Actor, Credentials | undefined>;
  /** Request as an actor; `path` is relative to the server root. */
  as(
    actor: Actor,
    method: string,
    path: string,
    body?: unknown,
    extra?: {
      rawBody?: string | Buffer;
      contentType?: string;
      timeoutMs?: number;
      headers?: Record<string, string>;
    },
  ): Promise<CouchResponse>;
  /** Request as the server admin. */
  admin(method: string, path: string, body?: unknown): Promise<CouchResponse>;
  stop(): Promise<void>;
}

/** Creates users and the secured database. */
export async function setupFixture(): Promise<Fixture> {
  const target = await getCouchTarget();
  const tag = randomBytes(4).toString('hex');
  const pw = randomBytes(9).toString('hex');
  const names = {
    outsider: `conf_out_${tag}`,
    memberName: `conf_mn_${tag}`,
    memberRole: `conf_mr_${tag}`,
    dbAdmin: `conf_da_${tag}`,
  };
  await createUser(target, names.outsider, pw, ['kiosk']);
  await createUser(target, names.memberName, pw, []);
  await createUser(target, names.memberRole, pw, ['clerk']);
  await createUser(target, names.dbAdmin, pw, []);
  const db = uniqueDbName();
  await createDb(target, db, {
    admins: { names: [names.dbAdmin], roles: [] },
    members: { names: [names.memberName], roles: ['clerk'] },
  });
  const creds: Record<Actor, Credentials | undefined> = {
    anonymous: undefined,
    outsider: { name: names.outsider, password: pw },
    memberName: { name: names.memberName, password: pw },
    memberRole: { name: names.memberRole, password: pw },
    dbAdmin: { name: names.dbAdmin, password: pw },
    serverAdmin: target.admin,
  };
  const fixture: Fixture = {
    target,
    db,
    creds,
    as(actor, method, path, body, extra = {}) {
      return couchFetch(`${target.url}${path}`, { method, body, auth: creds[actor], ...extra });
    },
    admin(method, path, body) {
      return couchFetch(`${target.url}${path}`, { method, body, auth: target.admin });
    },
    async stop() {
      await target.stop();
    },
  };
  return fixture;
}

/** Asserts that the server still answers: `GET /` and the fixture database as the server admin. */
export async function expectServerAnswers(f: Fixture): Promise<void> {
  const root = await couchFetch(`${f.target.url}/`);
  if (root.status !== 200) throw new Error(`the server stopped answering: GET / → ${root.status}`);
  const db = await f.admin('GET', `/${f.db}`);
  if (db.status !== 200) throw new Error(`the server stopped answering: GET /${f.db} → ${db.status}`);
}

/** The `_security` object of `db` as the server admin reads it. */
export async function securityOf(f: Fixture, db = f.db): Promise<unknown> {
  const r = await f.admin('GET', `/${db}/_security`);
  if (r.status !== 200) throw new Error(`GET ${db}/_security → ${r.status} ${r.text}`);
  return r.body;
}

/** Prints, visibly, that a check ran only on the embedded server. */
export function skippedOnCouch(what: string): void {
  process.stdout.write(
    `SKIPPED (embedded only): ${what} — not asserted against Apache CouchDB (COUCH_URL)\n`,
  );
}
