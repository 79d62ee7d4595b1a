/**
 * Local replicas: one PouchDB per server database (core/databases.ts) and signed-in user, named
 * `courtdesk_<user>_<key>`, on the `indexeddb` adapter by default (`idb` selectable; `memory`
 * once a test registered it). The API of {@link openLocalDb} is used by the seeding code and the
 * benchmark: keep it stable.
 */
import { databaseByKey, DATABASES, type DatabaseKey } from '../../../core/databases';
import { PouchDB } from './pouch';

/** Storage adapters a local replica may use. */
export type LocalAdapter = 'indexeddb' | 'idb' | 'memory';

/** Options of {@link openLocalDb}. */
export interface OpenLocalDbOptions {
  /** Default `indexeddb` (see docs for the measurement behind the choice). */
  readonly adapter?: LocalAdapter;
}

/** A local replica: the PouchDB handle plus what it replicates. */
export type LocalDb = PouchDB.Database<Record<string, unknown>>;

/** Keys of the databases a workstation replicates (everything but `audit`). */
export const REPLICATED_KEYS: readonly DatabaseKey[] = DATABASES.filter((d) => d.replicated).map(
  (d) => d.key,
);

/** The local database name of `key` for `user` (`courtdesk_<user>_<key>`; unusual characters percent-encoded). */
export function localDbName(user: string, key: DatabaseKey): string {
  if (user.length === 0) throw new Error('a local database needs a user name');
  databaseByKey(key);
  return `courtdesk_${encodeURIComponent(user)}_${key}`;
}

/** Opens (creating when missing) the local replica of database `key` for `user`. */
export function openLocalDb(user: string, key: DatabaseKey, options: OpenLocalDbOptions = {}): LocalDb {
  const adapter = options.adapter ?? 'indexeddb';
  return new PouchDB<Record<string, unknown>>(localDbName(user, key), { adapter, auto_compaction: false });
}

/** The server database name behind a key (`cases` → `courtdesk_cases`). */
export function remoteDbName(key: DatabaseKey): string {
  return databaseByKey(key).name;
}
