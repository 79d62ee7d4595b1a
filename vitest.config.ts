import { defineConfig } from 'vitest/config';

/**
 * One Vitest config, several projects:
 *  - unit: pure core, Electron main (fake `electron` module), sync-server units, lint rules
 *  - renderer: renderer logic in Node with fake-indexeddb (DOM-free modules only)
 *  - conformance: security/protocol matrix against the embedded server or COUCH_URL
 *  - integration: real server started by the suite (or COUCH_URL)
 *  - e2e: Playwright + Debian Chromium against the real renderer; e2e-electron where the binary exists
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles: ['tests/support/fastCheckSetup.ts'],
          environment: 'node',
          include: [
            'core/**/*.test.ts',
            'electron/**/*.test.ts',
            'sync-server/**/*.test.ts',
            'build/**/*.test.ts',
            'tests/lint/**/*.test.ts',
            'tests/support/**/*.test.ts',
            'tests/bench/lib/**/*.test.ts',
          ],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'node',
          include: ['renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx'],
          setupFiles: ['fake-indexeddb/auto'],
          // A test waits for several conditions in a row, each up to 10 s (waitFor in
          // tests/support/renderer/memory.ts): a stuck one must fail with its own message, not with
          // the test's timeout, on a busy 2-core machine too.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'conformance',
          environment: 'node',
          include: ['tests/conformance/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts', 'tests/faults/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts', 'tests/e2e-electron/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
