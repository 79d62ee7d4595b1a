/**
 * Test-only: the browser globals PouchDB's browser build reads at load time, for the Node
 * `renderer` Vitest project (fake-indexeddb provides IndexedDB itself). Import it first.
 */
const g = globalThis as Record<string, unknown>;
g['self'] ??= globalThis;
g['global'] ??= globalThis;
export {};
