/**
 * Signing in as a user through `POST /_session`, for the server side: the worker checks a user's
 * current password this way (the server's own hashing, whatever its scheme), and user
 * administration waits with it until a new password is in force. Apache CouchDB caches user
 * credentials per node and refreshes the cache from `_users/_changes`, so for a moment after a
 * password write the old password and old cookies (signed with the old salt) still work and the
 * new password does not (measured on 3.4.3: tests/conformance/usersAndSessions.test.ts).
 */
import { backoffDelay, sleep } from '../workers/couchHttp';
import { redactUrl } from './client';

/** `POST /_session` as `name`; resolves with the HTTP status (200 accepted, 401 refused, 403 locked out). */
export async function trySignIn(baseUrl: string, name: string, password: string): Promise<number> {
  const res = await fetch(`${redactUrl(baseUrl)}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name, password }),
    signal: AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer(); // the session cookie is not kept: this is a check, not a sign-in
  return res.status;
}

/**
 * Waits until the server accepts `password` for `name` (so the previous password and every cookie
 * signed with the previous salt are refused); throws after `timeoutMs`.
 */
export async function waitUntilPasswordWorks(
  baseUrl: string,
  name: string,
  password: string,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const status = await trySignIn(baseUrl, name, password);
    if (status === 200) return;
    if (Date.now() > until)
      throw new Error(
        `新密码已写入，但服务器 ${Math.round(timeoutMs / 1000)} 秒内仍未启用 (the server still refused the new password of ${name} after ${Math.round(timeoutMs / 1000)} s: ${status})`,
      );
    await sleep(backoffDelay(attempt, 50, 1000));
  }
}
