import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedTarget, type CouchTarget } from './couchTarget';

/**
 * One embedded server for a whole test file (unit tests of code that talks to CouchDB): started
 * before the file's first test, stopped after its last. Read `target` inside tests and hooks.
 */
export function embeddedServerForFile(): { readonly target: CouchTarget } {
  let target: CouchTarget | undefined;
  beforeAll(async () => {
    target = await startEmbeddedTarget();
  });
  afterAll(async () => {
    await target?.stop();
  });
  return {
    get target(): CouchTarget {
      if (!target) throw new Error('the embedded server starts in beforeAll');
      return target;
    },
  };
}
