/**
 * docs/product-rules.md §2.2: live sync survives the laptop sleeping and the app being killed mid-write.
 *
 * Killed mid-write: Chromium runs with a persistent profile (its own process, so the test holds its
 * pid) and writes 2,000 forum posts (creates, every tenth iteration also an update of an earlier
 * post) through the real repository while the real sync engine pushes live; after a few hundred
 * acknowledged writes every Chromium process is SIGKILLed. Relaunched on the same profile, the
 * replica opens without errors, every acknowledged write is there, intact, at (at least) its
 * acknowledged revision, and after sync every local post is on the server once, at the local
 * revision, without conflicts.
 *
 * Laptop sleep: the page is frozen (CDP Page.setWebLifecycleState), its CPU throttled and its
 * network cut while it holds unpushed writes; meanwhile the server is SIGKILLed and restarted and
 * others write on the server. After resuming, live sync continues by itself within a bounded time
 * (polled), the status returns to online, and nothing is lost in either direction.
 *
 * Embedded server as a `courtdesk-server start` child process (restartable), as outage.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateForWrite } from '../../../core/schemas/registry';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/browser';
import {
  serverBulk,
  serverDocs,
  startChildServer,
  startStack,
  until,
  type ChildServer,
  type Stack,
  type TestUser,
} from './fixture';

let server: ChildServer;
let stack: Stack;
const profiles: string[] = [];
const launched: ProfileBrowser[] = [];

beforeAll(async () => {
  server = await startChildServer();
  stack = await startStack(['clerk', 'judge'], server.target);
});
afterAll(async () => {
  for (const b of launched) await killProfile(b); // a failed test leaves no Chromium behind
  await stack?.close();
  await server?.stop();
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

/** Chromium on a persistent profile, started by us so we hold its pid (a process-group leader). */
interface ProfileBrowser {
  readonly child: ChildProcess;
  readonly browser: Browser;
  readonly stderr: string[];
}

async function launchProfile(dir: string): Promise<ProfileBrowser> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stderr: string[] = [];
  const ws = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${stderr.join('')}`)), 60_000);
    child.stderr?.on('data', (b: Buffer) => {
      stderr.push(b.toString());
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(stderr.join(''));
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${stderr.join('')}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const p = { child, browser, stderr };
  launched.push(p);
  return p;
}

/** SIGKILLs the browser process by its pid, then the rest of its process group: no shutdown at all. */
async function killProfile(p: ProfileBrowser): Promise<void> {
  const pid = p.child.pid;
  if (pid === undefined || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  process.kill(pid, 'SIGKILL');
  try {
    process.kill(-pid, 'SIGKILL'); // renderer, GPU, storage … processes of this browser only
  } catch {
    // group already gone
  }
  await exited;
}

/** Opens the harness page in the browser's default (persistent) context and signs in. */
async function openHarness(b: Browser, user: TestUser, errors: string[]): Promise<Page> {
  const context = b.contexts()[0];
  if (!context) throw new Error('no default context');
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // HTTP answers like a 404 for a missing checkpoint are logged by Chromium, not by the app
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  await page.goto(`${stack.host.url}/index.html`);
  await page.waitForFunction(() => document.getElementById('ready')?.textContent === 'ready');
  const status = await page.evaluate(([n, p]) => window.cd.signIn(n, p), [user.name, user.password] as const);
  if (status !== 200) throw new Error(`sign-in failed: ${status}`);
  return page;
}

const N = 2000;
const bodyOf = (i: number) => `<p>第${i}号帖子 ${'内容'.repeat(150)} #${i}</p>`;
const revNo = (rev: string) => parseInt(rev, 10);

/** Polls `check` every 250 ms until it is true; fails after `ms` with `what`. */
async function eventually(what: string, ms: number, check: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (await check()) return Date.now() - t0;
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('app killed mid-write (persistent profile, SIGKILL)', () => {
  it('keeps every acknowledged write intact and converges with the server after relaunch', async () => {
    const user = stack.users.clerk;
    const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-profile-'));
    profiles.push(dir);
    const errors: string[] = [];
    /** id → last acknowledged { rev, title } (recorded in Node before the next write starts). */
    const acked = new Map<string, { rev: string; title: string; i: number }>();

    let b = await launchProfile(dir);
    let page = await openHarness(b.browser, user, errors);
    await page.exposeFunction('__ack', (id: string, rev: string, title: string, i: number) => {
      acked.set(id, { rev, title, i });
    });
    await page.evaluate(([u]) => window.cd.start(u, ['forum'], { maxBackoffMs: 1000 }), [user.name] as const);
    const loop = page
      .evaluate(
        async ([u, n, pad]) => {
          const ack = (window as unknown as { __ack: (...a: unknown[]) => Promise<void> }).__ack;
          for (let i = 0; i < n; i++) {
            const d = await window.cd.create('forum', u, 'post', [`lc${i}`], {
              board: 'board:general',
              title: `帖子 ${i}`,
              body: `<p>第${i}号帖子 ${pad} #${i}</p>`,
            });
            await ack(d['_id'], d['_rev'], d['title'], i);
            if (i % 10 === 9) {
              const j = i - 5;
              const e = await window.cd.update('forum', u, `post:lc${j}`, { title: `修改 ${i}` });
              await ack(e['_id'], e['_rev'], e['title'], j);
            }
          }
          return 'finished';
        },
        [user.name, N, '内容'.repeat(150)] as const,
      )
      .catch((e: unknown) => `killed: ${String(e).slice(0, 80)}`);
    const killAt = 400 + Math.floor(Math.random() * 600);
    await eventually(`${killAt} acknowledged writes`, 120_000, async () => acked.size >= killAt);
    const pushedBefore = (await serverDocs(stack.target, 'courtdesk_forum')).filter((d) =>
      d.id.startsWith('post:lc'),
    ).length;
    await killProfile(b);
    const ackedAtKill = new Map(acked);
    expect(await loop).toMatch(/^killed/); // the loop was cut short: the kill really was mid-write
    console.log(
      `killed after ${ackedAtKill.size} acknowledged posts (${pushedBefore} already on the server)`,
    );

    // Relaunch on the same profile.
    b = await launchProfile(dir);
    page = await openHarness(b.browser, user, errors);
    await page.evaluate(([u]) => window.cd.start(u, ['forum'], { maxBackoffMs: 1000 }), [user.name] as const);
    const local = await page.evaluate(async (n) => {
      const out: Record<string, unknown>[] = [];
      for (let i = 0; i < n; i++) {
        const d = await window.cd.get('forum', `post:lc${i}`);
        if (d) out.push(d);
      }
      return out;
    }, N);
    const byId = new Map(local.map((d) => [String(d['_id']), d]));
    const missing = [...ackedAtKill.keys()].filter((id) => !byId.has(id));
    expect(missing, 'acknowledged writes lost by the kill').toEqual([]);
    for (const [id, a] of ackedAtKill) {
      const d = byId.get(id) as Record<string, unknown>;
      const rev = String(d['_rev']);
      expect(revNo(rev), `${id} older than acknowledged`).toBeGreaterThanOrEqual(revNo(a.rev));
      if (revNo(rev) === revNo(a.rev)) {
        expect(rev).toBe(a.rev);
        expect(d['title']).toBe(a.title);
      }
      expect(d['body']).toBe(bodyOf(a.i));
    }
    // no partial documents at all (acknowledged or not): every one passes the schema
    for (const d of local) {
      const { _rev: _r, _conflicts: _c, ...rest } = d;
      expect(() => validateForWrite(rest), String(d['_id'])).not.toThrow();
      expect(d['_conflicts']).toBeUndefined();
    }
    expect(local.length).toBeLessThan(N);

    // After sync: every local post on the server once, at the local revision.
    await until(page, 'forum', 'online', 120_000);
    expect(await page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    const server = (await serverDocs(stack.target, 'courtdesk_forum')).filter((d) =>
      d.id.startsWith('post:lc'),
    );
    const serverIds = server.map((d) => d.id);
    expect(new Set(serverIds).size).toBe(serverIds.length);
    expect([...serverIds].sort()).toEqual([...byId.keys()].sort());
    const wrongRev = server.filter((d) => String(byId.get(d.id)?.['_rev']) !== d.rev);
    expect(wrongRev).toEqual([]);
    expect(server.filter((d) => d.doc['_conflicts'])).toEqual([]);
    await page.evaluate(() => window.cd.recount());
    expect((await page.evaluate(() => window.cd.status())).unpushed).toBe(0);
    expect(errors, 'page errors after relaunch').toEqual([]);
    await page.evaluate(() => window.cd.close());
    await b.browser.close().catch(() => undefined);
    await killProfile(b);
  });
});

describe('laptop sleep (frozen page, throttled CPU, no network) across a server restart', () => {
  it('resumes live sync by itself and loses nothing in either direction', async () => {
    const clerk = stack.users.clerk;
    const judge = stack.users.judge.name;
    const { page } = await stack.workstation(clerk);
    await page.evaluate(([u]) => window.cd.start(u, ['forum'], { maxBackoffMs: 2000 }), [
      clerk.name,
    ] as const);
    for (let i = 0; i < 50; i++)
      await page.evaluate(
        ([u, n]) =>
          window.cd.create('forum', u, 'post', [`before${n}`], {
            board: 'board:general',
            title: `睡前 ${n}`,
            body: '<p>睡前</p>',
          }),
        [clerk.name, i] as const,
      );
    await until(page, 'forum', 'online', 60_000);
    expect(await page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });

    // a page-side clock, to prove afterwards that the page really stopped running while asleep
    await page.evaluate(() => {
      const w = window as unknown as { __ticks: number[] };
      w.__ticks = [];
      setInterval(() => w.__ticks.push(Date.now()), 100);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    // unpushed work when the lid closes
    for (let i = 0; i < 30; i++)
      await page.evaluate(
        ([u, n]) =>
          window.cd.create('forum', u, 'post', [`asleep${n}`], {
            board: 'board:general',
            title: `合盖前 ${n}`,
            body: '<p>未推送</p>',
          }),
        [clerk.name, i] as const,
      );
    await page.evaluate(([u]) => window.cd.update('forum', u, 'post:before0', { title: '合盖前修改' }), [
      clerk.name,
    ] as const);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await cdp.send('Page.enable');
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    // Headless Chromium 156 accepts the freeze but keeps running the page's timers (measured with
    // the clock below), so the page's JavaScript is also stopped outright, as a suspended laptop's is.
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.pause');

    // While asleep: the server dies and comes back, colleagues write.
    await server.kill();
    await server.restart();
    const theirs = Array.from({ length: 200 }, (_, i) => ({
      _id: `post:awake${i}`,
      type: 'post',
      schemaVersion: 1,
      createdAt: '2026-03-02T09:30:00.000+08:00',
      createdBy: judge,
      board: 'board:general',
      title: `同事 ${i}`,
      body: '<p>服务器端写入</p>',
    }));
    await serverBulk(stack.target, 'courtdesk_forum', theirs);
    await new Promise((r) => setTimeout(r, 5000)); // the laptop sleeps on (not an assertion)
    const frozenCount = await serverDocs(stack.target, 'courtdesk_forum');
    expect(frozenCount.filter((d) => d.id.startsWith('post:asleep'))).toHaveLength(0);

    // Wake up.
    await cdp.send('Debugger.resume');
    await cdp.send('Debugger.disable');
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const woke = Date.now();
    const ticks = await page.evaluate(() => (window as unknown as { __ticks: number[] }).__ticks);
    const longestGap = Math.max(...ticks.slice(1).map((t, i) => t - (ticks[i] ?? t)));
    expect(longestGap, 'the page kept running while asleep').toBeGreaterThan(5000);
    const pushedMs = await eventually('the 30 unpushed posts reach the server', 60_000, async () => {
      const docs = await serverDocs(stack.target, 'courtdesk_forum');
      return (
        docs.filter((d) => d.id.startsWith('post:asleep')).length === 30 &&
        docs.find((d) => d.id === 'post:before0')?.doc['title'] === '合盖前修改'
      );
    });
    const pulledMs = await eventually("the colleagues' 200 posts reach the laptop", 60_000, async () => {
      const n = await page.evaluate(async () => {
        let c = 0;
        for (let i = 0; i < 200; i++) if (await window.cd.get('forum', `post:awake${i}`)) c++;
        return c;
      });
      return n === 200;
    });
    await until(page, 'forum', 'online', 60_000);
    console.log(
      `asleep ${longestGap} ms; after wake-up: pushed in ${pushedMs} ms, pulled in ${pulledMs} ms, online after ${Date.now() - woke} ms`,
    );
    expect(await page.evaluate(() => window.cd.history())).toEqual(
      expect.arrayContaining(['offline', 'online']),
    );
    // nothing lost, no conflicts, nothing left to push
    const docs = await serverDocs(stack.target, 'courtdesk_forum');
    const mine = docs.filter((d) => /^post:(before|asleep)/.test(d.id));
    expect(mine).toHaveLength(80);
    expect(docs.filter((d) => d.doc['_conflicts'])).toEqual([]);
    const localRevs = await page.evaluate(async () => {
      const out: Record<string, string> = {};
      for (const p of ['before', 'asleep'])
        for (let i = 0; i < 50; i++) {
          const d = await window.cd.get('forum', `post:${p}${i}`);
          if (d) out[String(d['_id'])] = String(d['_rev']);
        }
      return out;
    });
    expect(mine.filter((d) => localRevs[d.id] !== d.rev)).toEqual([]);
    await page.evaluate(() => window.cd.recount());
    expect((await page.evaluate(() => window.cd.status())).unpushed).toBe(0);
    await page.evaluate(() => window.cd.close());
  });
});
