import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDdocs } from '../../build/compileDdocs';
import { DATABASES, databaseByKey } from '../../core/databases';
import {
  couchFetch,
  createDb,
  createUser,
  credentialUrl,
  uniqueDbName,
  type CouchResponse,
  type Credentials,
} from '../support/couchTarget';
import { setupFixture, type Fixture } from './fixture';

/**
 * Kiosk isolation (issue 11 item 5, SPEC §3): a user with the `kiosk` role reads the public
 * projection and nothing else. Forged requests — everything a replication or a hand-made client
 * could send — against a copy of every other CourtDesk database (its real `_security` and design
 * document) and `_users` must fail with 401 or 403 and leak nothing; writes to the public
 * database are refused by its validate_doc_update; server-admin endpoints refuse the kiosk.
 * Copies under unique names, so the suite never touches a server's real databases.
 */
let f: Fixture;
let kiosk: Credentials;
const copies = new Map<string, string>(); // database key → copy name
const SECRET = `SECRET-${randomBytes(4).toString('hex')}`;
const ddocs = compileDdocs();

function seedDoc(key: string): Record<string, unknown> {
  return {
    _id: `case:seed-${key}`,
    type: 'case',
    schemaVersion: 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    createdBy: 'clerk.seed',
    secret: `${SECRET} 620402198001011234 13909431234`,
  };
}

beforeAll(async () => {
  f = await setupFixture();
  kiosk = { name: `conf_kiosk_${randomBytes(4).toString('hex')}`, password: 'kiosk-pw-1' };
  await createUser(f.target, kiosk.name, kiosk.password, ['kiosk']);
  for (const spec of DATABASES) {
    const name = `${uniqueDbName()}_${spec.key}`;
    await createDb(f.target, name, {
      admins: { names: [], roles: [...spec.adminRoles] },
      members: { names: [], roles: [...spec.memberRoles] },
    });
    // The seed goes in before the design document: it is data to steal, not to validate.
    const seed = await f.admin(
      'PUT',
      `/${name}/${encodeURIComponent(String(seedDoc(spec.key)._id))}`,
      seedDoc(spec.key),
    );
    expect(seed.status, seed.text).toBe(201);
    for (const d of ddocs.find((c) => c.db === spec.name)?.docs ?? []) {
      const { _rev: _ignored, ...body } = d as typeof d & { _rev?: string };
      const r = await f.admin('PUT', `/${name}/${d._id}`, body);
      expect(r.status, r.text).toBe(201);
    }
    copies.set(spec.key, name);
  }
}, 120_000);

afterAll(async () => {
  await f?.stop();
});

/** A refusal: 401 or 403 with CouchDB's error, and none of the seed's content in the body. */
function expectRefused(r: CouchResponse, what: string): void {
  expect([401, 403], `${what}: ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status);
  expect(['unauthorized', 'forbidden'], what).toContain(r.body?.error);
  expect(r.text, what).not.toContain(SECRET);
}

function asKiosk(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<CouchResponse> {
  return couchFetch(`${f.target.url}${path}`, {
    method,
    body,
    auth: kiosk,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

/** Every request the kiosk could forge against one database. */
function attacks(db: string): [string, string, string, unknown?][] {
  const id = encodeURIComponent('case:seed-x');
  const rev = '1-0123456789abcdef0123456789abcdef';
  const doc = {
    _id: 'case:forged',
    type: 'case',
    schemaVersion: 1,
    createdAt: '2026-01-05T08:00:00Z',
    createdBy: 'x',
  };
  return [
    ['database info', 'GET', `/${db}`],
    ['read a document', 'GET', `/${db}/${encodeURIComponent('case:seed-')}`],
    ['write a document', 'PUT', `/${db}/${id}`, doc],
    ['POST a document', 'POST', `/${db}`, doc],
    ['_bulk_docs', 'POST', `/${db}/_bulk_docs`, { docs: [doc] }],
    [
      '_bulk_docs new_edits:false (replication write)',
      'POST',
      `/${db}/_bulk_docs`,
      { new_edits: false, docs: [{ ...doc, _rev: rev }] },
    ],
    ['_all_docs', 'GET', `/${db}/_all_docs?include_docs=true`],
    ['POST _all_docs keys', 'POST', `/${db}/_all_docs?include_docs=true`, { keys: ['case:seed-x'] }],
    ['_changes', 'GET', `/${db}/_changes?include_docs=true`],
    ['_changes longpoll', 'GET', `/${db}/_changes?feed=longpoll&timeout=200&include_docs=true`],
    ['_changes _selector', 'POST', `/${db}/_changes?filter=_selector&include_docs=true`, { selector: {} }],
    ['_bulk_get', 'POST', `/${db}/_bulk_get`, { docs: [{ id: 'case:seed-x' }] }],
    ['_find', 'POST', `/${db}/_find`, { selector: { _id: { $gt: null } } }],
    ['_revs_diff', 'POST', `/${db}/_revs_diff`, { 'case:seed-x': [rev] }],
    ['_local checkpoint read', 'GET', `/${db}/_local/kiosk-checkpoint`],
    ['_local checkpoint write', 'PUT', `/${db}/_local/kiosk-checkpoint`, { last_seq: 0 }],
    ['_security', 'GET', `/${db}/_security`],
    ['_security write', 'PUT', `/${db}/_security`, { members: { roles: ['kiosk'] } }],
    ['design document', 'GET', `/${db}/_design/courtdesk`],
    ['design document write', 'PUT', `/${db}/_design/kiosk`, { views: {} }],
    ['delete the database', 'DELETE', `/${db}`],
  ];
}

describe('the kiosk is refused every database but the public projection', () => {
  const others = DATABASES.filter((d) => d.key !== 'public').map((d) => d.key);

  for (const key of others) {
    it(`${databaseByKey(key).name}: every read, write, feed and replication request → 401/403`, async () => {
      const db = copies.get(key) as string;
      for (const [what, method, path, body] of attacks(db)) {
        const p = path.replace('case%3Aseed-', encodeURIComponent(`case:seed-${key}`));
        expectRefused(await asKiosk(method, p, body, 10_000), `${key} ${what}`);
      }
      // Control: the same path answers a member (the clerk role) with the seed.
      if ((databaseByKey(key).memberRoles as readonly string[]).includes('clerk')) {
        const seen = await f.as('memberRole', 'GET', `/${db}/${encodeURIComponent(`case:seed-${key}`)}`);
        expect(seen.status).toBe(200);
        expect(seen.text).toContain(SECRET);
      }
      // Nothing forged was stored, and the database is still there.
      const forged = await f.admin('GET', `/${db}/case%3Aforged`);
      expect(forged.status).toBe(404);
      expect((await f.admin('GET', `/${db}`)).status).toBe(200);
      expect((await f.admin('GET', `/${db}/_security`)).body.members.roles).not.toContain('kiosk');
    });
  }

  it('_users: listings, feeds, other users and writes → 401/403', async () => {
    const other = `org.couchdb.user:${f.creds.memberRole?.name ?? ''}`;
    const reqs: [string, string, unknown?][] = [
      ['GET', '/_users/_all_docs?include_docs=true'],
      ['GET', '/_users/_changes?include_docs=true'],
      ['GET', `/_users/${encodeURIComponent(other)}`],
      ['POST', '/_users/_bulk_get', { docs: [{ id: other }] }],
      ['POST', '/_users/_find', { selector: {} }],
      [
        'PUT',
        `/_users/${encodeURIComponent(`org.couchdb.user:${kiosk.name}`)}`,
        { name: kiosk.name, type: 'user', roles: ['admin'], password: 'x' },
      ],
      ['PUT', '/_users/_security', {}],
    ];
    for (const [method, path, body] of reqs) {
      const r = await asKiosk(method, path, body);
      expectRefused(r, `${method} ${path}`);
      expect(r.text).not.toMatch(/derived_key|password_scheme/);
    }
    const session = await asKiosk('GET', '/_session');
    expect(session.body.userCtx.roles).toEqual(['kiosk']);
  });

  it('replication (POST /_replicate) from any other database with the kiosk credentials → refused, nothing copied', async () => {
    const pub = copies.get('public') as string;
    for (const key of others) {
      const source = `${credentialUrl(f.target, kiosk)}/${copies.get(key) as string}`;
      const target = `${credentialUrl(f.target, kiosk)}/${pub}`;
      const r = await asKiosk('POST', '/_replicate', { source, target }, 20_000);
      // The embedded server refuses anyone but the server admin (401); CouchDB runs the job as the
      // kiosk and fails it with the source's refusal, whose status its replicator chooses: any
      // failure will do there, as long as nothing is copied and nothing leaks.
      if (f.target.embedded) expectRefused(r, `_replicate ${key}`);
      else expect(r.status, `_replicate ${key}: ${r.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(r.text).not.toContain(SECRET);
    }
    const copied = await f.admin('GET', `/${pub}/_all_docs`);
    expect(copied.text).not.toMatch(/case:seed-(?!public)/);
  });

  it('server-admin endpoints → 401/403', async () => {
    for (const path of [
      '/_all_dbs',
      '/_active_tasks',
      '/_node/_local/_config',
      '/_scheduler/jobs',
      '/_membership',
      '/_db_updates',
    ]) {
      const r = await asKiosk('GET', path);
      expectRefused(r, path);
      expect(r.text).not.toMatch(/courtdesk_|conf_/);
    }
    expectRefused(await asKiosk('PUT', `/${uniqueDbName()}_kiosk`), 'create a database');
  });
});

describe('the public projection: the kiosk reads it, and cannot write it', () => {
  it('reads: _all_docs, _changes and the document → 200', async () => {
    const pub = copies.get('public') as string;
    expect((await asKiosk('GET', `/${pub}/_all_docs`)).status).toBe(200);
    expect((await asKiosk('GET', `/${pub}/_changes`)).status).toBe(200);
    expect((await asKiosk('GET', `/${pub}/${encodeURIComponent('case:seed-public')}`)).status).toBe(200);
  });

  it('writes of public documents (normal and replication path, delete) → 403 from validate_doc_update', async () => {
    const pub = copies.get('public') as string;
    const doc = {
      _id: 'publicCase:forged',
      type: 'publicCase',
      schemaVersion: 1,
      createdAt: '2026-01-05T08:00:00.000Z',
      createdBy: kiosk.name,
      caseNumber: '（2026）甘0402民初1号',
    };
    const put = await asKiosk('PUT', `/${pub}/publicCase%3Aforged`, doc);
    expect(put.status).toBe(403);
    expect(put.body?.reason).toMatch(/kiosk is read-only/);
    const notice = { ...doc, _id: 'hearingNotice:forged:h1', type: 'hearingNotice' };
    expect((await asKiosk('PUT', `/${pub}/hearingNotice%3Aforged%3Ah1`, notice)).status).toBe(403);
    const bulk = await asKiosk('POST', `/${pub}/_bulk_docs`, {
      new_edits: false,
      docs: [{ ...doc, _rev: '1-0123456789abcdef0123456789abcdef' }],
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body[0]).toMatchObject({ error: 'forbidden' });
    expect((await f.admin('GET', `/${pub}/publicCase%3Aforged`)).status).toBe(404);
    const seed = await f.admin('GET', `/${pub}/${encodeURIComponent('case:seed-public')}`);
    const del = await asKiosk(
      'DELETE',
      `/${pub}/${encodeURIComponent('case:seed-public')}?rev=${seed.body._rev}`,
    );
    expectRefused(del, 'delete');
    expectRefused(await asKiosk('PUT', `/${pub}/_design/kiosk`, { views: {} }), 'design document');
    // CouchDB 3.4.3 answers a member's _security write with 500 no_majority (every shard copy
    // refuses it); either way the security object must be unchanged.
    const sec = await asKiosk('PUT', `/${pub}/_security`, { members: { roles: [] } });
    if (sec.status === 500 && !f.target.embedded) expect(sec.body?.reason).toBe('no_majority');
    else expectRefused(sec, '_security');
    const secNow = await f.admin('GET', `/${pub}/_security`);
    expect(secNow.body?.members?.roles ?? []).toContain('kiosk');
  });
});
