import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parsePort, resolveServerConfig } from './config';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'courtdesk-config-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('resolveServerConfig', () => {
  it('generates an admin and a cookie secret once, persisted 0600, stable across calls', () => {
    const dataDir = join(tmp(), 'server');
    const a = resolveServerConfig({}, { dataDir });
    expect(a.adminSource).toBe('generated');
    expect(a.port).toBe(DEFAULT_PORT);
    expect(a.host).toBe('127.0.0.1');
    const file = join(dataDir, 'server.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const b = resolveServerConfig({}, { dataDir });
    expect(b.adminSource).toBe('persisted');
    expect(b.admin).toEqual(a.admin);
    expect(b.cookieSecret).toBe(a.cookieSecret);
    expect(JSON.parse(readFileSync(file, 'utf8')).cookieSecret).toBe(a.cookieSecret);
  });

  it('takes the admin from the environment, overrides win over it', () => {
    const dataDir = tmp();
    const env = { COURTDESK_ADMIN_USER: 'it', COURTDESK_ADMIN_PASSWORD: 'secret', COURTDESK_PORT: '16000' };
    const fromEnv = resolveServerConfig(env, { dataDir });
    expect(fromEnv).toMatchObject({
      admin: { name: 'it', password: 'secret' },
      adminSource: 'env',
      port: 16000,
    });
    const over = resolveServerConfig(env, { dataDir, adminUser: 'x', adminPassword: 'y', port: '0' });
    expect(over).toMatchObject({ admin: { name: 'x', password: 'y' }, adminSource: 'override', port: 0 });
    expect(over.cookieSecret).toBe(fromEnv.cookieSecret);
  });

  it('rejects half an admin and bad ports', () => {
    expect(() => resolveServerConfig({ COURTDESK_ADMIN_USER: 'only' }, { dataDir: tmp() })).toThrow(/both/);
    expect(() => parsePort('80a')).toThrow(/invalid port/);
    expect(() => parsePort(70000)).toThrow(/invalid port/);
    expect(parsePort('15984')).toBe(15984);
  });
});
