import { describe, expect, it } from 'vitest';
import { CouchHttpError } from '../errors';
import { classifyRoute } from './routes';
import { decide, type Decision } from './allowList';
import { admitToUsersDb, checkUsersDbWrite, USERS_SECURITY_LOCKED } from './usersDb';

const bob = {
  _id: 'org.couchdb.user:bob',
  name: 'bob',
  type: 'user',
  roles: ['clerk'],
  password_scheme: 'pbkdf2',
};
const admin = { name: 'admin', roles: ['_admin'] };

function usersDecision(method: string, path: string): Extract<Decision, { kind: 'usersDb' }> {
  const d = decide(method, classifyRoute(path));
  if (d.kind !== 'usersDb') throw new Error(`${method} ${path}: ${d.kind}`);
  return d;
}

function refusal(fn: () => unknown): { status: number; error: string; reason: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof CouchHttpError) return { status: err.status, ...err.toBody() };
    throw err;
  }
  throw new Error('not refused');
}

describe('_users access (admin-only, as CouchDB 3)', () => {
  it('every request to _users is a _users decision', () => {
    for (const path of ['/_users', '/_users/org.couchdb.user:bob', '/_users/_find', '/_users/_local/x'])
      expect(decide('GET', classifyRoute(path)).kind, path).toBe('usersDb');
    expect(decide('GET', classifyRoute('/courtdesk_cases/x')).kind).toBe('allow');
  });

  it('users and anonymous callers are refused like CouchDB, own document included', () => {
    const own = usersDecision('GET', '/_users/org.couchdb.user:bob');
    expect(refusal(() => admitToUsersDb(own, true, false))).toEqual({
      status: 403,
      error: 'forbidden',
      reason: 'You are not allowed to access this db.',
    });
    expect(refusal(() => admitToUsersDb(own, false, false))).toMatchObject({
      status: 401,
      reason: 'You are not authorized to access this db.',
    });
    for (const path of ['/_users/_all_docs', '/_users/_changes'])
      for (const authenticated of [true, false])
        expect(refusal(() => admitToUsersDb(usersDecision('GET', path), authenticated, false))).toEqual({
          status: 401,
          error: 'unauthorized',
          reason: 'You are not a server admin.',
        });
  });

  it('the server admin gets the ordinary decision, except for changing the security object', () => {
    expect(admitToUsersDb(usersDecision('PUT', '/_users/org.couchdb.user:bob'), true, true)).toEqual({
      kind: 'allow',
      permit: { level: 'member', body: 'json', shape: 'document' },
    });
    expect(admitToUsersDb(usersDecision('GET', '/_users/_security'), true, true)).toMatchObject({
      kind: 'allow',
    });
    expect(admitToUsersDb(usersDecision('PUT', '/_users/_security'), true, true)).toMatchObject({
      kind: 'refuse',
      status: 403,
      reason: USERS_SECURITY_LOCKED,
    });
  });
});

describe('_users write rules (every write path)', () => {
  it('the server admin creates users and sets roles', () => {
    expect(checkUsersDbWrite({ ...bob, roles: ['judge'] }, admin, true)).toBeNull();
    expect(checkUsersDbWrite({ _id: '_design/_auth' }, admin, true)).toBeNull();
  });

  it('nobody sets system roles or breaks the shape, not even the admin', () => {
    expect(checkUsersDbWrite({ ...bob, roles: ['_admin'] }, admin, true)).toMatchObject({ status: 403 });
    expect(checkUsersDbWrite({ ...bob, _id: 'org.couchdb.user:mallory' }, admin, true)).toMatchObject({
      status: 403,
    });
    expect(checkUsersDbWrite({ ...bob, type: 'note' }, admin, true)).toMatchObject({
      reason: 'doc.type must be user',
    });
  });

  it('no user writes _users: own profile, own password, roles, sign-up, deletion', () => {
    const asBob = { name: 'bob', roles: ['clerk'] };
    for (const doc of [
      { ...bob, division: 'xing', title: '庭长' },
      { ...bob, password: 'new-password' },
      { ...bob, roles: ['clerk', 'leader'] },
      { _id: bob._id, _rev: '1-a', _deleted: true },
    ])
      expect(checkUsersDbWrite(doc, asBob, false)).toMatchObject({ status: 403, error: 'forbidden' });
    // even when express-pouchdb has pushed _admin into the request's roles
    expect(
      checkUsersDbWrite({ ...bob, roles: ['leader'] }, { name: 'bob', roles: ['_admin'] }, false),
    ).toMatchObject({ status: 403 });
    expect(checkUsersDbWrite({ ...bob, roles: [] }, { name: null, roles: [] }, false)).toMatchObject({
      status: 401,
      error: 'unauthorized',
    });
  });
});
