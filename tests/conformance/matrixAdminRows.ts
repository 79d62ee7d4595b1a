import type { Expected } from './expectations';
import {
  adminOnlyHere,
  check,
  dbAdmin,
  F,
  fixtureSecurity,
  serverAdmin,
  U as UNAUTHORIZED,
  type Row,
} from './matrix';

/**
 * Rows of the security matrix for design documents, Mango, maintenance and the server endpoints
 * (matrix.ts has the sources and the document rows).
 */

const MANGO_WHY = 'Mango is not used by the app; on the embedded server it is kept for the server admin';
const VIEW_WHY = 'views run design-document JavaScript and the app uses none: server admin only here';

const U: Expected = UNAUTHORIZED;
const OPEN_200 = {
  anonymous: [200],
  outsider: [200],
  memberName: [200],
  memberRole: [200],
  dbAdmin: [200],
  serverAdmin: [200],
} as const;
const ADMIN = (ok: number) => ({
  anonymous: U,
  outsider: U,
  memberName: U,
  memberRole: U,
  dbAdmin: U,
  serverAdmin: [ok] as Expected,
});

/** Database creation and deletion, `_security`, design documents, views, Mango, `_compact`, `_purge`. */
export const ADMIN_ROWS: Row[] = [
  {
    name: 'PUT /{db} (create)',
    method: 'PUT',
    path: (c) => `/${c.f.db}_new_${c.actor.toLowerCase()}`,
    expect: serverAdmin(201),
    cite: '[db]',
    async verify(c, status) {
      const exists = (await c.f.admin('GET', `/${c.f.db}_new_${c.actor.toLowerCase()}`)).status === 200;
      check(exists === (status === 201), 'a database exists only when its creation succeeded');
    },
    async cleanup(c, status) {
      if (status === 201) await c.f.admin('DELETE', `/${c.f.db}_new_${c.actor.toLowerCase()}`);
    },
  },
  {
    name: 'DELETE /{db}',
    method: 'DELETE',
    // Non-admins aim at the real database (must survive); the admin deletes a scratch one.
    path: (c) => (c.actor === 'serverAdmin' ? `/${c.scratch}` : `/${c.f.db}`),
    async prepare(c) {
      if (c.actor === 'serverAdmin') {
        c.scratch = `${c.f.db}_scratch`;
        await c.f.admin('PUT', `/${c.scratch}`);
      }
    },
    async verify(c) {
      check((await c.f.admin('GET', `/${c.f.db}`)).status === 200, 'the secured database must survive');
    },
    expect: serverAdmin(200),
    cite: '[db]',
  },
  {
    name: 'PUT /{db}/_security',
    method: 'PUT',
    path: (c) => `/${c.f.db}/_security`,
    // A write that would make the caller an admin; refused writes must leave the object as it was.
    body: (c) => ({
      admins: { names: [c.f.creds.dbAdmin?.name, c.f.creds[c.actor]?.name ?? 'anyone'], roles: [] },
      members: { names: [c.f.creds.memberName?.name], roles: ['clerk'] },
    }),
    async verify(c, status) {
      const sec = (await c.f.admin('GET', `/${c.f.db}/_security`)).body;
      if (status !== 200)
        check(
          JSON.stringify(sec) === JSON.stringify(fixtureSecurity(c.f)),
          'security unchanged after a refused write',
        );
    },
    async cleanup(c, status) {
      if (status === 200) await c.f.admin('PUT', `/${c.f.db}/_security`, fixtureSecurity(c.f));
    },
    expect: {
      ...dbAdmin(200),
      ...Object.fromEntries(
        (['memberName', 'memberRole'] as const).map((a) => [
          a,
          {
            couch: [500, 'error'],
            embedded: F,
            why: 'CouchDB 3.4.3 answers a member’s _security write with 500 no_majority (every shard refuses it); the security object is unchanged on both',
          },
        ]),
      ),
    },
    cite: '[sec]',
  },
  {
    name: 'POST /{db}/_find',
    method: 'POST',
    path: (c) => `/${c.f.db}/_find`,
    body: () => ({ selector: { kind: 'seed' } }),
    expect: adminOnlyHere(200, MANGO_WHY),
    cite: '[docs] find.html',
  },
  {
    name: 'GET /{db}/_index',
    method: 'GET',
    path: (c) => `/${c.f.db}/_index`,
    expect: adminOnlyHere(200, MANGO_WHY),
    cite: '[docs] find.html',
  },
  {
    name: 'POST /{db}/_index',
    method: 'POST',
    path: (c) => `/${c.f.db}/_index`,
    body: (c) => ({ index: { fields: ['kind'] }, name: `by_kind_${c.actor}`, ddoc: `idx_${c.actor}` }),
    // CouchDB: a member's index cannot be saved (its design document is refused) → 500 error_saving_ddoc.
    expect: adminOnlyHere(200, MANGO_WHY, {
      memberName: [500, 'error_saving_ddoc'],
      memberRole: [500, 'error_saving_ddoc'],
    }),
    cite: '[docs] find.html#db-index',
  },
  {
    name: 'PUT /{db}/_design/{ddoc}',
    method: 'PUT',
    path: (c) => `/${c.f.db}/_design/dd_${c.actor}`,
    body: () => ({ views: { by_kind: { map: 'function (doc) { if (doc.kind) emit(doc.kind, null); }' } } }),
    async verify(c, status) {
      const stored = (await c.f.admin('GET', `/${c.f.db}/_design/dd_${c.actor}`)).status === 200;
      check(stored === (status === 201), 'the design document is stored exactly when the write succeeded');
    },
    expect: {
      ...dbAdmin(201),
      dbAdmin: {
        couch: [201],
        embedded: F,
        why: 'design-document JavaScript runs inside the embedded server: only the server admin writes it',
      },
    },
    cite: '[ddoc][sec]',
  },
  {
    name: 'GET /{db}/_design/{ddoc}/_view/{view}',
    method: 'GET',
    path: (c) => `/${c.f.db}/_design/seed_views/_view/by_kind`,
    expect: adminOnlyHere(200, VIEW_WHY),
    cite: '[docs] ddoc/views.html',
  },
  {
    name: 'POST /{db}/_compact',
    method: 'POST',
    path: (c) => `/${c.f.db}/_compact`,
    raw: { body: '', contentType: 'application/json' },
    expect: { ...dbAdmin(202), memberName: U, memberRole: U },
    cite: '[docs] database/compact.html ("You are not a server or db admin.")',
  },
  {
    name: 'POST /{db}/_purge',
    method: 'POST',
    path: (c) => `/${c.f.db}/_purge`,
    body: () => ({ seed_never: ['1-0123456789abcdef0123456789abcdef'] }),
    expect: serverAdmin(201),
    cite: '[purge]',
  },
];

/** Rows of `/_session`, `/_up`, `/_uuids` and the server-admin endpoints. */
export const SERVER_ROWS: Row[] = [
  { name: 'GET /_session', method: 'GET', path: () => '/_session', expect: OPEN_200, cite: '[intro]' },
  { name: 'GET /_up', method: 'GET', path: () => '/_up', expect: OPEN_200, cite: '[srv] up' },
  {
    name: 'GET /_uuids',
    method: 'GET',
    path: () => '/_uuids?count=2',
    expect: OPEN_200,
    cite: '[srv] uuids',
  },
  {
    name: 'GET /_all_dbs',
    method: 'GET',
    path: () => '/_all_dbs',
    expect: ADMIN(200),
    cite: '[srv] admin_only_all_dbs',
  },
  {
    name: 'GET /_active_tasks',
    method: 'GET',
    path: () => '/_active_tasks',
    expect: ADMIN(200),
    cite: '[srv]',
  },
  {
    name: 'GET /_node/_local/_config',
    method: 'GET',
    path: () => '/_node/_local/_config',
    expect: ADMIN(200),
    cite: '[srv] config',
  },
  {
    name: 'POST /_replicate',
    method: 'POST',
    path: () => '/_replicate',
    // Non-admins name URLs without credentials: CouchDB runs a replication as the URLs' user and
    // refuses it (401), the embedded server refuses anyone but the server admin (401).
    body: (c) =>
      c.actor === 'serverAdmin'
        ? {
            source: `${c.f.target.adminUrl}/${c.f.db}`,
            target: `${c.f.target.adminUrl}/${c.f.db}_copy`,
            create_target: true,
          }
        : {
            source: `${c.f.target.url}/${c.f.db}`,
            target: `${c.f.target.url}/${c.f.db}_copy_${c.actor.toLowerCase()}`,
          },
    async verify(c, status) {
      if (c.actor === 'serverAdmin') return;
      const made = await c.f.admin('GET', `/${c.f.db}_copy_${c.actor.toLowerCase()}`);
      if (status !== 200 && made.status === 200) throw new Error('a refused replication created its target');
    },
    async cleanup(c, status) {
      if (c.actor === 'serverAdmin' && status === 200) {
        const copy = await c.f.admin('GET', `/${c.f.db}_copy/seed`);
        if (copy.status !== 200)
          throw new Error(`the replication did not copy the seed document: ${copy.status}`);
        await c.f.admin('DELETE', `/${c.f.db}_copy`);
      }
    },
    expect: ADMIN(200),
    cite: '[srv] replicate',
  },
];
