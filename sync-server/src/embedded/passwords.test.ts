import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  hashAdminPassword,
  hashUserDocPassword,
  needsUpgrade,
  parseAdminHash,
  verifyPassword,
} from './passwords';

const require = createRequire(import.meta.url);

// Hashes written by a real Apache CouchDB 3.4.3 (docs/embedded-server.md): an admin and a user.
const COUCH_ADMIN =
  '-pbkdf2:sha256-265a4f9b6071e4fdec7893394fa3d9b0ea29112013e9c427a7a862ca4e2817d9,9334742d4f82cd277c38d38fc5818348,600000';
const COUCH_USER = {
  password_scheme: 'pbkdf2',
  pbkdf2_prf: 'sha256',
  salt: 'b1e011d29b2cc4b3c6f780f7c79d3cc8',
  iterations: 600000,
  derived_key: 'd405b26750b41190ee373db4a4116535626dfd1ed53ea96e00ed2f52d0ac9b69',
};

describe('passwords (CouchDB 3.4 schemes)', () => {
  it('verifies hashes CouchDB 3.4.3 made', async () => {
    expect(await verifyPassword('password', parseAdminHash(COUCH_ADMIN)!)).toBe(true);
    expect(await verifyPassword('wrong', parseAdminHash(COUCH_ADMIN)!)).toBe(false);
    expect(await verifyPassword('right', COUCH_USER)).toBe(true);
    expect(await verifyPassword('Right', COUCH_USER)).toBe(false);
  });

  it('verifies pouchdb-auth’s 10-iteration SHA-1 hashes of existing installs, and the simple scheme', async () => {
    const utils = require('pouchdb-auth/lib/utils') as {
      hashPassword(p: string, s: string, i: number): Promise<string>;
    };
    const salt = '1bf1f513113c1c91881ab18b1b718e1601311341301d519d';
    const old = {
      password_scheme: 'pbkdf2',
      iterations: 10,
      salt,
      derived_key: await utils.hashPassword('pw', salt, 10),
    };
    expect(await verifyPassword('pw', old)).toBe(true);
    expect(await verifyPassword('px', old)).toBe(false);
    expect(needsUpgrade(old)).toBe(true);
    expect(needsUpgrade(COUCH_USER)).toBe(false);
    const adminOld = parseAdminHash(`-pbkdf2-${await utils.hashPassword('pw', salt, 10)},${salt},10`);
    expect(adminOld).toMatchObject({ pbkdf2_prf: 'sha', iterations: 10 });
    expect(await verifyPassword('pw', adminOld!)).toBe(true);
    // sha1('pw' + 'salt')
    const simple = {
      password_scheme: 'simple',
      salt: 'salt',
      password_sha: '2bfa821dd4f3af5adfb5734457839bed7b324819',
    };
    expect(await verifyPassword('pw', simple)).toBe(true);
    expect(await verifyPassword('nope', simple)).toBe(false);
    expect(await verifyPassword('pw', { salt: 'x' })).toBe(false);
  });

  it('refuses iteration counts CouchDB refuses', async () => {
    await expect(verifyPassword('pw', { ...COUCH_USER, iterations: 0 })).rejects.toMatchObject({
      status: 403,
    });
    await expect(verifyPassword('pw', { ...COUCH_USER, iterations: 2_000_000_000 })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('hashes a _users password as couch_users_db does (few iterations here to stay fast)', async () => {
    const doc: Record<string, unknown> = {
      _id: 'org.couchdb.user:a',
      name: 'a',
      password: 'secret',
      password_sha: 'x',
    };
    await hashUserDocPassword(doc, 1000);
    expect(doc).toMatchObject({ password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: 1000 });
    expect(doc.password).toBeUndefined();
    expect(doc.password_sha).toBeUndefined();
    expect(doc.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(doc.derived_key).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyPassword('secret', doc)).toBe(true);
    const keep: Record<string, unknown> = { password: 'new', salt: doc.salt, preserve_salt: true };
    await hashUserDocPassword(keep, 1000);
    expect(keep.salt).toBe(doc.salt);
    expect(keep.preserve_salt).toBeUndefined();
    const without: Record<string, unknown> = { name: 'b' };
    expect(await hashUserDocPassword(without, 1000)).toEqual({ name: 'b' });
    await expect(hashUserDocPassword({ password: 5 }, 1000)).rejects.toMatchObject({ status: 403 });
  });

  it('admin hashes in CouchDB 3.4’s format', async () => {
    const hash = await hashAdminPassword('pw', 1000);
    expect(hash).toMatch(/^-pbkdf2:sha256-[0-9a-f]{64},[0-9a-f]{32},1000$/);
    expect(await verifyPassword('pw', parseAdminHash(hash)!)).toBe(true);
    expect(parseAdminHash('clear-text')).toBeNull();
  });
});
