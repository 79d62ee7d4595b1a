import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs hook without type declarations
import { injectMachineConfig, msiProjectCreated } from './installer/msiProjectCreated.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  files: Array<{ filter: string[] }>;
  msi: Record<string, unknown>;
  nsis: Record<string, unknown>;
  win: {
    target: Array<{ target: string }>;
    icon: string;
    extraResources: Array<{ from: string; to: string }>;
  };
  linux: { target: Array<{ target: string }>; icon: string };
  msiProjectCreated: string;
  electronFuses: Record<string, boolean>;
  deb: { afterInstall: string };
  [key: string]: unknown;
}

// electron-builder's own loader and JSON-schema validation (app-builder-lib ships with electron-builder).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const noDebug = { isEnabled: false, add: () => undefined };

async function load(): Promise<BuilderConfig> {
  return getConfig(ROOT, path.join(ROOT, 'build', 'electron-builder.yml'));
}

describe('build/electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(await load(), noDebug)).resolves.toBeUndefined();
  });

  it('the validation is real: a wrong type is rejected', async () => {
    const config = await load();
    await expect(
      validateConfiguration({ ...config, msi: { ...config.msi, perMachine: 'yes' } }, noDebug),
    ).rejects.toThrow(/perMachine/);
  });

  it('identifies the product and packages only the bundles', async () => {
    const c = await load();
    expect(c.appId).toBe('cn.court.courtdesk');
    expect(c.productName).toBe('CourtDesk');
    expect(c.files.flatMap((f) => f.filter)).toEqual(
      expect.arrayContaining(['dist/**/*', '!node_modules/**/*', '!**/*.map']),
    );
  });

  it('builds a per-machine MSI with a fixed upgrade code, plus NSIS, on Windows', async () => {
    const c = await load();
    expect(c.win.target.map((t) => t.target)).toEqual(['msi', 'nsis']);
    expect(c.msi).toMatchObject({ perMachine: true, oneClick: false, runAfterFinish: false });
    expect(c.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(c.nsis).toMatchObject({
      perMachine: true,
      oneClick: false,
      include: 'build/installer/installer.nsh',
    });
  });

  it('builds AppImage and deb on Linux', async () => {
    expect((await load()).linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('sets the security fuses', async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('every referenced file exists; the icon is a 512×512 PNG', async () => {
    const c = await load();
    expect(c.msiProjectCreated).toBe('./build/installer/msiProjectCreated.mjs');
    const referenced = [
      c.win.icon,
      c.msiProjectCreated,
      c.nsis.include as string,
      c.deb.afterInstall,
      ...c.win.extraResources.map((r) => r.from),
    ];
    for (const file of referenced) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
    const png = fs.readFileSync(path.join(ROOT, 'resources/icons/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    for (const size of [16, 32, 48, 64, 128, 256])
      expect(fs.existsSync(path.join(ROOT, c.linux.icon, `${size}x${size}.png`))).toBe(true);
  });
});

describe('MSI machine-config hook', () => {
  const PROJECT = `<?xml version="1.0" encoding="UTF-8"?>\n<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">\n  <Product Id="*" Name="CourtDesk">\n    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="APPLICATIONFOLDER" Name="CourtDesk"/></Directory>\n  </Product>\n</Wix>\n`;

  it('adds the public properties and a deferred, elevated custom action inside <Product>', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-msi-')), 'project.wxs');
    fs.writeFileSync(file, PROJECT);
    await msiProjectCreated(file);
    const out = fs.readFileSync(file, 'utf8');
    for (const prop of ['SERVER_URL', 'LOCK_SERVER', 'UPDATES'])
      expect(out).toContain(`<Property Id="${prop}" Secure="yes"/>`);
    expect(out).toMatch(
      /<CustomAction Id="CourtDeskWriteMachineConfig"[^>]*Execute="deferred"[^>]*Impersonate="no"/,
    );
    expect(out).toContain('writeMachineConfig.ps1');
    expect(out.indexOf('CourtDeskWriteMachineConfig')).toBeLessThan(out.indexOf('</Product>'));
    // Idempotent.
    await msiProjectCreated(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(out);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('fails loudly if electron-builder’s template no longer has <Product>', () => {
    expect(() => injectMachineConfig('<Wix><Package/></Wix>', '<Property/>')).toThrow(/no <\/Product>/);
  });
});
