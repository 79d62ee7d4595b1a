import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { OCR_WORKER_CSP } from '../../../core/ocrAssets';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUCH_CONTENT_CASES, couchContentProblems } from '../../../tests/support/couchContentAttacks';
import { APP_CSP, rewriteLocation, rewriteSetCookie, startAppHost, type AppHost } from './appHost';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyLength: number;
}

let upstream: http.Server;
let upstreamUrl: string;
const seen: Seen[] = [];
let base: string;
let dir: string;
let app: AppHost;

/** Raw GET that does not normalise the path (fetch would). */
function rawGet(
  base: string,
  path: string,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const u = new URL(base);
  return new Promise((ok, fail) => {
    http
      .get({ host: u.hostname, port: u.port, path }, (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (body += c))
          .on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
      .on('error', fail);
  });
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    let n = 0;
    req
      .on('data', (c: Buffer) => (n += c.length))
      .on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyLength: n });
        if (req.url === '/_session' && req.method === 'POST') {
          res.writeHead(200, {
            'content-type': 'application/json',
            'set-cookie': [
              'AuthSession=abc123; Version=1; Expires=Wed, 25 Nov 2026 16:00:00 GMT; Max-Age=600; Path=/; HttpOnly; Domain=couch.internal; Secure',
            ],
            'www-authenticate': 'Basic realm="server"',
          });
          res.end('{"ok":true,"name":"clerk.wang","roles":["clerk"]}');
          return;
        }
        const attack = /^\/attack\/(\d+)$/.exec(req.url ?? '');
        if (attack) {
          const c = COUCH_CONTENT_CASES[Number(attack[1])]!;
          res.writeHead(200, {
            ...(c.upstreamType ? { 'content-type': c.upstreamType } : {}),
            // CouchDB's own policy (Fauxton's) or a disposition of its own must not survive.
            'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-eval'",
            'content-disposition': 'inline',
          });
          res.end(c.body);
          return;
        }
        if (req.url === '/big') {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(Buffer.alloc(5 * 1024 * 1024, 7));
          return;
        }
        if (req.url === '/db/doc' && req.method === 'PUT') {
          res.writeHead(201, { location: `${upstreamUrl}/db/doc`, 'content-type': 'application/json' });
          res.end(`{"ok":true,"received":${n}}`);
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ url: req.url }));
      });
  });
  await new Promise<void>((ok) => upstream.listen(0, '127.0.0.1', ok));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

  base = mkdtempSync(join(tmpdir(), 'apphost-'));
  dir = join(base, 'app');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CourtDesk</title>');
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dir, 'logo.svg'), '<svg/>');
  mkdirSync(join(dir, 'ocr'), { recursive: true });
  writeFileSync(join(dir, 'ocr', 'worker.min.js'), 'importScripts()');
  writeFileSync(join(dir, '..', 'secret-outside.txt'), 'secret');
  // Credentials in the target URL must never reach the browser or be used for the browser's requests.
  const withCreds = new URL(upstreamUrl);
  withCreds.username = 'admin';
  withCreds.password = 'topsecret';
  app = await startAppHost({ couchUrl: withCreds.toString(), staticDir: dir, port: 0 });
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((ok) => upstream.close(() => ok()));
  rmSync(base, { recursive: true, force: true });
});

describe('app host: static files', () => {
  it('serves index.html with the CSP and security headers', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('CourtDesk');
  });

  it.each([
    ['/assets/app-1a2b.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (path, type) => {
    const res = await fetch(`${app.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('serves the OCR worker’s files, and only them, with the worker’s policy (WebAssembly)', async () => {
    const worker = await fetch(`${app.url}/ocr/worker.min.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-security-policy')).toBe(OCR_WORKER_CSP);
    expect(OCR_WORKER_CSP).toContain("'wasm-unsafe-eval'");
    expect(OCR_WORKER_CSP).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    // A client route under /ocr/ falls back to the app shell, which keeps the app's policy.
    const shell = await fetch(`${app.url}/ocr/some-route`);
    expect(await shell.text()).toContain('CourtDesk');
    expect(shell.headers.get('content-security-policy')).toBe(APP_CSP);
    const escaped = await fetch(`${app.url}/ocr/%2e%2e/index.html`);
    expect(escaped.headers.get('content-security-policy')).not.toBe(OCR_WORKER_CSP);
    expect(APP_CSP).not.toContain('wasm');
  });

  it('falls back to index.html for client routes, but 404s missing assets', async () => {
    const route = await fetch(`${app.url}/cases/case:123`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('CourtDesk');
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
  });

  it.each([
    '/../secret-outside.txt',
    '/%2e%2e/secret-outside.txt',
    '/..%2fsecret-outside.txt',
    '/assets/..%2f..%2fsecret-outside.txt',
    '/%00index.html',
  ])('refuses traversal %s', async (path) => {
    const res = await rawGet(app.url, path);
    expect(res.body).not.toContain('secret');
    expect([400, 404]).toContain(res.status);
  });

  it('rejects writes to static paths', async () => {
    expect((await fetch(`${app.url}/index.html`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a non-loopback address', async () => {
    await expect(
      startAppHost({ couchUrl: upstreamUrl, staticDir: dir, port: 0, host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback/);
  });
});

describe('app host: /couch proxy', () => {
  it('passes _session sign-in through and makes the cookie same-origin for /couch', async () => {
    const res = await fetch(`${app.url}/couch/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"clerk.wang","password":"x"}',
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^AuthSession=abc123; Path=\/couch; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).not.toMatch(/Domain=|Secure/i);
    expect(res.headers.get('www-authenticate')).toBeNull();
    const last = seen.at(-1);
    expect(last?.url).toBe('/_session');
    expect(last?.headers.authorization).toBeUndefined();
  });

  it('forwards the browser cookie and query string, never the configured credentials', async () => {
    const res = await fetch(`${app.url}/couch/courtdesk_cases/_changes?since=now&limit=5`, {
      headers: { cookie: 'AuthSession=abc123' },
    });
    expect(await res.json()).toEqual({ url: '/courtdesk_cases/_changes?since=now&limit=5' });
    const last = seen.at(-1);
    expect(last?.headers.cookie).toBe('AuthSession=abc123');
    expect(last?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(last?.headers)).not.toContain('topsecret');
  });

  it('streams large bodies both ways and rewrites Location', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 1);
    const put = await fetch(`${app.url}/couch/db/doc`, { method: 'PUT', body: new Uint8Array(body) });
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ ok: true, received: body.length });
    expect(put.headers.get('location')).toBe('/couch/db/doc');
    const big = await fetch(`${app.url}/couch/big`);
    expect((await big.arrayBuffer()).byteLength).toBe(5 * 1024 * 1024);
  });

  it('maps /couch to the server root', async () => {
    expect(await (await fetch(`${app.url}/couch`)).json()).toEqual({ url: '/' });
  });

  it('answers 502 in CouchDB style when CouchDB is down', async () => {
    const dead = await startAppHost({ couchUrl: 'http://127.0.0.1:1', staticDir: dir, port: 0 });
    try {
      const res = await fetch(`${dead.url}/couch/_session`);
      expect(res.status).toBe(502);
      expect(couchContentProblems(res.headers, 'application/json; charset=utf-8')).toEqual([]);
      expect(await res.json()).toMatchObject({ error: 'bad_gateway' });
    } finally {
      await dead.close();
    }
  });
});

describe('app host: CouchDB content never runs as app code', () => {
  it.each(COUCH_CONTENT_CASES.map((c, i) => ({ ...c, i })))(
    '$what ($upstreamType) is served sandboxed, as a download',
    async (c) => {
      const res = await fetch(`${app.url}/couch/attack/${c.i}`);
      expect(res.status).toBe(200);
      expect(couchContentProblems(res.headers, c.servedType)).toEqual([]);
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
      expect(await res.text()).toBe(c.body);
    },
  );

  it('ordinary CouchDB answers (JSON, redirects, large bodies) carry the same policy', async () => {
    const json = await fetch(`${app.url}/couch/courtdesk_cases`);
    expect(couchContentProblems(json.headers, 'application/json')).toEqual([]);
    const put = await fetch(`${app.url}/couch/db/doc`, { method: 'PUT', body: '{}' });
    expect(couchContentProblems(put.headers, 'application/json')).toEqual([]);
    const big = await fetch(`${app.url}/couch/big`);
    expect(couchContentProblems(big.headers, 'application/octet-stream')).toEqual([]);
    await big.arrayBuffer();
  });

  it('the app itself keeps its own policy (the couch policy is only for /couch/)', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('content-disposition')).toBeNull();
  });
});

describe('rewriteSetCookie', () => {
  it('sets Path=/couch and drops Domain and Secure', () => {
    expect(
      rewriteSetCookie('AuthSession=x; Version=1; Path=/; HttpOnly; Domain=a.b; Secure; SameSite=Lax'),
    ).toBe('AuthSession=x; Path=/couch; Version=1; HttpOnly; SameSite=Lax');
  });
});

describe('rewriteLocation', () => {
  it('maps CouchDB locations under the target base to /couch', () => {
    expect(rewriteLocation('http://127.0.0.1:5984/db/doc', '')).toBe('/couch/db/doc');
    expect(rewriteLocation('http://couch.internal/couchdb/db/doc', '/couchdb')).toBe('/couch/db/doc');
    expect(rewriteLocation('/couchdb+x/db', '/couchdb+x')).toBe('/couch/db');
  });
});
