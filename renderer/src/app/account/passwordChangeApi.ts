import { databaseByKey } from '../../../../core/databases';
import {
  PASSWORD_CHANGE_ALG,
  PASSWORD_CHANGE_ENC,
  PASSWORD_CHANGE_KEY_ID,
  PASSWORD_CHANGE_OUTCOMES,
  passwordChangeRequestId,
  passwordChangeResultId,
  type PasswordChangeOutcome,
  type PasswordChangePayload,
} from '../../../../core/schemas/account';

/**
 * Changing one's own password from the app (docs/accounts.md). `_users` is admin-only, so the
 * renderer asks the server worker: it checks the current password with `POST /_session`, encrypts
 * current and new password for the worker's published public key (RSA-OAEP-256 wrapping an
 * AES-256-GCM key, the request id as additional data, Web Crypto), writes the request straight to
 * the server's courtdesk_accounts (never a local replica: it needs the server, and no plain
 * password is ever stored) and waits for the worker's result document. Plain `fetch` through the
 * same-origin proxy, like sessionApi.ts.
 */

/** Where the request stands, for the progress display. */
export type PasswordChangeStep = 'verifying' | 'sending' | 'waiting';

/** Why a change could not be handed to the worker or its answer did not come. */
export type PasswordChangeFailure =
  /** `POST /_session` refused the current password. */
  | 'wrongPassword'
  /** No answer from the server (offline, proxy 502–504). */
  | 'unreachable'
  /** The worker has not published its key: it has never run against this server. */
  | 'notReady'
  /** The request is filed but the worker did not answer in time (it expires unhandled). */
  | 'timeout'
  /** Anything else the server answered. */
  | 'server';

/** How a password change ended. */
export type PasswordChangeResult =
  | { readonly kind: 'outcome'; readonly outcome: PasswordChangeOutcome }
  | { readonly kind: 'failed'; readonly reason: PasswordChangeFailure; readonly status?: number };

/** What {@link changePassword} needs. */
export interface PasswordChangeDeps {
  /** CouchDB through the proxy, `${location.origin}/couch`. */
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  /** How long to wait for the worker (default 2 minutes). */
  readonly timeoutMs?: number;
  /** Pause between looks for the result (default 1 s). */
  readonly pollMs?: number;
}

const ACCOUNTS_DB = databaseByKey('accounts').name;
const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;
const UNREACHABLE = new Set([502, 503, 504]);

class Failed extends Error {
  constructor(
    readonly reason: PasswordChangeFailure,
    readonly status?: number,
  ) {
    super(reason);
  }
}

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The encrypted fields of a request for `requestId` (only the worker's private key opens them). */
export async function encryptPasswordChange(
  publicKey: JsonWebKey,
  kid: string,
  requestId: string,
  payload: PasswordChangePayload,
): Promise<Record<string, string>> {
  const subtle = globalThis.crypto.subtle;
  const rsa = await subtle.importKey('jwk', publicKey, RSA, false, ['encrypt']);
  const aes = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const text = new TextEncoder().encode(JSON.stringify(payload));
  const additionalData = new TextEncoder().encode(requestId);
  return {
    kid,
    alg: PASSWORD_CHANGE_ALG,
    enc: PASSWORD_CHANGE_ENC,
    encryptedKey: base64url(await subtle.encrypt(RSA, rsa, await subtle.exportKey('raw', aes))),
    iv: base64url(iv),
    ciphertext: base64url(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, aes, text)),
  };
}

type Requester = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * Polls for the worker's result. A change that succeeded ends every session of the user (the salt
 * changed), so the old cookie then gets 401: the new password is confirmed with `POST /_session`
 * (the server accepts it only once the change is in force), the result read with that session,
 * and the session dropped again: the user signs in anew, as the dialog asks.
 */
async function awaitResult(
  request: Requester,
  resultPath: string,
  user: string,
  newPassword: string,
  deps: PasswordChangeDeps,
): Promise<PasswordChangeOutcome> {
  const until = Date.now() + (deps.timeoutMs ?? 120_000);
  let signedInAnew = false;
  try {
    for (;;) {
      const res = await request(resultPath);
      if (res.ok) {
        const outcome = ((await res.json()) as { outcome?: unknown }).outcome;
        if ((PASSWORD_CHANGE_OUTCOMES as readonly unknown[]).includes(outcome))
          return outcome as PasswordChangeOutcome;
        throw new Failed('server', res.status);
      }
      if (res.status === 401 && !signedInAnew) {
        const again = await request('/_session', {
          method: 'POST',
          body: JSON.stringify({ name: user, password: newPassword }),
        });
        if (!again.ok) throw new Failed('server', again.status);
        signedInAnew = true;
        continue;
      }
      if (res.status !== 404) throw new Failed('server', res.status);
      if (Date.now() > until) throw new Failed('timeout');
      await new Promise((r) => setTimeout(r, deps.pollMs ?? 1000));
    }
  } finally {
    if (signedInAnew) await request('/_session', { method: 'DELETE' }).catch(() => undefined);
  }
}

/**
 * Changes `user`'s password through the worker; `onStep` reports progress. Resolves with the
 * worker's outcome or why there is none; never rejects.
 */
export async function changePassword(
  deps: PasswordChangeDeps,
  user: string,
  currentPassword: string,
  newPassword: string,
  onStep: (step: PasswordChangeStep) => void = () => {},
): Promise<PasswordChangeResult> {
  const request: Requester = async (path, init = {}) => {
    let res: Response;
    try {
      res = await deps.fetch(`${deps.baseUrl}${path}`, {
        ...init,
        credentials: 'include',
        headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new Failed('unreachable');
    }
    if (UNREACHABLE.has(res.status)) throw new Failed('unreachable', res.status);
    return res;
  };
  const docUrl = (id: string) => `/${ACCOUNTS_DB}/${encodeURIComponent(id)}`;
  try {
    onStep('verifying');
    const session = await request('/_session', {
      method: 'POST',
      body: JSON.stringify({ name: user, password: currentPassword }),
    });
    if (session.status === 401) throw new Failed('wrongPassword', 401);
    if (session.status === 403) return { kind: 'outcome', outcome: 'lockedOut' };
    if (!session.ok) throw new Failed('server', session.status);

    onStep('sending');
    const keyRes = await request(docUrl(PASSWORD_CHANGE_KEY_ID));
    if (keyRes.status === 404) throw new Failed('notReady', 404);
    if (!keyRes.ok) throw new Failed('server', keyRes.status);
    const key = (await keyRes.json()) as { kid?: unknown; publicKey?: unknown };
    if (typeof key.kid !== 'string' || typeof key.publicKey !== 'object' || key.publicKey === null)
      throw new Failed('server', keyRes.status);
    const requestId = passwordChangeRequestId(globalThis.crypto.randomUUID(), user);
    const sealed = await encryptPasswordChange(key.publicKey as JsonWebKey, key.kid, requestId, {
      currentPassword,
      newPassword,
    });
    const put = await request(docUrl(requestId), {
      method: 'PUT',
      body: JSON.stringify({
        type: 'passwordChange',
        schemaVersion: 1,
        createdAt: new Date().toISOString(),
        createdBy: user,
        ...sealed,
      }),
    });
    if (put.status !== 201 && put.status !== 202) throw new Failed('server', put.status);

    onStep('waiting');
    const resultPath = docUrl(passwordChangeResultId(requestId));
    return { kind: 'outcome', outcome: await awaitResult(request, resultPath, user, newPassword, deps) };
  } catch (err) {
    if (err instanceof Failed)
      return { kind: 'failed', reason: err.reason, ...(err.status ? { status: err.status } : {}) };
    return { kind: 'failed', reason: 'server' };
  }
}
