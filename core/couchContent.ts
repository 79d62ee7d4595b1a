/**
 * How CouchDB content is served under the app's origin (`${origin}/couch/…`). Both proxies — the
 * Electron `app://` protocol and the browser-mode app host — apply these rules, so an attachment
 * or a `_show` page written by a member can never run as the app: it would pass the app CSP's
 * `'self'`, the navigation guard and the IPC sender check. See docs/electron-security.md
 * ("CouchDB content").
 */

/** The path prefix under which the app reaches CouchDB. */
export const COUCH_PATH = '/couch';

/**
 * The policy of every `/couch/` response: opened as a document it is sandboxed (an opaque origin,
 * no scripts, no plugins, no forms), loads nothing and cannot be framed. `fetch`/XHR from the app
 * ignore a response's CSP, so sync and sign-in are unaffected.
 */
export const COUCH_CONTENT_SECURITY_POLICY =
  "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Content types passed through unchanged: what CouchDB itself answers and what court files are,
 * none of which a browser executes as script, style or a scriptable document (with `nosniff`).
 * Everything else — HTML, XML (`+xml` too, SVG included), scripts, CSS, an unknown or missing
 * type — is served as `application/octet-stream`. Deny by default: the list names types, not
 * patterns that could grow to include an active one.
 */
const INERT_TYPES: ReadonlySet<string> = new Set([
  'application/json',
  'text/plain',
  'application/octet-stream',
  'multipart/mixed',
  'multipart/related',
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/tiff',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/ofd',
]);

/** The content type a `/couch/` response may carry: the upstream one if inert, else opaque bytes. */
export function inertContentType(upstream: string | null | undefined): string {
  const essence = (upstream ?? '').split(';')[0]!.trim().toLowerCase();
  return INERT_TYPES.has(essence) ? upstream!.trim() : 'application/octet-stream';
}

/**
 * Headers that replace CouchDB's own on every `/couch/` response (lower-case names): the sandbox
 * policy, no sniffing, an inert type, and `attachment` so a navigation to it downloads instead
 * of rendering. `upstreamType` is CouchDB's `Content-Type` (absent on empty answers).
 */
export function couchResponseHeaders(upstreamType: string | null | undefined): Record<string, string> {
  return {
    'content-security-policy': COUCH_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'content-type': inertContentType(upstreamType),
    'content-disposition': 'attachment',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * True when a URL path reaches CouchDB rather than the app: `/couch` and below, compared the way
 * Chromium may canonicalise it (percent-escapes of plain characters decoded, repeated slashes,
 * any letter case). An undecodable path is not an app page either. Used where only the app's own
 * pages are allowed (the window's navigation guard, the IPC sender check).
 */
export function isCouchPath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  const path = decoded.replace(/\/{2,}/g, '/').toLowerCase();
  return path === COUCH_PATH || path.startsWith(`${COUCH_PATH}/`);
}
