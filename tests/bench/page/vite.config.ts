import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Build of the sync bench page (tests/bench/page): the seed module and PouchDB with both
 * IndexedDB adapters, served by the app host so `/couch` is same-origin. `build.outDir` is given
 * by the caller (a temporary folder).
 */
const require = createRequire(import.meta.url);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  define: { global: 'globalThis' },
  resolve: { alias: { events: require.resolve('events/') } },
  build: { emptyOutDir: true, sourcemap: false, minify: true, chunkSizeWarningLimit: 4000 },
});
