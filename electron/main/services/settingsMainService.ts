import fs from 'node:fs';
import path from 'node:path';
import type { Language, ResolvedSettings } from '../../common/ipcContract';
import { MainServiceError } from './errors';
import {
  redactServerUrl,
  resolveSettings,
  type SettingsEnvironment,
  type SettingsResolution,
  type UserSettingsFile,
} from './settings';

/** The file operations the service needs; node:fs by default, fakes in tests. */
export interface SettingsFileSystem {
  writeFileSync(file: string, data: string): void;
  renameSync(from: string, to: string): void;
  mkdirSync(dir: string, options: { recursive: true }): void;
  rmSync(file: string, options: { force: true }): void;
}

/** A server change to confirm: the addresses in effect before and after, credentials removed. */
export interface ServerUrlChange {
  from: string;
  to: string;
}

/** Asks the user (a native dialog of main) whether to make the change; true only when they agree. */
export type ConfirmServerChange = (change: ServerUrlChange) => Promise<boolean>;

/** Reads a file as UTF-8, `undefined` when it does not exist (the SettingsEnvironment contract). */
export function readFileIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Owns the effective settings in main: resolves them at start, persists user changes atomically
 * (write a temp file, then rename over settings.json, so a crash never leaves half a file) and
 * re-resolves so precedence and the machine lock always apply.
 */
export class SettingsMainService {
  private resolution: SettingsResolution;
  private readonly listeners = new Set<(settings: ResolvedSettings) => void>();
  /** True while a server change waits for the user's answer (one dialog at a time). */
  private confirming = false;

  constructor(
    private readonly env: SettingsEnvironment,
    private readonly fileSystem: SettingsFileSystem = fs,
    private readonly log: (message: string) => void = (m) => console.warn(`[settings] ${m}`),
  ) {
    this.resolution = resolveSettings(env);
    for (const problem of this.resolution.problems) this.log(problem);
  }

  /** Settings for the renderer: the server URL has any embedded credentials removed. */
  get(): ResolvedSettings {
    const s = this.resolution.settings;
    return { ...s, serverUrl: redactServerUrl(s.serverUrl) };
  }

  /** The full upstream URL (may carry credentials); for main's CouchDB proxy only. */
  serverUrl(): string {
    return this.resolution.settings.serverUrl;
  }

  /** Auto-update policy from the machine config. */
  updatesPolicy(): 'on' | 'off' {
    return this.resolution.settings.updates;
  }

  /**
   * Saves the user's server once `confirm` (a native dialog in main) says yes: the request comes
   * from the renderer, which must never be able to point the app at another server silently.
   * LOCKED when the machine config locks the server (no dialog); CANCELLED when declined, when
   * the dialog fails, or while another change is waiting for an answer. The address in use
   * already is a no-op.
   */
  async setServerUrl(url: string, confirm: ConfirmServerChange): Promise<ResolvedSettings> {
    this.assertServerUnlocked();
    if (url === this.resolution.settings.serverUrl) return this.get();
    if (this.confirming)
      throw new MainServiceError('CANCELLED', 'Another server change is waiting for confirmation.');
    this.confirming = true;
    let confirmed = false;
    try {
      const change = { from: redactServerUrl(this.serverUrl()), to: redactServerUrl(url) };
      confirmed = await confirm(change).catch((error: unknown) => {
        this.log(`server change not confirmed: ${(error as Error).message}`);
        return false;
      });
    } finally {
      this.confirming = false;
    }
    if (!confirmed) throw new MainServiceError('CANCELLED', 'The server change was not confirmed.');
    return this.saveUserFile({ ...this.resolution.userFile, serverUrl: url });
  }

  private assertServerUnlocked(): void {
    if (this.resolution.settings.lockServer) {
      throw new MainServiceError(
        'LOCKED',
        'The server address is set by the IT department and cannot be changed on this computer.',
      );
    }
  }

  /** Saves the user's UI language. */
  setLanguage(language: Language): ResolvedSettings {
    return this.saveUserFile({ ...this.resolution.userFile, language });
  }

  /** Subscribes to changes (e.g. the menu relabels, the proxy picks the new server). */
  onChange(listener: (settings: ResolvedSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private saveUserFile(next: UserSettingsFile): ResolvedSettings {
    const target = this.env.userSettingsPath;
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      this.fileSystem.mkdirSync(path.dirname(target), { recursive: true });
      this.fileSystem.writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`);
      this.fileSystem.renameSync(temp, target);
    } catch (error) {
      this.fileSystem.rmSync(temp, { force: true });
      throw new MainServiceError('INTERNAL', `Could not save settings: ${(error as Error).message}`);
    }
    this.resolution = resolveSettings(this.env);
    for (const problem of this.resolution.problems) this.log(problem);
    const settings = this.get();
    for (const listener of this.listeners) listener(settings);
    return settings;
  }
}
