/**
 * Builds the sync harness page (index.html + main.ts, which bundles renderer/src/db) with Vite
 * into artifacts/sync-harness, skipping the build when the output is newer than every source.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'vite';

const require = createRequire(import.meta.url);
const ROOT = path.resolve('tests/integration/harness');
/** Where the built harness lands (served by the app host as its static dir). */
export const HARNESS_DIR = path.resolve('artifacts', 'sync-harness');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|tsx|html|json)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
      t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the harness if needed; returns its folder. */
export async function buildHarness(): Promise<string> {
  const index = path.join(HARNESS_DIR, 'index.html');
  const sources = Math.max(
    newest(ROOT),
    newest(path.resolve('renderer/src/db')),
    newest(path.resolve('core')),
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return HARNESS_DIR;
  await build({
    root: ROOT,
    base: './',
    configFile: false,
    logLevel: 'warn',
    define: { global: 'globalThis' },
    resolve: { alias: { events: require.resolve('events/') } },
    build: {
      outDir: HARNESS_DIR,
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      chunkSizeWarningLimit: 5000,
    },
  });
  return HARNESS_DIR;
}
