import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  IPC_CHANNELS,
  ipcArgs,
  type AppInfo,
  type IpcChannel,
  type IpcErrorCode,
  type IpcHandler,
  type IpcResult,
} from '../../common/ipcContract';
import { MainServiceError } from '../services/errors';
import type { PrintMainService } from '../services/printMainService';
import type { ServerUrlChange, SettingsMainService } from '../services/settingsMainService';
import { APP_ORIGIN } from '../../common/csp';
import { isAppPageUrl, isSafeExternalUrl } from '../window';

/** The services the handlers delegate to (main stays thin; handlers only validate and route). */
export interface HandlerServices {
  settings: Pick<SettingsMainService, 'get' | 'setServerUrl' | 'setLanguage'>;
  print: Pick<PrintMainService, 'toPdf' | 'print'>;
  appInfo: () => AppInfo;
  openExternal: (url: string) => Promise<void>;
  /** The native confirmation of a server change, shown for the window whose page asked. */
  confirmServerChange: (sender: WebContents, change: ServerUrlChange) => Promise<boolean>;
}

/** Per-invocation facts the handlers may need (the WebContents that asked, for print). */
export interface InvocationContext {
  sender: WebContents;
}

/** Every channel's handler, type-checked against the contract. */
export type ContractHandlers = { [C in IpcChannel]: IpcHandler<C> };

/** Builds the handler table for one invocation. `satisfies` keeps it exactly the contract. */
export function createHandlers(services: HandlerServices, context: InvocationContext): ContractHandlers {
  return {
    'app:getInfo': () => services.appInfo(),
    'settings:get': () => services.settings.get(),
    'settings:setServerUrl': (url) =>
      services.settings.setServerUrl(url, (change) => services.confirmServerChange(context.sender, change)),
    'settings:setLanguage': (language) => services.settings.setLanguage(language),
    'shell:openExternal': async (url) => {
      // The schema already demands https; this is the same rule window-open uses (no credentials).
      if (!isSafeExternalUrl(url))
        throw new MainServiceError('BAD_ARGUMENTS', 'only https:// links may be opened');
      await services.openExternal(url);
    },
    'print:toPdf': ({ suggestedName, cssPageSize }) =>
      services.print.toPdf(context.sender, suggestedName, { cssPageSize: cssPageSize === true }),
    'print:print': () => services.print.print(context.sender),
  } satisfies ContractHandlers;
}

function failure(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

function isChannel(channel: string): channel is IpcChannel {
  return (IPC_CHANNELS as string[]).includes(channel);
}

/**
 * True when the invoking frame is the app itself: the top frame of a page of the app
 * (`app://courtdesk/…` outside `/couch/`, with the app's origin — a sandboxed document has an
 * opaque one). Subframes, CouchDB content and other origins are refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame.parent === null && frame.origin === APP_ORIGIN && isAppPageUrl(frame.url);
}

/**
 * Validates and runs one invocation. Never throws: unknown channels, bad arguments, expected
 * service failures and unexpected errors all come back as `{ ok: false, error }`.
 */
export async function dispatch(
  channel: string,
  rawArgs: unknown[],
  handlers: ContractHandlers,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel))
    return failure('UNKNOWN_CHANNEL', `unknown channel ${JSON.stringify(channel).slice(0, 100)}`);
  const parsed = ipcArgs[channel].safeParse(rawArgs);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.length > 0 ? `argument ${i.path.join('.')}` : 'arguments'}: ${i.message}`)
      .join('; ');
    return failure('BAD_ARGUMENTS', `${channel}: ${detail}`);
  }
  try {
    const handler = handlers[channel] as (...args: unknown[]) => unknown;
    const value = await handler(...(parsed.data as unknown[]));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof MainServiceError) return failure(error.code, error.message);
    console.error(`[ipc] ${channel} failed`, error);
    return failure(
      'INTERNAL',
      `${channel} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Registers every contract channel on ipcMain, with the sender check in front of dispatch. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, services: HandlerServices): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        console.warn(`[ipc] refused ${channel} from ${event.senderFrame?.url ?? 'unknown frame'}`);
        return failure('FORBIDDEN', 'IPC is only available to the CourtDesk app');
      }
      return dispatch(channel, args, createHandlers(services, { sender: event.sender }));
    });
  }
}
