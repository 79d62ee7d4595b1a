// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Import layering (VS Code's code-layering idea, with ESLint's own no-restricted-imports):
 *   core            → nothing runtime-specific (no node:*, electron, react, DOM libs, database libs)
 *   electron/common → nothing at all but zod and itself
 *   electron/preload→ electron (contextBridge/ipcRenderer) and electron/common only
 *   electron/main   → common, core, node, electron
 *   renderer        → core and electron/common types; never node:* or electron values
 *   sync-server     → core, node; never renderer or electron
 *   tests/support   → test-only code (fakes, fixtures, harnesses): only tests and benches import it,
 *                     shipped code (every layer above, build/) never does
 * tests/lint/layering.test.ts proves each rule fails on a forbidden import.
 */
// Exact module names (a regex, so relative files like './events' are not mistaken for built-ins).
const nodeBan = {
  regex:
    '^(node:.*|fs|fs/promises|path|os|child_process|http|https|http2|net|tls|dgram|dns|crypto|url|stream|events|worker_threads|util|vm|zlib|process|buffer|cluster|readline)$',
  message: 'Node built-ins are not allowed in this layer.',
};
const electronBan = {
  regex: '^electron(/.*)?$',
  message: 'Electron is only for electron/main and electron/preload.',
};
const rendererBan = {
  group: ['**/renderer/**', '**/renderer'],
  message: 'Only the renderer may import renderer code.',
};
const serverBan = {
  group: ['**/sync-server/**'],
  message: 'sync-server is a separate runtime; share code through core/.',
};
const mainBan = {
  group: ['**/electron/main/**', '**/main/**'],
  message: 'Electron main-process code is not importable here.',
};
const testsBan = {
  group: ['**/tests/**', '**/tests'],
  message: 'Test-only code lives in tests/support and is imported only by tests and benches.',
};
const dbLibBan = {
  group: [
    'pouchdb*',
    'pouchdb-*',
    'nano',
    'express*',
    'react',
    'react-*',
    'react/*',
    'antd',
    'antd/*',
    'i18next',
    'rxjs',
    'rxjs/*',
  ],
  message: 'core/ is pure domain logic: no database, UI or server libraries.',
};

// Flat config replaces a rule's options per block, so both renderer blocks share these lists.
const rendererPaths = [
  { name: 'electron', message: 'The renderer talks to the main process only through window.courtdesk.' },
];
const rendererPatterns = [
  nodeBan,
  electronBan,
  serverBan,
  mainBan,
  testsBan,
  { group: ['**/preload/**'], message: 'Use renderer/src/platform, not the preload.' },
];
// electron/main and sync-server keep their layer rules in tests; only shipped files get testsBan.
const mainPatterns = [
  rendererBan,
  serverBan,
  { group: ['**/preload/**'], message: 'main does not import the preload.' },
];
const serverPatterns = [
  rendererBan,
  electronBan,
  mainBan,
  {
    group: ['**/preload/**', '**/electron/**'],
    message: 'sync-server never imports Electron code.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'artifacts/**',
      '.data/**',
      'sync-server/ddocs/**',
      'tests/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'No focused tests (.only).',
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBan, electronBan, rendererBan, serverBan, mainBan, dbLibBan, testsBan] },
      ],
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    ignores: ['electron/common/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBan,
            electronBan,
            rendererBan,
            serverBan,
            mainBan,
            testsBan,
            {
              group: ['**/core/**', '**/preload/**'],
              message: 'electron/common depends on nothing but zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBan,
            rendererBan,
            serverBan,
            mainBan,
            testsBan,
            { group: ['**/core/**'], message: 'The preload imports only electron and electron/common.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...mainPatterns, testsBan] }] },
  },
  {
    files: ['electron/main/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: mainPatterns }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: rendererPatterns,
        },
      ],
    },
  },
  {
    // Only renderer/src/db/ imports the database library (Signal keeps all SQL behind one interface).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/db/**', 'renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [
            ...rendererPatterns,
            {
              group: ['pouchdb', 'pouchdb-*'],
              message: 'Only renderer/src/db may import PouchDB; use its hooks and repositories.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sync-server/**/*.ts'],
    ignores: ['sync-server/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...serverPatterns, testsBan] }] },
  },
  {
    files: ['sync-server/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: serverPatterns }] },
  },
  {
    files: ['build/**/*.{ts,mjs,js}'],
    ignores: ['build/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [testsBan] }] },
  },
);
