/**
 * The staff directory as the screens use it (React-free): user name → display name, title and
 * roles, read from `directory:staff`, which the server worker publishes in courtdesk_notices
 * (sync-server/src/workers/staffDirectory.ts; the renderer cannot read `_users`). One live read
 * per sync engine, shared by every {@link StaffName} on screen and dropped when the last one
 * unmounts.
 */
import { databaseByKey, type DatabaseKey } from '../../../../core/databases';
import { parseStaffDirectory, STAFF_DIRECTORY_ID, type StaffEntry } from '../../../../core/schemas/directory';
import type { LocalDb, SyncEngine } from '../../db';
import { liveQuery } from '../../db/hooks';

/** The replicated database holding `directory:staff`. */
export const DIRECTORY_DB_KEY: DatabaseKey = databaseByKey('notices').key;

/** Staff by user name, with the look-ups the screens need. */
export interface StaffDirectory {
  /** False until `directory:staff` has been read from the local replica (not synced yet, or no engine). */
  readonly synced: boolean;
  readonly entries: ReadonlyMap<string, StaffEntry>;
  /** The entry of a user name, if the directory lists it. */
  readonly entry: (name: string | null | undefined) => StaffEntry | undefined;
  /** The display name of a user name; the user name itself while the directory does not list it. */
  readonly displayName: (name: string) => string;
}

/** A directory over `entries` (`null`: nothing read yet). */
export function staffDirectoryOf(entries: readonly StaffEntry[] | null): StaffDirectory {
  const map = new Map((entries ?? []).map((e) => [e.name, e]));
  return {
    synced: entries !== null,
    entries: map,
    entry: (name) => (name ? map.get(name) : undefined),
    displayName: (name) => map.get(name)?.displayName ?? name,
  };
}

/** A staff member as the screens show them. */
export interface ShownStaffMember {
  /** The user name documents store (`judge.zhao`). */
  readonly name: string;
  /** 赵志刚, or the user name while the directory does not list them. */
  readonly displayName: string;
  readonly title?: string;
  readonly disabled: boolean;
  /** False while the directory does not list them (not synced yet, or not staff). */
  readonly listed: boolean;
}

/** How `directory` shows `name`. */
export function staffMemberOf(directory: StaffDirectory, name: string): ShownStaffMember {
  const entry = directory.entry(name);
  if (!entry) return { name, displayName: name, disabled: false, listed: false };
  return {
    name,
    displayName: entry.displayName,
    ...(entry.title ? { title: entry.title } : {}),
    disabled: entry.disabled === true,
    listed: true,
  };
}

/** The directory before anything was read: every name shows as the user name. */
export const EMPTY_STAFF_DIRECTORY: StaffDirectory = staffDirectoryOf(null);

/** Reads `directory:staff` from a local replica (`null` while it has not synced). */
export async function readStaffDirectory(db: LocalDb): Promise<StaffEntry[] | null> {
  try {
    return parseStaffDirectory(await db.get(STAFF_DIRECTORY_ID));
  } catch {
    return null;
  }
}

/** A shared, reference-counted live read of one engine's directory (for `useSyncExternalStore`). */
export interface StaffDirectoryStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): StaffDirectory;
}

/** A store that never changes. */
export function staticStaffDirectoryStore(directory: StaffDirectory): StaffDirectoryStore {
  return { subscribe: () => () => {}, getSnapshot: () => directory };
}

const STATIC_EMPTY = staticStaffDirectoryStore(EMPTY_STAFF_DIRECTORY);

/** A live store over the directory in `db`. */
export function liveStaffDirectoryStore(db: LocalDb): StaffDirectoryStore {
  let current = EMPTY_STAFF_DIRECTORY;
  let json = '';
  const listeners = new Set<() => void>();
  let sub: { unsubscribe(): void } | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      sub ??= liveQuery(db, readStaffDirectory).subscribe({
        next: (entries) => {
          const next = JSON.stringify(entries);
          if (next === json && current.synced === (entries !== null)) return;
          json = next;
          current = staffDirectoryOf(entries);
          for (const l of [...listeners]) l();
        },
        error: () => {}, // a closed replica (sign-out): names fall back to user names
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          sub?.unsubscribe();
          sub = null;
        }
      };
    },
    getSnapshot: () => current,
  };
}

const stores = new WeakMap<SyncEngine, StaffDirectoryStore>();

/** The shared store of an engine (a static empty one when it does not replicate the directory's db). */
export function staffDirectoryStoreFor(engine: SyncEngine | null): StaffDirectoryStore {
  if (!engine || !engine.status().databases.some((d) => d.key === DIRECTORY_DB_KEY)) return STATIC_EMPTY;
  let s = stores.get(engine);
  if (!s) {
    s = liveStaffDirectoryStore(engine.local(DIRECTORY_DB_KEY));
    stores.set(engine, s);
  }
  return s;
}
