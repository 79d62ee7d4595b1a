import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileDdocs } from '../../../build/compileDdocs';
import { DATABASES } from '../../../core/databases';
import { STANDARD_BOARDS } from '../../../core/domain/forum';
import {
  couchFetch,
  createDb,
  createUser,
  credentialUrl,
  dropDatabases,
  uniqueDbName,
  type CouchTarget,
} from '../../../tests/support/couchTarget';
import { embeddedServerForFile } from '../../../tests/support/embeddedServerForFile';
import { createCouchClient, type CouchClient } from '../couch/client';
import { normaliseSecurity, putSecurity } from '../couch/helpers';
import { MIGRATION_LOG, MIGRATIONS, runMigrations, type Migration } from '../migrations/migrations';
import { formatReport, provision, securityFor } from './provision';

// One embedded server for the file (tests/support/couchTarget.ts); Apache CouchDB runs the same
// provisioning in tests/integration/provision.test.ts.
const server = embeddedServerForFile();
// Compiled once, up front: compiling blocks the event loop for seconds, long enough for the server
// to close an idle keep-alive connection the next request would then reuse (ECONNRESET).
const ddocs = compileDdocs();
let target: CouchTarget;
let couch: CouchClient;
beforeAll(() => {
  target = server.target;
  couch = createCouchClient(target.adminUrl);
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await couchFetch(`${target.url}/${path}`, { auth: target.admin });
  return { status: r.status, body: r.body as Record<string, unknown> };
}

/** `update_seq` of every database: any document write moves it. */
async function updateSeqs(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const db of ['_users', ...DATABASES.map((d) => d.name)])
    out[db] = (await get(encodeURIComponent(db))).body['update_seq'];
  return out;
}

describe('provision (embedded server; Apache CouchDB in tests/integration)', () => {
  it('creates every database, _users, _security and design document, then changes nothing', async () => {
    await dropDatabases(target);
    const usersExisted = (await get('_users')).status === 200;
    const first = await provision(couch, { ddocs });
    expect((await get('_users')).status).toBe(200);
    for (const spec of DATABASES) {
      expect((await get(`${spec.name}/_security`)).body, spec.name).toEqual(
        normaliseSecurity(securityFor(spec)),
      );
      const ddoc = await get(`${spec.name}/_design/courtdesk`);
      expect(ddoc.body['courtdesk_version'], spec.name).toMatch(/\+[0-9a-f]{12}$/);
      expect(typeof ddoc.body['validate_doc_update'], spec.name).toBe('string');
    }
    // + the named migrations of a fresh server (the e-library's starter set, the forum boards).
    expect(first.changes).toHaveLength((usersExisted ? 0 : 1) + DATABASES.length * 3 + MIGRATIONS.length);
    expect(first.migrations).toEqual(MIGRATIONS.map((m) => m.name));
    const items = await get(
      `courtdesk_library/_all_docs?startkey=${encodeURIComponent('"libraryItem:"')}&endkey=${encodeURIComponent('"libraryItem:\ufff0"')}`,
    );
    expect((items.body['rows'] as unknown[]).length).toBe(25);
    expect(first.changes.includes('created database _users')).toBe(!usersExisted);
    // The standard forum boards, written once by their migration.
    for (const b of STANDARD_BOARDS)
      expect((await get(`courtdesk_forum/board:${b.code}`)).body['name'], b.code).toBe(b.name);

    const before = await updateSeqs();
    const second = await provision(couch, { ddocs });
    expect(second.changes).toEqual([]);
    expect(await updateSeqs()).toEqual(before);
    expect(formatReport(second)).toMatch(/already in place/);
    expect(formatReport(first)).toMatch(/change\(s\)/);
  });

  it('updates a design document only when its stamp differs, and repairs _security', async () => {
    await provision(couch, { ddocs });
    const ddoc = (await get('courtdesk_cases/_design/courtdesk')).body;
    const w = await couchFetch(`${target.url}/courtdesk_cases/_design/courtdesk`, {
      method: 'PUT',
      auth: target.admin,
      body: { ...ddoc, courtdesk_version: 'old' },
    });
    expect(w.status).toBe(201);
    const s = await couchFetch(`${target.url}/courtdesk_cases/_security`, {
      method: 'PUT',
      auth: target.admin,
      body: {},
    });
    expect(s.status).toBe(200);

    const r = await provision(couch, { ddocs });
    expect(r.changes).toEqual([
      expect.stringMatching(/^set _security of courtdesk_cases/),
      expect.stringMatching(/^updated courtdesk_cases\/_design\/courtdesk/),
    ]);
    expect((await get('courtdesk_cases/_design/courtdesk')).body['courtdesk_version']).toBe(
      ddoc['courtdesk_version'],
    );
    const spec = DATABASES.find((d) => d.name === 'courtdesk_cases');
    if (!spec) throw new Error('no courtdesk_cases spec');
    expect((await get('courtdesk_cases/_security')).body).toEqual(normaliseSecurity(securityFor(spec)));
  });

  it('refuses to run without a server admin, and creates nothing', async () => {
    await dropDatabases(target);
    const clerk = { name: 'clerk.provision', password: 'not-an-admin-1' };
    await createUser(target, clerk.name, clerk.password, ['clerk']);
    await expect(provision(createCouchClient(credentialUrl(target, clerk)), { ddocs })).rejects.toThrow(
      /server admin/,
    );
    expect((await get('courtdesk_cases')).status).toBe(404);
  });

  it('never writes an empty members list', async () => {
    const db = uniqueDbName('provision');
    await createDb(target, db);
    const before = (await get(`${db}/_security`)).body;
    await expect(
      putSecurity(couch, db, { admins: { names: [], roles: [] }, members: { names: [], roles: [] } }),
    ).rejects.toThrow(/public/);
    expect((await get(`${db}/_security`)).body).toEqual(before);
    for (const spec of DATABASES) expect(securityFor(spec).members.roles.length).toBeGreaterThan(0);
    expect(
      securityFor(DATABASES.find((d) => d.key === 'cases') ?? DATABASES[0]!).members.roles,
    ).not.toContain('kiosk');
    expect(securityFor(DATABASES.find((d) => d.key === 'public') ?? DATABASES[0]!).members.roles).toContain(
      'kiosk',
    );
  });
});

describe('named migrations', () => {
  beforeEach(async () => {
    await provision(couch, { ddocs });
    const log = await get(`${MIGRATION_LOG.db}/${MIGRATION_LOG.id}`);
    if (log.status === 200)
      await couchFetch(
        `${target.url}/${MIGRATION_LOG.db}/${MIGRATION_LOG.id}?rev=${String(log.body['_rev'])}`,
        {
          method: 'DELETE',
          auth: target.admin,
        },
      );
  });

  it('runs pending migrations once, in created order, and records them', async () => {
    const order: string[] = [];
    const mk = (name: string, created: string): Migration => ({
      name,
      created,
      run: async () => void order.push(name),
    });
    const ms = [mk('b', '2026-11-02'), mk('a', '2026-11-01')];
    expect(await runMigrations(couch, ms)).toEqual(['a', 'b']);
    expect(await runMigrations(couch, ms)).toEqual([]);
    expect(await runMigrations(couch, [...ms, mk('c', '2026-11-03')])).toEqual(['c']);
    expect(order).toEqual(['a', 'b', 'c']);
    const r = await provision(couch, {
      ddocs,
      migrations: [...ms, mk('c', '2026-11-03'), mk('d', '2026-11-04')],
    });
    expect(r.migrations).toEqual(['d']);
    expect(r.changes).toEqual(['ran migration d']);
    const log = (await get(`${MIGRATION_LOG.db}/${MIGRATION_LOG.id}`)).body;
    expect((log['applied'] as { name: string }[]).map((a) => a.name)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('stops at a failing migration and keeps the ones before it recorded', async () => {
    const ok: Migration = { name: 'ok', created: '2026-01-01', run: async () => {} };
    const bad: Migration = {
      name: 'bad',
      created: '2026-01-02',
      run: async () => Promise.reject(new Error('boom')),
    };
    await expect(runMigrations(couch, [ok, bad])).rejects.toThrow('boom');
    expect(await runMigrations(couch, [ok])).toEqual([]);
    expect(await runMigrations(couch, [ok, { ...bad, run: async () => {} }])).toEqual(['bad']);
  });

  it('rejects duplicate names and invalid dates', async () => {
    const m: Migration = { name: 'x', created: '2026-01-01', run: async () => {} };
    await expect(runMigrations(couch, [m, m])).rejects.toThrow(/duplicate/);
    await expect(runMigrations(couch, [{ ...m, created: 'soon' }])).rejects.toThrow(/invalid created/);
  });
});
