/**
 * A small HTTP server on loopback that serves the built renderer (SPA) and reverse-proxies
 * `/couch/*` to CouchDB, so in browser mode the renderer talks to `${location.origin}/couch/` and
 * CouchDB's `AuthSession` cookie is same-origin. Credentials in the configured CouchDB URL are
 * never forwarded or shown: the browser signs in with its own `_session`. CouchDB's answers get
 * the rules of core/couchContent.ts (sandboxed, inert type, a download), shared with Electron.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { COUCH_PATH, couchResponseHeaders } from '../../../core/couchContent';
import { mimeTypeFor } from '../../../core/mimeTypes';
import { cspForPath } from '../../../core/ocrAssets';

/** The Content-Security-Policy sent with every page of the app. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Headers on every response of the app host. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** The path prefix proxied to CouchDB. */
export const COUCH_PREFIX = COUCH_PATH;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Options of {@link startAppHost}. */
export interface AppHostOptions {
  /** CouchDB base URL; any user/password in it is ignored (never forwarded). */
  couchUrl: string;
  /** Folder with the built renderer (index.html at its root). */
  staticDir: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Loopback address only (default 127.0.0.1). */
  host?: string;
}

/** A running app host. */
export interface AppHost {
  url: string;
  close(): Promise<void>;
}

/** Rewrites a CouchDB `Set-Cookie` for the browser: Path `/couch`, no Domain, no Secure (plain-http loopback). */
export function rewriteSetCookie(cookie: string): string {
  const parts = cookie
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const [nameValue, ...attrs] = parts;
  const kept = attrs.filter((a) => !/^(path|domain|secure)(=|$)/i.test(a));
  return [nameValue, `Path=${COUCH_PREFIX}`, ...kept].join('; ');
}

/** Maps a CouchDB `Location` (absolute or path) under `targetBase` to the same resource under `/couch`. */
export function rewriteLocation(location: string, targetBase: string): string {
  const path = location.replace(/^https?:\/\/[^/]+/, '');
  return path.startsWith(`${targetBase}/`) || path === targetBase
    ? COUCH_PREFIX + path.slice(targetBase.length)
    : path;
}

/** Headers of the app host's own error answers: the app's, or CouchDB content's under /couch. */
type ErrorHeaders = 'app' | 'couch';

function sendError(
  res: http.ServerResponse,
  status: number,
  error: string,
  reason: string,
  headers: ErrorHeaders = 'app',
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const type = 'application/json; charset=utf-8';
  res.writeHead(status, {
    ...(headers === 'couch' ? couchResponseHeaders(type) : { ...SECURITY_HEADERS, 'content-type': type }),
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ error, reason }) + '\n');
}

/** Starts the app host; resolves once it listens. */
export async function startAppHost(options: AppHostOptions): Promise<AppHost> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new Error(`the app host binds loopback only (127.0.0.1, ::1); refused: ${host}`);
  const target = new URL(options.couchUrl);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new Error(`CouchDB URL must be http(s): ${target.protocol}`);
  target.username = '';
  target.password = '';
  const targetBase = target.pathname.replace(/\/+$/, '');
  const root = resolve(options.staticDir);

  async function serveStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      sendError(res, 400, 'bad_request', 'malformed URL');
      return;
    }
    if (rel.includes('\0') || rel.split(/[\\/]/).includes('..')) {
      sendError(res, 404, 'not_found', 'not found');
      return;
    }
    let file = resolve(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) {
      sendError(res, 404, 'not_found', 'not found');
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      // SPA fallback: client-side routes get index.html; a missing asset is a real 404.
      if (extname(rel) !== '' && extname(rel) !== '.html') {
        sendError(res, 404, 'not_found', 'not found');
        return;
      }
      file = join(root, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        sendError(res, 404, 'not_found', `no built app in ${root} (run npm run build:renderer)`);
        return;
      }
    }
    const type = mimeTypeFor(extname(file));
    const immutable = /[\\/]assets[\\/]/.test(file.slice(root.length));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      // By the file served: a client route under /ocr/ falling back to index.html keeps the app's policy.
      'content-security-policy': cspForPath(file.slice(root.length).split(sep).join('/'), APP_CSP),
      'content-type': type,
      'content-length': String(info.size),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function proxy(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    const rest = url.pathname.slice(COUCH_PREFIX.length) || '/';
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers))
      if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v;
    headers['host'] = target.host;
    delete headers['origin']; // same-origin for the browser; CouchDB CORS is not involved
    delete headers['referer'];
    const lib = target.protocol === 'https:' ? https : http;
    const upstream = lib.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: `${targetBase}${rest}${url.search}`,
        headers,
      },
      (up) => {
        const out: http.OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(up.headers)) {
          if (HOP_BY_HOP.has(k) || v === undefined || k === 'www-authenticate') continue; // no browser basic-auth popup
          if (k === 'set-cookie') out[k] = (Array.isArray(v) ? v : [v]).map(rewriteSetCookie);
          else if (k === 'location' && typeof v === 'string') out[k] = rewriteLocation(v, targetBase);
          else out[k] = v;
        }
        // CouchDB content shares the app's origin: it must never be treated as a page of the app.
        Object.assign(out, couchResponseHeaders(up.headers['content-type']));
        res.writeHead(up.statusCode ?? 502, out);
        up.pipe(res);
        up.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (err) =>
      sendError(
        res,
        502,
        'bad_gateway',
        `CouchDB unreachable: ${(err as NodeJS.ErrnoException).code ?? err.message}`,
        'couch',
      ),
    );
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://app.invalid');
    } catch {
      sendError(res, 400, 'bad_request', 'malformed URL');
      return;
    }
    if (url.pathname === COUCH_PREFIX || url.pathname.startsWith(`${COUCH_PREFIX}/`)) {
      proxy(req, res, url);
      return;
    }
    serveStatic(req, res, url.pathname).catch((err: unknown) =>
      sendError(res, 500, 'internal_server_error', (err as Error).message),
    );
  });
  server.requestTimeout = 0; // long-poll and continuous _changes pass through
  server.headersTimeout = 60_000;

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
