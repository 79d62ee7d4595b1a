/**
 * What a member can make CouchDB serve under the app's origin (`/couch/…`): attachments and
 * `_show`/`_list` output keep the content type their author chose. The Electron protocol tests and
 * the app host tests run the same table, so both proxies are held to one rule (see
 * docs/electron-security.md, "CouchDB content").
 */

/** One response CouchDB may send, and the content type the proxy must pass on. */
export interface CouchContentCase {
  /** What the upstream content is, for test names. */
  what: string;
  /** Upstream `Content-Type`. */
  upstreamType: string;
  /** Body the upstream sends. */
  body: string;
  /** The `Content-Type` the app's origin may serve it with. */
  servedType: string;
}

/** An HTML attachment whose script would run as the app if served as a page. */
export const EVIL_HTML =
  '<!doctype html><title>x</title><script>localStorage.setItem("pwned","1");document.title="pwned"</script>';

/** Upstream responses and the type each must be served with (active types become opaque bytes). */
export const COUCH_CONTENT_CASES: readonly CouchContentCase[] = [
  {
    what: 'an HTML attachment',
    upstreamType: 'text/html',
    body: EVIL_HTML,
    servedType: 'application/octet-stream',
  },
  {
    what: 'XHTML',
    upstreamType: 'application/xhtml+xml',
    body: `<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>`,
    servedType: 'application/octet-stream',
  },
  {
    what: 'an SVG with a script',
    upstreamType: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    servedType: 'application/octet-stream',
  },
  {
    what: 'a script (for <script src="/couch/…">)',
    upstreamType: 'text/javascript; charset=utf-8',
    body: 'alert(1)',
    servedType: 'application/octet-stream',
  },
  {
    what: 'a module script',
    upstreamType: 'application/javascript',
    body: 'alert(1)',
    servedType: 'application/octet-stream',
  },
  {
    what: 'a stylesheet',
    upstreamType: 'text/css',
    body: 'body{background:url(x)}',
    servedType: 'application/octet-stream',
  },
  { what: 'XML', upstreamType: 'text/xml', body: '<a/>', servedType: 'application/octet-stream' },
  {
    what: 'a vendor XML type',
    upstreamType: 'application/vnd.wap.xhtml+xml',
    body: '<a/>',
    servedType: 'application/octet-stream',
  },
  {
    what: 'no type at all',
    upstreamType: '',
    body: '<script>alert(1)</script>',
    servedType: 'application/octet-stream',
  },
  {
    what: 'CouchDB JSON',
    upstreamType: 'application/json',
    body: '{"ok":true}',
    servedType: 'application/json',
  },
  {
    what: 'CouchDB JSON for a browser (text/plain)',
    upstreamType: 'text/plain; charset=utf-8',
    body: '{"ok":true}',
    servedType: 'text/plain; charset=utf-8',
  },
  { what: 'a scanned page', upstreamType: 'image/jpeg', body: 'jpeg', servedType: 'image/jpeg' },
  { what: 'a PDF', upstreamType: 'application/pdf', body: '%PDF-1.7', servedType: 'application/pdf' },
  {
    what: 'a Word document',
    upstreamType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    body: 'PK',
    servedType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    what: 'a multipart replication answer',
    upstreamType: 'multipart/mixed; boundary="abc"',
    body: '--abc--',
    servedType: 'multipart/mixed; boundary="abc"',
  },
];

/** Checks every header that keeps a `/couch/` response from running as app code; returns the problems. */
export function couchContentProblems(
  headers: { get(name: string): string | null },
  servedType: string,
): string[] {
  const problems: string[] = [];
  const csp = headers.get('content-security-policy') ?? '';
  const directives = csp.split(';').map((d) => d.trim());
  if (!directives.includes('sandbox')) problems.push(`CSP without a bare sandbox: ${csp}`);
  if (!directives.includes("default-src 'none'")) problems.push(`CSP without default-src 'none': ${csp}`);
  if (!directives.includes("frame-ancestors 'none'")) problems.push(`CSP allows framing: ${csp}`);
  if (/script-src|'self'/.test(csp)) problems.push(`CSP lets scripts of the app's origin run: ${csp}`);
  if (headers.get('x-content-type-options') !== 'nosniff')
    problems.push('no X-Content-Type-Options: nosniff');
  if (!/^attachment\b/.test(headers.get('content-disposition') ?? ''))
    problems.push(`Content-Disposition is ${headers.get('content-disposition')}, not attachment`);
  if (headers.get('content-type') !== servedType)
    problems.push(`Content-Type is ${headers.get('content-type')}, expected ${servedType}`);
  return problems;
}
