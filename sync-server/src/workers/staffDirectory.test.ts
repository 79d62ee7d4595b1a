import { describe, expect, it } from 'vitest';
import { issuesForWrite } from '../../../core/schemas/registry';
import { buildStaffList, newestUsers, staffEntryOf } from './staffDirectory';
import type { CouchDoc } from './couchHttp';

const user = (name: string, extra: Record<string, unknown> = {}) => ({
  _id: `org.couchdb.user:${name}`,
  _rev: '3-abc',
  name,
  type: 'user',
  roles: ['judge'],
  password_scheme: 'pbkdf2',
  iterations: 10,
  derived_key: 'deadbeef',
  salt: 'cafe',
  ...extra,
});

describe('staff directory entries', () => {
  it('copies only the listed fields of a user document', () => {
    expect(
      staffEntryOf(
        user('judge.zhao', { displayName: ' 赵志刚 ', division: 'min1', title: '审判员', phone: '1' }),
      ),
    ).toEqual({
      name: 'judge.zhao',
      displayName: '赵志刚',
      roles: ['judge'],
      division: 'min1',
      title: '审判员',
    });
  });

  it('falls back to the user name and drops unknown roles', () => {
    expect(staffEntryOf(user('clerk.li', { roles: ['clerk', '_admin', 'x', 'clerk'] }))).toEqual({
      name: 'clerk.li',
      displayName: 'clerk.li',
      roles: ['clerk'],
    });
  });

  it('keeps a disabled account with the roles it had, marked', () => {
    const disabled = user('judge.old', { roles: [], disabledRoles: ['judge', 'leader'], disabled: true });
    expect(staffEntryOf(disabled)).toEqual({
      name: 'judge.old',
      displayName: 'judge.old',
      roles: ['judge', 'leader'],
      disabled: true,
    });
  });

  it('leaves out design documents, deleted users and accounts that are not staff', () => {
    expect(staffEntryOf({ _id: '_design/_auth' })).toBeNull();
    expect(staffEntryOf(user('worker', { roles: ['worker'] }))).toBeNull();
    expect(staffEntryOf(user('kiosk1', { roles: ['kiosk'] }))).toBeNull();
    expect(staffEntryOf(user('gone', { _deleted: true }))).toBeNull();
  });

  it('builds a sorted list that passes the directory schema', () => {
    const staff = buildStaffList([
      user('b.two'),
      user('a.one', { displayName: '甲' }),
      user('worker', { roles: ['worker'] }),
    ]);
    expect(staff.map((e) => e.name)).toEqual(['a.one', 'b.two']);
    const doc = {
      _id: 'directory:staff',
      type: 'directory',
      schemaVersion: 1,
      createdAt: '2026-03-02T09:30:00Z',
      createdBy: 'worker',
      updatedAt: '2026-03-02T09:30:00Z',
      staff,
    };
    expect(issuesForWrite(doc)).toEqual([]);
    expect(JSON.stringify(doc)).not.toMatch(/salt|derived_key|password|iterations/);
  });
});

describe('newest user documents (a cluster scan may lag the feed)', () => {
  const at = (name: string, rev: string, extra: Record<string, unknown> = {}) => ({
    ...user(name, extra),
    _rev: rev,
  });

  it('takes the feed’s version when it is newer, and adds users the scan has not seen yet', () => {
    const scanned = [at('judge.a', '2-x', { displayName: '旧名' }), at('judge.b', '1-x')];
    const feed = new Map<string, CouchDoc>([
      ['org.couchdb.user:judge.a', at('judge.a', '3-y', { displayName: '新名' })],
      ['org.couchdb.user:clerk.c', at('clerk.c', '1-z', { roles: ['clerk'] })],
    ]);
    expect(buildStaffList(newestUsers(scanned, feed)).map((e) => [e.name, e.displayName])).toEqual([
      ['clerk.c', 'clerk.c'],
      ['judge.a', '新名'],
      ['judge.b', 'judge.b'],
    ]);
  });

  it('keeps the scanned version when the feed’s is older, and drops a user the feed deleted', () => {
    const scanned = [at('judge.a', '4-x', { displayName: '最新' }), at('judge.b', '1-x')];
    const feed = new Map<string, CouchDoc>([
      ['org.couchdb.user:judge.a', at('judge.a', '3-y', { displayName: '较旧' })],
      ['org.couchdb.user:judge.b', { _id: 'org.couchdb.user:judge.b', _rev: '2-d', _deleted: true }],
    ]);
    expect(buildStaffList(newestUsers(scanned, feed))).toEqual([
      { name: 'judge.a', displayName: '最新', roles: ['judge'] },
    ]);
  });
});
