/**
 * The IPC channel names alone, without zod, so the sandboxed preload stays a few kilobytes
 * (it only needs the allow-list). ipcContract.ts proves at compile time that this list and the
 * contract's channels are the same set.
 */
export const IPC_CHANNEL_NAMES = [
  'app:getInfo',
  'settings:get',
  'settings:setServerUrl',
  'settings:setLanguage',
  'shell:openExternal',
  'print:toPdf',
  'print:print',
] as const;

/** A channel name from the list. */
export type IpcChannelName = (typeof IPC_CHANNEL_NAMES)[number];
