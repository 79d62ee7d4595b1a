import {
  createSyncEngine,
  type SyncEngine,
  type SyncEngineOptions,
} from '../../../renderer/src/db/replication';
import { FakeNetwork } from './fakeNetwork';

type Local = ReturnType<NonNullable<SyncEngineOptions['openLocal']>>;
type Remote = ReturnType<NonNullable<SyncEngineOptions['openRemote']>>;

/**
 * A sync engine for unit tests: one `documents` database between two in-memory PouchDBs, a
 * hand-fired network and fast backoff. `extra` overrides or adds engine options per test.
 */
export function createTestEngine(
  local: Local,
  remote: Remote,
  extra: Partial<SyncEngineOptions> = {},
): { engine: SyncEngine; network: FakeNetwork } {
  const network = new FakeNetwork();
  const engine = createSyncEngine({
    user: 'judge.li',
    couchBaseUrl: 'http://unused.invalid/couch',
    keys: ['documents'],
    openLocal: () => local,
    openRemote: () => remote,
    network,
    storage: {},
    backoff: { initialMs: 20, maxMs: 100 },
    ...extra,
  });
  return { engine, network };
}
