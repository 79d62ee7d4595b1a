import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedServer } from './embeddedServer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'courtdesk-embedded-'));
  dirs.push(d);
  return d;
}
const admin = { name: 'admin', password: 'pw-1' };

describe('startEmbeddedServer', () => {
  it('refuses any address other than loopback', async () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::']) {
      await expect(startEmbeddedServer({ dataDir: tmp(), host, port: 0, admin })).rejects.toThrow(/loopback/);
    }
  });

  it('refuses to start without an admin (no admin party)', async () => {
    await expect(
      startEmbeddedServer({ dataDir: tmp(), port: 0, admin: { name: 'admin', password: '' } }),
    ).rejects.toThrow(/admin/);
  });

  it('has the admin before the first request, and _session cookies survive a restart', async () => {
    const dataDir = tmp();
    const s1 = await startEmbeddedServer({ dataDir, port: 0, admin, logger: () => undefined });
    expect(s1.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const anon = await fetch(`${s1.url}/_all_dbs`);
    expect(anon.status).toBe(401);
    const login = await fetch(`${s1.url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: 'pw-1' }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    const cookie = /AuthSession=[^;]*/.exec(setCookie)?.[0] ?? '';
    expect(cookie).not.toBe('');
    expect(setCookie).toMatch(/; HttpOnly; SameSite=Strict$/);
    expect(login.headers.get('x-powered-by')).toBeNull();
    // No CORS by default: the app reaches the server through its own origin's /couch/ proxy.
    const defaultCors = await fetch(`${s1.url}/_session`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST' },
    });
    expect(defaultCors.headers.get('access-control-allow-origin')).toBeNull();
    await s1.close();
    const s2 = await startEmbeddedServer({
      dataDir,
      port: 0,
      admin,
      logger: () => undefined,
      corsOrigins: ['http://127.0.0.1:5173'],
    });
    try {
      const r = await fetch(`${s2.url}/_session`, { headers: { cookie } });
      expect((await r.json()).userCtx).toMatchObject({ name: 'admin', roles: ['_admin'] });
      // fetch() cannot set Host; a raw request can (DNS-rebinding defence).
      const status = await new Promise<number>((resolve, reject) => {
        const u = new URL(s2.url);
        request({ host: u.hostname, port: u.port, path: '/', headers: { host: 'evil.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(400);
      // CORS with credentials for the configured origin only.
      const pre = await fetch(`${s2.url}/_session`, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
      expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
      for (const origin of ['https://evil.example', 'http://127.0.0.1:8080', 'http://localhost:5173']) {
        const other = await fetch(`${s2.url}/`, { headers: { origin } });
        expect(other.headers.get('access-control-allow-origin'), origin).toBeNull();
      }
    } finally {
      await s2.close();
    }
  });
});
