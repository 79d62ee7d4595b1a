import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { COUCH_CONTENT_CASES, couchContentProblems } from '../../tests/support/couchContentAttacks';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { OCR_WORKER_CSP } from '../../core/ocrAssets';
import {
  createAppProtocolHandler,
  PRIVILEGED_SCHEMES,
  registerAppProtocol,
  registerPrivilegedSchemes,
  resolveStaticPath,
  rewriteSetCookie,
  upstreamUrl,
} from './protocol';

let root: string;
let secretFile: string;

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CourtDesk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'x');
  fs.mkdirSync(path.join(root, 'ocr'), { recursive: true });
  fs.writeFileSync(path.join(root, 'ocr', 'worker.min.js'), 'importScripts()');
  secretFile = path.join(base, 'secret.txt');
  fs.writeFileSync(secretFile, 'TOP SECRET');
});
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

interface Captured {
  url: string;
  init: RequestInit;
  body: string | null;
}

function setup(
  serverUrl = 'http://127.0.0.1:15984',
  respond?: (url: string) => Response | Promise<Response>,
) {
  const calls: Captured[] = [];
  const handler = createAppProtocolHandler({
    rootDir: root,
    serverUrl: () => serverUrl,
    fetch: async (url, init) => {
      const body = init.body ? await new Response(init.body).text() : null;
      calls.push({ url, init, body });
      return respond
        ? respond(url)
        : new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
  });
  return { handler, calls };
}

describe('app:// static files', () => {
  it.each([
    ['app://courtdesk/', 'text/html; charset=utf-8'],
    ['app://courtdesk/index.html', 'text/html; charset=utf-8'],
    ['app://courtdesk/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://courtdesk/assets/app.css', 'text/css; charset=utf-8'],
    ['app://courtdesk/assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s with the strict CSP', async (url, type) => {
    const res = await setup().handler(new Request(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the CSP is the strict policy of the brief', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('serves the OCR worker’s files with the worker’s policy; the shell under /ocr/ keeps the app’s', async () => {
    const { handler } = setup();
    const worker = await handler(new Request('app://courtdesk/ocr/worker.min.js'));
    expect(worker.headers.get('content-security-policy')).toBe(OCR_WORKER_CSP);
    const shell = await handler(new Request('app://courtdesk/ocr/a-route'));
    expect(await shell.text()).toContain('<title>CourtDesk</title>');
    expect(shell.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves the app shell for client-side routes, 404 for missing assets', async () => {
    const { handler } = setup();
    const route = await handler(new Request('app://courtdesk/cases/123'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>CourtDesk</title>');
    const missing = await handler(new Request('app://courtdesk/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://courtdesk/..%2fsecret.txt',
    'app://courtdesk/assets/..%2f..%2fsecret.txt',
    'app://courtdesk/%2e%2e%2fsecret.txt',
    'app://courtdesk/..%5csecret.txt',
    'app://courtdesk/assets%5c..%5c..%5csecret.txt',
    'app://courtdesk/%00index.html',
    'app://courtdesk/C:%5cWindows%5cwin.ini',
    'app://courtdesk/%E0%A4%A',
  ])('refuses path traversal %s', async (url) => {
    const res = await setup().handler(new Request(url));
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('TOP SECRET');
  });

  it('URL-level dot segments are normalised to inside the root, never outside it', async () => {
    const res = await setup().handler(new Request('app://courtdesk/../../secret.txt'));
    expect(await res.text()).not.toContain('TOP SECRET');
  });

  it('resolveStaticPath keeps every path inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/../secret.txt')).toBeNull();
    // An encoded absolute path is treated as relative to the root, never as the real file.
    const absolute = resolveStaticPath(root, `/${encodeURIComponent(secretFile)}`);
    expect(absolute).not.toBe(secretFile);
    expect(absolute?.startsWith(root + path.sep)).toBe(true);
  });

  it('answers 404 for another host and 405 for writes to static files', async () => {
    const { handler } = setup();
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect(
      (await handler(new Request('app://courtdesk/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });
});

describe('app://courtdesk/couch proxy', () => {
  it('forwards method, path, query, body and Cookie to the server', async () => {
    const { handler, calls } = setup('https://couch.court.example:6984/');
    const res = await handler(
      new Request('app://courtdesk/couch/cases/_bulk_docs?new_edits=false', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Cookie: 'AuthSession=abc123',
          Origin: 'app://courtdesk',
        },
        body: '{"docs":[]}',
      }),
    );
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.url).toBe('https://couch.court.example:6984/cases/_bulk_docs?new_edits=false');
    expect(call.init.method).toBe('POST');
    expect(call.body).toBe('{"docs":[]}');
    const headers = new Headers(call.init.headers);
    expect(headers.get('cookie')).toBe('AuthSession=abc123');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('origin')).toBeNull();
    // CouchDB's answers never carry the app's CSP: 'self' would let them run as the app.
    expect(couchContentProblems(res.headers, 'application/json')).toEqual([]);
  });

  it('keeps a server path prefix and passes GET without a body', async () => {
    const { handler, calls } = setup('http://10.0.0.5:5984/couchdb');
    await handler(new Request('app://courtdesk/couch/_session'));
    expect(calls[0]!.url).toBe('http://10.0.0.5:5984/couchdb/_session');
    expect(calls[0]!.init.method).toBe('GET');
    expect(calls[0]!.body).toBeNull();
  });

  it('passes Set-Cookie back, made host-only for the app origin', async () => {
    const { handler } = setup('http://127.0.0.1:15984', () => {
      const headers = new Headers({ 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      headers.append('Set-Cookie', 'AuthSession=xyz; Version=1; Path=/; HttpOnly; Domain=127.0.0.1');
      return new Response('{"ok":true,"name":"clerk1"}', { status: 200, headers });
    });
    const res = await handler(
      new Request('app://courtdesk/couch/_session', {
        method: 'POST',
        body: 'name=clerk1&password=x',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(res.headers.getSetCookie()).toEqual(['AuthSession=xyz; Version=1; Path=/; HttpOnly']);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.json()).toEqual({ ok: true, name: 'clerk1' });
  });

  it('never sends or leaks credentials embedded in the server URL', async () => {
    const { handler, calls } = setup(
      'https://admin:s3cret@couch.court.example/',
      () =>
        new Response('{"error":"unauthorized"}', {
          status: 401,
          headers: { Location: 'https://couch.court.example/x' },
        }),
    );
    const res = await handler(new Request('app://courtdesk/couch/cases'));
    const text = await res.text();
    expect(calls[0]!.url).toBe('https://couch.court.example/cases');
    expect(JSON.stringify(calls[0]!.init)).not.toContain('s3cret');
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBeNull();
    expect(text).not.toContain('s3cret');
    const values: string[] = [];
    res.headers.forEach((v) => values.push(v));
    expect(values.join(' ')).not.toContain('s3cret');
    expect(res.status).toBe(401);
  });

  it('answers 502 with a CouchDB-style body when the server is unreachable, without leaking credentials', async () => {
    const log = vi.fn();
    const handler = createAppProtocolHandler({
      rootDir: root,
      serverUrl: () => 'http://admin:pw@127.0.0.1:1',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      log,
    });
    const res = await handler(new Request('app://courtdesk/couch/_session'));
    expect(res.status).toBe(502);
    expect(couchContentProblems(res.headers, 'application/json')).toEqual([]);
    expect(await res.json()).toMatchObject({ error: 'server_unreachable' });
    expect(log.mock.calls.flat().join(' ')).not.toContain('pw@');
  });

  it('proxies /couch and /couch/ to the server root (the welcome probe)', async () => {
    const { handler, calls } = setup('http://127.0.0.1:15984');
    await handler(new Request('app://courtdesk/couch/'));
    await handler(new Request('app://courtdesk/couch'));
    expect(calls.map((c) => c.url)).toEqual(['http://127.0.0.1:15984/', 'http://127.0.0.1:15984/']);
    const { handler: h2, calls: c2 } = setup();
    await h2(new Request('app://courtdesk/couchdb-notes.html'));
    expect(c2).toEqual([]);
  });

  it('passes the request signal so an abandoned request cancels upstream', async () => {
    const { handler, calls } = setup();
    const controller = new AbortController();
    await handler(new Request('app://courtdesk/couch/_changes?feed=longpoll', { signal: controller.signal }));
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('upstreamUrl and rewriteSetCookie', () => {
    expect(upstreamUrl('http://u:p@h:1/pre/?x=1#f', 'db/doc', '?rev=1')).toBe('http://h:1/pre/db/doc?rev=1');
    expect(rewriteSetCookie('a=b; domain=.x; Path=/')).toBe('a=b; Path=/');
  });
});

describe('app://courtdesk/couch content never runs as app code', () => {
  it.each(COUCH_CONTENT_CASES)('$what ($upstreamType) is served sandboxed, as a download', async (c) => {
    const { handler } = setup('http://127.0.0.1:15984', () => {
      const headers = new Headers(c.upstreamType ? { 'Content-Type': c.upstreamType } : {});
      // CouchDB's own policy (Fauxton's) or a disposition of its own must not survive.
      headers.set('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-eval'");
      headers.set('Content-Disposition', 'inline');
      // Bytes, not a string: a string body would get text/plain from the Response constructor.
      return new Response(new TextEncoder().encode(c.body), { status: 200, headers });
    });
    const res = await handler(new Request('app://courtdesk/couch/courtdesk_documents/file%3Aa/evil.html'));
    expect(res.status).toBe(200);
    expect(couchContentProblems(res.headers, c.servedType)).toEqual([]);
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    // The bytes are passed unchanged: only how the browser may treat them changes.
    expect(await res.text()).toBe(c.body);
  });

  it('errors and empty answers from CouchDB carry the same policy', async () => {
    for (const status of [201, 204, 304, 404, 500]) {
      const { handler } = setup('http://127.0.0.1:15984', () => new Response(null, { status }));
      const res = await handler(new Request('app://courtdesk/couch/db/doc', { method: 'HEAD' }));
      expect(res.status).toBe(status);
      expect(couchContentProblems(res.headers, 'application/octet-stream')).toEqual([]);
    }
  });

  it('the app itself keeps its own policy (the couch policy is only for /couch/)', async () => {
    const { handler } = setup();
    const res = await handler(new Request('app://courtdesk/'));
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-disposition')).toBeNull();
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure, fetch, CORS and stream', () => {
    const registered: unknown[] = [];
    registerPrivilegedSchemes({ registerSchemesAsPrivileged: (s) => registered.push(...s) });
    expect(registered).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
      },
    ]);
    expect(PRIVILEGED_SCHEMES[0]!.privileges).not.toHaveProperty('bypassCSP');
  });

  it('handles the app scheme through protocol.handle', async () => {
    const handlers = new Map<string, (r: Request) => Promise<Response> | Response>();
    registerAppProtocol(
      { handle: (scheme, h) => void handlers.set(scheme, h as (r: Request) => Promise<Response>) },
      { rootDir: root, serverUrl: () => 'http://127.0.0.1:15984', fetch: async () => new Response('') },
    );
    const res = await handlers.get('app')!(new Request('app://courtdesk/'));
    expect(res.status).toBe(200);
  });
});
