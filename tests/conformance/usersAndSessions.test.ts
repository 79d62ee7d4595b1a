import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { disableUser, setPassword } from '../../sync-server/src/setup/users';
import { couchFetch, createUser, sessionCookie } from '../support/couchTarget';
import { setupFixture, type Actor, type Fixture } from './fixture';

/**
 * `_session` and `_users`, one set of expectations for the embedded server and Apache CouchDB 3.4.3.
 * Cookie authentication per https://docs.couchdb.org/en/stable/api/server/authn.html (POST /_session
 * 200 + AuthSession cookie, 401 `unauthorized` on a wrong password). `_users` is admin-only in
 * CouchDB 3 (`[couchdb] users_db_security_editable = false`, default security admin_only): a user
 * can neither read nor change their own user document. Measured on 3.4.3: every document, `_find`,
 * `_bulk_get`, `_bulk_docs`, `_local`, design and `_security` request by a user → 403 `forbidden`
 * "You are not allowed to access this db." (anonymous: 401 "You are not authorized to access this
 * db."); `_all_docs` and `_changes` → 401 "You are not a server admin." for both; PUT
 * `/_users/_security`, even by the server admin → 403 "You can't edit the security object of the
 * user database.".
 */
let f: Fixture;
const userUrl = (name: string): string => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
const NOT_ALLOWED = { error: 'forbidden', reason: 'You are not allowed to access this db.' };
const NOT_AUTHORIZED = { error: 'unauthorized', reason: 'You are not authorized to access this db.' };
const NOT_SERVER_ADMIN = { error: 'unauthorized', reason: 'You are not a server admin.' };

beforeAll(async () => {
  f = await setupFixture();
});

afterAll(async () => {
  await f?.stop();
});

/** The server admin's view of a user document (the only view there is). */
async function userDoc(name: string): Promise<Record<string, unknown>> {
  const r = await f.admin('GET', userUrl(name));
  expect(r.status).toBe(200);
  return r.body as Record<string, unknown>;
}

async function canUse(auth: { name: string; password: string } | { cookie: string }): Promise<number> {
  return (await couchFetch(`${f.target.url}/${f.db}`, 'cookie' in auth ? auth : { auth })).status;
}

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

describe('_users is admin-only', () => {
  it('sign-up, with or without roles: anonymous → 401, a signed-in user → 403; nothing stored', async () => {
    const name = `conf_signup_${Date.now()}`;
    for (const roles of [['judge'], []]) {
      const doc = { _id: `org.couchdb.user:${name}`, name, password: 'x', roles, type: 'user' };
      const anon = await f.as('anonymous', 'PUT', userUrl(name), doc);
      expect(anon.status).toBe(401);
      expect(anon.body).toEqual(NOT_AUTHORIZED);
      const asUser = await f.as('outsider', 'PUT', userUrl(name), doc);
      expect(asUser.status).toBe(403);
      expect(asUser.body).toEqual(NOT_ALLOWED);
    }
    expect((await f.admin('GET', userUrl(name))).status).toBe(404);
  });

  it('the server admin creates, reads and updates users', async () => {
    const name = `conf_admin_made_${Date.now()}`;
    await createUser(f.target, name, 'pw-admin-made', ['judge']);
    const cookie = await sessionCookie(f.target, name, 'pw-admin-made');
    expect((await couchFetch(`${f.target.url}/_session`, { cookie })).body.userCtx.roles).toEqual(['judge']);
    const doc = await userDoc(name);
    const r = await f.admin('PUT', userUrl(name), { ...doc, displayName: '赵志刚', division: 'min1' });
    expect(r.status).toBe(201);
    expect(await userDoc(name)).toMatchObject({ displayName: '赵志刚', division: 'min1' });
  });

  it('a user cannot read their own document, nor anyone else’s (GET and HEAD)', async () => {
    const own = f.creds.outsider!.name;
    const other = f.creds.memberRole!.name;
    for (const name of [own, other, 'nobody_at_all']) {
      const r = await f.as('outsider', 'GET', userUrl(name));
      expect(r.status, name).toBe(403);
      expect(r.body).toEqual(NOT_ALLOWED);
      expect((await f.as('outsider', 'HEAD', userUrl(name))).status).toBe(403);
      const anon = await f.as('anonymous', 'GET', userUrl(name));
      expect(anon.status).toBe(401);
      expect(anon.body).toEqual(NOT_AUTHORIZED);
    }
  });

  it('attack: a user edits their own profile (division, title, displayName, disabled) → 403, nothing changes', async () => {
    // These fields feed the staff directory and the judge draw (sync-server/src/workers).
    const { name } = f.creds.memberRole!;
    const before = await userDoc(name);
    const forged = { ...before, division: 'xing', title: '庭长', displayName: '院长本人', disabled: false };
    for (const [method, path, body] of [
      ['PUT', userUrl(name), forged],
      ['POST', '/_users', forged],
      ['POST', '/_users/_bulk_docs', { docs: [forged] }],
    ] as const) {
      const r = await f.as('memberRole', method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body).toEqual(NOT_ALLOWED);
    }
    expect(await userDoc(name)).toEqual(before);
  });

  it('a user granting themselves a role or _admin → 403, roles unchanged', async () => {
    const { name, password } = f.creds.outsider!;
    const before = await userDoc(name);
    for (const roles of [['kiosk', 'leader', 'admin'], ['_admin']]) {
      const r = await f.as('outsider', 'PUT', userUrl(name), { ...before, roles });
      expect(r.status).toBe(403);
    }
    const cookie = await sessionCookie(f.target, name, password);
    expect((await couchFetch(`${f.target.url}/_session`, { cookie })).body.userCtx.roles).toEqual(['kiosk']);
    expect((await f.as('outsider', 'GET', '/_all_dbs')).status).toBe(401);
  });

  it('a user cannot change their own password by writing _users (the app asks the worker instead)', async () => {
    const { name, password } = f.creds.memberName!;
    const before = await userDoc(name);
    const r = await f.as('memberName', 'PUT', userUrl(name), { ...before, password: 'self-chosen-1' });
    expect(r.status).toBe(403);
    expect(await canUse({ name, password: 'self-chosen-1' })).toBe(401);
    expect(await canUse({ name, password })).toBe(200);
    const del = await f.as('memberName', 'DELETE', `${userUrl(name)}?rev=${String(before['_rev'])}`);
    expect(del.status).toBe(403);
    expect(await userDoc(name)).toEqual(before);
  });

  it("another user's document: write refused (403), password unchanged", async () => {
    const other = f.creds.memberRole!.name;
    const doc = await userDoc(other);
    const write = await f.as('outsider', 'PUT', userUrl(other), { ...doc, password: 'hijacked' });
    expect(write.status).toBe(403);
    expect(await canUse({ name: other, password: 'hijacked' })).toBe(401);
  });

  it('listings and feeds: _all_docs and _changes → 401 "not a server admin"; everything else → 403 / 401', async () => {
    const adminOnly: Array<[string, string, unknown?]> = [
      ['GET', '/_users/_all_docs'],
      ['POST', '/_users/_all_docs', { keys: [] }],
      ['GET', '/_users/_changes'],
      ['POST', '/_users/_changes', {}],
      ['GET', '/_users/_changes?feed=longpoll&timeout=100'],
    ];
    const members: Array<[string, string, unknown?]> = [
      ['GET', '/_users'],
      ['POST', '/_users/_find', { selector: {} }],
      ['POST', '/_users/_bulk_get', { docs: [{ id: `org.couchdb.user:${f.creds.outsider!.name}` }] }],
      ['POST', '/_users/_revs_diff', {}],
      ['GET', '/_users/_design_docs'],
      ['GET', '/_users/_design/_auth'],
      ['GET', '/_users/_local/anything'],
      ['PUT', '/_users/_local/anything', { a: 1 }],
      ['GET', '/_users/_security'],
      ['GET', '/_users/_index'],
    ];
    const check = async (actor: Actor, list: typeof members, status: number, body: object) => {
      for (const [method, path, reqBody] of list) {
        const r = await f.as(actor, method, path, reqBody);
        expect(r.status, `${actor} ${method} ${path}: ${r.text}`).toBe(status);
        expect(r.body, `${actor} ${method} ${path}`).toEqual(body);
      }
    };
    await check('outsider', adminOnly, 401, NOT_SERVER_ADMIN);
    await check('anonymous', adminOnly, 401, NOT_SERVER_ADMIN);
    await check('memberRole', members, 403, NOT_ALLOWED);
    await check('anonymous', members, 401, NOT_AUTHORIZED);
    expect((await f.admin('GET', '/_users/_all_docs?limit=1')).status).toBe(200);
  });

  it("nobody edits _users' security object, not even the server admin (403)", async () => {
    const before = (await f.admin('GET', '/_users/_security')).body;
    const r = await f.admin('PUT', '/_users/_security', { members: { names: [], roles: ['clerk'] } });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({
      error: 'forbidden',
      reason: "You can't edit the security object of the user database.",
    });
    expect((await f.admin('GET', '/_users/_security')).body).toEqual(before);
    expect((await f.as('memberRole', 'PUT', '/_users/_security', {})).status).toBe(403);
  });
});

describe('password changes and disabled accounts (what the worker and the CLI rely on)', () => {
  it('a new password set by the admin: the old password, Basic auth and the old cookie stop working', async () => {
    const name = `conf_pw_${Date.now()}`;
    await createUser(f.target, name, 'first-secret-1', ['clerk']);
    const oldCookie = await sessionCookie(f.target, name, 'first-secret-1');
    expect(await canUse({ cookie: oldCookie })).toBe(200);
    // setPassword waits until the server answers to the new password (CouchDB's auth cache).
    await setPassword(createCouchClient(f.target.adminUrl), name, 'second-secret-2');
    expect(await canUse({ name, password: 'first-secret-1' })).toBe(401);
    expect(await canUse({ cookie: oldCookie })).toBe(401); // the salt changed: the cookie's signature no longer matches
    expect(await canUse({ name, password: 'second-secret-2' })).toBe(200);
    expect(await canUse({ cookie: await sessionCookie(f.target, name, 'second-secret-2') })).toBe(200);
  });

  it('a disabled user can neither sign in, nor use Basic auth, nor an old cookie; enabling restores them', async () => {
    const name = `conf_dis_${Date.now()}`;
    await createUser(f.target, name, 'before-disable', ['clerk']);
    const cookie = await sessionCookie(f.target, name, 'before-disable');
    expect(await canUse({ cookie })).toBe(200);
    const couch = createCouchClient(f.target.adminUrl);
    await disableUser(couch, name, { by: f.target.admin.name });
    const signIn = await couchFetch(`${f.target.url}/_session`, {
      method: 'POST',
      body: { name, password: 'before-disable' },
    });
    expect(signIn.status).toBe(401);
    expect(await canUse({ name, password: 'before-disable' })).toBe(401);
    expect(await canUse({ cookie })).toBe(401);
    expect(await userDoc(name)).toMatchObject({ disabled: true, roles: [], disabledRoles: ['clerk'] });
    await setPassword(couch, name, 'after-enable-1', { enable: true });
    expect(await canUse({ name, password: 'after-enable-1' })).toBe(200);
    expect(await userDoc(name)).toMatchObject({ roles: ['clerk'] });
    expect((await userDoc(name))['disabled']).toBeUndefined();
  });
});
