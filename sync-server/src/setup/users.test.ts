import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, getCouchTarget, type CouchTarget } from '../../../tests/support/couchTarget';
import { createCouchClient, type CouchClient } from '../couch/client';
import { seedDemo } from './demo';
import { addUser, disableUser, parseRoles, setPassword, validateUserName, withPassword } from './users';

/** User administration against the in-process embedded server (sign-in behaviour included). */
let target: CouchTarget;
let couch: CouchClient;

beforeAll(async () => {
  target = await getCouchTarget();
  couch = createCouchClient(target.adminUrl);
});

afterAll(async () => {
  await target?.stop();
});

async function userDoc(name: string): Promise<Record<string, unknown>> {
  return (await couchFetch(`${target.url}/_users/org.couchdb.user:${name}`, { auth: target.admin }))
    .body as Record<string, unknown>;
}

async function signIn(name: string, password: string): Promise<number> {
  return (await couchFetch(`${target.url}/_session`, { method: 'POST', body: { name, password } })).status;
}

describe('user administration', () => {
  it('parses and validates roles against core/roles.ts', () => {
    expect(parseRoles('judge, leader,judge')).toEqual(['judge', 'leader']);
    expect(() => parseRoles('')).toThrow(/at least one role/);
    expect(() => parseRoles('judge,_admin')).toThrow(/unknown role.*_admin/);
    expect(() => parseRoles('president')).toThrow(/valid roles: judge/);
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

  it('adds, disables and re-enables a user; a disabled user cannot sign in', async () => {
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
    expect(await userDoc('clerk.new')).toMatchObject({
      type: 'user',
      name: 'clerk.new',
      roles: ['clerk'],
      displayName: '新书记员',
    });
    expect(await signIn('clerk.new', 'longenough')).toBe(200);

    await disableUser(couch, 'clerk.new', { by: 'admin', now: new Date('2026-11-25T15:00:00Z') });
    expect(await userDoc('clerk.new')).toMatchObject({
      disabled: true,
      disabledBy: 'admin',
      disabledAt: '2026-11-25T15:00:00.000Z',
      roles: [],
      disabledRoles: ['clerk'],
    });
    expect(await signIn('clerk.new', 'longenough')).toBe(401);
    await disableUser(couch, 'clerk.new', { by: 'admin' }); // disabling twice keeps the original roles
    expect((await userDoc('clerk.new'))['disabledRoles']).toEqual(['clerk']);

    await expect(setPassword(couch, 'clerk.new', 'another-pass')).rejects.toThrow(/disabled/);
    await setPassword(couch, 'clerk.new', 'another-pass', { enable: true });
    const back = await userDoc('clerk.new');
    expect(back).toMatchObject({ roles: ['clerk'] });
    expect(back['disabled']).toBeUndefined();
    expect(await signIn('clerk.new', 'another-pass')).toBe(200);
    await expect(disableUser(couch, 'nobody.here', { by: 'admin' })).rejects.toThrow(/no such user/);
  });

  it('seeds demo data idempotently and never re-enables a disabled demo user', async () => {
    await couchFetch(`${target.url}/courtdesk_cases`, { method: 'PUT', auth: target.admin });
    const first = await seedDemo(couch, { cases: 30, batchSize: 7 });
    expect(first.usersCreated.length).toBeGreaterThanOrEqual(28);
    const docs = first.docs['courtdesk_cases'];
    const info = await couchFetch(`${target.url}/courtdesk_cases`, { auth: target.admin });
    expect(docs?.written).toBe(info.body.doc_count);
    expect(docs?.existing).toBe(0);
    await disableUser(couch, 'clerk.wang', { by: 'admin' });
    const before = await couchFetch(`${target.url}/courtdesk_cases`, { auth: target.admin });
    const second = await seedDemo(couch, { cases: 30 });
    expect(second.usersCreated).toEqual([]);
    expect(second.docs['courtdesk_cases']).toEqual({ written: 0, existing: docs?.written });
    const after = await couchFetch(`${target.url}/courtdesk_cases`, { auth: target.admin });
    expect(after.body.update_seq).toEqual(before.body.update_seq);
    expect((await userDoc('clerk.wang'))['disabled']).toBe(true);
  });
});
