import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock(
  'electron',
  async () => (await import('../../tests/support/electron/fakeElectron')).fakeElectronModule,
);

import { IPC_CHANNELS } from '../common/ipcContract';
import { fakeFrame } from '../../tests/support/electron/fakeElectron';
import type * as FakeModule from '../../tests/support/electron/fakeElectron';

// vi.resetModules() gives every boot a fresh main.ts *and* a fresh fake; these point at the current one.
let fake: typeof FakeModule.fake;
let FakeBrowserWindow: typeof FakeModule.FakeBrowserWindow;

const here = path.dirname(fileURLToPath(import.meta.url));

async function boot(options: { lock?: boolean; argv?: string[] } = {}): Promise<void> {
  vi.resetModules();
  // The mock registry survives resetModules, so reach the fake through the mocked module.
  const electron = (await import('electron')) as unknown as typeof FakeModule.fakeElectronModule;
  fake = electron.__fake;
  FakeBrowserWindow = electron.BrowserWindow;
  fake.reset();
  fake.app.singleInstanceLock = options.lock ?? true;
  fake.app.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-main-'));
  const argv = process.argv;
  process.argv = [argv[0]!, 'main', ...(options.argv ?? [])];
  try {
    await import('./main');
    // onReady runs after whenReady() resolves.
    await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    process.argv = argv;
  }
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  if (!fake) return;
  fs.rmSync(fake.app.userData, { recursive: true, force: true });
  process.removeAllListeners('unhandledRejection');
});

describe('main.ts', () => {
  it('is at most 150 lines', () => {
    const lines = fs.readFileSync(path.join(here, 'main.ts'), 'utf8').split('\n').length;
    expect(lines).toBeLessThanOrEqual(150);
  });

  it('registers app:// as privileged before ready, then wires protocol, IPC, menu and one hardened window', async () => {
    await boot();
    expect(fake.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(fake.permissionRequestHandler).toBeTypeOf('function');
    expect(fake.permissionCheckHandler).toBeTypeOf('function');
    expect(fake.menus).toHaveLength(1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loadedUrls).toEqual(['app://courtdesk/']);
    // Dev runs and installed builds share one userData folder.
    expect(fake.app.getName()).toBe('CourtDesk');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: path.join(fake.app.appPath, 'dist', 'electron', 'preload.cjs'),
    });
  });

  it('quits at once when another instance holds the lock (no window, no IPC)', async () => {
    await boot({ lock: false });
    expect(fake.app.quitCount).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
  });

  it('a second instance restores and focuses the existing window', async () => {
    await boot();
    const win = FakeBrowserWindow.instances[0]!;
    win.minimized = true;
    fake.app.emit('second-instance', {}, ['courtdesk'], '/');
    expect(win.restoreCount).toBe(1);
    expect(win.focusCount).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits when all windows close, except on macOS', async () => {
    await boot();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { value: 'linux' });
      fake.app.emit('window-all-closed');
      expect(fake.app.quitCount).toBe(1);
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      fake.app.emit('window-all-closed');
      expect(fake.app.quitCount).toBe(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('hardens every WebContents created later (web-contents-created)', async () => {
    await boot();
    const other = new FakeBrowserWindow({}).webContents;
    fake.app.emit('web-contents-created', {}, other);
    expect(other.navigate('https://evil.example/')).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('a server change from the renderer needs the user to confirm it in a native dialog of main', async () => {
    await boot();
    const win = FakeBrowserWindow.instances[0]!;
    const proxied: string[] = [];
    fake.netFetch = async (url) => {
      proxied.push(url);
      return new Response('{}');
    };
    const setServer = (url: string) =>
      fake.ipcHandlers.get('settings:setServerUrl')!(
        { senderFrame: fakeFrame('app://courtdesk/#/settings'), sender: win.webContents },
        url,
      );
    const settingsFile = path.join(fake.app.userData, 'settings.json');

    // Declined (the default button): nothing changes.
    fake.messageBoxResponse = 0;
    expect(await setServer('https://attacker.example/')).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
    expect(fake.messageBoxes).toHaveLength(1);
    const box = fake.messageBoxes[0]!;
    expect(box.window).toBe(win);
    const text = `${String(box.options['message'])}\n${String(box.options['detail'])}`;
    expect(text).toContain('http://127.0.0.1:15984');
    expect(text).toContain('https://attacker.example/');
    expect(box.options).toMatchObject({ type: 'warning', defaultId: 0, cancelId: 0, noLink: true });
    expect((box.options['buttons'] as string[])[0]).toBe('取消');
    expect(fs.existsSync(settingsFile)).toBe(false);
    await fake.protocolHandlers.get('app')!(new Request('app://courtdesk/couch/_session'));
    expect(proxied).toEqual(['http://127.0.0.1:15984/_session']);

    // Confirmed: saved, and the proxy follows the new server.
    fake.messageBoxResponse = 1;
    expect(await setServer('https://couch.court.example/')).toMatchObject({
      ok: true,
      value: { serverUrl: 'https://couch.court.example/', source: 'user' },
    });
    expect(fake.messageBoxes).toHaveLength(2);
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).toEqual({
      serverUrl: 'https://couch.court.example/',
    });
    await fake.protocolHandlers.get('app')!(new Request('app://courtdesk/couch/_session'));
    expect(proxied.at(-1)).toBe('https://couch.court.example/_session');
  });

  it('the couch proxy follows --server and hides its credentials from settings:get', async () => {
    await boot({ argv: ['--server=https://svc:pw@couch.court.example'] });
    const calls: string[] = [];
    fake.netFetch = async (url) => {
      calls.push(url);
      return new Response('{}');
    };
    await fake.protocolHandlers.get('app')!(new Request('app://courtdesk/couch/_session'));
    expect(calls).toEqual(['https://couch.court.example/_session']);
    const result = await fake.ipcHandlers.get('settings:get')!({
      senderFrame: fakeFrame('app://courtdesk/'),
      sender: {},
    });
    expect(result).toMatchObject({
      ok: true,
      value: { serverUrl: 'https://couch.court.example/', source: 'commandLine' },
    });
    expect(JSON.stringify(result)).not.toContain('pw');
  });
});
