/** Helpers the harness page's APIs (`window.cd`, `window.cdf`) share. */

/** The page's same-origin CouchDB base (the app host's `/couch` proxy). */
export const COUCH_BASE = `${location.origin}/couch`;

/** Hex SHA-256 of some bytes (what the tests compare across workstations and the server). */
export async function sha256Hex(data: ArrayBuffer | Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `POST _session`; resolves with the HTTP status (the cookie lands in the browser context). */
export async function signIn(name: string, password: string): Promise<number> {
  const r = await fetch(`${COUCH_BASE}/_session`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  return r.status;
}
