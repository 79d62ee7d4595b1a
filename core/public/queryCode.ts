/**
 * The party's query code (查询码, six digits on the filing receipt) as the public projection keeps
 * it: never in plain text, only PBKDF2-SHA256(code, salt) with a per-entry random salt. A kiosk
 * replicates `courtdesk_public`, so the hash is readable by whoever holds a kiosk password; the
 * iteration count makes each guess cost tens of milliseconds (10^6 codes ≈ hours per case on one
 * core), and the kiosk UI also limits wrong guesses per case number (kioskAttempts.ts).
 * WebCrypto only (`globalThis.crypto.subtle`), so it runs in Node, the renderer and the worker.
 */

/** PBKDF2 iterations for query-code hashes (a kiosk query stays well under a second). */
export const QUERY_CODE_ITERATIONS = 100_000;

/** One party's access entry in a `publicCase` document. */
export interface QueryCodeHash {
  /** Random salt, base64 (16 bytes). */
  readonly salt: string;
  /** PBKDF2-SHA256 of the code with that salt, base64 (32 bytes). */
  readonly hash: string;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function derive(code: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(code),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await globalThis.crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Hashes a query code with a fresh random salt (what the projection worker stores). */
export async function hashQueryCode(
  code: string,
  iterations: number = QUERY_CODE_ITERATIONS,
): Promise<QueryCodeHash> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: toBase64(await derive(code, salt, iterations)) };
}

/** Whether `code` matches one of the entries (constant work per entry: every entry is derived). */
export async function matchesQueryCode(
  code: string,
  entries: readonly QueryCodeHash[],
  iterations: number = QUERY_CODE_ITERATIONS,
): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  let found = false;
  for (const e of entries) {
    const got = toBase64(await derive(code, fromBase64(e.salt), iterations));
    if (got === e.hash) found = true;
  }
  return found;
}
