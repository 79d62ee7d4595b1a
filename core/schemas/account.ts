/**
 * Documents of courtdesk_accounts: how a user changes their own password when `_users` is
 * admin-only (CouchDB 3; docs/accounts.md). The server worker publishes a public key
 * (`accountKey:passwordChange`); a user writes their request encrypted with it
 * (`passwordChange:<uuid>:<user>`: current and new password inside, nothing readable outside);
 * the worker decrypts it with the private key only the server admin can read, checks the current
 * password, sets the new one and writes `passwordChangeResult:<uuid>:<user>`. The request schema
 * admits only the encrypted envelope, so no client can store a plain password there by mistake.
 * Authority (users create only their own request; only the worker writes keys and results) is
 * checked on the server (sync-server/ddocs/courtdesk_accounts).
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';

/** The one public-key document. */
export const PASSWORD_CHANGE_KEY_ID = 'accountKey:passwordChange';
/** Key wrapping (JWE names): RSA-OAEP with SHA-256, a 3072-bit key. */
export const PASSWORD_CHANGE_ALG = 'RSA-OAEP-256';
/** Payload encryption (JWE names): AES-256-GCM. */
export const PASSWORD_CHANGE_ENC = 'A256GCM';
/** Shortest password accepted anywhere (CLI, worker, sign-in dialog). */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted (bounds the work of hashing it). */
export const MAX_PASSWORD_LENGTH = 128;
/** A request older than this is not carried out (the user was told it failed long ago). */
export const PASSWORD_CHANGE_EXPIRY_MS = 10 * 60_000;

/** What became of a password change request. */
export const PASSWORD_CHANGE_OUTCOMES = [
  'changed',
  /** The current password was wrong. */
  'wrongPassword',
  /** The new password breaks the rules ({@link passwordProblem}). */
  'invalidPassword',
  /** Too many wrong attempts: the server refuses sign-ins for a while. */
  'lockedOut',
  /** The request was encrypted with a key the server no longer has, or cannot be read. */
  'unreadable',
  /** Older than {@link PASSWORD_CHANGE_EXPIRY_MS} when the worker saw it. */
  'expired',
  /** The account is disabled or gone. */
  'notAllowed',
] as const;
/** One of {@link PASSWORD_CHANGE_OUTCOMES}. */
export type PasswordChangeOutcome = (typeof PASSWORD_CHANGE_OUTCOMES)[number];

/** Why a password is not acceptable, or null. */
export function passwordProblem(password: unknown): 'tooShort' | 'tooLong' | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  return password.length > MAX_PASSWORD_LENGTH ? 'tooLong' : null;
}

/** What the encrypted part of a request holds. */
export interface PasswordChangePayload {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** The payload from decrypted JSON text, or null when it is not one. */
export function parsePasswordChangePayload(text: string): PasswordChangePayload | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(v) || typeof v['currentPassword'] !== 'string' || typeof v['newPassword'] !== 'string')
    return null;
  return { currentPassword: v['currentPassword'], newPassword: v['newPassword'] };
}

/** The id of a request (`uuid`: a random UUID). */
export function passwordChangeRequestId(uuid: string, user: string): string {
  return `passwordChange:${uuid}:${user}`;
}

/** The id of the result of request `requestId`. */
export function passwordChangeResultId(requestId: string): string {
  return `passwordChangeResult:${requestId.slice('passwordChange:'.length)}`;
}

/** The user a request id names (its last part), or null. */
export function passwordChangeUser(requestId: string): string | null {
  const m = /^passwordChange:[^:]+:(.+)$/.exec(requestId);
  return m ? (m[1] ?? null) : null;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function base64url(l: IssueList, d: Fields, field: string, max: number): void {
  const v = d[field];
  if (typeof v !== 'string' || !B64URL.test(v) || v.length > max)
    l.add(
      field,
      `${field} 必须是 base64url 文本`,
      `${field} must be base64url text of at most ${max} characters`,
    );
}

function exactly(l: IssueList, d: Fields, field: string, value: string): void {
  if (d[field] !== value) l.add(field, `${field} 必须是 ${value}`, `${field} must be ${value}`);
}

/** Fields of a request besides the envelope: the encrypted envelope only. */
const REQUEST_FIELDS = ['kid', 'alg', 'enc', 'encryptedKey', 'iv', 'ciphertext'];
const ENVELOPE_FIELDS = ['type', 'schemaVersion', 'createdAt', 'createdBy'];
const PRIVATE_JWK_FIELDS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Schema of `passwordChange` requests. */
export const passwordChangeSchema: CollectionSchema = {
  type: 'passwordChange',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    for (const k of Object.keys(d)) {
      if (
        k.charAt(0) === '_'
          ? k === '_attachments'
          : ENVELOPE_FIELDS.indexOf(k) < 0 && REQUEST_FIELDS.indexOf(k) < 0
      )
        l.add(k, `修改密码请求不得含有字段 ${k}`, `a password change request may not carry ${k}`);
    }
    l.text(d, 'kid', 100);
    exactly(l, d, 'alg', PASSWORD_CHANGE_ALG);
    exactly(l, d, 'enc', PASSWORD_CHANGE_ENC);
    base64url(l, d, 'encryptedKey', 1024);
    base64url(l, d, 'iv', 32);
    base64url(l, d, 'ciphertext', 4096);
    const id = d['_id'];
    if (typeof id === 'string' && passwordChangeUser(id) !== d['createdBy'])
      l.add('_id', '请求编号必须以申请人结尾', '_id must be passwordChange:<uuid>:<createdBy>');
    return l.issues;
  },
};

/** Schema of `passwordChangeResult` documents (worker). */
export const passwordChangeResultSchema: CollectionSchema = {
  type: 'passwordChangeResult',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'requestId', 'passwordChange:');
    l.text(d, 'user', 64);
    l.oneOf(d, 'outcome', PASSWORD_CHANGE_OUTCOMES);
    l.time(d, 'at');
    if (typeof d['requestId'] === 'string' && d['_id'] !== passwordChangeResultId(d['requestId']))
      l.add(
        '_id',
        '结果编号与请求不符',
        '_id must be passwordChangeResult:<the request id after "passwordChange:">',
      );
    return l.issues;
  },
};

/** Schema of `accountKey` documents (worker): a public key, never a private one. */
export const accountKeySchema: CollectionSchema = {
  type: 'accountKey',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.text(d, 'kid', 100);
    exactly(l, d, 'alg', PASSWORD_CHANGE_ALG);
    exactly(l, d, 'enc', PASSWORD_CHANGE_ENC);
    const key = d['publicKey'];
    if (
      !isRecord(key) ||
      key['kty'] !== 'RSA' ||
      typeof key['n'] !== 'string' ||
      typeof key['e'] !== 'string'
    )
      l.add('publicKey', 'publicKey 必须是 RSA 公钥 (JWK)', 'publicKey must be an RSA public key (JWK)');
    else
      for (const k of PRIVATE_JWK_FIELDS)
        if (key[k] !== undefined)
          l.add('publicKey', '不得发布私钥', `publicKey must not carry the private part ${k}`);
    return l.issues;
  },
};
