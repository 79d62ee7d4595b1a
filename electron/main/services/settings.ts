import { z } from 'zod';
import { Language, type ResolvedSettings } from '../../common/ipcContract';

/**
 * Pure settings resolution: `--server=URL` > user settings > machine-wide file > embedded server.
 * Everything the outside world provides (files, platform, environment, argv) is injected so every
 * precedence combination is unit-testable without touching the disk.
 */

/** The embedded single-machine server (`courtdesk-server start`) listens here. */
export const EMBEDDED_SERVER_URL = 'http://127.0.0.1:15984';

/** What the resolver needs from the outside world. */
export interface SettingsEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
  /** Absolute path of the user's settings.json (in app.getPath('userData')). */
  userSettingsPath: string;
  /** Returns the file's text, or `undefined` when it does not exist; throws on other I/O errors. */
  readFile(path: string): string | undefined;
}

const serverUrlSchema = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'server URL must be http:// or https://');

/** What a user's settings.json may hold (written by SettingsMainService). */
export const UserSettingsFile = z.object({
  serverUrl: serverUrlSchema.optional(),
  language: Language.optional(),
});
/** A user's settings file content. */
export type UserSettingsFile = z.infer<typeof UserSettingsFile>;

/** What IT may put in the machine-wide config.json (also written by the MSI). */
export const MachineConfigFile = z.object({
  serverUrl: serverUrlSchema.optional(),
  lockServer: z.boolean().optional(),
  updates: z.enum(['on', 'off']).optional(),
  language: Language.optional(),
});
/** The machine-wide config file content. */
export type MachineConfigFile = z.infer<typeof MachineConfigFile>;

/** Result of resolution: the full settings (server URL may carry credentials: main-only) and problems. */
export interface SettingsResolution {
  settings: ResolvedSettings;
  userFile: UserSettingsFile;
  problems: string[];
}

/** `%ProgramData%\CourtDesk\config.json` on Windows, `/etc/courtdesk/config.json` elsewhere. */
export function machineConfigPath(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return `${programData.replace(/[\\/]+$/, '')}\\CourtDesk\\config.json`;
  }
  return '/etc/courtdesk/config.json';
}

/** Finds `--server=URL` (last one wins); an invalid value is a problem, not a crash. */
export function parseCommandLineServer(argv: readonly string[]): { url?: string; problem?: string } {
  const arg = [...argv].reverse().find((a) => a.startsWith('--server='));
  if (arg === undefined) return {};
  const value = arg.slice('--server='.length).trim();
  const parsed = serverUrlSchema.safeParse(value);
  if (!parsed.success)
    return { problem: `--server: "${redactServerUrl(value)}" is not an http(s) URL; ignored` };
  return { url: parsed.data };
}

/** Removes user name and password from a server URL before it leaves main (logs, renderer). */
export function redactServerUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username === '' && u.password === '') return url;
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

function readJson<T>(
  label: string,
  path: string,
  schema: z.ZodType<T>,
  env: SettingsEnvironment,
  problems: string[],
): T | undefined {
  let text: string | undefined;
  try {
    text = env.readFile(path);
  } catch (error) {
    problems.push(`${label} ${path}: cannot be read (${(error as Error).message}); ignored`);
    return undefined;
  }
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    // A UTF-8 BOM is common in files written by Windows tools (Notepad, PowerShell 5).
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.push(`${label} ${path}: not valid JSON (${(error as Error).message}); ignored`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    problems.push(`${label} ${path}: invalid (${detail}); ignored`);
    return undefined;
  }
  return parsed.data;
}

/** Resolves the effective settings from command line, user file, machine file and the default. */
export function resolveSettings(env: SettingsEnvironment): SettingsResolution {
  const problems: string[] = [];
  const machinePath = machineConfigPath(env.platform, env.env);
  const machine = readJson('machine config', machinePath, MachineConfigFile, env, problems) ?? {};
  const user = readJson('user settings', env.userSettingsPath, UserSettingsFile, env, problems) ?? {};
  const cli = parseCommandLineServer(env.argv);
  if (cli.problem) problems.push(cli.problem);

  const lockServer = machine.lockServer === true;
  let serverUrl = EMBEDDED_SERVER_URL;
  let source: ResolvedSettings['source'] = 'embedded';
  if (machine.serverUrl !== undefined) {
    serverUrl = machine.serverUrl;
    source = 'machine';
  }
  if (lockServer) {
    // The lock exists so a managed PC cannot be pointed elsewhere; a shortcut edited to pass
    // --server= is a user change too, so it is ignored like the user's own file.
    if (user.serverUrl !== undefined)
      problems.push('user settings: serverUrl ignored because the machine config locks the server');
    if (cli.url !== undefined) problems.push('--server ignored because the machine config locks the server');
  } else {
    if (user.serverUrl !== undefined) {
      serverUrl = user.serverUrl;
      source = 'user';
    }
    if (cli.url !== undefined) {
      serverUrl = cli.url;
      source = 'commandLine';
    }
  }
  const settings: ResolvedSettings = {
    serverUrl,
    source,
    lockServer,
    updates: machine.updates ?? 'on',
    language: user.language ?? machine.language ?? 'zh-CN',
  };
  if (problems.length > 0) settings.problems = problems;
  return { settings, userFile: user, problems };
}
