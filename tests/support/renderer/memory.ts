/**
 * Test-only helpers for the Node `renderer` project: PouchDB's `memory` adapter (fake-indexeddb is
 * not reliable enough for PouchDB's IndexedDB adapters in Node) and a polling `waitFor`.
 */
import './nodeGlobals';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { registerPouchPlugin, PouchDB } from '../../../renderer/src/db/pouch';

registerPouchPlugin(MemoryAdapter);
let n = 0;

/** A fresh in-memory PouchDB with a unique name. */
export function memoryDb(prefix = 'mem'): PouchDB.Database<Record<string, unknown>> {
  return new PouchDB<Record<string, unknown>>(`${prefix}_${Date.now()}_${n++}`, { adapter: 'memory' });
}

/** Polls `check` until it returns true (or throws after `timeoutMs`, with `what` in the message). */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
