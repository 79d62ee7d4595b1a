/**
 * The worker's key pair for password change requests (docs/accounts.md). The public half is
 * published as `accountKey:passwordChange` in courtdesk_accounts, which every staff member can
 * read; the private half lives in `_users/_local/courtdesk-password-change-key-<kid>`: `_users`
 * is readable by the server admin only (CouchDB 3, and the embedded server likewise), and `_local`
 * documents never replicate. The key id is the public key's JWK thumbprint (RFC 7638).
 *
 * Several workers may start at once. A `_local` document is overwritten without a conflict on
 * CouchDB (measured), so each private key gets its own document and the published public key
 * decides: it is written with CouchDB's revision check, after its private half is stored, and a
 * worker that loses the race uses the winner's key.
 */
import { webcrypto } from 'node:crypto';
import {
  PASSWORD_CHANGE_ALG,
  PASSWORD_CHANGE_ENC,
  PASSWORD_CHANGE_KEY_ID,
  parsePasswordChangePayload,
  type PasswordChangePayload,
} from '../../../core/schemas/account';
import { validateForWrite } from '../../../core/schemas/registry';
import { CouchHttp, encId, type CouchDoc } from './couchHttp';

const subtle = webcrypto.subtle;
/** Where the requests and the public key live. */
export const ACCOUNTS_DB = 'courtdesk_accounts';
const PRIVATE_KEY_PREFIX = '_local/courtdesk-password-change-key-';
const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

function b64u(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
}

function bytesOf(text: unknown): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string') throw new Error('not base64url text');
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

/** The RFC 7638 thumbprint of an RSA public key. */
export async function rsaThumbprint(jwk: webcrypto.JsonWebKey): Promise<string> {
  const canonical = JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n });
  return b64u(await subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
}

/** Publishes and reads the key pair; caches imported private keys by key id. */
export class PasswordChangeKeys {
  private readonly privateKeys = new Map<string, webcrypto.CryptoKey>();

  constructor(
    private readonly couch: CouchHttp,
    private readonly workerName: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Makes sure a public key is published whose private half is stored; resolves with its id. */
  async ensurePublished(): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const published = await this.couch.get(ACCOUNTS_DB, PASSWORD_CHANGE_KEY_ID);
      const kid = typeof published?.['kid'] === 'string' ? published['kid'] : undefined;
      if (kid && (await this.couch.get('_users', PRIVATE_KEY_PREFIX + kid))) return kid;
      // None yet, or its private half is gone (a restored `_users`): publish a new pair.
      const pair = await subtle.generateKey(
        { ...RSA, modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]) },
        true,
        ['encrypt', 'decrypt'],
      );
      const publicKey = await subtle.exportKey('jwk', pair.publicKey);
      const newKid = await rsaThumbprint(publicKey);
      const now = new Date().toISOString();
      await this.couch.expect('PUT', `_users/${encId(PRIVATE_KEY_PREFIX + newKid)}`, [200, 201], {
        privateKey: await subtle.exportKey('jwk', pair.privateKey),
        createdAt: now,
      });
      const doc: CouchDoc = {
        _id: PASSWORD_CHANGE_KEY_ID,
        ...(published?._rev ? { _rev: published._rev } : {}),
        type: 'accountKey',
        schemaVersion: 1,
        createdAt: now,
        createdBy: this.workerName,
        kid: newKid,
        alg: PASSWORD_CHANGE_ALG,
        enc: PASSWORD_CHANGE_ENC,
        publicKey: { kty: 'RSA', n: publicKey.n, e: publicKey.e, alg: PASSWORD_CHANGE_ALG },
      };
      validateForWrite(doc); // never a private part: the schema refuses it
      if ((await this.couch.put(ACCOUNTS_DB, doc)).ok) {
        this.log(`password change key ${newKid} published`);
        return newKid;
      }
      // Another worker published first: use theirs, forget ours.
      await this.couch.request('DELETE', `_users/${encId(PRIVATE_KEY_PREFIX + newKid)}`);
    }
    throw new Error(`${PASSWORD_CHANGE_KEY_ID} kept changing under the worker`);
  }

  /** The private key `kid`, or null when the server does not hold it. */
  private async privateKey(kid: string): Promise<webcrypto.CryptoKey | null> {
    const cached = this.privateKeys.get(kid);
    if (cached) return cached;
    const stored = await this.couch.get('_users', PRIVATE_KEY_PREFIX + kid);
    const jwk = stored?.['privateKey'];
    if (!jwk || typeof jwk !== 'object') return null;
    const key = await subtle.importKey('jwk', jwk as webcrypto.JsonWebKey, RSA, false, ['decrypt']);
    this.privateKeys.set(kid, key);
    return key;
  }

  /**
   * The payload of a request, or null when it cannot be read (unknown key, tampered, or not
   * encrypted for this document: its id is the additional authenticated data).
   */
  async decrypt(request: CouchDoc): Promise<PasswordChangePayload | null> {
    if (typeof request['kid'] !== 'string') return null;
    const key = await this.privateKey(request['kid']); // a failed read throws: retried, not "unreadable"
    if (!key) return null;
    try {
      const raw = await subtle.decrypt(RSA, key, bytesOf(request['encryptedKey']));
      const aes = await subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
      const plain = await subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: bytesOf(request['iv']),
          additionalData: new TextEncoder().encode(request._id),
        },
        aes,
        bytesOf(request['ciphertext']),
      );
      return parsePasswordChangePayload(new TextDecoder().decode(plain));
    } catch {
      return null;
    }
  }
}
