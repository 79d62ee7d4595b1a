import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi, IpcChannel, IpcResult } from '../../../electron/common/ipcContract';
import {
  createBrowserDesktopApi,
  invokeOrThrow,
  LANGUAGE_STORAGE_KEY,
  type BrowserEnvironment,
} from './desktopApi';

function fakeEnv(initial: Record<string, string> = {}) {
  const store = new Map(Object.entries(initial));
  const env: BrowserEnvironment & { opened: string[]; printed: number } = {
    origin: 'http://127.0.0.1:8080',
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    opened: [],
    printed: 0,
    openWindow(url) {
      env.opened.push(url);
    },
    print() {
      env.printed += 1;
    },
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.59 Safari/537.36',
    appVersion: '1.2.3',
  };
  return { env, store };
}

describe('browser DesktopApi', () => {
  it('is not the desktop app', () => {
    expect(createBrowserDesktopApi(fakeEnv().env).isDesktop).toBe(false);
  });

  it('settings:get reports the same-origin CouchDB proxy, embedded source, locked, zh-CN by default', async () => {
    const api = createBrowserDesktopApi(fakeEnv().env);
    expect(await api.invoke('settings:get')).toEqual({
      ok: true,
      value: {
        serverUrl: 'http://127.0.0.1:8080/couch',
        source: 'embedded',
        lockServer: true,
        updates: 'off',
        language: 'zh-CN',
      },
    });
  });

  it('settings:setLanguage persists to storage and is read back by settings:get', async () => {
    const { env, store } = fakeEnv();
    const api = createBrowserDesktopApi(env);
    const set = await api.invoke('settings:setLanguage', 'en');
    expect(set.ok && set.value.language).toBe('en');
    expect(store.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    const got = await api.invoke('settings:get');
    expect(got.ok && got.value.language).toBe('en');
  });

  it('ignores a garbage stored language', async () => {
    const api = createBrowserDesktopApi(fakeEnv({ [LANGUAGE_STORAGE_KEY]: 'fr' }).env);
    const got = await api.invoke('settings:get');
    expect(got.ok && got.value.language).toBe('zh-CN');
  });

  it('rejects bad arguments with BAD_ARGUMENTS and does not act', async () => {
    const { env, store } = fakeEnv();
    const api = createBrowserDesktopApi(env);
    const untyped = api.invoke as (c: string, ...a: unknown[]) => ReturnType<DesktopApi['invoke']>;
    const lang = await untyped('settings:setLanguage', 'fr');
    expect(lang).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    expect(store.has(LANGUAGE_STORAGE_KEY)).toBe(false);
    const http = await untyped('shell:openExternal', 'http://example.com/');
    expect(http).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    const js = await untyped('shell:openExternal', 'javascript:alert(1)');
    expect(js).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    const extra = await untyped('app:getInfo', 'unexpected');
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    const pdf = await untyped('print:toPdf', { suggestedName: '' });
    expect(pdf).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    expect(env.opened).toEqual([]);
    expect(env.printed).toBe(0);
  });

  it('throws synchronously on an unknown channel', () => {
    const api = createBrowserDesktopApi(fakeEnv().env);
    const untyped = api.invoke as (c: string, ...a: unknown[]) => unknown;
    expect(() => untyped('fs:readFile', '/etc/passwd')).toThrow(/Unknown IPC channel/);
    expect(() => untyped('toString')).toThrow(/Unknown IPC channel/);
  });

  it('shell:openExternal opens https links in a new window', async () => {
    const { env } = fakeEnv();
    const api = createBrowserDesktopApi(env);
    expect(await api.invoke('shell:openExternal', 'https://www.court.gov.cn/')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(env.opened).toEqual(['https://www.court.gov.cn/']);
  });

  it('print:toPdf opens the print dialog and reports no path', async () => {
    const { env } = fakeEnv();
    const api = createBrowserDesktopApi(env);
    expect(await api.invoke('print:toPdf', { suggestedName: '判决书.pdf' })).toEqual({
      ok: true,
      value: { path: null },
    });
    expect(env.printed).toBe(1);
  });

  it('print:print opens the print dialog and cannot tell whether anything was printed', async () => {
    const { env } = fakeEnv();
    const api = createBrowserDesktopApi(env);
    expect(await api.invoke('print:print')).toEqual({ ok: true, value: { printed: null } });
    expect(env.printed).toBe(1);
    const untyped = api.invoke as (c: string, ...a: unknown[]) => Promise<unknown>;
    expect(await untyped('print:print', { copies: 3 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENTS' },
    });
    expect(env.printed).toBe(1);
  });

  it('settings:setServerUrl is LOCKED in a browser', async () => {
    const api = createBrowserDesktopApi(fakeEnv().env);
    expect(await api.invoke('settings:setServerUrl', 'https://couch.example.org')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
  });

  it('app:getInfo reports the version and the Chromium version from the user agent', async () => {
    const api = createBrowserDesktopApi(fakeEnv().env);
    expect(await invokeOrThrow(api, 'app:getInfo')).toEqual({
      name: 'CourtDesk',
      version: '1.2.3',
      platform: 'browser',
      electron: '',
      chrome: '142.0.7444.59',
    });
  });

  it('handles every contract channel', async () => {
    const api = createBrowserDesktopApi(fakeEnv().env);
    // Valid arguments per channel; a channel without a handler would answer INTERNAL.
    const valid: Record<IpcChannel, unknown[]> = {
      'app:getInfo': [],
      'settings:get': [],
      'settings:setServerUrl': ['https://couch.example.org'],
      'settings:setLanguage': ['en'],
      'shell:openExternal': ['https://example.org/'],
      'print:toPdf': [{ suggestedName: '判决书.pdf' }],
      'print:print': [],
    };
    const { IPC_CHANNELS } = await import('../../../electron/common/ipcContract');
    expect([...IPC_CHANNELS].sort()).toEqual(Object.keys(valid).sort());
    const answers: Record<string, string> = {};
    for (const c of IPC_CHANNELS) {
      const untyped = api.invoke as (c: string, ...a: unknown[]) => Promise<IpcResult<unknown>>;
      const r = await untyped(c, ...valid[c]);
      answers[c] = r.ok ? 'ok' : r.error.code;
    }
    expect(answers).toEqual({
      'app:getInfo': 'ok',
      'settings:get': 'ok',
      'settings:setServerUrl': 'LOCKED',
      'settings:setLanguage': 'ok',
      'shell:openExternal': 'ok',
      'print:toPdf': 'ok',
      'print:print': 'ok',
    });
  });

  it('invokeOrThrow surfaces the error code', async () => {
    const api = createBrowserDesktopApi(fakeEnv().env);
    await expect(invokeOrThrow(api, 'settings:setServerUrl', 'https://x.example')).rejects.toMatchObject({
      code: 'LOCKED',
    });
  });
});

describe('getDesktopApi', () => {
  it('returns window.courtdesk when the preload exposed it', async () => {
    const preload: DesktopApi = { isDesktop: true, invoke: vi.fn() as unknown as DesktopApi['invoke'] };
    vi.stubGlobal('window', { courtdesk: preload });
    try {
      const { getDesktopApi } = await import('./desktopApi');
      expect(getDesktopApi()).toBe(preload);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
