import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MainServiceError } from './errors';
import {
  readFileIfExists,
  SettingsMainService,
  type ServerUrlChange,
  type SettingsFileSystem,
} from './settingsMainService';

let dir: string;
let machinePath: string;
let userPath: string;

function service(
  argv: string[] = [],
  fileSystem?: SettingsFileSystem,
  log: (m: string) => void = () => undefined,
): SettingsMainService {
  return new SettingsMainService(
    {
      platform: 'win32',
      env: { ProgramData: path.join(dir, 'ProgramData') },
      argv,
      userSettingsPath: userPath,
      // The machine path is Windows-style; map it onto the temp folder.
      readFile: (p) => readFileIfExists(p.includes('CourtDesk\\config.json') ? machinePath : p),
    },
    fileSystem,
    log,
  );
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-settings-'));
  machinePath = path.join(dir, 'machine.json');
  userPath = path.join(dir, 'userData', 'settings.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A confirmation that answers `yes` and records what it was asked. */
function confirmer(yes = true): {
  asked: ServerUrlChange[];
  confirm: (c: ServerUrlChange) => Promise<boolean>;
} {
  const asked: ServerUrlChange[] = [];
  return {
    asked,
    confirm: async (change) => {
      asked.push(change);
      return yes;
    },
  };
}
const accept = confirmer().confirm;

describe('SettingsMainService', () => {
  it('persists the server URL and language to the user file and re-resolves', async () => {
    const s = service();
    expect(s.get().source).toBe('embedded');
    const next = await s.setServerUrl('https://couch.court.example', accept);
    expect(next).toMatchObject({ serverUrl: 'https://couch.court.example', source: 'user' });
    s.setLanguage('en');
    expect(JSON.parse(fs.readFileSync(userPath, 'utf8'))).toEqual({
      serverUrl: 'https://couch.court.example',
      language: 'en',
    });
    expect(service().get()).toMatchObject({
      serverUrl: 'https://couch.court.example',
      language: 'en',
      source: 'user',
    });
  });

  it('writes atomically: temp file then rename, no temp left behind', () => {
    const ops: string[] = [];
    const recording: SettingsFileSystem = {
      mkdirSync: (d, o) => void fs.mkdirSync(d, o),
      writeFileSync: (f, d) => {
        ops.push(`write ${path.basename(f)}`);
        fs.writeFileSync(f, d);
      },
      renameSync: (a, b) => {
        ops.push(`rename ${path.basename(a)} -> ${path.basename(b)}`);
        fs.renameSync(a, b);
      },
      rmSync: (f, o) => fs.rmSync(f, o),
    };
    service([], recording).setLanguage('en');
    expect(ops).toHaveLength(2);
    expect(ops[0]).toMatch(/^write settings\.json\.\d+\.\d+\.tmp$/);
    expect(ops[1]).toMatch(/^rename settings\.json\.\d+\.\d+\.tmp -> settings\.json$/);
    expect(fs.readdirSync(path.dirname(userPath))).toEqual(['settings.json']);
  });

  it('a failed write keeps the old file intact, cleans up and reports INTERNAL', async () => {
    service().setLanguage('en');
    const failing: SettingsFileSystem = {
      mkdirSync: (d, o) => void fs.mkdirSync(d, o),
      writeFileSync: (f, d) => fs.writeFileSync(f, d),
      renameSync: () => {
        throw new Error('EPERM: disk says no');
      },
      rmSync: (f, o) => fs.rmSync(f, o),
    };
    const s = service([], failing);
    await expect(s.setServerUrl('https://x.example', accept)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(JSON.parse(fs.readFileSync(userPath, 'utf8'))).toEqual({ language: 'en' });
    expect(fs.readdirSync(path.dirname(userPath))).toEqual(['settings.json']);
  });

  it('setServerUrl is LOCKED when the machine config locks the server; no dialog, the user file is untouched', async () => {
    fs.writeFileSync(
      machinePath,
      JSON.stringify({ serverUrl: 'https://it.court.example', lockServer: true, updates: 'off' }),
    );
    const s = service();
    const ask = confirmer();
    const error: unknown = await s.setServerUrl('https://elsewhere.example', ask.confirm).catch((e) => e);
    expect(error).toBeInstanceOf(MainServiceError);
    expect((error as MainServiceError).code).toBe('LOCKED');
    expect(ask.asked).toEqual([]);
    expect(fs.existsSync(userPath)).toBe(false);
    expect(s.get()).toMatchObject({
      serverUrl: 'https://it.court.example',
      lockServer: true,
      updates: 'off',
      source: 'machine',
    });
    expect(s.updatesPolicy()).toBe('off');
    // Language is still the user's to choose.
    expect(s.setLanguage('en').language).toBe('en');
  });

  it('the command line still wins after a user change', async () => {
    const s = service(['--server=http://10.1.1.1:5984']);
    expect(await s.setServerUrl('https://user.example', accept)).toMatchObject({
      serverUrl: 'http://10.1.1.1:5984',
      source: 'commandLine',
    });
  });

  it('hides URL credentials from get() but keeps them for the proxy', () => {
    const s = service(['--server=https://svc:pw@couch.example']);
    expect(s.get().serverUrl).toBe('https://couch.example/');
    expect(s.serverUrl()).toBe('https://svc:pw@couch.example');
  });

  it('logs malformed files at start and surfaces them in get().problems', () => {
    fs.writeFileSync(machinePath, '{oops');
    const logged: string[] = [];
    const s = service([], undefined, (m) => logged.push(m));
    expect(logged).toHaveLength(1);
    expect(s.get().problems).toEqual(logged);
    expect(s.get().source).toBe('embedded');
  });

  it('asks before changing the server, showing the old and new address without credentials', async () => {
    const s = service(['--server=https://svc:pw@couch.court.example']);
    const seen: string[] = [];
    s.onChange((settings) => seen.push(settings.serverUrl));
    const ask = confirmer();
    await s.setServerUrl('https://evil.example@attacker.example:6984/', ask.confirm);
    // The URL's user part is not the host: the dialog names the server really contacted.
    expect(ask.asked).toEqual([
      { from: 'https://couch.court.example/', to: 'https://attacker.example:6984/' },
    ]);
    expect(JSON.stringify(ask.asked)).not.toContain('pw');
    expect(seen).toHaveLength(1);
  });

  it('a declined change is CANCELLED: nothing written, nobody notified, the proxy keeps its server', async () => {
    const s = service();
    const seen: unknown[] = [];
    s.onChange((settings) => seen.push(settings));
    const ask = confirmer(false);
    const error: unknown = await s.setServerUrl('https://attacker.example', ask.confirm).catch((e) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(ask.asked).toEqual([{ from: 'http://127.0.0.1:15984', to: 'https://attacker.example' }]);
    expect(fs.existsSync(userPath)).toBe(false);
    expect(seen).toEqual([]);
    expect(s.serverUrl()).toBe('http://127.0.0.1:15984');
  });

  it('a failing dialog counts as declined', async () => {
    const s = service();
    const error: unknown = await s
      .setServerUrl('https://attacker.example', async () => {
        throw new Error('no window');
      })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(fs.existsSync(userPath)).toBe(false);
  });

  it('one confirmation at a time: a second request while the dialog is open is refused', async () => {
    const s = service();
    let answer: (yes: boolean) => void = () => undefined;
    const first = s.setServerUrl('https://a.example', () => new Promise<boolean>((ok) => (answer = ok)));
    const ask = confirmer();
    const second: unknown = await s.setServerUrl('https://b.example', ask.confirm).catch((e) => e);
    expect(second).toMatchObject({ code: 'CANCELLED' });
    expect(ask.asked).toEqual([]);
    answer(true);
    expect((await first).serverUrl).toBe('https://a.example');
    // Afterwards the next change is asked about again.
    await s.setServerUrl('https://b.example', ask.confirm);
    expect(ask.asked).toHaveLength(1);
  });

  it('setting the address already in use changes nothing and asks nothing', async () => {
    const s = service();
    const ask = confirmer();
    expect((await s.setServerUrl('http://127.0.0.1:15984', ask.confirm)).serverUrl).toBe(
      'http://127.0.0.1:15984',
    );
    expect(ask.asked).toEqual([]);
    expect(fs.existsSync(userPath)).toBe(false);
  });

  it('notifies listeners on change', () => {
    const s = service();
    const seen: string[] = [];
    s.onChange((settings) => seen.push(settings.language));
    s.setLanguage('en');
    expect(seen).toEqual(['en']);
  });
});
