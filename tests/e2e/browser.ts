import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startAppHost, type AppHost } from '../../sync-server/src/appHost/appHost';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { provision } from '../../sync-server/src/setup/provision';
import { addUser } from '../../sync-server/src/setup/users';
import { startWorker, type RunningWorker } from '../../sync-server/src/workers/worker';
import { deleteUser, getCouchTarget, type CouchTarget } from '../support/couchTarget';

/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = path.resolve('artifacts', 'screenshots');

/** Debian's Chromium, overridable with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Chromium on a closed network (see the brief): no background traffic, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium, failing loudly (never skipping) when it is missing: the browser suite is mandatory. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run scripts/install-system-deps.sh (apt-get install chromium)`,
    );
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A loopback port that nothing listens on (bound, then released). */
export async function deadPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The built renderer the app host serves (`npm run build:renderer`). */
export const STATIC_DIR = path.resolve('dist', 'renderer');

/** A user the fixture creates for a suite (and deletes again from a shared CouchDB). */
export type FixtureUser = Parameters<typeof addUser>[1];

/** A provisioned server with the suite's users, the worker, the app host in front of it, and Chromium. */
export interface AppFixture {
  host: AppHost;
  browser: Browser;
  /** The server, for a suite's own admin requests. */
  target: CouchTarget;
  /** Closes Chromium and the app host; removes the users (COUCH_URL) or the embedded server. */
  stop(): Promise<void>;
}

/**
 * Starts what a browser suite needs: the server of `getCouchTarget` (embedded, or COUCH_URL)
 * provisioned by our CLI code, `users` added, the server worker (as `courtdesk-server start` runs
 * it: the screens show names from its staff directory, password changes go through it), the app
 * host serving the built renderer, Chromium.
 */
export async function startAppFixture(users: readonly FixtureUser[]): Promise<AppFixture> {
  if (!existsSync(path.join(STATIC_DIR, 'index.html')))
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm run test:e2e does)');
  const target = await getCouchTarget();
  let host: AppHost | undefined;
  let browser: Browser | undefined;
  let worker: RunningWorker | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close();
    await host?.close();
    await worker?.stop();
    if (!target.embedded) for (const u of users) await deleteUser(target, u.name).catch(() => undefined);
    await target.stop();
  };
  try {
    const couch = createCouchClient(target.adminUrl);
    await provision(couch);
    for (const u of users) await addUser(couch, u);
    const name = `e2e-${Date.now().toString(36)}`;
    worker = await startWorker({ couchUrl: target.adminUrl, name, conflictGuard: false });
    host = await startAppHost({ couchUrl: target.url, staticDir: STATIC_DIR, port: 0 });
    browser = await launchChromium();
    return { host, browser, target, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** What {@link signInPage} waits for after submitting the form. */
export interface SignInWait {
  /** `data-testid` of the screen the user lands on (`screen-home` by default); null: do not wait. */
  screen?: string | null;
  /** Also wait until the status bar shows the server online, up to this many ms. */
  onlineWithinMs?: number;
}

/** Opens the app at `url`, fills the sign-in form as `user` and submits it (one implementation for every suite). */
export async function submitSignIn(
  page: Page,
  url: string,
  user: { readonly name: string; readonly password: string },
): Promise<void> {
  await page.goto(url);
  await page.getByTestId('signin-form').waitFor();
  await page.getByTestId('signin-username').fill(user.name);
  await page.getByTestId('signin-password').fill(user.password);
  await page.getByTestId('signin-submit').click();
}

/** {@link submitSignIn}, then waits for the landing screen (and, if asked, the server online). */
export async function signInPage(
  page: Page,
  url: string,
  user: { readonly name: string; readonly password: string },
  wait: SignInWait = {},
): Promise<void> {
  await submitSignIn(page, url, user);
  const screen = wait.screen === undefined ? 'screen-home' : wait.screen;
  if (screen !== null) await page.getByTestId(screen).waitFor();
  if (wait.onlineWithinMs !== undefined)
    await page.waitForFunction(
      () => document.querySelector('[data-testid=server-status]')?.getAttribute('data-state') === 'online',
      undefined,
      { timeout: wait.onlineWithinMs },
    );
}
