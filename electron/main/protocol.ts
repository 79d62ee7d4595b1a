import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { cspForPath } from '../../core/ocrAssets';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, COUCH_PROXY_PREFIX } from '../common/csp';
import { UpstreamCookieJar } from './cookieJar';
import { couchResponseHeaders } from '../../core/couchContent';
import { MIME_TYPES, mimeTypeFor } from '../../core/mimeTypes';

/**
 * The `app://courtdesk/` scheme: serves the Vite build from disk (never remote content) with the
 * strict CSP, and proxies `app://courtdesk/couch/<rest>` to `<serverUrl>/<rest>` so the renderer's
 * CouchDB traffic (and its `_session` cookie) is same-origin. CouchDB's answers get the rules of
 * core/couchContent.ts instead (sandboxed, inert type, a download), shared with the app host.
 */

/** Registered before `app.ready`: a standard, secure scheme so fetch, CORS, cookies and storage work. */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
  },
];

/** Content types by extension (shared with the browser-mode app host). */
export { MIME_TYPES };

/** Options of the app protocol handler (injected so it runs under test without Electron). */
export interface AppProtocolOptions {
  /** Folder of the built renderer (dist/renderer). */
  rootDir: string;
  /** Current upstream CouchDB URL (may carry credentials, which are never forwarded). */
  serverUrl: () => string;
  /** Electron's net.fetch in the app; a fake in tests. */
  fetch: (input: string, init: RequestInit & { duplex?: 'half' }) => Promise<Response>;
  readFile?: (file: string) => Promise<Uint8Array>;
  log?: (message: string) => void;
  /** Main's copy of CouchDB's session cookie (see cookieJar.ts); one per handler by default. */
  cookieJar?: UpstreamCookieJar;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** An answer of the proxy itself under `/couch/`: CouchDB content rules, never the app's CSP. */
function couchErrorResponse(status: number, error: string, reason: string): Response {
  return new Response(JSON.stringify({ error, reason }), {
    status,
    headers: couchResponseHeaders('application/json'),
  });
}

/**
 * Maps a URL path to a file inside `rootDir`, or `null` when the path tries to leave it (encoded
 * `..`, backslashes, NUL, absolute drive paths). `/` maps to index.html.
 */
export function resolveStaticPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /^\/*[a-zA-Z]:/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

async function serveStatic(request: Request, url: URL, options: AppProtocolOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const file = resolveStaticPath(options.rootDir, url.pathname);
  if (file === null) return textResponse(403, 'Forbidden');
  const readFile = options.readFile ?? ((f: string) => fs.readFile(f));
  let served = file;
  let body: Uint8Array;
  try {
    body = await readFile(file);
  } catch {
    // Client-side routes (no file extension) get the app shell; missing assets are a plain 404.
    if (path.extname(file) !== '') return textResponse(404, 'Not found');
    served = path.join(path.resolve(options.rootDir), 'index.html');
    try {
      body = await readFile(served);
    } catch {
      return textResponse(404, 'Not found');
    }
  }
  const type = mimeTypeFor(path.extname(served));
  const headers = {
    ...SECURITY_HEADERS,
    // By the file served: a client route under /ocr/ falling back to index.html keeps the app's policy.
    'Content-Security-Policy': cspForPath(
      path.relative(path.resolve(options.rootDir), served).split(path.sep).join('/').replace(/^/, '/'),
      CONTENT_SECURITY_POLICY,
    ),
    'Content-Type': type,
    'Cache-Control': 'no-cache',
  };
  return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers });
}

/** Request headers never forwarded upstream (hop-by-hop, or revealing the app's origin to CouchDB CORS). */
const DROP_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'origin',
  'referer',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
]);
/** Response headers net.fetch has already acted on (decompression, chunking). */
const DROP_RESPONSE_HEADERS = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'set-cookie',
]);

/** The upstream URL for a proxied path: credentials stripped, the server's own path prefix kept. */
export function upstreamUrl(serverUrl: string, rest: string, search: string): string {
  const base = new URL(serverUrl);
  base.username = '';
  base.password = '';
  base.search = '';
  base.hash = '';
  const prefix = base.href.endsWith('/') ? base.href : `${base.href}/`;
  return `${prefix}${rest}${search}`;
}

/** A Set-Cookie from CouchDB made host-only for `app://courtdesk` (the upstream Domain would not match). */
export function rewriteSetCookie(cookie: string): string {
  return cookie
    .split(';')
    .filter((part) => !/^\s*domain\s*=/i.test(part))
    .join(';');
}

async function proxyCouch(
  request: Request,
  url: URL,
  options: AppProtocolOptions,
  jar: UpstreamCookieJar,
): Promise<Response> {
  const rest = url.pathname.slice(COUCH_PROXY_PREFIX.length - 1).replace(/^\//, '');
  let target: string;
  try {
    target = upstreamUrl(options.serverUrl(), rest, url.search);
  } catch {
    return couchErrorResponse(500, 'bad_server_url', 'The configured server URL is invalid.');
  }
  const origin = new URL(target).origin;
  const headers = new Headers();
  request.headers.forEach((value, key) => {
    if (!DROP_REQUEST_HEADERS.has(key.toLowerCase())) headers.set(key, value);
  });
  const cookie = jar.cookieHeader(origin, request.headers.get('cookie'));
  if (cookie !== null) headers.set('Cookie', cookie);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  let upstream: Response;
  try {
    upstream = await options.fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : null,
      ...(hasBody ? { duplex: 'half' as const } : {}),
      redirect: 'manual',
      // The renderer's own Cookie header is forwarded; the main session's cookie jar is not used.
      credentials: 'omit',
      // A renderer that gives up (timeout, navigation) cancels the upstream request too.
      signal: request.signal,
    });
  } catch (error) {
    (options.log ?? console.warn)(
      `couch proxy: ${request.method} ${upstreamUrl(options.serverUrl(), rest, '')} failed: ${(error as Error).message}`,
    );
    return couchErrorResponse(502, 'server_unreachable', 'The CourtDesk server cannot be reached.');
  }
  const out = new Headers();
  upstream.headers.forEach((value, key) => {
    if (!DROP_RESPONSE_HEADERS.has(key.toLowerCase())) out.set(key, value);
  });
  const cookies = typeof upstream.headers.getSetCookie === 'function' ? upstream.headers.getSetCookie() : [];
  jar.store(origin, cookies);
  for (const cookie of cookies) out.append('Set-Cookie', rewriteSetCookie(cookie));
  // CouchDB content shares the app's origin: it must never be treated as a page of the app.
  for (const [key, value] of Object.entries(couchResponseHeaders(upstream.headers.get('content-type'))))
    out.set(key, value);
  const nullBody = request.method === 'HEAD' || [101, 204, 205, 304].includes(upstream.status);
  return new Response(nullBody ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: out,
  });
}

/** The `protocol.handle` handler for `app://`. Never throws: failures become HTTP errors. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const jar = options.cookieJar ?? new UpstreamCookieJar();
  return async (request) => {
    try {
      const url = new URL(request.url);
      if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, 'Not found');
      if (url.pathname.startsWith(COUCH_PROXY_PREFIX) || url.pathname === COUCH_PROXY_PREFIX.slice(0, -1)) {
        return await proxyCouch(request, url, options, jar);
      }
      return await serveStatic(request, url, options);
    } catch (error) {
      (options.log ?? console.error)(`app protocol: ${(error as Error).message}`);
      return textResponse(500, 'Internal error');
    }
  };
}

/** Registers the app scheme's privileges; must run before `app.ready`. */
export function registerPrivilegedSchemes(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
}

/** Installs the app scheme's handler on the given (default-session) protocol object. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
