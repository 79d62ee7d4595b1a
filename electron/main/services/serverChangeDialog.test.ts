import type { BrowserWindow, MessageBoxOptions, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../common/ipcContract';
import { serverChangeConfirmer, serverChangeDialogOptions } from './serverChangeDialog';

const change = { from: 'http://127.0.0.1:15984', to: 'https://couch.court.example/' };

function confirmer(response: number, language: Language = 'en', window: BrowserWindow | null = null) {
  const shown: { window: BrowserWindow | null; options: MessageBoxOptions }[] = [];
  const confirm = serverChangeConfirmer({
    showMessageBox: async (w, options) => {
      shown.push({ window: w, options });
      return { response, checkboxChecked: false };
    },
    windowFor: () => window,
    language: () => language,
  });
  return { shown, confirm: () => confirm({} as WebContents, change) };
}

describe('server change confirmation', () => {
  it('only the confirm button confirms; cancel, Esc (cancelId) or any other answer declines', async () => {
    expect(await confirmer(1).confirm()).toBe(true);
    for (const response of [0, 2, -1]) expect(await confirmer(response).confirm()).toBe(false);
  });

  it('is modal to the window that asked and in the UI language', async () => {
    const window = {} as BrowserWindow;
    const zh = confirmer(0, 'zh-CN', window);
    await zh.confirm();
    expect(zh.shown[0]!.window).toBe(window);
    expect(zh.shown[0]!.options.buttons).toEqual(['取消', '更改服务器']);
    const en = serverChangeDialogOptions('en', change);
    expect(en.buttons).toEqual(['Cancel', 'Change server']);
    expect(en.detail).toContain('Current server: http://127.0.0.1:15984');
    expect(en.detail).toContain('New server: https://couch.court.example/');
    expect(en).toMatchObject({ type: 'warning', defaultId: 0, cancelId: 0, noLink: true });
  });
});
