import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL_NAMES } from '../common/ipcChannels';
import type { DesktopApi, IpcChannel } from '../common/ipcContract';

/**
 * The preload: contextBridge only. Exposes `window.courtdesk` (the typed DesktopApi) and nothing
 * else — never `ipcRenderer`, never Node. Runs sandboxed, so it is bundled into one file.
 */

const allowed: ReadonlySet<string> = new Set<string>(IPC_CHANNEL_NAMES);

/** Builds the API object; separate from the exposure so it is unit-testable. */
export function createDesktopApi(
  invoke: (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>,
): DesktopApi {
  function checkedInvoke(channel: unknown, ...args: unknown[]): Promise<unknown> {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      throw new Error(`CourtDesk: unknown IPC channel ${JSON.stringify(String(channel)).slice(0, 100)}`);
    }
    // Only the channel and plain arguments cross; the IpcRendererEvent never reaches the page.
    return invoke(channel as IpcChannel, ...args);
  }
  const api: DesktopApi = { invoke: checkedInvoke as DesktopApi['invoke'], isDesktop: true };
  return Object.freeze(api);
}

contextBridge.exposeInMainWorld(
  'courtdesk',
  createDesktopApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
