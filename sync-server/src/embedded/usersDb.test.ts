import { describe, expect, it } from 'vitest';
import { checkUsersDbWrite } from './usersDb';

const bob = {
  _id: 'org.couchdb.user:bob',
  name: 'bob',
  type: 'user',
  roles: ['clerk'],
  password_scheme: 'pbkdf2',
};
const asBob = { name: 'bob', roles: ['clerk'] };

describe('_users write rules', () => {
  it('the server admin creates users and sets roles', () => {
    expect(
      checkUsersDbWrite({ ...bob, roles: ['judge'] }, null, { name: 'admin', roles: ['_admin'] }, true),
    ).toBeNull();
  });
  it('nobody sets system roles, not even the admin', () => {
    expect(
      checkUsersDbWrite({ ...bob, roles: ['_admin'] }, null, { name: 'admin', roles: ['_admin'] }, true),
    ).toMatchObject({ status: 403 });
  });
  it('sign-up: anonymous → 401, another user → 403', () => {
    expect(checkUsersDbWrite({ ...bob, roles: [] }, null, { name: null, roles: [] }, false)).toMatchObject({
      status: 401,
      error: 'unauthorized',
    });
    expect(checkUsersDbWrite({ ...bob, roles: [] }, null, { name: 'eve', roles: [] }, false)).toMatchObject({
      status: 403,
      error: 'forbidden',
    });
  });
  it('a user may change their own password, not their roles', () => {
    expect(checkUsersDbWrite({ ...bob, password: 'new' }, bob, asBob, false)).toBeNull();
    expect(checkUsersDbWrite({ ...bob, roles: ['clerk', 'leader'] }, bob, asBob, false)).toMatchObject({
      status: 403,
      reason: 'Only _admin may edit roles',
    });
    // even when express-pouchdb has pushed _admin into the request's roles
    expect(
      checkUsersDbWrite(
        { ...bob, roles: ['leader'] },
        bob,
        { name: 'bob', roles: ['clerk', '_admin'] },
        false,
      ),
    ).toMatchObject({ status: 403 });
  });
  it("nobody else's document, no deletes by users, ids must match names", () => {
    expect(
      checkUsersDbWrite({ ...bob, password: 'x' }, bob, { name: 'eve', roles: [] }, false),
    ).toMatchObject({ status: 403 });
    expect(checkUsersDbWrite({ _id: bob._id, _rev: '1-a', _deleted: true }, bob, asBob, false)).toMatchObject(
      { status: 403 },
    );
    expect(checkUsersDbWrite({ ...bob, _id: 'org.couchdb.user:mallory' }, bob, asBob, false)).toMatchObject({
      status: 403,
    });
    expect(checkUsersDbWrite({ _id: '_design/_auth' }, null, asBob, false)).toMatchObject({ status: 403 });
  });
});
