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

/** The part of WebCrypto used here (core is built without DOM or Node types). */
interface WebCrypto {
  readonly subtle: {
    importKey(
      format: 'raw',
      key: Uint8Array,
      alg: 'PBKDF2',
      extractable: false,
      uses: string[],
    ): Promise<unknown>;
    deriveBits(
      alg: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number },
      key: unknown,
      length: number,
    ): Promise<ArrayBuffer>;
  };
  getRandomValues(array: Uint8Array): Uint8Array;
}

function webCrypto(): WebCrypto {
  const c = (globalThis as unknown as { crypto?: WebCrypto }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto is not available');
  return c;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) return new Uint8Array(0);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return Uint8Array.from(out);
}

async function derive(code: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  // Codes are six ASCII digits (checked by the callers), so char codes are their UTF-8 bytes.
  const raw = Uint8Array.from(code, (c) => c.charCodeAt(0) & 255);
  const key = await webCrypto().subtle.importKey('raw', raw, 'PBKDF2', false, ['deriveBits']);
  const bits = await webCrypto().subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
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
  const salt = webCrypto().getRandomValues(new Uint8Array(16));
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
