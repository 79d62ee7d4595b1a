import { describe, expect, it } from 'vitest';
import { CredentialCache, LOCKOUT_REASON, Lockout } from './authCaches';

function clock(start = 1_000_000) {
  const c = { now: start, fn: () => c.now };
  return c;
}

describe('Lockout (couch_auth_lockout)', () => {
  it('locks a user out from one address after 5 failures, for 5 minutes from the first', () => {
    const t = clock();
    const l = new Lockout({ mode: 'enforce', threshold: 5, maxLifetimeMs: 300_000, maxObjects: 100 }, t.fn);
    for (let i = 0; i < 5; i++) {
      expect(() => l.check('127.0.0.1', 'bob', 's')).not.toThrow();
      l.fail('127.0.0.1', 'bob', 's');
      t.now += 10_000;
    }
    expect(() => l.check('127.0.0.1', 'bob', 's')).toThrow(
      expect.objectContaining({ status: 403, message: LOCKOUT_REASON }),
    );
    // another user, another address, another salt (a new password) are not locked
    expect(() => l.check('127.0.0.1', 'ann', 's')).not.toThrow();
    expect(() => l.check('127.0.0.2', 'bob', 's')).not.toThrow();
    expect(() => l.check('127.0.0.1', 'bob', 's2')).not.toThrow();
    t.now = 1_000_000 + 300_000;
    expect(() => l.check('127.0.0.1', 'bob', 's')).not.toThrow();
  });

  it('mode off never locks; entries are bounded', () => {
    const off = new Lockout({ mode: 'off', threshold: 1, maxLifetimeMs: 1000, maxObjects: 10 });
    off.fail('p', 'u', 's');
    off.fail('p', 'u', 's');
    expect(() => off.check('p', 'u', 's')).not.toThrow();
    const small = new Lockout({ mode: 'enforce', threshold: 1, maxLifetimeMs: 60_000, maxObjects: 2 });
    small.fail('p', 'a', '');
    small.fail('p', 'b', '');
    small.fail('p', 'c', '');
    expect(() => small.check('p', 'a', '')).not.toThrow();
    expect(() => small.check('p', 'c', '')).toThrow();
  });
});

describe('CredentialCache (couch_passwords_cache)', () => {
  it('answers for remembered name+salt, false for a wrong password, nothing after 10 idle minutes', () => {
    const t = clock();
    const c = new CredentialCache(10, 600_000, t.fn);
    expect(c.check('bob', 's', 'pw')).toBeUndefined();
    c.remember('bob', 's', 'pw');
    expect(c.check('bob', 's', 'pw')).toBe(true);
    expect(c.check('bob', 's', 'nope')).toBe(false);
    expect(c.check('bob', 'other-salt', 'pw')).toBeUndefined();
    t.now += 600_000;
    expect(c.check('bob', 's', 'pw')).toBeUndefined();
  });
});
