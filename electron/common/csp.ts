/**
 * The Content-Security-Policy of every CourtDesk page. Main sends it as a response header on every
 * `app://courtdesk/` response; the renderer's Vite build injects the same string as a
 * `<meta http-equiv="Content-Security-Policy">` so the browser build (kiosk, tests) is held to it too.
 *
 * - No remote code: scripts only from the app itself (`'self'`), no `eval`, no inline scripts.
 * - `connect-src 'self'`: the renderer reaches CouchDB only through `${location.origin}/couch/…`,
 *   which main proxies; it cannot talk to any other host.
 * - `style-src 'unsafe-inline'` is the one relaxation: Ant Design's CSS-in-JS injects `<style>`
 *   elements at run time. Inline *styles* cannot run code; inline *scripts* stay forbidden.
 * - `object-src 'none'`, `base-uri 'none'`, `frame-ancestors 'none'`, `form-action 'none'` close
 *   plugin, base-tag hijack, framing and form-post exfiltration.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The privileged custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The host of the app scheme: every page lives under `app://courtdesk/`. */
export const APP_HOST = 'courtdesk';
/** The app's origin as the renderer sees it (`location.origin`). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The path prefix main proxies to the configured CouchDB server. */
export const COUCH_PROXY_PREFIX = '/couch/';
