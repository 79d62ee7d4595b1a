import { createHash, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { CouchHttpError } from '../errors';

/**
 * Password hashes as Apache CouchDB 3.4 makes and checks them (couch_passwords.erl,
 * couch_users_db.erl): PBKDF2-HMAC-SHA256 with 600,000 iterations and a 32-hex-character salt for
 * new hashes; older schemes (PBKDF2-SHA1 at 10 iterations, as pouchdb-auth wrote them on existing
 * installs, and the `simple` SHA-1 scheme) are still verified. Hashing runs on libuv's thread pool
 * (`crypto.pbkdf2`), so 0.5 s of hashing never blocks other requests.
 */

const pbkdf2Async = promisify(pbkdf2);

/** CouchDB 3.4's `[chttpd_auth] iterations` default. */
export const DEFAULT_ITERATIONS = 600_000;
/** CouchDB's `[chttpd_auth] max_iterations`: a stored hash above it is refused, not computed. */
const MAX_ITERATIONS = 1_000_000_000;
const PRFS = new Set(['sha', 'sha224', 'sha256', 'sha384', 'sha512']);
const DIGEST_BYTES: Record<string, number> = { sha: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/** What verifying a password needs (a `_users` document's fields, or a parsed admin hash). */
export interface StoredCredentials {
  password_scheme?: unknown;
  pbkdf2_prf?: unknown;
  iterations?: unknown;
  salt?: unknown;
  derived_key?: unknown;
  password_sha?: unknown;
}

/** A new random salt, as couch_uuids:random() (32 hex characters, used as text). */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

function nodeDigest(prf: string): string {
  return prf === 'sha' ? 'sha1' : prf;
}

/** PBKDF2 derived key in hex, CouchDB's `couch_passwords:pbkdf2/4` (key length = digest size). */
export async function derive(
  prf: string,
  password: string,
  salt: string,
  iterations: number,
): Promise<string> {
  const key = await pbkdf2Async(password, salt, iterations, DIGEST_BYTES[prf] ?? 32, nodeDigest(prf));
  return key.toString('hex');
}

/** Constant-time equality of two byte strings (false when the lengths differ). */
export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  // Cast: @types/pouchdb-core redeclares the global Buffer (docs/architecture.md, TypeScript projects).
  return a.length === b.length && timingSafeEqual(a as unknown as Uint8Array, b as unknown as Uint8Array);
}

function sameText(a: string, b: string): boolean {
  return constantTimeEqual(Buffer.from(a), Buffer.from(b));
}

/** True when `password` matches `stored`; throws 403 for an iteration count CouchDB refuses. */
export async function verifyPassword(password: string, stored: StoredCredentials): Promise<boolean> {
  const salt = typeof stored.salt === 'string' ? stored.salt : '';
  const scheme = stored.password_scheme ?? 'simple';
  if (scheme === 'simple') {
    if (typeof stored.password_sha !== 'string') return false;
    const sha = createHash('sha1')
      .update(password + salt)
      .digest('hex');
    return sameText(sha, stored.password_sha);
  }
  if (scheme !== 'pbkdf2' || typeof stored.derived_key !== 'string') return false;
  const prf = typeof stored.pbkdf2_prf === 'string' ? stored.pbkdf2_prf : 'sha';
  if (!PRFS.has(prf)) return false;
  const iterations = stored.iterations === undefined ? 10_000 : stored.iterations;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1)
    throw new CouchHttpError(403, 'forbidden', 'Iteration count is too low for this server');
  if (iterations > MAX_ITERATIONS)
    throw new CouchHttpError(403, 'forbidden', 'Iteration count is too high for this server');
  return sameText(await derive(prf, password, salt, iterations), stored.derived_key);
}

/** True when `stored` is not CouchDB 3.4's current scheme (pbkdf2, sha256, `iterations`). */
export function needsUpgrade(stored: StoredCredentials, iterations = DEFAULT_ITERATIONS): boolean {
  return !(
    stored.password_scheme === 'pbkdf2' &&
    stored.pbkdf2_prf === 'sha256' &&
    stored.iterations === iterations
  );
}

const PASSWORD_FIELDS = [
  'derived_key',
  'iterations',
  'password',
  'password_scheme',
  'password_sha',
  'preserve_salt',
  'pbkdf2_prf',
  'salt',
] as const;

/**
 * Replaces a `password` field of a `_users` document by its hash, as couch_users_db's
 * before_doc_update: a fresh salt unless `preserve_salt` is true; other password fields removed.
 * Returns the document unchanged when it carries no password.
 */
export async function hashUserDocPassword(
  doc: Record<string, unknown>,
  iterations = DEFAULT_ITERATIONS,
): Promise<Record<string, unknown>> {
  const password = doc.password;
  if (password === undefined || password === null) return doc;
  if (typeof password !== 'string') throw new CouchHttpError(403, 'forbidden', 'Password value is invalid.');
  const salt = doc.preserve_salt === true && typeof doc.salt === 'string' ? doc.salt : newSalt();
  const derived = await derive('sha256', password, salt, iterations);
  for (const f of PASSWORD_FIELDS) delete doc[f];
  Object.assign(doc, {
    password_scheme: 'pbkdf2',
    pbkdf2_prf: 'sha256',
    salt,
    iterations,
    derived_key: derived,
  });
  return doc;
}

/** An admin password hash as CouchDB 3.4 writes it in `[admins]`: `-pbkdf2:sha256-KEY,SALT,ITER`. */
export async function hashAdminPassword(password: string, iterations = DEFAULT_ITERATIONS): Promise<string> {
  const salt = newSalt();
  return `-pbkdf2:sha256-${await derive('sha256', password, salt, iterations)},${salt},${iterations}`;
}

/** Parses an `[admins]` value (`-pbkdf2:PRF-…`, `-pbkdf2-…` = SHA-1, `-hashed-…` = simple); null when not a hash. */
export function parseAdminHash(value: string): StoredCredentials | null {
  const pbkdf = /^-pbkdf2(?::([a-z0-9]+))?-([0-9a-f]+),([^,]+),(\d+)$/.exec(value);
  if (pbkdf) {
    return {
      password_scheme: 'pbkdf2',
      pbkdf2_prf: pbkdf[1] ?? 'sha',
      derived_key: pbkdf[2],
      salt: pbkdf[3],
      iterations: Number(pbkdf[4]),
    };
  }
  const simple = /^-hashed-([0-9a-f]+),(.+)$/.exec(value);
  if (simple) return { password_scheme: 'simple', password_sha: simple[1], salt: simple[2] };
  return null;
}
