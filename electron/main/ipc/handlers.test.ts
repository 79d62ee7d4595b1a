import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel, type ResolvedSettings } from '../../common/ipcContract';
import { MainServiceError } from '../services/errors';
import { FakeWebContents } from '../../../tests/support/electron/fakeElectron';
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
      setServerUrl: vi.fn((url: string) => ({ ...SETTINGS, serverUrl: url, source: 'user' as const })),
      setLanguage: vi.fn((language: 'zh-CN' | 'en') => ({ ...SETTINGS, language })),
    },
    print: { toPdf: vi.fn(async () => ({ path: '/tmp/a.pdf' })) },
    appInfo: vi.fn(() => ({
      name: 'CourtDesk',
      version: '0.1.0',
      platform: 'linux-x64',
      electron: '41',
      chrome: '140',
    })),
    openExternal: vi.fn(async () => undefined),
  } satisfies HandlerServices;
}

type Invoke = (channel: string, frameUrl: string | null, ...args: unknown[]) => Promise<unknown>;

function registered(svc: HandlerServices): { invoke: Invoke; channels: string[] } {
  const table = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  registerIpcHandlers({ handle: (channel, fn) => void table.set(channel, fn as never) }, svc);
  const sender = new FakeWebContents();
  return {
    channels: [...table.keys()],
    invoke: (channel, frameUrl, ...args) =>
      table.get(channel)!({ sender, senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args),
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
    ],
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
        svc.appInfo,
        svc.openExternal,
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
    expect(svc.print.toPdf).toHaveBeenCalledWith(expect.any(FakeWebContents), '判决书');
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

  it('isTrustedSender', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://courtdesk/#/cases' } as never })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://courtdesk.evil.example/' } as never })).toBe(false);
  });
});
