// @ts-check
/**
 * Bundles the Electron main process and preload with esbuild:
 *   electron/main/main.ts       → dist/electron/main.cjs     (CJS, Node platform, `electron` external)
 *   electron/preload/preload.ts → dist/electron/preload.cjs  (one self-contained file: a sandboxed
 *                                  preload may only `require('electron')` and a few polyfilled modules)
 * Run: `node build/buildElectron.mjs` (npm run build:electron). Importable for tests.
 */
import { build } from 'esbuild';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Modules a sandboxed preload's `require` provides (Electron docs, "Process Sandboxing"). */
export const SANDBOX_PRELOAD_MODULES = ['electron', 'events', 'timers', 'url'];

/**
 * Builds both bundles into `outDir` and checks the preload needs nothing a sandbox lacks.
 * @param {{ outDir?: string, minify?: boolean }} [options]
 * @returns {Promise<{ main: string, preload: string }>}
 */
export async function buildElectron(options = {}) {
  const outDir = options.outDir ?? path.join(ROOT, 'dist', 'electron');
  await fs.mkdir(outDir, { recursive: true });
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['electron'],
    sourcemap: 'linked',
    minify: options.minify ?? false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    absWorkingDir: ROOT,
  };
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  await build({ ...common, entryPoints: [path.join(ROOT, 'electron/main/main.ts')], outfile: main });
  await build({ ...common, entryPoints: [path.join(ROOT, 'electron/preload/preload.ts')], outfile: preload });
  const required = preloadRequires(await fs.readFile(preload, 'utf8'));
  const forbidden = required.filter((m) => !SANDBOX_PRELOAD_MODULES.includes(m));
  if (forbidden.length > 0)
    throw new Error(`preload.cjs requires ${forbidden.join(', ')}, which a sandboxed preload cannot load`);
  return { main, preload };
}

/**
 * Module ids a bundle `require`s.
 * @param {string} code
 * @returns {string[]}
 */
export function preloadRequires(code) {
  return [
    ...new Set(
      [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => /** @type {string} */ (m[1])),
    ),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  buildElectron({ minify: process.argv.includes('--minify') }).then(
    ({ main, preload }) =>
      console.log(
        `built ${path.relative(ROOT, main)} and ${path.relative(ROOT, preload)} in ${Date.now() - started} ms`,
      ),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
