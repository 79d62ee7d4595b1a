import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock(
  'electron',
  async () => (await import('../../tests/support/electron/fakeElectron')).fakeElectronModule,
);

import { IPC_CHANNELS, type DesktopApi } from '../common/ipcContract';
import { fake } from '../../tests/support/electron/fakeElectron';

let api: DesktopApi;

beforeAll(async () => {
  fake.reset();
  await import('./preload');
  api = fake.exposed.get('courtdesk') as DesktopApi;
});

describe('preload', () => {
  it('exposes only window.courtdesk, never ipcRenderer', () => {
    expect([...fake.exposed.keys()]).toEqual(['courtdesk']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'isDesktop']);
    expect(api.isDesktop).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards every contract channel with its arguments to ipcRenderer.invoke', async () => {
    for (const channel of IPC_CHANNELS)
      await (api.invoke as (c: string, ...a: unknown[]) => Promise<unknown>)(channel, 'a', 1);
    expect(fake.rendererInvocations).toEqual(IPC_CHANNELS.map((c) => [c, 'a', 1]));
  });

  it.each(['fs:readFile', 'settings:get ', '', '__proto__', 'constructor'])(
    'throws synchronously on unknown channel %j',
    (channel) => {
      const before = fake.rendererInvocations.length;
      expect(() => (api.invoke as (c: string) => unknown)(channel)).toThrow(/unknown IPC channel/);
      expect(fake.rendererInvocations.length).toBe(before);
    },
  );

  it('throws on a non-string channel', () => {
    expect(() => (api.invoke as (c: unknown) => unknown)({ toString: () => 'settings:get' })).toThrow(
      /unknown IPC channel/,
    );
  });
});

describe('preload allow-list', () => {
  it('the zod-free channel list equals the contract channels', async () => {
    const { IPC_CHANNEL_NAMES } = await import('../common/ipcChannels');
    expect([...IPC_CHANNEL_NAMES].sort()).toEqual([...IPC_CHANNELS].sort());
  });
});
