import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue, WebContents } from 'electron';
import type { Language } from '../../common/ipcContract';
import type { ServerUrlChange } from './settingsMainService';

/**
 * The native confirmation main shows before the server address changes (docs/electron-security.md,
 * "Server address changes"). The renderer only asks; the user answers in a dialog it cannot draw,
 * dismiss or click, and Enter or Esc keeps the current server.
 */

const TEXT = {
  'zh-CN': {
    message: '更改同步服务器？',
    detail: (c: ServerUrlChange) =>
      `当前服务器：${c.from}\n新服务器：${c.to}\n\n更改后，本机的案件和文书将与新服务器同步，登录密码也会发送给它。请仅在信息中心要求时更改。`,
    cancel: '取消',
    confirm: '更改服务器',
  },
  en: {
    message: 'Change the sync server?',
    detail: (c: ServerUrlChange) =>
      `Current server: ${c.from}\nNew server: ${c.to}\n\nAfter the change this computer syncs its cases and documents with the new server and sends it your sign-in password. Change it only when the IT office asks you to.`,
    cancel: 'Cancel',
    confirm: 'Change server',
  },
} as const satisfies Record<Language, Record<string, unknown>>;

/** Index of the button that confirms; anything else (cancel, Esc, closing) declines. */
const CONFIRM_BUTTON = 1;

/** The dialog's options in the UI language: cancel first and the default, the two addresses shown. */
export function serverChangeDialogOptions(language: Language, change: ServerUrlChange): MessageBoxOptions {
  const t = TEXT[language];
  return {
    type: 'warning',
    title: 'CourtDesk',
    message: t.message,
    detail: t.detail(change),
    buttons: [t.cancel, t.confirm],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** What the confirmation needs from Electron (injected so it is testable with the fake module). */
export interface ServerChangeDialogDeps {
  showMessageBox(window: BrowserWindow | null, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  windowFor(contents: WebContents): BrowserWindow | null;
  language(): Language;
}

/** Builds the confirmation: a dialog modal to the window that asked; true only for the confirm button. */
export function serverChangeConfirmer(
  deps: ServerChangeDialogDeps,
): (sender: WebContents, change: ServerUrlChange) => Promise<boolean> {
  return async (sender, change) => {
    const options = serverChangeDialogOptions(deps.language(), change);
    const { response } = await deps.showMessageBox(deps.windowFor(sender), options);
    return response === CONFIRM_BUTTON;
  };
}
