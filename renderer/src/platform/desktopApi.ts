import {
  ipcArgs,
  type AppInfo,
  type DesktopApi,
  type IpcArgs,
  type IpcChannel,
  type IpcErrorCode,
  type IpcResult,
  type IpcResults,
  type Language,
  type ResolvedSettings,
} from '../../../electron/common/ipcContract';
import { APP_VERSION } from './appVersion';

/**
 * The renderer's single door to the host: `window.courtdesk` (the preload) inside Electron, or a
 * browser implementation of the same {@link DesktopApi} when the renderer runs in plain Chromium
 * (kiosk, hearing board, tests). Argument schemas are the contract's own zod schemas, so both
 * implementations reject the same bad input with `BAD_ARGUMENTS`.
 */

/** localStorage key of the language chosen in the browser build. */
export const LANGUAGE_STORAGE_KEY = 'courtdesk.language';

/** What the browser implementation needs from its environment (injectable for tests). */
export interface BrowserEnvironment {
  /** `location.origin` of the page; CouchDB is proxied at `${origin}/couch`. */
  readonly origin: string;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  openWindow(url: string): void;
  print(): void;
  readonly userAgent: string;
  readonly appVersion: string;
}

/** Thrown by a browser handler to return a specific error code instead of `INTERNAL`. */
class HandlerFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type BrowserHandlers = { [C in IpcChannel]: (...args: never[]) => IpcResults[C] | Promise<IpcResults[C]> };

function storedLanguage(storage: BrowserEnvironment['storage']): Language {
  try {
    return storage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function browserSettings(env: BrowserEnvironment): ResolvedSettings {
  return {
    serverUrl: `${env.origin}/couch`,
    source: 'embedded',
    // In a browser the server is always the origin the page came from: nothing to change.
    lockServer: true,
    updates: 'off',
    language: storedLanguage(env.storage),
  };
}

function browserAppInfo(env: BrowserEnvironment): AppInfo {
  const chrome = /(?:Chrome|Chromium)\/([\d.]+)/.exec(env.userAgent)?.[1] ?? '';
  return { name: 'CourtDesk', version: env.appVersion, platform: 'browser', electron: '', chrome };
}

/** Creates the browser implementation of the preload API. */
export function createBrowserDesktopApi(env: BrowserEnvironment): DesktopApi {
  const handlers: BrowserHandlers = {
    'app:getInfo': () => browserAppInfo(env),
    'settings:get': () => browserSettings(env),
    'settings:setServerUrl': () => {
      throw new HandlerFailure('LOCKED', 'In a browser CourtDesk always uses the server it was loaded from.');
    },
    'settings:setLanguage': (language: Language) => {
      env.storage.setItem(LANGUAGE_STORAGE_KEY, language);
      return browserSettings(env);
    },
    'shell:openExternal': (url: string) => {
      env.openWindow(url);
    },
    'print:toPdf': () => {
      // The browser's print dialog offers "Save as PDF"; where it was saved is not known to the page.
      env.print();
      return { path: null };
    },
    'print:print': () => {
      // window.print() returns when the dialog closes, without saying whether anything was printed.
      env.print();
      return { printed: null };
    },
  };

  function invoke<C extends IpcChannel>(channel: C, ...args: unknown[]): Promise<IpcResult<IpcResults[C]>> {
    if (!Object.prototype.hasOwnProperty.call(ipcArgs, channel)) {
      throw new Error(`Unknown IPC channel: ${String(channel)}`);
    }
    const parsed = ipcArgs[channel].safeParse(args);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'args'}: ${i.message}`)
        .join('; ');
      return Promise.resolve({ ok: false, error: { code: 'BAD_ARGUMENTS', message } });
    }
    const handler = handlers[channel] as (...a: unknown[]) => IpcResults[C] | Promise<IpcResults[C]>;
    return (async (): Promise<IpcResult<IpcResults[C]>> => {
      try {
        return { ok: true, value: await handler(...(parsed.data as unknown[])) };
      } catch (err) {
        if (err instanceof HandlerFailure)
          return { ok: false, error: { code: err.code, message: err.message } };
        return {
          ok: false,
          error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
        };
      }
    })();
  }

  return { invoke: invoke as DesktopApi['invoke'], isDesktop: false };
}

function defaultBrowserEnvironment(): BrowserEnvironment {
  return {
    origin: window.location.origin,
    storage: window.localStorage,
    openWindow: (url) => {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    print: () => window.print(),
    userAgent: navigator.userAgent,
    appVersion: APP_VERSION,
  };
}

let browserApi: DesktopApi | undefined;

/** The host API: the preload's `window.courtdesk` in Electron, otherwise the browser implementation. */
export function getDesktopApi(): DesktopApi {
  const exposed = (window as Window & { courtdesk?: DesktopApi }).courtdesk;
  if (exposed) return exposed;
  browserApi ??= createBrowserDesktopApi(defaultBrowserEnvironment());
  return browserApi;
}

/** Unwraps a result envelope, throwing its error (for callers that show errors themselves). */
export async function invokeOrThrow<C extends IpcChannel>(
  api: DesktopApi,
  channel: C,
  ...args: IpcArgs<C>
): Promise<IpcResults[C]> {
  const result = await api.invoke(channel, ...args);
  if (!result.ok) throw new DesktopApiError(result.error.code, result.error.message);
  return result.value;
}

/** An IPC failure surfaced as an exception; `code` is stable and translated by the UI. */
export class DesktopApiError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopApiError';
  }
}
