import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MainServiceError } from './errors';
import { readFileIfExists, SettingsMainService, type SettingsFileSystem } from './settingsMainService';

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

describe('SettingsMainService', () => {
  it('persists the server URL and language to the user file and re-resolves', () => {
    const s = service();
    expect(s.get().source).toBe('embedded');
    const next = s.setServerUrl('https://couch.court.example');
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

  it('a failed write keeps the old file intact, cleans up and reports INTERNAL', () => {
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
    expect(() => s.setServerUrl('https://x.example')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(JSON.parse(fs.readFileSync(userPath, 'utf8'))).toEqual({ language: 'en' });
    expect(fs.readdirSync(path.dirname(userPath))).toEqual(['settings.json']);
  });

  it('setServerUrl is LOCKED when the machine config locks the server; the user file is untouched', () => {
    fs.writeFileSync(
      machinePath,
      JSON.stringify({ serverUrl: 'https://it.court.example', lockServer: true, updates: 'off' }),
    );
    const s = service();
    let error: unknown;
    try {
      s.setServerUrl('https://elsewhere.example');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MainServiceError);
    expect((error as MainServiceError).code).toBe('LOCKED');
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

  it('the command line still wins after a user change', () => {
    const s = service(['--server=http://10.1.1.1:5984']);
    expect(s.setServerUrl('https://user.example')).toMatchObject({
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

  it('notifies listeners on change', () => {
    const s = service();
    const seen: string[] = [];
    s.onChange((settings) => seen.push(settings.language));
    s.setLanguage('en');
    expect(seen).toEqual(['en']);
  });
});
