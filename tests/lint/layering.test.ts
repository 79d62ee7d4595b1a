import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the import-layering rules in eslint.config.js: every forbidden import fails lint in its
 * layer, and the allowed ones pass. Uses ESLint's API on virtual files so nothing is written.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const forbidden: Array<[layer: string, file: string, code: string]> = [
  [
    'core → node built-in',
    'core/__layering.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  ],
  [
    'core → bare built-in',
    'core/__layering.ts',
    "import { EventEmitter } from 'events';\nexport const x = EventEmitter;\n",
  ],
  ['core → electron', 'core/__layering.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ['core → react', 'core/__layering.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
  [
    'core → pouchdb',
    'core/__layering.ts',
    "import PouchDB from 'pouchdb-browser';\nexport const x = PouchDB;\n",
  ],
  [
    'core → renderer',
    'core/__layering.ts',
    "import { x as y } from '../renderer/src/app/anything';\nexport const x = y;\n",
  ],
  [
    'core → sync-server',
    'core/__layering.ts',
    "import { x as y } from '../sync-server/src/anything';\nexport const x = y;\n",
  ],
  [
    'renderer → node built-in',
    'renderer/src/app/__layering.ts',
    "import fs from 'fs';\nexport const x = fs;\n",
  ],
  [
    'renderer → electron',
    'renderer/src/app/__layering.ts',
    "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
  ],
  [
    'renderer → main',
    'renderer/src/app/__layering.ts',
    "import { x as y } from '../../../electron/main/window';\nexport const x = y;\n",
  ],
  [
    'renderer → sync-server',
    'renderer/src/app/__layering.ts',
    "import { x as y } from '../../../sync-server/src/cli';\nexport const x = y;\n",
  ],
  [
    'renderer feature → pouchdb',
    'renderer/src/features/cases/__layering.ts',
    "import PouchDB from 'pouchdb-browser';\nexport const x = PouchDB;\n",
  ],
  [
    'sync-server → renderer',
    'sync-server/src/__layering.ts',
    "import { x as y } from '../../renderer/src/app/anything';\nexport const x = y;\n",
  ],
  [
    'sync-server → electron',
    'sync-server/src/__layering.ts',
    "import { app } from 'electron';\nexport const x = app;\n",
  ],
  [
    'electron/common → node',
    'electron/common/__layering.ts',
    "import os from 'node:os';\nexport const x = os;\n",
  ],
  [
    'electron/common → core',
    'electron/common/__layering.ts',
    "import { ROLES } from '../../core/roles';\nexport const x = ROLES;\n",
  ],
  ['preload → node', 'electron/preload/__layering.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
  [
    'preload → main',
    'electron/preload/__layering.ts',
    "import { x as y } from '../main/window';\nexport const x = y;\n",
  ],
  [
    'main → renderer',
    'electron/main/__layering.ts',
    "import { x as y } from '../../renderer/src/app/anything';\nexport const x = y;\n",
  ],
  ...(
    [
      ['core', 'core/__layering.ts', '../tests/support/validDocs'],
      ['renderer', 'renderer/src/db/__layering.ts', '../../../tests/support/renderer/memory'],
      ['main', 'electron/main/__layering.ts', '../../tests/support/electron/fakeElectron'],
      ['preload', 'electron/preload/__layering.ts', '../../tests/support/electron/fakeElectron'],
      ['electron/common', 'electron/common/__layering.ts', '../../tests/support/anything'],
      ['sync-server', 'sync-server/src/__layering.ts', '../../tests/support/couchTarget'],
      ['build', 'build/__layering.ts', '../tests/support/validDocs'],
    ] as const
  ).map(([layer, file, from]): [string, string, string] => [
    `${layer} → tests/support`,
    file,
    `import * as y from '${from}';\nexport const x = y;\n`,
  ]),
  ['focused test', 'core/__layering.test.ts', "import { it } from 'vitest';\nit.only('x', () => {});\n"],
];

const allowed: Array<[layer: string, file: string, code: string]> = [
  ['core → core', 'core/__layering.ts', "import { ROLES } from './roles';\nexport const x = ROLES;\n"],
  [
    'core → a core file named like a built-in',
    'core/domain/__layering.ts',
    "import { x as y } from './events';\nexport const x = y;\n",
  ],
  [
    'renderer → core',
    'renderer/src/app/__layering.ts',
    "import { ROLES } from '../../../core/roles';\nexport const x = ROLES;\n",
  ],
  [
    'renderer → common types',
    'renderer/src/app/__layering.ts',
    "import type { DesktopApi } from '../../../electron/common/ipcContract';\nexport type X = DesktopApi;\n",
  ],
  [
    'renderer db → pouchdb',
    'renderer/src/db/__layering.ts',
    "import PouchDB from 'pouchdb-browser';\nexport const x = PouchDB;\n",
  ],
  [
    'main → node, electron, core, common',
    'electron/main/__layering.ts',
    "import fs from 'node:fs';\nimport { app } from 'electron';\nimport { ROLES } from '../../core/roles';\nimport { IPC_CHANNELS } from '../common/ipcContract';\nexport const x = [fs, app, ROLES, IPC_CHANNELS];\n",
  ],
  [
    'preload → electron, common',
    'electron/preload/__layering.ts',
    "import { contextBridge } from 'electron';\nimport { IPC_CHANNELS } from '../common/ipcContract';\nexport const x = [contextBridge, IPC_CHANNELS];\n",
  ],
  [
    'sync-server → core, node',
    'sync-server/src/__layering.ts',
    "import http from 'node:http';\nimport { ROLES } from '../../core/roles';\nexport const x = [http, ROLES];\n",
  ],
  [
    'a main test → tests/support',
    'electron/main/__layering.test.ts',
    "import { fake } from '../../tests/support/electron/fakeElectron';\nexport const x = fake;\n",
  ],
  [
    'a sync-server test → tests/support',
    'sync-server/src/__layering.test.ts',
    "import { getCouchTarget } from '../../tests/support/couchTarget';\nexport const x = getCouchTarget;\n",
  ],
  [
    'a renderer test → tests/support',
    'renderer/src/db/__layering.test.ts',
    "import { memoryDb } from '../../../tests/support/renderer/memory';\nexport const x = memoryDb;\n",
  ],
];

describe('import layering (eslint)', () => {
  it.each(forbidden)('rejects %s', async (_layer, file, code) => {
    const errors = await restrictedImportErrors(file, code);
    expect(errors.length).toBeGreaterThan(0);
  });

  it.each(allowed)('allows %s', async (_layer, file, code) => {
    const errors = await restrictedImportErrors(file, code);
    expect(errors).toEqual([]);
  });
});
