import type { Answer, Expected } from './expectations';
import type { Actor, Fixture } from './fixture';

/**
 * THE security and protocol matrix: one table for the embedded server and Apache CouchDB 3.4.3,
 * every cell an expected answer — `[status, error]`, or an explicit difference between the two
 * servers with its reason (expectations.ts). CouchDB's answers are its documented ones, checked
 * against a real 3.4.3 node:
 *  [sec]   https://docs.couchdb.org/en/stable/api/database/security.html — members read/write
 *          documents; admins also design docs and _security; new databases are admin-only.
 *  [intro] https://docs.couchdb.org/en/stable/intro/security.html — authentication, 401 vs 403.
 *  [db]    https://docs.couchdb.org/en/stable/api/database/common.html — PUT/DELETE /{db}: server admin.
 *  [srv]   https://docs.couchdb.org/en/stable/api/server/common.html — /_all_dbs (admin only since
 *          3.0), /_active_tasks, /_replicate, /_node/{node}/_config.
 *  [ddoc]  https://docs.couchdb.org/en/stable/api/ddoc/common.html — design documents need a db admin.
 *  [docs]  https://docs.couchdb.org/en/stable/api/document/common.html, database/bulk-api.html,
 *          database/changes.html, database/find.html, local.html, document/attachments.html.
 *  [purge] https://docs.couchdb.org/en/stable/api/database/misc.html#db-purge — server admin.
 * CouchDB answers an access failure with 401 `unauthorized` to an anonymous caller and 403
 * `forbidden` to an authenticated one (couch_db:throw_security_error). The embedded server also
 * refuses, for everyone but the server admin, what the app never uses and what runs
 * design-document JavaScript (docs/embedded-server.md, "What the guard lets through").
 */

/** A cell that is not run, with the reason (printed visibly when skipped). */
export interface Skip {
  skip: string;
}
/** One cell: an expected answer (or difference), or a visible skip. */
export type Cell = Expected | Skip;
/** Expected outcome per actor. */
export type Expectations = Record<Actor, Cell>;

/** True when the cell is a {@link Skip}. */
export function isSkip(cell: Cell): cell is Skip {
  return typeof (cell as Skip).skip === 'string';
}

/** Per-row context: the fixture and the actor. */
export interface RowCtx {
  f: Fixture;
  actor: Actor;
  /** Filled by `prepare`. */
  rev?: string;
  scratch?: string;
}

/** One route of the matrix. */
export interface Row {
  name: string;
  method: string;
  path(c: RowCtx): string;
  body?(c: RowCtx): unknown;
  raw?: { body: string; contentType: string };
  headers?: Record<string, string>;
  prepare?(c: RowCtx): Promise<void>;
  /** Checks the outcome that matters (state unchanged, document stored…); throws when wrong. */
  verify?(c: RowCtx, status: number): Promise<void>;
  cleanup?(c: RowCtx, status: number): Promise<void>;
  expect: Expectations;
  cite: string;
}

export const U: Answer = [401, 'unauthorized'];
export const F: Answer = [403, 'forbidden'];

/** Member-level route [sec]: anonymous 401, outsider 403, members and admins `ok`. */
export function member(ok: number): Expectations {
  return { anonymous: U, outsider: F, memberName: [ok], memberRole: [ok], dbAdmin: [ok], serverAdmin: [ok] };
}
/** Db-admin-level route [sec][ddoc]: members 403 too. */
export function dbAdmin(ok: number): Expectations {
  return { anonymous: U, outsider: F, memberName: F, memberRole: F, dbAdmin: [ok], serverAdmin: [ok] };
}
/** Server-admin route [db][srv][purge]: everyone else 401 `unauthorized` ("You are not a server admin."). */
export function serverAdmin(ok: number): Expectations {
  return { anonymous: U, outsider: U, memberName: U, memberRole: U, dbAdmin: U, serverAdmin: [ok] };
}
/** A member-level route of CouchDB that the embedded server keeps for the server admin. */
export function adminOnlyHere(
  ok: number,
  why: string,
  couch: Partial<Record<Actor, Answer>> = {},
): Expectations {
  const c: Record<Actor, Answer> = { ...(member(ok) as Record<Actor, Answer>), ...couch };
  const cell = (a: Actor): Expected =>
    a === 'anonymous' || a === 'serverAdmin' ? c[a] : { couch: c[a], embedded: U, why };
  return {
    anonymous: cell('anonymous'),
    outsider: cell('outsider'),
    memberName: cell('memberName'),
    memberRole: cell('memberRole'),
    dbAdmin: cell('dbAdmin'),
    serverAdmin: cell('serverAdmin'),
  };
}

export async function makeDoc(c: RowCtx, id: string): Promise<void> {
  await c.f.admin('PUT', `/${c.f.db}/${id}`, { made: 'for delete' });
  const r = await c.f.admin('GET', `/${c.f.db}/${id}`);
  c.rev = r.body?._rev as string;
}

export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** The security object the fixture sets, to check that no refused write changed it. */
export function fixtureSecurity(f: Fixture): unknown {
  return {
    admins: { names: [f.creds.dbAdmin?.name], roles: [] },
    members: { names: [f.creds.memberName?.name], roles: ['clerk'] },
  };
}

/** The matrix: database and document rows (design documents, Mango, maintenance: matrixAdminRows.ts). */
export const CORE_ROWS: Row[] = [
  { name: 'GET /{db}', method: 'GET', path: (c) => `/${c.f.db}`, expect: member(200), cite: '[sec]' },
  {
    name: 'GET /{db}/_security',
    method: 'GET',
    path: (c) => `/${c.f.db}/_security`,
    expect: member(200),
    cite: '[sec]',
  },
  {
    name: 'PUT /{db}/{doc}',
    method: 'PUT',
    path: (c) => `/${c.f.db}/doc_${c.actor}`,
    body: () => ({ kind: 'note' }),
    async verify(c, status) {
      const stored = (await c.f.admin('GET', `/${c.f.db}/doc_${c.actor}`)).status === 200;
      check(stored === (status === 201), 'the document is stored exactly when the write succeeded');
    },
    expect: member(201),
    cite: '[docs]',
  },
  {
    name: 'POST /{db}',
    method: 'POST',
    path: (c) => `/${c.f.db}`,
    body: () => ({ kind: 'posted' }),
    expect: member(201),
    cite: '[docs]',
  },
  {
    name: 'GET /{db}/{doc}',
    method: 'GET',
    path: (c) => `/${c.f.db}/seed`,
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'DELETE /{db}/{doc}',
    method: 'DELETE',
    path: (c) => `/${c.f.db}/del_${c.actor}?rev=${c.rev ?? ''}`,
    prepare: (c) => makeDoc(c, `del_${c.actor}`),
    async verify(c, status) {
      const there = (await c.f.admin('GET', `/${c.f.db}/del_${c.actor}`)).status === 200;
      check(there === (status !== 200), 'the document is gone exactly when the delete succeeded');
    },
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'COPY /{db}/{doc}',
    method: 'COPY',
    path: (c) => `/${c.f.db}/seed`,
    headers: { destination: 'copied_seed' },
    expect: {
      ...member(201),
      ...Object.fromEntries(
        (['memberName', 'memberRole', 'dbAdmin', 'serverAdmin'] as const).map((a) => [
          a,
          {
            couch: [201],
            embedded: [405, 'method_not_allowed'],
            why: 'COPY is used neither by the app nor by replication',
          },
        ]),
      ),
    },
    async cleanup(c, status) {
      if (status !== 201) return;
      const r = await c.f.admin('GET', `/${c.f.db}/copied_seed`);
      await c.f.admin('DELETE', `/${c.f.db}/copied_seed?rev=${r.body._rev as string}`);
    },
    cite: '[docs]',
  },
  {
    name: 'GET /{db}/_all_docs',
    method: 'GET',
    path: (c) => `/${c.f.db}/_all_docs?include_docs=true`,
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'POST /{db}/_all_docs',
    method: 'POST',
    path: (c) => `/${c.f.db}/_all_docs`,
    body: () => ({ keys: ['seed'] }),
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'GET /{db}/_changes',
    method: 'GET',
    path: (c) => `/${c.f.db}/_changes`,
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'GET /{db}/_changes longpoll',
    method: 'GET',
    path: (c) => `/${c.f.db}/_changes?feed=longpoll&timeout=200`,
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'GET /{db}/_changes continuous',
    method: 'GET',
    path: (c) => `/${c.f.db}/_changes?feed=continuous&timeout=200`,
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'POST /{db}/_changes?filter=_selector',
    method: 'POST',
    path: (c) => `/${c.f.db}/_changes?filter=_selector`,
    body: () => ({ selector: { kind: 'seed' } }),
    expect: member(200),
    cite: '[docs] changes.html#selector',
  },
  {
    name: 'POST /{db}/_bulk_docs',
    method: 'POST',
    path: (c) => `/${c.f.db}/_bulk_docs`,
    body: (c) => ({ docs: [{ _id: `bulk_${c.actor}`, kind: 'bulk' }] }),
    expect: member(201),
    cite: '[docs]',
  },
  {
    name: 'POST /{db}/_bulk_get',
    method: 'POST',
    path: (c) => `/${c.f.db}/_bulk_get`,
    body: () => ({ docs: [{ id: 'seed' }] }),
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'POST /{db}/_revs_diff',
    method: 'POST',
    path: (c) => `/${c.f.db}/_revs_diff`,
    body: () => ({ seed: ['1-0123456789abcdef0123456789abcdef'] }),
    expect: member(200),
    cite: '[docs]',
  },
  {
    name: 'PUT /{db}/_local/{id}',
    method: 'PUT',
    path: (c) => `/${c.f.db}/_local/cp_${c.actor}`,
    body: () => ({ last_seq: 1 }),
    expect: member(201),
    cite: '[docs] local.html',
  },
  {
    name: 'GET /{db}/_local/{id}',
    method: 'GET',
    path: (c) => `/${c.f.db}/_local/seed_local`,
    expect: member(200),
    cite: '[docs] local.html',
  },
  {
    name: 'PUT /{db}/{doc}/{attachment}',
    method: 'PUT',
    path: (c) => `/${c.f.db}/att_${c.actor}/file.txt`,
    raw: { body: 'scanned evidence', contentType: 'text/plain' },
    expect: member(201),
    cite: '[docs] attachments.html',
  },
  {
    name: 'GET /{db}/{doc}/{attachment}',
    method: 'GET',
    path: (c) => `/${c.f.db}/seed_att/file.txt`,
    expect: member(200),
    cite: '[docs] attachments.html',
  },
];
