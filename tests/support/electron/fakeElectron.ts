import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

/**
 * A hand-written fake of the parts of `electron` that main and the preload use. Tests install it
 * with `vi.mock('electron', () => import('../../tests/support/electron/fakeElectron').then((m) => m.fakeElectronModule))`
 * and drive/inspect it through `fake`. It records calls; it never pretends to enforce anything, so
 * every security assertion is about what *our* code asked Electron to do.
 */

/** A navigation-style event whose preventDefault is observable. */
export interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** What an IPC handler sees of the frame that invoked it (Electron's WebFrameMain, in part). */
export interface FakeFrame {
  url: string;
  origin: string;
  parent: FakeFrame | null;
}

/**
 * A frame at `url` as Electron describes it. `app:` is a registered standard scheme there, so its
 * origin is scheme://host (Node's URL calls non-special schemes opaque); unparsable is opaque.
 */
export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  let origin = 'null';
  try {
    const u = new URL(url);
    origin = u.protocol === 'app:' ? `${u.protocol}//${u.host}` : u.origin;
  } catch {
    // not a URL: opaque
  }
  return { url, origin, parent };
}

/** Fake WebContents: an EventEmitter with the window-open handler and printToPDF. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  url = 'app://courtdesk/';
  pdfBytes = new Uint8Array([37, 80, 68, 70]);
  printOptions: unknown[] = [];

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  async printToPDF(options: unknown): Promise<Uint8Array> {
    this.printOptions.push(options);
    return this.pdfBytes;
  }
  /** What the next `print` reports to its callback (Chromium's success flag and failure reason). */
  printOutcome: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  printCalls: unknown[] = [];
  print(options: unknown, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push(options);
    const { success, failureReason } = this.printOutcome;
    setTimeout(() => callback(success, failureReason), 0);
  }
  /** Emits `will-navigate` like Chromium would; returns whether our code prevented it. */
  navigate(url: string, eventName: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = fakeEvent(url);
    this.emit(eventName, event, url);
    return event.defaultPrevented;
  }
  /** Emits `will-attach-webview`; returns whether our code prevented it. */
  attachWebview(): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return event.defaultPrevented;
  }
}

/** Fake BrowserWindow that records its options and what happened to it. */
export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  minimized = false;
  destroyed = false;
  focusCount = 0;
  restoreCount = 0;
  shown = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {
    this.restoreCount += 1;
    this.minimized = false;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focusCount += 1;
  }
}

type Handler = (...args: unknown[]) => unknown;

class FakeApp extends EventEmitter {
  singleInstanceLock = true;
  quitCount = 0;
  exitCodes: number[] = [];
  isPackaged = false;
  ready = false;
  userData = path.join(os.tmpdir(), 'courtdesk-fake-userdata');
  appPath = '/opt/CourtDesk/resources/app';
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  quit(): void {
    this.quitCount += 1;
  }
  exit(code: number): void {
    this.exitCodes.push(code);
  }
  whenReady(): Promise<void> {
    this.ready = true;
    return Promise.resolve();
  }
  isReady(): boolean {
    return this.ready;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath: ${name} not faked`);
    return this.userData;
  }
  getAppPath(): string {
    return this.appPath;
  }
  name = 'courtdesk';
  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return '0.1.0';
  }
}

/** The controllable state of the fake; `reset()` between tests. */
export const fake = {
  app: new FakeApp(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  ipcHandlers: new Map<string, Handler>(),
  permissionRequestHandler: undefined as Handler | undefined,
  permissionCheckHandler: undefined as Handler | undefined,
  openedExternal: [] as string[],
  menus: [] as unknown[],
  exposed: new Map<string, unknown>(),
  rendererInvocations: [] as unknown[][],
  saveDialogResult: { canceled: false, filePath: '/tmp/out.pdf' } as { canceled: boolean; filePath?: string },
  /** Every message box shown: its parent window (null when none) and options. */
  messageBoxes: [] as { window: unknown; options: Record<string, unknown> }[],
  /** The button index the next message boxes answer with. */
  messageBoxResponse: 0,
  netFetch: (async () => new Response('{}')) as (input: string, init?: RequestInit) => Promise<Response>,
  errorBoxes: [] as string[],
  reset(): void {
    fake.app.removeAllListeners();
    fake.app = new FakeApp();
    fake.privilegedSchemes = [];
    fake.protocolHandlers.clear();
    fake.ipcHandlers.clear();
    fake.permissionRequestHandler = undefined;
    fake.permissionCheckHandler = undefined;
    fake.openedExternal = [];
    fake.menus = [];
    fake.exposed.clear();
    fake.rendererInvocations = [];
    fake.saveDialogResult = { canceled: false, filePath: '/tmp/out.pdf' };
    fake.messageBoxes = [];
    fake.messageBoxResponse = 0;
    fake.errorBoxes = [];
    FakeBrowserWindow.instances = [];
  },
};

/** What `import … from 'electron'` resolves to under the mock. */
export const fakeElectronModule = {
  /** The fake's controller, reachable through the mocked module itself (survives vi.resetModules). */
  __fake: fake,
  get app() {
    return fake.app;
  },
  BrowserWindow: FakeBrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      fake.protocolHandlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Handler) => (fake.permissionRequestHandler = handler),
      setPermissionCheckHandler: (handler: Handler) => (fake.permissionCheckHandler = handler),
    },
  },
  ipcMain: { handle: (channel: string, handler: Handler) => fake.ipcHandlers.set(channel, handler) },
  shell: {
    openExternal: async (url: string) => {
      fake.openedExternal.push(url);
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => fake.menus.push(menu),
  },
  dialog: {
    showSaveDialog: async (..._args: unknown[]) => fake.saveDialogResult,
    // Electron's two forms: (window, options) and (options).
    showMessageBox: async (...args: unknown[]) => {
      const [window, options] = args.length > 1 ? args : [null, args[0]];
      fake.messageBoxes.push({ window, options: options as Record<string, unknown> });
      return { response: fake.messageBoxResponse, checkboxChecked: false };
    },
    showErrorBox: (_title: string, content: string) => fake.errorBoxes.push(content),
  },
  net: { fetch: (input: string, init?: RequestInit) => fake.netFetch(input, init) },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      fake.rendererInvocations.push([channel, ...args]);
      return { ok: true, value: null };
    },
  },
};

export default fakeElectronModule;
