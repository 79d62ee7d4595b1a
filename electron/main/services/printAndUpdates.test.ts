import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { FakeWebContents } from '../../../tests/support/electron/fakeElectron';
import { PrintMainService, safePdfFileName } from './printMainService';
import { UpdatesMainService } from './updatesMainService';

describe('PrintMainService', () => {
  function setup(result: { canceled: boolean; filePath?: string }) {
    const writes: Array<[string, Uint8Array]> = [];
    const dialogOptions: unknown[] = [];
    const service = new PrintMainService({
      showSaveDialog: async (_w, options) => {
        dialogOptions.push(options);
        return result as never;
      },
      windowFor: () => null,
      writeFile: async (file, data) => void writes.push([file, data]),
    });
    return { service, writes, dialogOptions, contents: new FakeWebContents() };
  }

  it('prints the sender page to the chosen file as A4 with backgrounds', async () => {
    const { service, writes, dialogOptions, contents } = setup({
      canceled: false,
      filePath: '/home/j/判决书.pdf',
    });
    expect(await service.toPdf(contents as unknown as WebContents, '判决书')).toEqual({
      path: '/home/j/判决书.pdf',
    });
    expect(contents.printOptions).toEqual([{ printBackground: true, pageSize: 'A4' }]);
    expect(writes).toEqual([['/home/j/判决书.pdf', contents.pdfBytes]]);
    expect(dialogOptions[0]).toMatchObject({
      defaultPath: '判决书.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('returns { path: null } and renders nothing when cancelled', async () => {
    const { service, writes, contents } = setup({ canceled: true });
    expect(await service.toPdf(contents as unknown as WebContents, 'x')).toEqual({ path: null });
    expect(contents.printOptions).toEqual([]);
    expect(writes).toEqual([]);
  });

  it('takes the page size and margins from the page’s CSS when asked (court documents)', async () => {
    const { service, contents } = setup({ canceled: false, filePath: '/home/j/民事判决书.pdf' });
    await service.toPdf(contents as unknown as WebContents, '民事判决书', { cssPageSize: true });
    expect(contents.printOptions).toEqual([
      { printBackground: true, pageSize: 'A4', preferCSSPageSize: true },
    ]);
  });

  it('prints through the system dialog: printed, cancelled, or a failure that becomes an error', async () => {
    const { service, contents } = setup({ canceled: true });
    const sender = contents as unknown as WebContents;
    expect(await service.print(sender)).toEqual({ printed: true });
    expect(contents.printCalls).toEqual([{ printBackground: true }]);
    contents.printOutcome = { success: false, failureReason: 'Print job canceled' };
    expect(await service.print(sender)).toEqual({ printed: false });
    contents.printOutcome = { success: false, failureReason: 'Invalid printer settings' };
    await expect(service.print(sender)).rejects.toThrow('printing failed: Invalid printer settings');
  });

  it('sanitises suggested names (no paths, reserved characters or empty names)', () => {
    expect(safePdfFileName('../../etc/passwd')).toBe('_.._etc_passwd.pdf');
    expect(safePdfFileName('a:b*c?"<>|')).toBe('a_b_c_____.pdf');
    expect(safePdfFileName('...')).toBe('document.pdf');
    expect(safePdfFileName('Report.PDF')).toBe('Report.PDF');
  });
});

describe('UpdatesMainService', () => {
  it('never asks the updater when the machine policy says updates: off', () => {
    const updater = { checkForUpdates: vi.fn() };
    const service = new UpdatesMainService({
      policy: () => 'off',
      isPackaged: true,
      updater,
      log: () => undefined,
    });
    expect(service.start()).toBe('disabled-by-policy');
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('checks when allowed and packaged; never in development', () => {
    const updater = { checkForUpdates: vi.fn(async () => undefined) };
    const on = new UpdatesMainService({
      policy: () => 'on',
      isPackaged: true,
      updater,
      log: () => undefined,
    });
    expect(on.start()).toBe('enabled');
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    on.stop();
    const dev = new UpdatesMainService({
      policy: () => 'on',
      isPackaged: false,
      updater,
      log: () => undefined,
    });
    expect(dev.start()).toBe('not-packaged');
    expect(
      new UpdatesMainService({
        policy: () => 'on',
        isPackaged: true,
        updater: null,
        log: () => undefined,
      }).start(),
    ).toBe('no-updater');
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('periodic checks stop as soon as the policy turns off', async () => {
    vi.useFakeTimers();
    try {
      let policy: 'on' | 'off' = 'on';
      const updater = { checkForUpdates: vi.fn(async () => undefined) };
      const service = new UpdatesMainService({
        policy: () => policy,
        isPackaged: true,
        updater,
        log: () => undefined,
        intervalMs: 1000,
      });
      service.start();
      await vi.advanceTimersByTimeAsync(1000);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
      policy = 'off';
      await vi.advanceTimersByTimeAsync(5000);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
      service.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
