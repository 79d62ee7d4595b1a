/**
 * Shared setup of the sync integration suite: a real server (the embedded one via getCouchTarget,
 * COUCH_URL, or a `courtdesk-server start` child process that the outage test SIGKILLs),
 * provisioned by our own code, users per role, the app host serving the harness page and
 * proxying `/couch`, and Chromium contexts acting as workstations. Nothing is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../../core/roles';
import { startAppHost, type AppHost } from '../../../sync-server/src/appHost/appHost';
import { createCouchClient } from '../../../sync-server/src/couch/client';
import { provision } from '../../../sync-server/src/setup/provision';
import { addUser } from '../../../sync-server/src/setup/users';
import { deadPort, launchChromium } from '../../e2e/browser';
import { couchFetch, deleteUser, getCouchTarget, type CouchTarget } from '../../support/couchTarget';
import { buildHarness } from '../harness/buildHarness';

/** A user of the suite. */
export interface TestUser {
  readonly name: string;
  readonly password: string;
  readonly role: Role;
}

/** Everything a test file needs. */
export interface Stack {
  readonly target: CouchTarget;
  readonly host: AppHost;
  readonly browser: Browser;
  readonly users: Readonly<Record<Role, TestUser>>;
  /** A new browser context (a workstation) with the harness loaded and `user` signed in. */
  workstation(user: TestUser): Promise<Workstation>;
  close(): Promise<void>;
}

/** One browser context with the harness page. */
export interface Workstation {
  readonly context: BrowserContext;
  readonly page: Page;
}

const suffix = randomBytes(3).toString('hex');
/** Unique to this run: goes into user names and document ids, so runs on one COUCH_URL never collide. */
export const RUN_TAG = suffix;

/** Creates one user per role (names unique to this run). */
export async function addRoleUsers(
  target: CouchTarget,
  roles: readonly Role[],
): Promise<Record<Role, TestUser>> {
  const couch = createCouchClient(target.adminUrl);
  const users = {} as Record<Role, TestUser>;
  for (const role of roles) {
    const u = { name: `it.${role}.${suffix}`, password: `pw-${role}-${suffix}`, role };
    await addUser(couch, { name: u.name, password: u.password, roles: [role] });
    users[role] = u;
  }
  return users;
}

/** Starts the stack on `target` (default: {@link getCouchTarget}). */
export async function startStack(roles: readonly Role[], given?: CouchTarget): Promise<Stack> {
  const staticDir = await buildHarness();
  const target = given ?? (await getCouchTarget());
  await provision(createCouchClient(target.adminUrl));
  const users = await addRoleUsers(target, roles);
  const host = await startAppHost({ couchUrl: target.url, staticDir, port: 0 });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    target,
    host,
    browser,
    users,
    async workstation(user) {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[page ${user.name}] ${e.message}`));
      await page.goto(`${host.url}/index.html`);
      await page.waitForFunction(() => document.getElementById('ready')?.textContent === 'ready');
      const status = await page.evaluate(([n, p]) => window.cd.signIn(n, p), [
        user.name,
        user.password,
      ] as const);
      if (status !== 200) throw new Error(`sign-in of ${user.name} failed: ${status}`);
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await host.close();
      if (!target.embedded)
        for (const u of Object.values(users)) await deleteUser(target, u.name).catch(() => undefined);
      if (!given) await target.stop();
    },
  };
}

/** Waits until database `key` of the page's engine is in `state` (string predicates would need eval, which the CSP forbids). */
export async function until(page: Page, key: string, state: string, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(([k, s]) => window.cd.db(k as never, s as never), [key, state] as const, {
    timeout: timeoutMs,
    polling: 250,
  });
}

/** All documents of a server database (admin), design documents excluded. */
export async function serverDocs(
  target: CouchTarget,
  db: string,
): Promise<{ id: string; rev: string; doc: Record<string, unknown> }[]> {
  const r = await couchFetch(`${target.url}/${db}/_all_docs?include_docs=true&conflicts=true`, {
    auth: target.admin,
    timeoutMs: 120_000,
  });
  if (r.status !== 200) throw new Error(`_all_docs ${db}: ${r.status} ${r.text.slice(0, 200)}`);
  return (r.body.rows as { id: string; value: { rev: string }; doc: Record<string, unknown> }[])
    .filter((x) => !x.id.startsWith('_design/'))
    .map((x) => ({ id: x.id, rev: x.value.rev, doc: x.doc }));
}

/** Writes documents on the server as admin (bulk, in chunks). */
export async function serverBulk(
  target: CouchTarget,
  db: string,
  docs: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < docs.length; i += 2000) {
    const batch = docs.slice(i, i + 2000);
    let body: Record<string, unknown> = { docs: batch };
    for (let attempt = 0; ; attempt++) {
      const r = await couchFetch(`${target.url}/${db}/_bulk_docs`, {
        method: 'POST',
        auth: target.admin,
        body,
        timeoutMs: 120_000,
      });
      if (r.status === 202 && attempt < 5) {
        // A loaded cluster took the batch on fewer copies than its write quorum (202 accepted):
        // write the same revisions again as replication does, until the quorum holds them all.
        const revs = r.body as { id: string; rev?: string }[];
        body = { new_edits: false, docs: batch.map((d, k) => ({ ...d, _rev: revs[k]?.rev })) };
        continue;
      }
      if (r.status !== 201) throw new Error(`_bulk_docs ${db}: ${r.status} ${r.text.slice(0, 300)}`);
      const bad = (r.body as { error?: string }[]).filter((x) => x.error);
      if (bad.length)
        throw new Error(`_bulk_docs ${db}: ${bad.length} failed, e.g. ${JSON.stringify(bad[0])}`);
      break;
    }
  }
}

/** `n` valid event documents of one case, authored by `user` (the cases database). */
export function events(user: string, n: number, tag: string): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    _id: `event:case:${tag}:${String(i).padStart(6, '0')}:${tag}`,
    type: 'event',
    schemaVersion: 1,
    createdAt: '2026-03-02T09:30:00.000+08:00',
    createdBy: user,
    caseId: `case:${tag}`,
    kind: 'note',
    at: '2026-03-02T09:30:00.000+08:00',
    note: `第${i}条流程记录 ${'备注'.repeat(200)}`, // ~1 KB documents
  }));
}

/** `n` valid draft documents authored by `user` (the documents database), ~1 KB each. */
export function drafts(user: string, n: number, tag: string): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    _id: `draft:${tag}:${String(i).padStart(6, '0')}`,
    type: 'draft',
    schemaVersion: 1,
    createdAt: '2026-03-02T09:30:00.000+08:00',
    createdBy: user,
    caseId: `case:${tag}`,
    kind: 'other',
    title: `草稿 ${i}`,
    body: `<p>${'正文'.repeat(200)}</p>`,
  }));
}

/** A `courtdesk-server start` child process on a fixed port and data dir, restartable after SIGKILL. */
export interface ChildServer {
  readonly url: string;
  readonly target: CouchTarget;
  /** SIGKILLs the process (by pid) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data dir; resolves when it answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Spawns the embedded server as a child process (the realistic crash: SIGKILL, no shutdown hooks). */
export async function startChildServer(): Promise<ChildServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-kill-'));
  const port = await deadPort();
  const admin = { name: 'admin', password: randomBytes(12).toString('hex') };
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(
      process.execPath,
      [
        'sync-server/bin/courtdesk-server.mjs',
        'start',
        '--no-worker', // a bare server: the sync suites write cases the worker would number
        '--data',
        dir,
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
      ],
      {
        env: { ...process.env, COURTDESK_ADMIN_USER: admin.name, COURTDESK_ADMIN_PASSWORD: admin.password },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
    const until = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
      const ok = await fetch(`${url}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > until) throw new Error(`server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    if (c.pid) process.kill(c.pid, 'SIGKILL');
    await exited;
  };
  await launch();
  const target: CouchTarget = {
    url,
    adminUrl: `http://${admin.name}:${admin.password}@127.0.0.1:${port}`,
    admin,
    embedded: true,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return { url, target, kill, restart: launch, stop: () => target.stop() };
}
