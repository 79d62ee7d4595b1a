import { z } from 'zod';
import type { IpcChannelName } from './ipcChannels';

/**
 * The one IPC contract between the renderer (through the preload's `window.courtdesk`) and the
 * Electron main process. Every channel is `'<domain>:<verb>'` with a zod schema for its argument
 * tuple and a TypeScript result type. Main's handlers are checked against it with `satisfies`.
 * No runtime dependency but zod, so main, preload and renderer types can all import it.
 */

/** Where the effective server URL came from, in precedence order. */
export const SettingsSource = z.enum(['commandLine', 'user', 'machine', 'embedded']);
/** Languages the UI ships. zh-CN is the default. */
export const Language = z.enum(['zh-CN', 'en']);
/** A user language preference. */
export type Language = z.infer<typeof Language>;

/** Settings as resolved by main: `--server=URL` > user settings > machine file > embedded server. */
export const ResolvedSettings = z.object({
  serverUrl: z.string(),
  source: SettingsSource,
  /** Set by IT in the machine-wide file: users may not change the server. */
  lockServer: z.boolean(),
  /** Auto-update policy; `off` on managed PCs. */
  updates: z.enum(['on', 'off']),
  language: Language,
  /**
   * Problems met while reading the settings files (malformed JSON, invalid values, an ignored
   * server because of the lock). Such files are ignored, never fatal; the UI may show these.
   */
  problems: z.array(z.string()).optional(),
});
/** Resolved settings value. */
export type ResolvedSettings = z.infer<typeof ResolvedSettings>;

/** Facts about the running app shown in About and used for diagnostics. */
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electron: z.string(),
  chrome: z.string(),
});
/** App information value. */
export type AppInfo = z.infer<typeof AppInfo>;

const httpsUrl = z
  .string()
  .max(2048)
  .url()
  .refine((u) => u.startsWith('https://'), 'only https:// links may be opened');
const serverUrl = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'server URL must be http:// or https://');

/** Argument schemas per channel (a tuple: the arguments in order). */
export const ipcArgs = {
  'app:getInfo': z.tuple([]),
  'settings:get': z.tuple([]),
  'settings:setServerUrl': z.tuple([serverUrl]),
  'settings:setLanguage': z.tuple([Language]),
  'shell:openExternal': z.tuple([httpsUrl]),
  'print:toPdf': z.tuple([
    z.object({
      suggestedName: z.string().min(1).max(200),
      /** Use the page's CSS `@page` size and margins (court documents) instead of plain A4. */
      cssPageSize: z.boolean().optional(),
    }),
  ]),
  'print:print': z.tuple([]),
} as const;

/** Every IPC channel name. */
export type IpcChannel = keyof typeof ipcArgs;

/** Result types per channel. */
export interface IpcResults {
  'app:getInfo': AppInfo;
  'settings:get': ResolvedSettings;
  'settings:setServerUrl': ResolvedSettings;
  'settings:setLanguage': ResolvedSettings;
  'shell:openExternal': void;
  /** Absolute path of the saved PDF, or null when the user cancelled. */
  'print:toPdf': { path: string | null };
  /** Whether the page went to a printer: false when the user cancelled, null when the host cannot tell (browser). */
  'print:print': { printed: boolean | null };
}

/** Arguments of a channel, inferred from its schema. */
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcArgs)[C]>;

/** Stable error codes a handler may return; the renderer translates them. */
export type IpcErrorCode =
  'BAD_ARGUMENTS' | 'UNKNOWN_CHANNEL' | 'LOCKED' | 'CANCELLED' | 'INTERNAL' | 'FORBIDDEN';

/** Every error code, for exhaustive checks (`FORBIDDEN`: the sender frame is not the app's origin). */
export const IPC_ERROR_CODES: readonly IpcErrorCode[] = [
  'BAD_ARGUMENTS',
  'UNKNOWN_CHANNEL',
  'LOCKED',
  'CANCELLED',
  'INTERNAL',
  'FORBIDDEN',
];

/** The envelope every handler returns; handlers never throw across IPC. */
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** A main-process handler for one channel. */
export type IpcHandler<C extends IpcChannel> = (
  ...args: IpcArgs<C>
) => Promise<IpcResults[C]> | IpcResults[C];

/** The API the preload exposes as `window.courtdesk`. */
export interface DesktopApi {
  /** Invokes a channel; resolves to the result envelope. Throws synchronously on an unknown channel. */
  invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<IpcResults[C]>>;
  /** True in the Electron app (false in the browser fallback). */
  readonly isDesktop: boolean;
}

/** Every channel name, for the preload's allow-list. */
export const IPC_CHANNELS = Object.keys(ipcArgs) as IpcChannel[];

/** Compile-time proof that ipcChannels.ts (the preload's zod-free allow-list) matches the contract. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListsMatch: Exactly<IpcChannel, IpcChannelName> = true;
void channelListsMatch;
