import { describe, expect, it } from 'vitest';
import { createFakeCouch } from '../couch/fakeCouch';
import { seedDemo } from './demo';
import { addUser, disableUser, parseRoles, setPassword, validateUserName } from './users';

describe('user administration (fake server; _session behaviour is in tests/integration)', () => {
  it('parses and validates roles against core/roles.ts', () => {
    expect(parseRoles('judge, leader,judge')).toEqual(['judge', 'leader']);
    expect(() => parseRoles('')).toThrow(/at least one role/);
    expect(() => parseRoles('judge,_admin')).toThrow(/unknown role.*_admin/);
    expect(() => parseRoles('president')).toThrow(/valid roles: judge/);
  });

  it.each(['Clerk.Wang', 'a', '张三', 'x:y', '1abc', '_admin'])('rejects the user name %s', (name) => {
    expect(() => validateUserName(name)).toThrow(/invalid user name/);
  });

  it('adds, disables and re-enables a user', async () => {
    const { couch, state } = createFakeCouch();
    await couch.db.create('_users');
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
    const users = state.dbs.get('_users')?.docs;
    expect(users?.get('org.couchdb.user:clerk.new')).toMatchObject({
      type: 'user',
      name: 'clerk.new',
      roles: ['clerk'],
      displayName: '新书记员',
      password: 'longenough',
    });

    await disableUser(couch, 'clerk.new', { by: 'admin', now: new Date('2026-11-25T15:00:00Z') });
    const disabled = users?.get('org.couchdb.user:clerk.new');
    expect(disabled).toMatchObject({
      disabled: true,
      disabledBy: 'admin',
      disabledAt: '2026-11-25T15:00:00.000Z',
      roles: [],
      disabledRoles: ['clerk'],
    });
    expect(disabled?.['password']).not.toBe('longenough');
    expect(String(disabled?.['password']).length).toBeGreaterThanOrEqual(48);
    await disableUser(couch, 'clerk.new', { by: 'admin' }); // disabling twice keeps the original roles
    expect(users?.get('org.couchdb.user:clerk.new')?.['disabledRoles']).toEqual(['clerk']);

    await expect(setPassword(couch, 'clerk.new', 'another-pass')).rejects.toThrow(/disabled/);
    await setPassword(couch, 'clerk.new', 'another-pass', { enable: true });
    const back = users?.get('org.couchdb.user:clerk.new');
    expect(back).toMatchObject({ roles: ['clerk'], password: 'another-pass' });
    expect(back?.['disabled']).toBeUndefined();
    await expect(disableUser(couch, 'nobody.here', { by: 'admin' })).rejects.toThrow(/no such user/);
  });

  it('seeds demo data idempotently and never re-enables a disabled demo user', async () => {
    const { couch, state } = createFakeCouch();
    for (const db of ['_users', 'courtdesk_cases']) await couch.db.create(db);
    const first = await seedDemo(couch, { cases: 30, batchSize: 7 });
    expect(first.usersCreated.length).toBeGreaterThanOrEqual(28);
    const docs = first.docs['courtdesk_cases'];
    expect(docs?.written).toBe(state.dbs.get('courtdesk_cases')?.docs.size);
    expect(docs?.existing).toBe(0);
    await disableUser(couch, 'clerk.wang', { by: 'admin' });
    const writes = state.writes.length;
    const second = await seedDemo(couch, { cases: 30 });
    expect(second.usersCreated).toEqual([]);
    expect(second.docs['courtdesk_cases']).toEqual({ written: 0, existing: docs?.written });
    expect(state.writes.length).toBe(writes);
    expect(state.dbs.get('_users')?.docs.get('org.couchdb.user:clerk.wang')?.['disabled']).toBe(true);
  });
});
