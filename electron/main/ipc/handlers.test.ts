import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel, type ResolvedSettings } from '../../common/ipcContract';
import type { WebContents } from 'electron';
import { MainServiceError } from '../services/errors';
import type { ServerUrlChange } from '../services/settingsMainService';
import { fakeFrame, FakeWebContents, type FakeFrame } from '../../../tests/support/electron/fakeElectron';
import {
  createHandlers,
  dispatch,
  isTrustedSender,
  registerIpcHandlers,
  type HandlerServices,
} from './handlers';

const SETTINGS: ResolvedSettings = {
  serverUrl: 'http://127.0.0.1:15984',
  source: 'embedded',
  lockServer: false,
  updates: 'on',
  language: 'zh-CN',
};

function services() {
  return {
    settings: {
      get: vi.fn(() => SETTINGS),
      // Like the real service: asks the confirmation it is given, refuses when declined.
      setServerUrl: vi.fn(async (url: string, confirm: (change: ServerUrlChange) => Promise<boolean>) => {
        if (!(await confirm({ from: SETTINGS.serverUrl, to: url })))
          throw new MainServiceError('CANCELLED', 'declined');
        return { ...SETTINGS, serverUrl: url, source: 'user' as const };
      }),
      setLanguage: vi.fn((language: 'zh-CN' | 'en') => ({ ...SETTINGS, language })),
    },
    print: {
      toPdf: vi.fn(async () => ({ path: '/tmp/a.pdf' })),
      print: vi.fn(async () => ({ printed: true })),
    },
    appInfo: vi.fn(() => ({
      name: 'CourtDesk',
      version: '0.1.0',
      platform: 'linux-x64',
      electron: '41',
      chrome: '140',
    })),
    openExternal: vi.fn(async () => undefined),
    confirmServerChange: vi.fn(async (_sender: WebContents, _change: ServerUrlChange) => true),
  } satisfies HandlerServices;
}

/** The frame an invocation comes from: a URL (the app's top frame at that URL), or the frame itself. */
type Frame = string | null | FakeFrame;
type Invoke = (channel: string, frame: Frame, ...args: unknown[]) => Promise<unknown>;

function registered(svc: HandlerServices): { invoke: Invoke; channels: string[] } {
  const table = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  registerIpcHandlers({ handle: (channel, fn) => void table.set(channel, fn as never) }, svc);
  const sender = new FakeWebContents();
  return {
    channels: [...table.keys()],
    invoke: (channel, frame, ...args) =>
      table.get(channel)!(
        { sender, senderFrame: typeof frame === 'string' ? fakeFrame(frame) : frame },
        ...args,
      ),
  };
}

const APP = 'app://courtdesk/';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('IPC handlers', () => {
  it('registers exactly the contract channels', () => {
    expect(registered(services()).channels.sort()).toEqual([...IPC_CHANNELS].sort());
  });

  const BAD: Record<IpcChannel, unknown[][]> = {
    'app:getInfo': [[1], ['x'], [{}]],
    'settings:get': [[{}], [null]],
    'settings:setServerUrl': [
      [],
      [42],
      ['ftp://files.example'],
      ['not a url'],
      ['javascript:alert(1)'],
      ['http://a.example', 'extra'],
      ['x'.repeat(3000)],
    ],
    'settings:setLanguage': [[], ['fr'], [null], [{ language: 'en' }]],
    'shell:openExternal': [
      [],
      ['http://insecure.example'],
      ['javascript:alert(1)'],
      ['file:///etc/passwd'],
      [123],
    ],
    'print:toPdf': [
      [],
      [{}],
      [{ suggestedName: '' }],
      [{ suggestedName: 5 }],
      ['report.pdf'],
      [{ suggestedName: 'x'.repeat(201) }],
      [{ suggestedName: 'a', cssPageSize: 'yes' }],
    ],
    'print:print': [[{}], ['now'], [true]],
  };

  it.each(Object.entries(BAD).flatMap(([channel, cases]) => cases.map((args) => [channel, args] as const)))(
    '%s rejects %j with BAD_ARGUMENTS and never calls the service',
    async (channel, args) => {
      const svc = services();
      const result = await registered(svc).invoke(channel, APP, ...args);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
      expect((result as { error: { message: string } }).error.message).toContain(channel);
      for (const fn of [
        svc.settings.setServerUrl,
        svc.settings.setLanguage,
        svc.settings.get,
        svc.print.toPdf,
        svc.print.print,
        svc.appInfo,
        svc.openExternal,
        svc.confirmServerChange,
      ])
        expect(fn).not.toHaveBeenCalled();
    },
  );

  it('good arguments reach the service and come back in an ok envelope', async () => {
    const svc = services();
    const { invoke } = registered(svc);
    expect(await invoke('settings:get', APP)).toEqual({ ok: true, value: SETTINGS });
    expect(await invoke('settings:setServerUrl', APP, 'https://couch.court.example')).toMatchObject({
      ok: true,
      value: { serverUrl: 'https://couch.court.example' },
    });
    expect(await invoke('settings:setLanguage', APP, 'en')).toMatchObject({
      ok: true,
      value: { language: 'en' },
    });
    expect(await invoke('app:getInfo', APP)).toMatchObject({ ok: true, value: { name: 'CourtDesk' } });
    expect(await invoke('shell:openExternal', APP, 'https://www.court.gov.cn/')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(svc.openExternal).toHaveBeenCalledWith('https://www.court.gov.cn/');
    expect(await invoke('print:toPdf', APP, { suggestedName: '判决书' })).toEqual({
      ok: true,
      value: { path: '/tmp/a.pdf' },
    });
    expect(svc.print.toPdf).toHaveBeenCalledWith(expect.any(FakeWebContents), '判决书', {
      cssPageSize: false,
    });
    expect(
      await invoke('print:toPdf', APP, { suggestedName: '民事判决书', cssPageSize: true }),
    ).toMatchObject({
      ok: true,
    });
    expect(svc.print.toPdf).toHaveBeenLastCalledWith(expect.any(FakeWebContents), '民事判决书', {
      cssPageSize: true,
    });
    expect(await invoke('print:print', APP)).toEqual({ ok: true, value: { printed: true } });
    expect(svc.print.print).toHaveBeenCalledWith(expect.any(FakeWebContents));
  });

  it('a service error becomes its code; an unexpected throw becomes INTERNAL; nothing throws', async () => {
    const svc = services();
    svc.settings.setServerUrl.mockImplementation(() => {
      throw new MainServiceError('LOCKED', 'locked by IT');
    });
    svc.print.toPdf.mockRejectedValue(new Error('printer on fire'));
    const { invoke } = registered(svc);
    expect(await invoke('settings:setServerUrl', APP, 'https://x.example')).toEqual({
      ok: false,
      error: { code: 'LOCKED', message: 'locked by IT' },
    });
    expect(await invoke('print:toPdf', APP, { suggestedName: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('settings:setServerUrl is confirmed in main, for the window that asked; declined is CANCELLED', async () => {
    const svc = services();
    const sender = new FakeWebContents();
    const handlers = createHandlers(svc, { sender: sender as never });
    expect(await dispatch('settings:setServerUrl', ['https://couch.court.example'], handlers)).toMatchObject({
      ok: true,
      value: { serverUrl: 'https://couch.court.example' },
    });
    expect(svc.confirmServerChange).toHaveBeenCalledWith(sender, {
      from: SETTINGS.serverUrl,
      to: 'https://couch.court.example',
    });
    svc.confirmServerChange.mockResolvedValueOnce(false);
    expect(await dispatch('settings:setServerUrl', ['https://attacker.example'], handlers)).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
  });

  it.each([
    null,
    'https://evil.example/',
    'file:///C:/x.html',
    'app://other/',
    'devtools://devtools/bundled/x.html',
  ])('refuses a sender frame at %s with FORBIDDEN', async (frameUrl) => {
    const svc = services();
    const result = await registered(svc).invoke('settings:setServerUrl', frameUrl, 'https://x.example');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(svc.settings.setServerUrl).not.toHaveBeenCalled();
    expect(svc.confirmServerChange).not.toHaveBeenCalled();
  });

  it('dispatch refuses unknown channels', async () => {
    const handlers = createHandlers(services(), { sender: new FakeWebContents() as never });
    expect(await dispatch('fs:readFile', ['/etc/passwd'], handlers)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await dispatch('__proto__', [], handlers)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it.each([
    // CouchDB content shares the app's origin; a member's HTML attachment opened as a page is not the app.
    ['a /couch/ attachment', fakeFrame('app://courtdesk/couch/courtdesk_documents/file:1/evil.html')],
    ['the /couch root', fakeFrame('app://courtdesk/couch')],
    ['an escaped /couch/ path', fakeFrame('app://courtdesk/%63ouch/db/doc/a.html')],
    ['a sandboxed (opaque-origin) app URL', { url: 'app://courtdesk/', origin: 'null', parent: null }],
    ['a subframe of the app', fakeFrame('app://courtdesk/', fakeFrame('app://courtdesk/'))],
    [
      'a frame whose origin is another app host',
      { url: 'app://courtdesk/', origin: 'app://other', parent: null },
    ],
  ] as const)('refuses %s with FORBIDDEN', async (_what, frame) => {
    const svc = services();
    const result = await registered(svc).invoke('settings:setServerUrl', frame, 'https://x.example');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(svc.settings.setServerUrl).not.toHaveBeenCalled();
    expect(svc.confirmServerChange).not.toHaveBeenCalled();
  });

  it('isTrustedSender', () => {
    expect(isTrustedSender({ senderFrame: fakeFrame('app://courtdesk/#/cases') as never })).toBe(true);
    expect(isTrustedSender({ senderFrame: fakeFrame('app://courtdesk/cases/list') as never })).toBe(true);
    expect(isTrustedSender({ senderFrame: fakeFrame('app://courtdesk.evil.example/') as never })).toBe(false);
    // A frame missing what Electron always provides is not trusted either.
    expect(isTrustedSender({ senderFrame: { url: 'app://courtdesk/' } as never })).toBe(false);
  });
});
