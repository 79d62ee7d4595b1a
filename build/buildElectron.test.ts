import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildElectron, preloadRequires, SANDBOX_PRELOAD_MODULES } from './buildElectron.mjs';

describe('build/buildElectron.mjs', () => {
  it('bundles main and a self-contained sandbox-safe preload as CommonJS', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-build-'));
    try {
      const { main, preload } = (await buildElectron({ outDir })) as { main: string; preload: string };
      expect(path.basename(main)).toBe('main.cjs');
      const preloadCode = fs.readFileSync(preload, 'utf8');
      expect(preloadRequires(preloadCode)).toEqual(['electron']);
      expect(preloadCode).toContain('exposeInMainWorld');
      expect(preloadCode).not.toMatch(/^\s*(import|export)\s/m);
      expect(preloadCode).not.toMatch(/\bimport\(/);
      expect(fs.statSync(preload).size).toBeLessThan(20_000);
      const mainCode = fs.readFileSync(main, 'utf8');
      const external = (preloadRequires(mainCode) as string[]).filter(
        (m) => !m.startsWith('node:') && m !== 'electron',
      );
      expect(external).toEqual([]);
      expect(mainCode).toContain('registerSchemesAsPrivileged');
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('the sandbox module list is what Electron documents', () => {
    expect(SANDBOX_PRELOAD_MODULES).toEqual(['electron', 'events', 'timers', 'url']);
    expect(preloadRequires('require("fs"); require( "electron" )')).toEqual(['fs', 'electron']);
  });
});
