import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  Session,
  WebContents,
  WebPreferences,
} from 'electron';
import { isCouchPath } from '../../core/couchContent';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../common/csp';
import type { Language } from '../common/ipcContract';

/** The page the window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** True for URLs of the app itself (`app://courtdesk/…`), the only thing windows may show. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * True for the app's own pages: app URLs outside `/couch/`. CouchDB content shares the app's
 * origin but is a member's data, never the app (core/couchContent.ts); windows and IPC accept
 * only pages.
 */
export function isAppPageUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  return !isCouchPath(new URL(url).pathname);
}

/** Links we hand to the system browser: https only (no http, file, javascript, custom schemes). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** The window's web preferences: the Electron security checklist, in one place and unit-tested. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** Options of the main window. */
export function mainWindowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'CourtDesk',
    backgroundColor: '#f5f5f5',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/**
 * Navigation and window-open policy for any WebContents: only the app's pages may load; new windows are
 * never created, https links go to the system browser, everything else is dropped; `<webview>` is
 * refused. Applied to every WebContents through `app.on('web-contents-created')`.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => unknown): void {
  const denyForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppPageUrl(url)) {
      event.preventDefault();
      console.warn(`[security] blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-redirect', (event) => denyForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void Promise.resolve(openExternal(url)).catch(() => undefined);
    else console.warn(`[security] refused to open ${url}`);
    return { action: 'deny' };
  });
}

/** Permissions the app itself may use: copying to the clipboard and full-screen (hearing board). */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

function isAppOrigin(origin: string | undefined): boolean {
  return origin !== undefined && isAppUrl(origin.endsWith('/') ? origin : `${origin}/`);
}

/** Denies every permission request and check, except the allow-list for the app's own origin. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const origin = details.requestingUrl ?? contents.getURL();
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppOrigin(origin));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      ALLOWED_PERMISSIONS.has(permission) && isAppOrigin(requestingOrigin),
  );
}

/** Creates the hardened main window and loads the app; shows it when the first paint is ready. */
export function createMainWindow(
  BrowserWindowClass: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  options: { preloadPath: string; iconPath?: string; openExternal: (url: string) => unknown },
): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(options.preloadPath, options.iconPath));
  hardenWebContents(window.webContents, options.openExternal);
  window.once('ready-to-show', () => window.show());
  void window
    .loadURL(APP_ENTRY_URL)
    .catch((error: Error) => console.error(`[window] load failed: ${error.message}`));
  return window;
}

const MENU_LABELS = {
  'zh-CN': {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullscreen: '全屏',
    devTools: '开发者工具',
    help: '帮助',
    about: '关于 CourtDesk',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullscreen: 'Full Screen',
    devTools: 'Developer Tools',
    help: 'Help',
    about: 'About CourtDesk',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The minimal application menu (roles give the platform's shortcuts), labelled in the UI language. */
export function applicationMenuTemplate(
  language: Language,
  options: { isPackaged: boolean; onAbout: () => void },
): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[language];
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t.reload },
    { type: 'separator' },
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
    { role: 'resetZoom', label: t.resetZoom },
    { role: 'togglefullscreen', label: t.fullscreen },
  ];
  if (!options.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: t.devTools });
  return [
    { label: t.file, submenu: [{ role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    { label: t.view, submenu: view },
    { label: t.help, submenu: [{ label: t.about, click: options.onAbout }] },
  ];
}
