import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, createUser, sessionCookie, type Credentials } from '../support/couchTarget';
import { expectAnswer } from './expectations';
import { setupFixture, skippedOnCouch, type Fixture } from './fixture';
import { OwnServer } from './ownServer';

/**
 * Issue 8 hole 9: no brute-force protection on `_session` and Basic auth (50 wrong passwords, no
 * delay), and PBKDF2 at 10 iterations for user and admin hashes. Both servers now answer alike:
 * CouchDB 3.4's lockout (`[chttpd_auth_lockout]`: 5 failures from one address lock that user out
 * for 5 minutes with 403), PBKDF2-SHA256 at 600,000 iterations, and a cache that keeps Basic auth
 * fast after the first slow check. Hashes of existing installs still verify and are upgraded.
 */
const require = createRequire(import.meta.url);
let f: Fixture;
const LOCKED = 'Account is temporarily locked due to multiple authentication failures';
const tag = Math.random().toString(16).slice(2, 8);

beforeAll(async () => {
  f = await setupFixture();
});

afterAll(async () => {
  await f?.stop();
});

async function newUser(prefix: string): Promise<Credentials> {
  const user = { name: `${prefix}_${tag}`, password: `right-${tag}` };
  await createUser(f.target, user.name, user.password, ['clerk']);
  return user;
}

function basic(creds: Credentials) {
  return couchFetch(`${f.target.url}/_session`, { auth: creds });
}

function signIn(name: string, password: string) {
  return couchFetch(`${f.target.url}/_session`, { method: 'POST', body: { name, password } });
}

describe('lockout after repeated failures (hole 9)', () => {
  it('Basic auth: 5 wrong passwords → 401, then 403 even with the right one', async () => {
    const user = await newUser('conf_lock_basic');
    for (let i = 0; i < 5; i++)
      expectAnswer(await basic({ ...user, password: 'wrong' }), [401, 'unauthorized'], f.target.embedded);
    const sixth = await basic({ ...user, password: 'wrong' });
    expectAnswer(sixth, [403, 'forbidden'], f.target.embedded);
    expect(sixth.body.reason).toBe(LOCKED);
    expectAnswer(await basic(user), [403, 'forbidden'], f.target.embedded);
    expectAnswer(await signIn(user.name, user.password), [403, 'forbidden'], f.target.embedded);
    // Only that user is locked out.
    expect((await basic(f.creds.memberRole!)).status).toBe(200);
  });

  it('_session: 5 wrong passwords → 401, then 403', async () => {
    const user = await newUser('conf_lock_session');
    for (let i = 0; i < 5; i++)
      expectAnswer(await signIn(user.name, 'wrong'), [401, 'unauthorized'], f.target.embedded);
    const locked = await signIn(user.name, user.password);
    expectAnswer(locked, [403, 'forbidden'], f.target.embedded);
    expect(locked.body.reason).toBe(LOCKED);
    expect(locked.headers.get('set-cookie') ?? '').not.toMatch(/AuthSession=[^;]+;/);
  });
});

describe('password hashes (hole 9)', () => {
  it('a new user’s hash: PBKDF2-SHA256, 600,000 iterations, no clear text', async () => {
    const user = await newUser('conf_hash');
    const doc = await f.admin('GET', `/_users/${encodeURIComponent(`org.couchdb.user:${user.name}`)}`);
    expect(doc.body).toMatchObject({ password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: 600_000 });
    expect(doc.body.derived_key).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.body.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(doc.body.password).toBeUndefined();
  });

  it('the admin’s hash in [admins] has the same scheme', async () => {
    const r = await f.admin('GET', `/_node/_local/_config/admins/${encodeURIComponent(f.target.admin.name)}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/^-pbkdf2:sha256-[0-9a-f]{64},[0-9a-f]{32},600000$/);
  });

  it('Basic auth is slow once, then fast (verified credentials are cached)', async () => {
    const user = await newUser('conf_fast');
    expect((await basic(user)).status).toBe(200);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      expect((await basic(user)).status).toBe(200);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[5]).toBeLessThan(150);
  });
});

describe('hashes of existing installs (embedded server data directory)', () => {
  it('a 10-iteration SHA-1 user hash still signs in and is upgraded, keeping the session', async ({
    skip,
  }) => {
    if (!f.target.embedded) {
      skippedOnCouch('password hashes written by an older embedded server');
      skip();
    }
    const hashPassword = (
      require('pouchdb-auth/lib/utils') as { hashPassword(p: string, s: string, i: number): Promise<string> }
    ).hashPassword;
    const own = new OwnServer();
    try {
      await own.start();
      await own.stop();
      const salt = '15913719610c1711c71a310015015d1701b81c619718d120';
      await own.direct('_users', async (db) => {
        await db.put({
          _id: 'org.couchdb.user:old',
          name: 'old',
          roles: ['clerk'],
          type: 'user',
          iterations: 10,
          password_scheme: 'pbkdf2',
          salt,
          derived_key: await hashPassword('old-pw', salt, 10),
        });
      });
      // The admin hash as pouchdb-auth wrote it.
      const adminFile = join(own.dir, 'embedded-admin.json');
      const adminSalt = 'aa11bb22cc33';
      writeFileSync(
        adminFile,
        JSON.stringify({
          name: own.admin.name,
          hash: `-pbkdf2-${await hashPassword(own.admin.password, adminSalt, 10)},${adminSalt},10`,
        }),
      );
      await own.start();
      expect((JSON.parse(readFileSync(adminFile, 'utf8')) as { hash: string }).hash).toMatch(
        /^-pbkdf2:sha256-[0-9a-f]{64},[0-9a-f]{32},600000$/,
      );
      expect((await own.request('GET', '/_all_dbs')).status).toBe(200);
      const target = {
        url: own.url,
        adminUrl: own.url,
        admin: own.admin,
        embedded: true,
        stop: async () => undefined,
      };
      const cookie = await sessionCookie(target, 'old', 'old-pw');
      expect(
        (await couchFetch(`${own.url}/_session`, { auth: { name: 'old', password: 'wrong' } })).status,
      ).toBe(401);
      let doc: Record<string, unknown> = {};
      for (let i = 0; i < 100 && doc.iterations !== 600_000; i++) {
        doc = (await own.request('GET', '/_users/org.couchdb.user:old')).body as Record<string, unknown>;
        if (doc.iterations !== 600_000) await new Promise((r) => setTimeout(r, 100));
      }
      expect(doc).toMatchObject({
        password_scheme: 'pbkdf2',
        pbkdf2_prf: 'sha256',
        iterations: 600_000,
        salt,
      });
      expect((await couchFetch(`${own.url}/_session`, { cookie })).body.userCtx.name).toBe('old');
      expect(
        (await couchFetch(`${own.url}/_session`, { auth: { name: 'old', password: 'old-pw' } })).status,
      ).toBe(200);
    } finally {
      await own.dispose();
    }
  });
});
