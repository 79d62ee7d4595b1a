import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock(
  'electron',
  async () => (await import('../../tests/support/electron/fakeElectron')).fakeElectronModule,
);

import { fake, FakeBrowserWindow, FakeWebContents } from '../../tests/support/electron/fakeElectron';
import {
  APP_ENTRY_URL,
  applicationMenuTemplate,
  createMainWindow,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isSafeExternalUrl,
  secureWebPreferences,
} from './window';
import { fakeElectronModule } from '../../tests/support/electron/fakeElectron';
import type { BrowserWindow, Session, WebContents } from 'electron';

function newWindow(openExternal = (url: string) => fake.openedExternal.push(url)): FakeBrowserWindow {
  const win = createMainWindow(FakeBrowserWindow as unknown as new () => BrowserWindow, {
    preloadPath: '/app/dist/electron/preload.cjs',
    openExternal,
  });
  return win as unknown as FakeBrowserWindow;
}

describe('main window', () => {
  beforeEach(() => fake.reset());

  it('uses exactly the hardened webPreferences', () => {
    const win = newWindow();
    expect(win.options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
    expect(secureWebPreferences('/p')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('loads only the app origin and shows on ready-to-show', () => {
    const win = newWindow();
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(APP_ENTRY_URL).toBe('app://courtdesk/');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it.each([
    ['https://evil.example/', true],
    ['http://127.0.0.1:15984/_utils', true],
    ['file:///etc/passwd', true],
    ['app://other/', true],
    ['javascript:alert(1)', true],
    ['app://courtdesk/cases', false],
    ['app://courtdesk/#/documents', false],
    // CouchDB content is served under the app's origin; as a page it would run with window.courtdesk.
    ['app://courtdesk/couch/courtdesk_documents/file:1/evil.html', true],
    ['app://courtdesk/couch/', true],
    ['app://courtdesk/couch', true],
    ['app://courtdesk/couch?x=1', true],
    ['app://courtdesk//couch/db/doc/a.html', true],
    ['app://courtdesk/%63ouch/db/doc/a.html', true],
    ['app://courtdesk/COUCH/db/doc/a.html', true],
    ['app://courtdesk/x/../couch/db/doc/a.html', true],
    ['app://courtdesk/couchdb-notes', false],
  ])('will-navigate to %s is prevented: %s', (url, prevented) => {
    const win = newWindow();
    expect(win.webContents.navigate(url)).toBe(prevented);
    expect(win.webContents.navigate(url, 'will-redirect')).toBe(prevented);
  });

  it('refuses <webview> attachment', () => {
    const win = newWindow();
    expect(win.webContents.attachWebview()).toBe(true);
  });

  it('denies every window.open, sending only https links to the system browser', async () => {
    const win = newWindow();
    const handler = win.webContents.windowOpenHandler;
    expect(handler).toBeDefined();
    const urls = [
      'https://www.court.gov.cn/',
      'http://insecure.example/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'app://courtdesk/popup',
      'https://user:pw@phish.example/',
      'ms-msdt:/id PCWDiagnostic',
    ];
    for (const url of urls) expect(handler?.({ url })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fake.openedExternal).toEqual(['https://www.court.gov.cn/']);
  });

  it('classifies URLs', () => {
    expect(isAppUrl('app://courtdesk/x')).toBe(true);
    expect(isAppUrl('app://courtdesk.evil/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isSafeExternalUrl('https://a.example')).toBe(true);
    expect(isSafeExternalUrl('HTTP://a.example')).toBe(false);
  });
});

describe('session permissions', () => {
  beforeEach(() => fake.reset());

  function handlers(): {
    request: (p: string, url: string) => boolean;
    check: (p: string, origin: string) => boolean;
  } {
    hardenSession(fakeElectronModule.session.defaultSession as unknown as Session);
    const contents = new FakeWebContents();
    return {
      request: (permission, url) => {
        let granted: boolean | undefined;
        fake.permissionRequestHandler?.(contents, permission, (g: boolean) => (granted = g), {
          requestingUrl: url,
        });
        if (granted === undefined) throw new Error('callback not called');
        return granted;
      },
      check: (permission, origin) =>
        fake.permissionCheckHandler?.(contents, permission, origin, {}) as boolean,
    };
  }

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midiSysex',
    'openExternal',
    'display-capture',
    'clipboard-read',
    'unknown',
    'fileSystem',
  ])('denies %s requests and checks, even from the app', (permission) => {
    const h = handlers();
    expect(h.request(permission, 'app://courtdesk/')).toBe(false);
    expect(h.check(permission, 'app://courtdesk')).toBe(false);
  });

  it('allows only fullscreen and clipboard writes, and only to the app origin', () => {
    const h = handlers();
    expect(h.request('fullscreen', 'app://courtdesk/board')).toBe(true);
    expect(h.check('clipboard-sanitized-write', 'app://courtdesk')).toBe(true);
    expect(h.request('fullscreen', 'https://evil.example/')).toBe(false);
    expect(h.check('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });
});

describe('application menu', () => {
  it('labels menus in Chinese and English and hides dev tools when packaged', () => {
    const zh = applicationMenuTemplate('zh-CN', { isPackaged: true, onAbout: () => undefined });
    const en = applicationMenuTemplate('en', { isPackaged: false, onAbout: () => undefined });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const roles = (t: typeof zh): unknown[] =>
      t.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu.map((i) => i.role) : []));
    expect(roles(zh)).not.toContain('toggleDevTools');
    expect(roles(en)).toContain('toggleDevTools');
  });
});

describe('hardenWebContents on arbitrary contents', () => {
  it('applies the same policy to any WebContents (web-contents-created)', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, () => undefined);
    expect(contents.navigate('https://example.com/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});
