import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, createUser, sessionCookie } from '../support/couchTarget';
import { setupFixture, skippedOnCouch, type Fixture } from './fixture';

/**
 * `_session` and `_users`, per https://docs.couchdb.org/en/stable/api/server/authn.html (cookie
 * authentication: POST /_session 200 + AuthSession cookie, 401 `unauthorized` on a wrong password)
 * and https://docs.couchdb.org/en/stable/intro/security.html#users-documents (a user may update
 * their own document but not its roles: "Only _admin may edit roles" → 403 forbidden).
 */
let f: Fixture;
const userUrl = (name: string): string => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;

beforeAll(async () => {
  f = await setupFixture();
});

afterAll(async () => {
  await f?.stop();
});

describe('_session', () => {
  it('POST with the right password → 200 and an AuthSession cookie that identifies the user', async () => {
    const { name, password } = f.creds.memberRole!;
    const cookie = await sessionCookie(f.target, name, password);
    const r = await couchFetch(`${f.target.url}/_session`, { cookie });
    expect(r.status).toBe(200);
    expect(r.body.userCtx).toMatchObject({ name, roles: ['clerk'] });
    const db = await couchFetch(`${f.target.url}/${f.db}/_all_docs`, { cookie });
    expect(db.status).toBe(200);
  });

  it('POST with a wrong password → 401 unauthorized', async () => {
    const r = await couchFetch(`${f.target.url}/_session`, {
      method: 'POST',
      body: { name: f.creds.memberRole!.name, password: 'wrong' },
    });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('unauthorized');
  });

  it('Basic auth with a wrong password → 401 unauthorized', async () => {
    const r = await couchFetch(`${f.target.url}/${f.db}`, {
      auth: { name: f.creds.memberRole!.name, password: 'wrong' },
    });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('unauthorized');
  });

  it('GET without credentials → 200 with userCtx.name null', async () => {
    const r = await couchFetch(`${f.target.url}/_session`);
    expect(r.status).toBe(200);
    expect(r.body.userCtx.name).toBeNull();
  });

  it('DELETE → 200 ok', async () => {
    const cookie = await sessionCookie(f.target, f.creds.memberName!.name, f.creds.memberName!.password);
    const r = await couchFetch(`${f.target.url}/_session`, { method: 'DELETE', cookie });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
  });

  it('the server admin signs in and is _admin', async () => {
    const cookie = await sessionCookie(f.target, f.target.admin.name, f.target.admin.password);
    const r = await couchFetch(`${f.target.url}/_session`, { cookie });
    expect(r.body.userCtx.roles).toContain('_admin');
  });
});

describe('_users', () => {
  it('anonymous sign-up asking for a role is refused (401 or 403, never stored)', async () => {
    const name = `conf_signup_role_${Date.now()}`;
    const r = await f.as('anonymous', 'PUT', userUrl(name), {
      _id: `org.couchdb.user:${name}`,
      name,
      password: 'x',
      roles: ['judge'],
      type: 'user',
    });
    expect([401, 403]).toContain(r.status);
    expect(['unauthorized', 'forbidden']).toContain(r.body.error);
    expect((await f.admin('GET', userUrl(name))).status).toBe(404);
  });

  it('anonymous sign-up without roles is refused on the embedded server (CourtDesk: accounts come from the admin)', async ({
    skip,
  }) => {
    if (!f.target.embedded) {
      skippedOnCouch('self sign-up refusal (a CourtDesk policy; CouchDB permits it when _users is public)');
      skip();
    }
    const name = `conf_signup_${Date.now()}`;
    const r = await f.as('anonymous', 'PUT', userUrl(name), {
      _id: `org.couchdb.user:${name}`,
      name,
      password: 'x',
      roles: [],
      type: 'user',
    });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('unauthorized');
    const asUser = await f.as('outsider', 'PUT', userUrl(`${name}b`), {
      _id: `org.couchdb.user:${name}b`,
      name: `${name}b`,
      password: 'x',
      roles: [],
      type: 'user',
    });
    expect(asUser.status).toBe(403);
    expect(asUser.body.error).toBe('forbidden');
  });

  it('the server admin creates a user → 201', async () => {
    const name = `conf_admin_made_${Date.now()}`;
    await createUser(f.target, name, 'pw', ['judge']);
    const cookie = await sessionCookie(f.target, name, 'pw');
    expect((await couchFetch(`${f.target.url}/_session`, { cookie })).body.userCtx.roles).toEqual(['judge']);
  });

  it('a user reads their own document', async () => {
    const { name } = f.creds.outsider!;
    const r = await f.as('outsider', 'GET', userUrl(name));
    expect(r.status).toBe(200);
    expect(r.body.name).toBe(name);
  });

  it('a user granting themselves a role → 403 forbidden, roles unchanged', async () => {
    const { name, password } = f.creds.outsider!;
    const own = await f.as('outsider', 'GET', userUrl(name));
    const r = await f.as('outsider', 'PUT', userUrl(name), {
      ...own.body,
      roles: [...own.body.roles, 'leader', 'admin'],
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('forbidden');
    const cookie = await sessionCookie(f.target, name, password);
    expect((await couchFetch(`${f.target.url}/_session`, { cookie })).body.userCtx.roles).toEqual(['kiosk']);
  });

  it('a user granting themselves _admin → 403 forbidden', async () => {
    const { name } = f.creds.outsider!;
    const own = await f.as('outsider', 'GET', userUrl(name));
    const r = await f.as('outsider', 'PUT', userUrl(name), { ...own.body, roles: ['_admin'] });
    expect(r.status).toBe(403);
    expect((await f.as('outsider', 'GET', '/_all_dbs')).status).toBe(401);
  });

  it('a user changes their own password → 201, the new password works and the old one not', async () => {
    const { name, password } = f.creds.memberName!;
    const own = await f.as('memberName', 'GET', userUrl(name));
    const r = await f.as('memberName', 'PUT', userUrl(name), { ...own.body, password: 'new-secret' });
    expect(r.status, r.text).toBe(201);
    expect(
      (await couchFetch(`${f.target.url}/${f.db}`, { auth: { name, password: 'new-secret' } })).status,
    ).toBe(200);
    expect((await couchFetch(`${f.target.url}/${f.db}`, { auth: { name, password } })).status).toBe(401);
    f.creds.memberName = { name, password: 'new-secret' };
  });

  it("another user's document: read refused (403 or 404), write refused (403 or 404)", async () => {
    const other = f.creds.memberRole!.name;
    const read = await f.as('outsider', 'GET', userUrl(other));
    expect([403, 404]).toContain(read.status);
    const adminView = await f.admin('GET', userUrl(other));
    const write = await f.as('outsider', 'PUT', userUrl(other), { ...adminView.body, password: 'hijacked' });
    expect([403, 404]).toContain(write.status);
    expect(
      (await couchFetch(`${f.target.url}/${f.db}`, { auth: { name: other, password: 'hijacked' } })).status,
    ).toBe(401);
  });

  it('listing _users (_all_docs) is refused to non-admins', async () => {
    // Anonymous: 401 where _users is admin-only (CouchDB 3 default), 403 from CouchDB's system-db check otherwise.
    const anon = await f.as('anonymous', 'GET', '/_users/_all_docs');
    expect([401, 403]).toContain(anon.status);
    if (f.target.embedded) expect(anon.status).toBe(401);
    expect((await f.as('outsider', 'GET', '/_users/_all_docs')).status).toBe(403);
  });
});
