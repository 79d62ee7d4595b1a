import { describe, expect, it } from 'vitest';
import { hasAccess, isDbAdmin, isMember, isServerAdmin, securityObjectProblem } from './access';

const admins = new Set(['admin']);
const sec = { admins: { names: ['boss'], roles: ['leader'] }, members: { names: ['ann'], roles: ['clerk'] } };

describe('access', () => {
  it('a server admin needs both the _admin role and a configured name', () => {
    expect(isServerAdmin({ name: 'admin', roles: ['_admin'] }, admins)).toBe(true);
    // express-pouchdb adds _admin to a user editing their own _users doc: never trusted alone.
    expect(isServerAdmin({ name: 'bob', roles: ['_admin'] }, admins)).toBe(false);
    expect(isServerAdmin({ name: 'admin', roles: [] }, admins)).toBe(false);
    expect(isServerAdmin({ name: null, roles: ['_admin'] }, admins)).toBe(false);
  });

  it('members by name or role; admins are members', () => {
    expect(isMember({ name: 'ann', roles: [] }, sec, admins)).toBe(true);
    expect(isMember({ name: 'x', roles: ['clerk'] }, sec, admins)).toBe(true);
    expect(isMember({ name: 'boss', roles: [] }, sec, admins)).toBe(true);
    expect(isMember({ name: 'x', roles: ['leader'] }, sec, admins)).toBe(true);
    expect(isMember({ name: 'x', roles: ['kiosk'] }, sec, admins)).toBe(false);
    expect(isMember({ name: null, roles: [] }, sec, admins)).toBe(false);
  });

  it('empty or missing members: admins only (CouchDB 3 default)', () => {
    for (const s of [{}, { members: {} }, { members: { names: [], roles: [] } }]) {
      expect(isMember({ name: 'x', roles: ['clerk'] }, s, admins)).toBe(false);
      expect(isMember({ name: null, roles: [] }, s, admins)).toBe(false);
      expect(isMember({ name: 'admin', roles: ['_admin'] }, s, admins)).toBe(true);
    }
  });

  it('db admins by name or role, members are not', () => {
    expect(isDbAdmin({ name: 'boss', roles: [] }, sec, admins)).toBe(true);
    expect(isDbAdmin({ name: 'x', roles: ['leader'] }, sec, admins)).toBe(true);
    expect(isDbAdmin({ name: 'ann', roles: ['clerk'] }, sec, admins)).toBe(false);
    expect(hasAccess('dbAdmin', { name: 'admin', roles: ['_admin'] }, {}, admins)).toBe(true);
  });

  it('ignores malformed security lists instead of crashing', () => {
    expect(isMember({ name: 'ann', roles: ['clerk'] }, { members: { names: 'ann', roles: 5 } }, admins)).toBe(
      false,
    );
  });

  it('validates security objects', () => {
    expect(securityObjectProblem(sec)).toBeNull();
    expect(securityObjectProblem({})).toBeNull();
    expect(securityObjectProblem([])).not.toBeNull();
    expect(securityObjectProblem({ members: { names: 'ann' } })).not.toBeNull();
    expect(securityObjectProblem({ admins: { roles: [1] } })).not.toBeNull();
  });
});
