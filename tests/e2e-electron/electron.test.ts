import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/common/csp';
import type { DesktopApi } from '../../electron/common/ipcContract';

/**
 * Launches the real CourtDesk Electron app through Playwright's `_electron` and checks the shell's
 * security from the outside. Runs only where the Electron binary is installed; elsewhere (CI installs
 * with ELECTRON_SKIP_BINARY_DOWNLOAD=1) every test is reported as skipped, with a SKIPPED line.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** The Electron executable, or why there is none. */
function findElectronBinary(): { path: string } | { reason: string } {
  let binary: string;
  try {
    binary = require('electron') as string;
  } catch (error) {
    return { reason: (error as Error).message.split('\n')[0] ?? 'require("electron") failed' };
  }
  if (typeof binary !== 'string' || !fs.existsSync(binary))
    return { reason: `${String(binary)} does not exist` };
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    return { reason: `${binary} is not executable` };
  }
  return { path: binary };
}

const binary = findElectronBinary();
const present = 'path' in binary;
if (!present) console.log(`SKIPPED: Electron e2e — Electron binary not present (${binary.reason})`);

type CourtdeskWindow = Window & { courtdesk?: DesktopApi };

describe.skipIf(!present)('CourtDesk Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    if (!present) return;
    if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
      throw new Error(
        'dist/renderer/index.html is missing: run `npm run build:renderer` (npm run test:e2e does).',
      );
    }
    const built = spawnSync(process.execPath, [path.join(ROOT, 'build', 'buildElectron.mjs')], {
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('node build/buildElectron.mjs failed');
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-e2e-electron-'));
    const args = [ROOT, '--server=http://127.0.0.1:9', `--user-data-dir=${userData}`];
    // Chromium refuses to start its sandbox as root (CI containers); the renderer sandbox flag stays on.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    app = await _electron.launch({ executablePath: binary.path, args, timeout: 60_000 });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  it('loads the renderer from app://courtdesk/ and the app renders (sign-in, zh-CN)', async () => {
    expect(page.url().startsWith('app://courtdesk/')).toBe(true);
    // The React app mounted into #root: an empty #root means the bundle did not load or threw.
    await page.locator('#root [data-testid="signin-form"]').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('signin-submit').isVisible()).toBe(true);
  });

  it('exposes window.courtdesk and no Node (require, process, module)', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as CourtdeskWindow & Record<string, unknown>;
      return {
        courtdesk: typeof w.courtdesk,
        keys: w.courtdesk ? Object.keys(w.courtdesk).sort() : [],
        isDesktop: w.courtdesk?.isDesktop,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        ipcRenderer: typeof w.ipcRenderer,
      };
    });
    expect(globals).toEqual({
      courtdesk: 'object',
      keys: ['invoke', 'isDesktop'],
      isDesktop: true,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  it('IPC works, validates arguments and rejects unknown channels', async () => {
    const results = await page.evaluate(async () => {
      const api = (window as CourtdeskWindow).courtdesk!;
      const invoke = api.invoke as (channel: string, ...args: unknown[]) => Promise<unknown>;
      let unknown = 'did not throw';
      try {
        invoke('fs:readFile', '/etc/passwd');
      } catch (error) {
        unknown = (error as Error).message;
      }
      return {
        settings: await invoke('settings:get'),
        bad: await invoke('settings:setLanguage', 'fr'),
        unknown,
      };
    });
    expect(results.settings).toMatchObject({
      ok: true,
      value: { serverUrl: 'http://127.0.0.1:9', source: 'commandLine' },
    });
    expect(results.bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    expect(results.unknown).toMatch(/unknown IPC channel/);
  });

  it('serves the strict CSP and enforces it (no eval)', async () => {
    const csp = await page.evaluate(async () =>
      (await fetch(location.origin + '/')).headers.get('content-security-policy'),
    );
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    const evalResult = await page.evaluate(() => {
      try {
        return String(new Function('return 1')());
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(evalResult).toBe('EvalError');
  });

  it('blocks navigation to an external URL and window.open', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it("the renderer is context-isolated: the page's built-ins never reach the preload", async () => {
    const facts = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      return { url: contents.getURL(), crashed: contents.isCrashed(), pid: contents.getOSProcessId() > 0 };
    });
    expect(facts).toMatchObject({ crashed: false, pid: true });
    expect(facts.url.startsWith('app://courtdesk/')).toBe(true);
    // The preload checks channels with Set.prototype.has. A page that patches it would, without
    // context isolation, open every channel (has → true) or close them all (has → false).
    const results = await page.evaluate(async () => {
      const api = (window as CourtdeskWindow).courtdesk!;
      const invoke = api.invoke as (channel: string, ...args: unknown[]) => Promise<unknown>;
      const has = Set.prototype.has;
      let forged = 'did not throw';
      try {
        Set.prototype.has = () => true;
        try {
          await invoke('fs:readFile', '/etc/passwd');
        } catch (error) {
          forged = (error as Error).message;
        }
        Set.prototype.has = () => false;
        return { forged, settings: await invoke('settings:get') };
      } finally {
        Set.prototype.has = has;
      }
    });
    expect(results.forged).toMatch(/unknown IPC channel/);
    expect(results.settings).toMatchObject({ ok: true });
  });
});
