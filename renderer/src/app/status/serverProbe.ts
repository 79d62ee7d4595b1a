/**
 * Reachability of the CouchDB server through the same-origin proxy: `GET /couch/` answers
 * CouchDB's welcome object (`{"couchdb":"Welcome",…}`, or express-pouchdb's) without authentication. This is not sync
 * status (that comes with the sync engine): it only says whether the server answers right now.
 */

/** The result of one probe. */
export type ProbeResult =
  | { readonly kind: 'online'; readonly checkedAt: number }
  | { readonly kind: 'offline'; readonly checkedAt: number }
  | { readonly kind: 'error'; readonly status: number; readonly checkedAt: number };

/** What the status bar shows: a probe result, or "checking" before the first one. */
export type ServerState = { readonly kind: 'checking' } | ProbeResult;

/** Probes `${baseUrl}/` once. Never throws. */
export async function probeServer(
  fetchFn: typeof fetch,
  baseUrl: string,
  timeoutMs = 8_000,
  now = Date.now,
): Promise<ProbeResult> {
  let res: Response;
  try {
    res = await fetchFn(`${baseUrl}/`, {
      method: 'GET',
      credentials: 'include',
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'offline', checkedAt: now() };
  }
  if (res.status === 502 || res.status === 503 || res.status === 504)
    return { kind: 'offline', checkedAt: now() };
  if (!res.ok) return { kind: 'error', status: res.status, checkedAt: now() };
  try {
    const body = (await res.json()) as Record<string, unknown>;
    // Apache CouchDB says {"couchdb":"Welcome"}; the embedded express-pouchdb says {"express-pouchdb":"Welcome!"}.
    if (typeof body.couchdb === 'string' || typeof body['express-pouchdb'] === 'string')
      return { kind: 'online', checkedAt: now() };
  } catch {
    // An HTML page or anything else that is not CouchDB's welcome: the proxy is misconfigured.
  }
  return { kind: 'error', status: res.status, checkedAt: now() };
}
