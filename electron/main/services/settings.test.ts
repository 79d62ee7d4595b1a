import { describe, expect, it } from 'vitest';
import {
  EMBEDDED_SERVER_URL,
  machineConfigPath,
  parseCommandLineServer,
  redactServerUrl,
  resolveSettings,
  type SettingsEnvironment,
} from './settings';

const USER_PATH = '/home/clerk/.config/CourtDesk/settings.json';
const MACHINE_PATH = '/etc/courtdesk/config.json';
const CLI = 'https://cli.court.example';
const USER = 'https://user.court.example';
const MACHINE = 'https://machine.court.example';

function env(
  files: Record<string, string>,
  argv: string[] = [],
  platform: NodeJS.Platform = 'linux',
  vars: Record<string, string> = {},
): SettingsEnvironment {
  return {
    platform,
    env: vars,
    argv: ['/opt/CourtDesk/courtdesk', ...argv],
    userSettingsPath: USER_PATH,
    readFile: (p) => files[p],
  };
}

describe('settings precedence: --server > user > machine > embedded', () => {
  const combos: Array<[boolean, boolean, boolean]> = [];
  for (const cli of [false, true])
    for (const user of [false, true]) for (const machine of [false, true]) combos.push([cli, user, machine]);

  it.each(combos)('cli=%s user=%s machine=%s (unlocked)', (cli, user, machine) => {
    const files: Record<string, string> = {};
    if (user) files[USER_PATH] = JSON.stringify({ serverUrl: USER });
    if (machine) files[MACHINE_PATH] = JSON.stringify({ serverUrl: MACHINE });
    const { settings, problems } = resolveSettings(env(files, cli ? [`--server=${CLI}`] : []));
    const [url, source] = cli
      ? [CLI, 'commandLine']
      : user
        ? [USER, 'user']
        : machine
          ? [MACHINE, 'machine']
          : [EMBEDDED_SERVER_URL, 'embedded'];
    expect(settings).toMatchObject({
      serverUrl: url,
      source,
      lockServer: false,
      updates: 'on',
      language: 'zh-CN',
    });
    expect(problems).toEqual([]);
  });

  it.each(combos)(
    'cli=%s user=%s machine server=%s with lockServer: the machine decides',
    (cli, user, machineServer) => {
      const files: Record<string, string> = {
        [MACHINE_PATH]: JSON.stringify({
          lockServer: true,
          ...(machineServer ? { serverUrl: MACHINE } : {}),
        }),
      };
      if (user) files[USER_PATH] = JSON.stringify({ serverUrl: USER });
      const { settings, problems } = resolveSettings(env(files, cli ? [`--server=${CLI}`] : []));
      expect(settings.lockServer).toBe(true);
      expect(settings.serverUrl).toBe(machineServer ? MACHINE : EMBEDDED_SERVER_URL);
      expect(settings.source).toBe(machineServer ? 'machine' : 'embedded');
      expect(problems).toHaveLength((cli ? 1 : 0) + (user ? 1 : 0));
      if (user) expect(problems.join('\n')).toContain('user settings: serverUrl ignored');
    },
  );

  it('the last --server wins; other arguments are ignored', () => {
    expect(
      parseCommandLineServer(['--server=http://a.example', '--inspect', '--server=http://b.example']),
    ).toEqual({ url: 'http://b.example' });
    expect(parseCommandLineServer(['--serverx=http://a.example'])).toEqual({});
  });

  it('an invalid --server is reported and ignored (falls through to the user file)', () => {
    const files = { [USER_PATH]: JSON.stringify({ serverUrl: USER }) };
    for (const bad of [
      '--server=ftp://x.example',
      '--server=not a url',
      '--server=',
      '--server=javascript:alert(1)',
    ]) {
      const { settings, problems } = resolveSettings(env(files, [bad]));
      expect(settings.serverUrl).toBe(USER);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('--server');
    }
  });
});

describe('updates and language', () => {
  it('updates: "off" in the machine file disables updates; default is on', () => {
    expect(resolveSettings(env({ [MACHINE_PATH]: '{"updates":"off"}' })).settings.updates).toBe('off');
    expect(resolveSettings(env({ [MACHINE_PATH]: '{"updates":"on"}' })).settings.updates).toBe('on');
    expect(resolveSettings(env({})).settings.updates).toBe('on');
  });

  it('updates in a user file cannot override the machine policy', () => {
    const r = resolveSettings(
      env({ [MACHINE_PATH]: '{"updates":"off"}', [USER_PATH]: '{"updates":"on","language":"en"}' }),
    );
    expect(r.settings.updates).toBe('off');
    expect(r.settings.language).toBe('en');
  });

  it('language: user > machine > zh-CN', () => {
    expect(resolveSettings(env({})).settings.language).toBe('zh-CN');
    expect(resolveSettings(env({ [MACHINE_PATH]: '{"language":"en"}' })).settings.language).toBe('en');
    expect(
      resolveSettings(env({ [MACHINE_PATH]: '{"language":"en"}', [USER_PATH]: '{"language":"zh-CN"}' }))
        .settings.language,
    ).toBe('zh-CN');
  });
});

describe('malformed files are reported and ignored, never fatal', () => {
  it.each([
    ['not JSON', '{ serverUrl: nope'],
    ['wrong type', '{"serverUrl": 42}'],
    ['bad scheme', '{"serverUrl": "file:///etc/passwd"}'],
    ['bad lock type', '{"lockServer": "yes"}'],
    ['bad updates', '{"updates": "sometimes"}'],
    ['bad language', '{"language": "fr"}'],
    ['array', '[]'],
    ['null', 'null'],
  ])('machine file: %s', (_label, text) => {
    const r = resolveSettings(
      env({ [MACHINE_PATH]: text, [USER_PATH]: JSON.stringify({ serverUrl: USER }) }),
    );
    expect(r.settings.serverUrl).toBe(USER);
    expect(r.settings.lockServer).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(MACHINE_PATH);
    expect(r.settings.problems).toEqual(r.problems);
  });

  it.each([
    ['not JSON', '{"serverUrl": '],
    ['bad url', '{"serverUrl": "courtdesk"}'],
    ['bad language', '{"language": 1}'],
  ])('user file: %s', (_label, text) => {
    const r = resolveSettings(
      env({ [MACHINE_PATH]: JSON.stringify({ serverUrl: MACHINE }), [USER_PATH]: text }),
    );
    expect(r.settings.serverUrl).toBe(MACHINE);
    expect(r.settings.source).toBe('machine');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(USER_PATH);
  });

  it('an unreadable file (permission denied) is reported and ignored', () => {
    const e = env({});
    e.readFile = (p) => {
      if (p === MACHINE_PATH) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return undefined;
    };
    const r = resolveSettings(e);
    expect(r.settings.source).toBe('embedded');
    expect(r.problems[0]).toContain('EACCES');
  });

  it('accepts a UTF-8 BOM (files saved by Windows tools)', () => {
    const r = resolveSettings(
      env({ [MACHINE_PATH]: `\uFEFF${JSON.stringify({ serverUrl: MACHINE, lockServer: true })}` }),
    );
    expect(r.settings).toMatchObject({ serverUrl: MACHINE, lockServer: true });
    expect(r.problems).toEqual([]);
  });
});

describe('machine config location and redaction', () => {
  it('uses %ProgramData%\\CourtDesk\\config.json on Windows and /etc/courtdesk elsewhere', () => {
    expect(machineConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\CourtDesk\\config.json',
    );
    expect(machineConfigPath('win32', {})).toBe('C:\\ProgramData\\CourtDesk\\config.json');
    expect(machineConfigPath('linux', { ProgramData: 'x' })).toBe('/etc/courtdesk/config.json');
    expect(machineConfigPath('darwin', {})).toBe('/etc/courtdesk/config.json');
    const win = 'C:\\ProgramData\\CourtDesk\\config.json';
    const r = resolveSettings({
      ...env({ [win]: JSON.stringify({ serverUrl: MACHINE }) }, [], 'win32'),
      userSettingsPath: 'C:\\Users\\u\\settings.json',
    });
    expect(r.settings.serverUrl).toBe(MACHINE);
  });

  it('redacts credentials from server URLs', () => {
    expect(redactServerUrl('https://admin:pw@couch.example:6984/x')).toBe('https://couch.example:6984/x');
    expect(redactServerUrl('http://127.0.0.1:15984')).toBe('http://127.0.0.1:15984');
  });
});
