import { pbkdf2Sync } from 'node:crypto';
import { CouchHttpError } from '../errors';
import { constantTimeEqual } from './passwords';

/**
 * The two in-memory tables of CouchDB's authentication, mirrored:
 *  - {@link Lockout} (couch_auth_lockout.erl, `[chttpd_auth_lockout]`): after `threshold` (5)
 *    failed attempts for one user from one peer address, every attempt is refused with 403 for
 *    `max_lifetime` (5 min) counted from the first failure, even with the right password;
 *  - {@link CredentialCache} (couch_passwords_cache.erl): after one slow 600,000-iteration
 *    verification, the password is checked against a 5-iteration PBKDF2 of it, so Basic-auth
 *    requests stay fast; keyed by name and salt, so a password change (new salt) drops it.
 * Both are bounded (`max_objects` 10,000, oldest out first).
 */

/** CouchDB's lockout answer (couch_httpd_auth.erl LOCKOUT_MSG). */
export const LOCKOUT_REASON = 'Account is temporarily locked due to multiple authentication failures';

/** A Map bounded in size, oldest entry out first (Map keeps insertion order). */
class Bounded<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

/** Options of {@link Lockout}, as CouchDB's `[chttpd_auth_lockout]`. */
export interface LockoutOptions {
  mode: 'enforce' | 'off';
  threshold: number;
  maxLifetimeMs: number;
  maxObjects: number;
}

/** CouchDB 3.4's defaults. */
export const DEFAULT_LOCKOUT: LockoutOptions = {
  mode: 'enforce',
  threshold: 5,
  maxLifetimeMs: 300_000,
  maxObjects: 10_000,
};

/** Failed-authentication counter per (peer address, user name, salt). */
export class Lockout {
  private readonly failures: Bounded<{ count: number; since: number }>;
  constructor(
    private readonly opts: LockoutOptions = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now,
  ) {
    this.failures = new Bounded(opts.maxObjects);
  }

  private key(peer: string | undefined, name: string, salt: string): string | null {
    return peer ? `${peer}\u0000${name}\u0000${salt}` : null;
  }

  /** Throws 403 `forbidden` when this peer is locked out for this user. */
  check(peer: string | undefined, name: string, salt: string): void {
    if (this.opts.mode === 'off') return;
    const key = this.key(peer, name, salt);
    if (key === null) return;
    const entry = this.failures.get(key);
    if (!entry) return;
    if (this.now() - entry.since >= this.opts.maxLifetimeMs) {
      this.failures.delete(key);
      return;
    }
    if (entry.count >= this.opts.threshold) throw new CouchHttpError(403, 'forbidden', LOCKOUT_REASON);
  }

  /** Records one failed attempt. */
  fail(peer: string | undefined, name: string, salt: string): void {
    if (this.opts.mode === 'off') return;
    const key = this.key(peer, name, salt);
    if (key === null) return;
    const entry = this.failures.get(key);
    const fresh = !entry || this.now() - entry.since >= this.opts.maxLifetimeMs;
    this.failures.set(
      key,
      fresh ? { count: 1, since: this.now() } : { count: entry.count + 1, since: entry.since },
    );
  }
}

const FAST_ITERATIONS = 5;

function fastHash(password: string, salt: string): Buffer {
  return pbkdf2Sync(password, salt, FAST_ITERATIONS, 32, 'sha256');
}

/** Verified credentials, checked in microseconds (couch_passwords_cache). */
export class CredentialCache {
  private readonly entries: Bounded<{ hash: Buffer; at: number }>;
  constructor(
    maxObjects = 10_000,
    private readonly maxIdleMs = 600_000,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new Bounded(maxObjects);
  }

  /** true/false when the pair is cached (match or not), undefined when a slow check is needed. */
  check(name: string, salt: string, password: string): boolean | undefined {
    const key = `${name}\u0000${salt}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at >= this.maxIdleMs) {
      this.entries.delete(key);
      return undefined;
    }
    const ok = constantTimeEqual(entry.hash, fastHash(password, salt));
    if (ok) this.entries.set(key, { hash: entry.hash, at: this.now() });
    return ok;
  }

  /** Remembers a password that passed the slow check. */
  remember(name: string, salt: string, password: string): void {
    this.entries.set(`${name}\u0000${salt}`, { hash: fastHash(password, salt), at: this.now() });
  }
}
