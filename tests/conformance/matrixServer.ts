import type { Expected } from './expectations';
import type { Row } from './matrix';

/** Server-level rows of the security matrix (matrix.ts has the sources and the database rows). */

const U: Expected = [401, 'unauthorized'];
const OPEN_200 = {
  anonymous: [200],
  outsider: [200],
  memberName: [200],
  memberRole: [200],
  dbAdmin: [200],
  serverAdmin: [200],
} as const;
const ADMIN = (ok: number) => ({ anonymous: U, outsider: U, memberName: U, memberRole: U, dbAdmin: U, serverAdmin: [ok] as Expected });

/** Rows of `/_session`, `/_up`, `/_uuids` and the server-admin endpoints. */
export const SERVER_ROWS: Row[] = [
  { name: 'GET /_session', method: 'GET', path: () => '/_session', expect: OPEN_200, cite: '[intro]' },
  { name: 'GET /_up', method: 'GET', path: () => '/_up', expect: OPEN_200, cite: '[srv] up' },
  { name: 'GET /_uuids', method: 'GET', path: () => '/_uuids?count=2', expect: OPEN_200, cite: '[srv] uuids' },
  { name: 'GET /_all_dbs', method: 'GET', path: () => '/_all_dbs', expect: ADMIN(200), cite: '[srv] admin_only_all_dbs' },
  { name: 'GET /_active_tasks', method: 'GET', path: () => '/_active_tasks', expect: ADMIN(200), cite: '[srv]' },
  { name: 'GET /_node/_local/_config', method: 'GET', path: () => '/_node/_local/_config', expect: ADMIN(200), cite: '[srv] config' },
  {
    name: 'POST /_replicate',
    method: 'POST',
    path: () => '/_replicate',
    // Non-admins name URLs without credentials: CouchDB runs a replication as the URLs' user and
    // refuses it (401), the embedded server refuses anyone but the server admin (401).
    body: (c) =>
      c.actor === 'serverAdmin'
        ? { source: `${c.f.target.adminUrl}/${c.f.db}`, target: `${c.f.target.adminUrl}/${c.f.db}_copy`, create_target: true }
        : { source: `${c.f.target.url}/${c.f.db}`, target: `${c.f.target.url}/${c.f.db}_copy_${c.actor.toLowerCase()}` },
    async verify(c, status) {
      if (c.actor === 'serverAdmin') return;
      const made = await c.f.admin('GET', `/${c.f.db}_copy_${c.actor.toLowerCase()}`);
      if (status !== 200 && made.status === 200) throw new Error('a refused replication created its target');
    },
    async cleanup(c, status) {
      if (c.actor === 'serverAdmin' && status === 200) {
        const copy = await c.f.admin('GET', `/${c.f.db}_copy/seed`);
        if (copy.status !== 200) throw new Error(`the replication did not copy the seed document: ${copy.status}`);
        await c.f.admin('DELETE', `/${c.f.db}_copy`);
      }
    },
    expect: ADMIN(200),
    cite: '[srv] replicate',
  },
];
