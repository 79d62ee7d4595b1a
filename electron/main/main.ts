import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import type { AppInfo } from '../common/ipcContract';
import { registerIpcHandlers } from './ipc/handlers';
import { registerAppProtocol, registerPrivilegedSchemes } from './protocol';
import { PrintMainService } from './services/printMainService';
import { serverChangeConfirmer } from './services/serverChangeDialog';
import { readFileIfExists, SettingsMainService } from './services/settingsMainService';
import { UpdatesMainService } from './services/updatesMainService';
import {
  applicationMenuTemplate,
  createMainWindow,
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
} from './window';

/**
 * CourtDesk's main process, kept thin: single-instance lock, services, the app:// protocol, the
 * hardened window and IPC. All logic lives in the modules it wires together (and their tests).
 */

let mainWindow: BrowserWindow | null = null;

/** Opens a link in the system browser, https only (the same rule everywhere). */
async function openExternal(url: string): Promise<void> {
  if (isSafeExternalUrl(url)) await shell.openExternal(url);
}

function appInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    platform: `${process.platform}-${process.arch}`,
    electron: process.versions.electron ?? 'unknown',
    chrome: process.versions.chrome ?? 'unknown',
  };
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openWindow(): void {
  const appPath = app.getAppPath();
  mainWindow = createMainWindow(BrowserWindow, {
    preloadPath: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    iconPath: path.join(appPath, 'resources', 'icons', 'icon.png'),
    openExternal,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function onReady(): Promise<void> {
  const settings = new SettingsMainService({
    platform: process.platform,
    env: process.env,
    argv: process.argv,
    userSettingsPath: path.join(app.getPath('userData'), 'settings.json'),
    readFile: readFileIfExists,
  });
  const print = new PrintMainService({
    showSaveDialog: (window, options) =>
      window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options),
    windowFor: (contents) => BrowserWindow.fromWebContents(contents),
    writeFile: (file, data) => fs.writeFile(file, data),
  });
  // No update feed is configured yet (see docs/deployment.md); the policy is enforced regardless.
  const updates = new UpdatesMainService({
    policy: () => settings.updatesPolicy(),
    isPackaged: app.isPackaged,
    updater: null,
  });

  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, {
    rootDir: path.join(app.getAppPath(), 'dist', 'renderer'),
    serverUrl: () => settings.serverUrl(),
    fetch: (url, init) => net.fetch(url, init),
  });
  const confirmServerChange = serverChangeConfirmer({
    showMessageBox: (window, options) =>
      window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options),
    windowFor: (contents) => BrowserWindow.fromWebContents(contents),
    language: () => settings.get().language,
  });
  registerIpcHandlers(ipcMain, { settings, print, appInfo, openExternal, confirmServerChange });

  const setMenu = (language: 'zh-CN' | 'en'): void => {
    const onAbout = (): void => {
      const info = appInfo();
      void dialog.showMessageBox({
        type: 'info',
        title: 'CourtDesk',
        message: `CourtDesk ${info.version}`,
        detail: `Electron ${info.electron} · Chromium ${info.chrome} · ${info.platform}`,
      });
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(applicationMenuTemplate(language, { isPackaged: app.isPackaged, onAbout })),
    );
  };
  setMenu(settings.get().language);
  settings.onChange((s) => setMenu(s.language));

  openWindow();
  updates.start();
}

// One userData folder (settings, IndexedDB replicas) for dev runs and installed builds alike.
app.setName('CourtDesk');
// Must happen before `ready`: app:// gets standard/secure/fetch/CORS/stream privileges.
registerPrivilegedSchemes(protocol);

if (!app.requestSingleInstanceLock()) {
  // Another CourtDesk is running; it receives `second-instance` and focuses its window.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  process.on('unhandledRejection', (reason) => console.error('[main] unhandled rejection', reason));
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'CourtDesk',
        `CourtDesk could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
      app.exit(1);
    });
}
