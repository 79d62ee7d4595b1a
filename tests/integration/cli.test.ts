/**
 * The courtdesk-server CLI against a real server (embedded, or Apache CouchDB via COUCH_URL):
 * provision, user add/disable/passwd, demo (small count), the app host's /couch proxy, and
 * `start` as a child process stopped with SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../sync-server/src/cli';
import { startAppHost } from '../../sync-server/src/appHost/appHost';
import { generateDemo } from '../../sync-server/src/setup/demoGenerator';
import {
  couchFetch,
  deleteUser,
  getCouchTarget,
  sessionCookie,
  type CouchTarget,
} from '../support/couchTarget';

let target: CouchTarget;
const suffix = Date.now().toString(36);
const createdUsers: string[] = [];
const DEMO_CASES = 20;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function signIn(name: string, password: string): Promise<number> {
  return (await couchFetch(`${target.url}/_session`, { method: 'POST', body: { name, password } })).status;
}

beforeAll(async () => {
  target = await getCouchTarget();
  expect((await cli('provision', '--couch', target.adminUrl)).code).toBe(0);
});

afterAll(async () => {
  if (!target) return;
  if (!target.embedded) {
    for (const u of createdUsers) await deleteUser(target, u);
    // Remove the demo documents this suite wrote (the databases themselves stay provisioned).
    for (const [db, docs] of Object.entries(generateDemo({ cases: DEMO_CASES }).docs)) {
      const res = await couchFetch(`${target.url}/${db}/_all_docs`, {
        method: 'POST',
        auth: target.admin,
        body: { keys: docs.map((d) => d._id) },
      });
      const dead = (res.body?.rows ?? [])
        .filter((r: { value?: { rev: string; deleted?: boolean } }) => r.value && !r.value.deleted)
        .map((r: { id: string; value: { rev: string } }) => ({
          _id: r.id,
          _rev: r.value.rev,
          _deleted: true,
        }));
      if (dead.length > 0)
        await couchFetch(`${target.url}/${db}/_bulk_docs`, {
          method: 'POST',
          auth: target.admin,
          body: { docs: dead },
        });
    }
  }
  await target.stop();
});

describe(`courtdesk-server CLI (${process.env['COUCH_URL'] ? 'COUCH_URL' : 'embedded server'})`, () => {
  it('provision is idempotent from the command line', async () => {
    const r = await cli('provision', '--couch', target.adminUrl);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/everything already in place/);
    expect(r.out).not.toContain(target.admin.password);
  });

  it('user add, passwd and disable; a disabled user can no longer sign in or use an old cookie', async () => {
    const name = `clerk.cli${suffix}`;
    createdUsers.push(name);
    const add = await cli(
      'user',
      'add',
      name,
      '--role',
      'clerk,assistant',
      '--password',
      'first-pass',
      '--display-name',
      '张三',
      '--couch',
      target.adminUrl,
    );
    expect(add.code, add.err).toBe(0);
    const doc = await couchFetch(`${target.url}/_users/org.couchdb.user:${name}`, { auth: target.admin });
    expect(doc.body).toMatchObject({
      name,
      roles: ['clerk', 'assistant'],
      displayName: '张三',
      type: 'user',
    });
    expect(doc.body.password).toBeUndefined(); // hashed by the server
    expect(await signIn(name, 'first-pass')).toBe(200);
    expect(
      (
        await cli(
          'user',
          'add',
          name,
          '--role',
          'clerk',
          '--password',
          'first-pass',
          '--couch',
          target.adminUrl,
        )
      ).err,
    ).toMatch(/already exists/);

    expect(
      (await cli('user', 'passwd', name, '--password', 'second-pass', '--couch', target.adminUrl)).code,
    ).toBe(0);
    expect(await signIn(name, 'first-pass')).toBe(401);
    expect(await signIn(name, 'second-pass')).toBe(200);
    const cookie = await sessionCookie(target, name, 'second-pass');
    expect((await couchFetch(`${target.url}/courtdesk_cases`, { cookie })).status).toBe(200);

    const dis = await cli('user', 'disable', name, '--couch', target.adminUrl);
    expect(dis.code, dis.err).toBe(0);
    expect(await signIn(name, 'second-pass')).toBe(401);
    expect(
      (await couchFetch(`${target.url}/courtdesk_cases`, { auth: { name, password: 'second-pass' } })).status,
    ).toBe(401);
    expect([401, 403]).toContain((await couchFetch(`${target.url}/courtdesk_cases`, { cookie })).status);
    const after = await couchFetch(`${target.url}/_users/org.couchdb.user:${name}`, { auth: target.admin });
    expect(after.body).toMatchObject({
      disabled: true,
      disabledBy: target.admin.name,
      roles: [],
      disabledRoles: ['clerk', 'assistant'],
    });

    expect(
      (await cli('user', 'passwd', name, '--password', 'third-pass', '--couch', target.adminUrl)).err,
    ).toMatch(/disabled/);
    expect(
      (await cli('user', 'passwd', name, '--password', 'third-pass', '--enable', '--couch', target.adminUrl))
        .code,
    ).toBe(0);
    expect(await signIn(name, 'third-pass')).toBe(200);
    expect((await cli('user', 'disable', `nobody.${suffix}`, '--couch', target.adminUrl)).err).toMatch(
      /no such user/,
    );
  });

  it('demo seeds the expected documents and users, idempotently', async () => {
    const expected = generateDemo({ cases: DEMO_CASES });
    for (const u of expected.users) createdUsers.push(u.name);
    const first = await cli('demo', '--cases', String(DEMO_CASES), '--couch', target.adminUrl);
    expect(first.code, first.err).toBe(0);
    for (const [db, docs] of Object.entries(expected.docs)) {
      const res = await couchFetch(`${target.url}/${db}/_all_docs`, {
        method: 'POST',
        auth: target.admin,
        body: { keys: docs.map((d) => d._id) },
      });
      expect(res.body.rows.filter((r: { value?: unknown }) => r.value).length).toBe(docs.length);
    }
    expect(await signIn('clerk.wang', 'courtdesk')).toBe(200);
    expect(await signIn('kiosk', 'courtdesk')).toBe(200);
    const second = await cli('demo', '--cases', String(DEMO_CASES), '--couch', target.adminUrl);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/0 users created/);
    expect(second.out).toMatch(/courtdesk_cases: 0 written/);
  });

  it('the app host proxies _session sign-in and the cookie works through /couch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-app-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CourtDesk</title>');
    const app = await startAppHost({ couchUrl: target.adminUrl, staticDir: dir, port: 0 });
    try {
      const name = `judge.app${suffix}`;
      createdUsers.push(name);
      expect(
        (
          await cli(
            'user',
            'add',
            name,
            '--role',
            'judge',
            '--password',
            'app-pass-1',
            '--couch',
            target.adminUrl,
          )
        ).code,
      ).toBe(0);
      expect((await fetch(`${app.url}/couch/courtdesk_cases`)).status).toBe(401); // admin creds in the URL are not used
      const login = await fetch(`${app.url}/couch/_session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password: 'app-pass-1' }),
      });
      expect(login.status).toBe(200);
      const setCookie = login.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^AuthSession=[^;]+; Path=\/couch/);
      const cookie = setCookie.split(';')[0] ?? '';
      const session = await (await fetch(`${app.url}/couch/_session`, { headers: { cookie } })).json();
      expect(session.userCtx).toMatchObject({ name, roles: ['judge'] });
      expect((await fetch(`${app.url}/couch/courtdesk_cases`, { headers: { cookie } })).status).toBe(200);
      expect((await fetch(`${app.url}/some/route`)).headers.get('content-security-policy')).toContain(
        "default-src 'self'",
      );
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('courtdesk-server start (embedded server as a child process)', () => {
  it('starts, provisions, seeds, serves the app, and stops cleanly on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-start-'));
    const appDir = mkdtempSync(join(tmpdir(), 'cli-start-app-'));
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>CourtDesk</title>');
    const env = { ...process.env };
    delete env['COURTDESK_ADMIN_USER'];
    delete env['COURTDESK_ADMIN_PASSWORD'];
    const child: ChildProcessWithoutNullStreams = spawn(
      process.execPath,
      [
        'sync-server/bin/courtdesk-server.mjs',
        'start',
        '--data',
        data,
        '--port',
        '0',
        '--demo',
        '--demo-cases',
        '10',
        '--app-port',
        '0',
        '--app-dir',
        appDir,
      ],
      { env },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    try {
      const deadline = Date.now() + 120_000;
      while (!out.includes('ready; press Ctrl+C') && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      expect(out, err).toContain('ready; press Ctrl+C');
      const server = /CourtDesk embedded server: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      const app = /CourtDesk app: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      expect(server).toBeDefined();
      expect(app).toBeDefined();
      const admin = JSON.parse(readFileSync(join(data, 'server.json'), 'utf8')).admin as {
        name: string;
        password: string;
      };
      expect(out).not.toContain(admin.password);
      expect((await couchFetch(`${server}/courtdesk_cases`, { auth: admin })).body.doc_count).toBe(
        (generateDemo({ cases: 10 }).docs['courtdesk_cases']?.length ?? 0) + 1,
      ); // + _design/courtdesk
      const login = await fetch(`${app}/couch/_session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'clerk.wang', password: 'courtdesk' }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const list = await (
        await fetch(`${app}/couch/courtdesk_cases/_all_docs?limit=3`, { headers: { cookie } })
      ).json();
      expect(list.rows).toHaveLength(3);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('SIGTERM: stopping');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(data, { recursive: true, force: true });
      rmSync(appDir, { recursive: true, force: true });
    }
  });

  it('refuses a non-loopback host with a clear error and a non-zero exit', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-start-'));
    try {
      const r = await cli('start', '--data', data, '--port', '0', '--host', '0.0.0.0');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/loopback/);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
