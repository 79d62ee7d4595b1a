import { beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, createDb, dropDatabases, type CouchTarget } from '../../../tests/support/couchTarget';
import { embeddedServerForFile } from '../../../tests/support/embeddedServerForFile';
import { createCouchClient, type CouchClient } from '../couch/client';
import { seedDemo } from './demo';
import { DEMO_PASSWORD, generateDemo } from './demoGenerator';
import { addUser, disableUser, parseRoles, setPassword, validateUserName, withPassword } from './users';

// One embedded server for the file; the CLI against Apache CouchDB is in tests/integration.
const server = embeddedServerForFile();
let target: CouchTarget;
let couch: CouchClient;
beforeAll(() => {
  target = server.target;
  couch = createCouchClient(target.adminUrl);
});

async function userDoc(name: string): Promise<Record<string, unknown>> {
  const r = await couchFetch(`${target.url}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, {
    auth: target.admin,
  });
  if (r.status !== 200) throw new Error(`user ${name}: ${r.status}`);
  return r.body as Record<string, unknown>;
}

/** `POST /_session` with a name and password: the status and the roles it signed in with. */
async function signIn(name: string, password: string): Promise<{ status: number; roles?: string[] }> {
  const r = await couchFetch(`${target.url}/_session`, { method: 'POST', body: { name, password } });
  return { status: r.status, ...(r.status === 200 ? { roles: r.body.roles as string[] } : {}) };
}

async function updateSeq(db: string): Promise<unknown> {
  return (await couchFetch(`${target.url}/${db}`, { auth: target.admin })).body.update_seq;
}

describe('user administration (embedded server; the CLI against CouchDB is in tests/integration)', () => {
  it('parses and validates roles against core/roles.ts', () => {
    expect(parseRoles('judge, leader,judge')).toEqual(['judge', 'leader']);
    expect(() => parseRoles('')).toThrow(/at least one role/);
    expect(() => parseRoles('judge,_admin')).toThrow(/unknown role.*_admin/);
    expect(() => parseRoles('president')).toThrow(/valid roles: judge/);
    expect(parseRoles('reader')).toEqual(['reader']);
    expect(() => parseRoles('reader,clerk')).toThrow(/reader role cannot be combined/);
  });

  it.each(['Clerk.Wang', 'a', '张三', 'x:y', '1abc', '_admin'])('rejects the user name %s', (name) => {
    expect(() => validateUserName(name)).toThrow(/invalid user name/);
  });

  it('withPassword keeps a disabled user disabled unless asked to enable, and restores the roles', () => {
    const disabled = {
      _id: 'org.couchdb.user:x',
      name: 'x',
      type: 'user' as const,
      roles: [],
      disabled: true,
      disabledRoles: ['judge', 'bogus'],
    };
    expect(() => withPassword(disabled, 'long-enough-1')).toThrow(/disabled/);
    expect(() => withPassword({ ...disabled, disabled: false }, 'short')).toThrow(/too short/);
    const back = withPassword(disabled, 'long-enough-1', {
      enable: true,
      now: new Date('2026-03-02T00:00:00Z'),
    });
    expect(back).toMatchObject({
      roles: ['judge'],
      password: 'long-enough-1',
      enabledAt: '2026-03-02T00:00:00.000Z',
    });
    expect(back.disabled).toBeUndefined();
    expect(back['disabledRoles']).toBeUndefined();
  });

  it('adds, disables and re-enables a user', async () => {
    await addUser(couch, {
      name: 'clerk.new',
      roles: ['clerk'],
      password: 'longenough',
      displayName: '新书记员',
    });
    await expect(
      addUser(couch, { name: 'clerk.new', roles: ['clerk'], password: 'longenough' }),
    ).rejects.toThrow(/already exists/);
    await expect(addUser(couch, { name: 'clerk.x', roles: ['clerk'], password: 'short' })).rejects.toThrow(
      /too short/,
    );
    expect(
      (await couchFetch(`${target.url}/_users/org.couchdb.user:clerk.x`, { auth: target.admin })).status,
    ).toBe(404);
    expect(await userDoc('clerk.new')).toMatchObject({
      type: 'user',
      name: 'clerk.new',
      roles: ['clerk'],
      displayName: '新书记员',
    });
    expect(await signIn('clerk.new', 'longenough')).toEqual({ status: 200, roles: ['clerk'] });

    await disableUser(couch, 'clerk.new', { by: 'admin', now: new Date('2026-11-25T15:00:00Z') });
    expect(await userDoc('clerk.new')).toMatchObject({
      disabled: true,
      disabledBy: 'admin',
      disabledAt: '2026-11-25T15:00:00.000Z',
      roles: [],
      disabledRoles: ['clerk'],
    });
    expect((await signIn('clerk.new', 'longenough')).status).toBe(401);
    await disableUser(couch, 'clerk.new', { by: 'admin' }); // disabling twice keeps the original roles
    expect((await userDoc('clerk.new'))['disabledRoles']).toEqual(['clerk']);

    await expect(setPassword(couch, 'clerk.new', 'another-pass')).rejects.toThrow(/disabled/);
    expect((await signIn('clerk.new', 'another-pass')).status).toBe(401);
    await setPassword(couch, 'clerk.new', 'another-pass', { enable: true });
    const back = await userDoc('clerk.new');
    expect(back).toMatchObject({ roles: ['clerk'] });
    expect(back['disabled']).toBeUndefined();
    expect(await signIn('clerk.new', 'another-pass')).toEqual({ status: 200, roles: ['clerk'] });
    await expect(disableUser(couch, 'nobody.here', { by: 'admin' })).rejects.toThrow(/no such user/);
  });

  it('seeds demo data idempotently and never re-enables a disabled demo user', async () => {
    await dropDatabases(target);
    const dbs = ['courtdesk_cases', 'courtdesk_notices', 'courtdesk_forum', 'courtdesk_enforcement'];
    for (const db of dbs) await createDb(target, db);
    const demo = generateDemo({ cases: 50 });
    const first = await seedDemo(couch, { cases: 50, batchSize: 7 });
    expect([...first.usersCreated].sort()).toEqual(demo.users.map((u) => u.name).sort());
    const docs = first.docs['courtdesk_cases'];
    const info = await couchFetch(`${target.url}/courtdesk_cases`, { auth: target.admin });
    expect(docs).toEqual({ written: demo.docs['courtdesk_cases']?.length, existing: 0 });
    expect(info.body.doc_count).toBe(docs?.written);
    for (const db of dbs.slice(1)) {
      expect(first.docs[db]?.written, db).toBeGreaterThan(0);
      expect(first.docs[db], db).toEqual({ written: demo.docs[db]?.length, existing: 0 });
    }
    expect((await signIn('clerk.wang', DEMO_PASSWORD)).status).toBe(200);
    await disableUser(couch, 'clerk.wang', { by: 'admin' });
    const seqOf = async () => Promise.all(['_users', ...dbs].map(updateSeq));
    const seqs = await seqOf();
    const second = await seedDemo(couch, { cases: 50 });
    expect(second.usersCreated).toEqual([]);
    expect(second.docs['courtdesk_cases']).toEqual({ written: 0, existing: docs?.written });
    for (const db of dbs) expect(second.docs[db]?.written, db).toBe(0);
    expect(await seqOf()).toEqual(seqs);
    expect((await userDoc('clerk.wang'))['disabled']).toBe(true);
    expect((await signIn('clerk.wang', DEMO_PASSWORD)).status).toBe(401);
  });
});
