import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { UserCtx } from './access';
import { CredentialCache, Lockout } from './authCaches';
import {
  constantTimeEqual,
  DEFAULT_ITERATIONS,
  derive,
  needsUpgrade,
  verifyPassword,
  type StoredCredentials,
} from './passwords';
import { unauthorized } from '../errors';

/**
 * Authentication as Apache CouchDB 3.4 does it (couch_httpd_auth.erl), for the guard: the
 * `AuthSession` cookie (base64url of `name:TIMEHEX:HMAC-SHA256(secret + user salt)`, valid
 * `timeout` seconds, refreshed after a tenth of it, `SameSite=Strict`), then HTTP Basic; brute
 * force bounded by the lockout and slow hashes kept fast by the credential cache (authCaches.ts).
 * express-pouchdb's own authentication (pouchdb-auth) is switched off: the guard hands it the
 * identity it decided on.
 */

/** Who is calling, and how. */
export interface Identity {
  ctx: UserCtx;
  authenticated: boolean;
  /** CouchDB's `info.authenticated`: 'cookie' or 'default' (Basic). */
  handler: 'cookie' | 'default' | null;
  /** A refreshed `AuthSession` Set-Cookie to send with the answer. */
  setCookie?: string;
}

/** A user as authentication sees it. */
export interface Credentials extends StoredCredentials {
  name: string;
  roles: string[];
  /** The `_users` document, for a hash upgrade; absent for the configured admin. */
  doc?: Record<string, unknown>;
}

/** What the authenticator needs. */
export interface AuthenticatorOptions {
  /** Credentials of a name (the configured admin first, then `_users`), or null. */
  lookup(name: string): Promise<Credentials | null>;
  /** Rewrites a `_users` document (hash upgrade; internal write). */
  saveUserDoc(doc: Record<string, unknown>): Promise<void>;
  secret: string;
  /** `[chttpd_auth] timeout` in seconds (600). */
  timeoutSec?: number;
  iterations?: number;
  /** `[chttpd_auth] upgrade_hash_on_auth`: re-hash older schemes after a successful sign-in. */
  upgradeHashOnAuth?: boolean;
  lockout?: Lockout;
  cache?: CredentialCache;
  logger?: (line: string) => void;
  now?: () => number;
}

const ANONYMOUS: Identity = { ctx: { name: null, roles: [] }, authenticated: false, handler: null };

function base64url(buf: Buffer): string {
  return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Parses `Authorization: Basic …`; null when absent or not Basic. */
export function parseBasicAuth(header: string | undefined): { name: string; password: string } | null {
  if (!header) return null;
  const m = /^\s*basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  if (!m || m[1] === undefined) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return null;
  return { name: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

/** Reads the `AuthSession` cookie. */
export function readSessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'AuthSession') return v.join('=');
  }
  return null;
}

/** CouchDB's session authentication, see the module comment. */
export class Authenticator {
  readonly timeoutSec: number;
  private readonly lockout: Lockout;
  private readonly cache: CredentialCache;
  private readonly upgrading = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly o: AuthenticatorOptions) {
    this.timeoutSec = o.timeoutSec ?? 600;
    this.lockout = o.lockout ?? new Lockout();
    this.cache = o.cache ?? new CredentialCache();
    this.now = o.now ?? Date.now;
  }

  /** The `Set-Cookie` value of a new session for `name` (salted with the user's salt). */
  sessionCookie(name: string, salt: string): string {
    const time = Math.floor(this.now() / 1000)
      .toString(16)
      .toUpperCase();
    const data = `${name}:${time}`;
    const mac = createHmac('sha256', this.o.secret + salt)
      .update(data)
      .digest();
    const value = base64url(Buffer.concat([Buffer.from(data + ':'), mac] as Uint8Array[]));
    const expires = new Date(this.now() + this.timeoutSec * 1000).toUTCString();
    return `AuthSession=${value}; Version=1; Expires=${expires}; Max-Age=${this.timeoutSec}; Path=/; HttpOnly; SameSite=Strict`;
  }

  /** The `Set-Cookie` value that ends a session. */
  clearedCookie(): string {
    return 'AuthSession=; Version=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; HttpOnly; SameSite=Strict';
  }

  /** Resolves the caller: a valid cookie, else Basic (which must be right), else anonymous. */
  async identify(req: IncomingMessage): Promise<Identity> {
    const cookie = readSessionCookie(req.headers.cookie);
    if (cookie) {
      const fromCookie = await this.fromCookie(cookie);
      if (fromCookie) return fromCookie;
    }
    const basic = parseBasicAuth(req.headers.authorization);
    if (!basic) return ANONYMOUS;
    const creds = await this.o.lookup(basic.name);
    if (!creds) throw unauthorized('Name or password is incorrect.');
    if (!(await this.authenticate(req, basic.name, basic.password, creds)))
      throw unauthorized('Name or password is incorrect.');
    return { ctx: { name: creds.name, roles: [...creds.roles] }, authenticated: true, handler: 'default' };
  }

  /** `POST /_session`: the credentials and a cookie, or 401 / 403 (lockout). */
  async signIn(
    req: IncomingMessage,
    name: string,
    password: string,
  ): Promise<{ creds: Credentials; cookie: string }> {
    const creds = await this.o.lookup(name);
    // Unknown names are counted too (salt ''), as CouchDB's _session does.
    const ok = await this.authenticate(req, name, password, creds ?? { name, roles: [] });
    if (!ok || !creds) throw unauthorized('Name or password is incorrect.');
    return { creds, cookie: this.sessionCookie(creds.name, String(creds.salt ?? '')) };
  }

  /** CouchDB's authenticate/5: lockout check, cache, slow verification, failure count, upgrade. */
  private async authenticate(
    req: IncomingMessage,
    name: string,
    password: string,
    creds: Credentials,
  ): Promise<boolean> {
    const salt = typeof creds.salt === 'string' ? creds.salt : '';
    const peer = req.socket.remoteAddress;
    this.lockout.check(peer, name, salt);
    let ok = this.cache.check(name, salt, password);
    if (ok === undefined) {
      ok = await verifyPassword(password, creds);
      if (ok) this.cache.remember(name, salt, password);
    }
    if (!ok) {
      this.lockout.fail(peer, name, salt);
      return false;
    }
    this.maybeUpgrade(creds, password);
    return true;
  }

  private maybeUpgrade(creds: Credentials, password: string): void {
    const iterations = this.o.iterations ?? DEFAULT_ITERATIONS;
    const doc = creds.doc;
    if (!this.o.upgradeHashOnAuth || !doc || !needsUpgrade(creds, iterations)) return;
    if (this.upgrading.has(creds.name) || typeof doc.salt !== 'string') return;
    this.upgrading.add(creds.name);
    // Salt kept (CouchDB's preserve_salt): sessions signed with it stay valid.
    derive('sha256', password, doc.salt, iterations)
      .then((key) => {
        const next: Record<string, unknown> = { ...doc, derived_key: key, iterations, pbkdf2_prf: 'sha256' };
        next.password_scheme = 'pbkdf2';
        delete next.password_sha;
        return this.o.saveUserDoc(next);
      })
      .catch((err: unknown) =>
        this.o.logger?.(`password hash upgrade of ${creds.name} failed: ${String(err)}`),
      )
      .finally(() => this.upgrading.delete(creds.name));
  }

  private async fromCookie(cookie: string): Promise<Identity | null> {
    let decoded: Buffer;
    try {
      decoded = Buffer.from(cookie.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    } catch {
      return null;
    }
    const first = decoded.indexOf(0x3a);
    const second = first < 0 ? -1 : decoded.indexOf(0x3a, first + 1);
    if (second < 0) return null;
    const name = decoded.subarray(0, first).toString('utf8');
    const timeStr = decoded.subarray(first + 1, second).toString('latin1');
    const mac = decoded.subarray(second + 1);
    if (!/^[0-9A-Fa-f]{1,12}$/.test(timeStr)) return null;
    const creds = await this.o.lookup(name);
    if (!creds) return null;
    const salt = typeof creds.salt === 'string' ? creds.salt : '';
    const expected = createHmac('sha256', this.o.secret + salt)
      .update(`${name}:${timeStr}`)
      .digest();
    if (!constantTimeEqual(mac, expected)) return null;
    const nowSec = Math.floor(this.now() / 1000);
    const stamp = parseInt(timeStr, 16);
    if (!(nowSec < stamp + this.timeoutSec)) return null;
    const timeLeft = stamp + this.timeoutSec - nowSec;
    const identity: Identity = {
      ctx: { name: creds.name, roles: [...creds.roles] },
      authenticated: true,
      handler: 'cookie',
    };
    if (timeLeft < this.timeoutSec * 0.9) identity.setCookie = this.sessionCookie(creds.name, salt);
    return identity;
  }
}
