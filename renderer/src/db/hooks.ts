/**
 * React bindings of the local database and sync engine, over RxJS: the provider that runs the
 * engine for the signed-in user, and hooks that return live values (`useSyncStatus`,
 * `useConflicts`, `useLiveQuery`, `useAttachmentStates`). Screens use these, never PouchDB.
 */
import { createContext, createElement, useContext, useEffect, useState, type ReactNode } from 'react';
import { combineLatest, distinctUntilChanged, map, Observable, of, type Observable as Obs } from 'rxjs';
import { DATABASES, type DatabaseKey } from '../../../core/databases';
import { watchAttachmentStates, type AttachmentEntry } from './attachments';
import { watchConflicts, type ConflictSummary } from './conflicts';
import { liveQuery } from './liveQuery';
import type { LocalDb } from './localDb';
import type { SyncEngine } from './replication';
import type { SyncStatus } from './syncStatus';

const SyncEngineContext = createContext<SyncEngine | null>(null);

/** Props of {@link SyncProvider}. */
export interface SyncProviderProps {
  /** The signed-in CouchDB user. */
  readonly user: string;
  /** Their CouchDB roles: only databases they are a member of are replicated. */
  readonly roles: readonly string[];
  /** `${location.origin}/couch`. */
  readonly couchBaseUrl: string;
  readonly children: ReactNode;
}

/** The replicated databases a user with `roles` may read (core/databases.ts `memberRoles`). */
export function keysForRoles(roles: readonly string[]): DatabaseKey[] {
  return DATABASES.filter((d) => d.replicated && d.memberRoles.some((r) => roles.includes(r))).map(
    (d) => d.key,
  );
}

/** Which databases deserve the few live pull connections (the rest poll every 30 s). */
const LIVE_PULL_PRIORITY: readonly DatabaseKey[] = [
  'cases',
  'documents',
  'forum',
  'public',
  'notices',
  'enforcement',
  'library',
];

/**
 * Databases only the server worker writes: pulled, never pushed (`public`: a kiosk has no write
 * access anywhere and opens no push connection).
 */
export const PULL_ONLY_KEYS: readonly DatabaseKey[] = ['public'];

/**
 * The databases pulled live (a held long-poll each, at most 3): by {@link LIVE_PULL_PRIORITY}. A
 * kiosk or hearing board replicates only `public`, so it always pulls it live (the board shows a
 * change within seconds, not after a 30 s poll).
 */
export function livePullKeysFor(keys: readonly DatabaseKey[]): DatabaseKey[] {
  return LIVE_PULL_PRIORITY.filter((k) => keys.includes(k)).slice(0, 3);
}

/** Runs the sync engine while mounted (after sign-in); stops it on unmount (sign-out). */
export function SyncProvider({ user, roles, couchBaseUrl, children }: SyncProviderProps) {
  const [engine, setEngine] = useState<SyncEngine | null>(null);
  const rolesKey = roles.join(',');
  useEffect(() => {
    const keys = keysForRoles(rolesKey.split(','));
    if (keys.length === 0) return undefined;
    let active = true;
    let running: SyncEngine | null = null;
    // PouchDB loads lazily, after sign-in, so the sign-in page stays light.
    void import('./replication')
      .then(async ({ createSyncEngine }) => {
        if (!active) return;
        const e = createSyncEngine({
          user,
          couchBaseUrl,
          keys,
          livePullKeys: livePullKeysFor(keys),
          pullOnlyKeys: PULL_ONLY_KEYS,
        });
        running = e;
        await e.start();
        if (active) setEngine(e);
      })
      .catch((err: unknown) => {
        // The shell keeps working on the server; the status bar shows sync as not started.
        console.error('sync engine failed to start', err);
      });
    return () => {
      active = false;
      setEngine(null);
      void running?.close();
    };
  }, [user, rolesKey, couchBaseUrl]);
  return createElement(SyncEngineContext.Provider, { value: engine }, children);
}

/** The running engine, or null (signed out, starting, or no provider). */
export function useSyncEngine(): SyncEngine | null {
  return useContext(SyncEngineContext);
}

/** The latest value of an observable (re-subscribes when it changes). */
export function useObservable<T>(source: Obs<T> | null, initial: T): T {
  const [value, setValue] = useState<{ source: Obs<T> | null; value: T }>({ source, value: initial });
  useEffect(() => {
    if (!source) return undefined;
    const sub = source.subscribe((v) => setValue({ source, value: v }));
    return () => sub.unsubscribe();
  }, [source]);
  return value.source === source ? value.value : initial;
}

/** The live sync status, or null while no engine runs. */
export function useSyncStatus(): SyncStatus | null {
  const engine = useSyncEngine();
  return useObservable(engine ? engine.status$ : null, engine ? engine.status() : null);
}

/** A conflicted document together with the database it lives in. */
export interface ConflictEntry extends ConflictSummary {
  readonly key: DatabaseKey;
}

const conflictStreams = new WeakMap<SyncEngine, Observable<ConflictEntry[]>>();

/** Every conflicted document across the engine's databases, live. */
export function conflictsOf(engine: SyncEngine): Observable<ConflictEntry[]> {
  let s = conflictStreams.get(engine);
  if (!s) {
    const keys = engine.status().databases.map((d) => d.key);
    s =
      keys.length === 0
        ? of([])
        : combineLatest(
            keys.map((key) =>
              watchConflicts(engine.local(key)).pipe(map((list) => list.map((c) => ({ ...c, key })))),
            ),
          ).pipe(map((lists) => lists.flat()));
    conflictStreams.set(engine, s);
  }
  return s;
}

/** The live conflict list (empty while no engine runs). */
export function useConflicts(): readonly ConflictEntry[] {
  const engine = useSyncEngine();
  return useObservable(engine ? conflictsOf(engine) : null, EMPTY);
}
const EMPTY: readonly ConflictEntry[] = [];

/** Hook form of {@link liveQuery} for database `key` of the running engine. `deps` re-create the query. */
export function useLiveQuery<T>(
  key: DatabaseKey,
  query: (db: LocalDb) => Promise<T>,
  deps: readonly unknown[],
): T | undefined {
  const engine = useSyncEngine();
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!engine) return undefined;
    const sub = liveQuery(engine.local(key), query).subscribe((v) => setValue(v));
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the query depends on
  }, [engine, key, ...deps]);
  return value;
}

export { liveQuery };

/**
 * The files of `ownerIds` in database `key` with their states (local, pending upload, pending
 * download, failed), live; empty while no engine runs. See attachments.ts.
 */
export function useAttachmentStates(
  key: DatabaseKey,
  ownerIds: readonly string[],
): readonly AttachmentEntry[] {
  const engine = useSyncEngine();
  const [value, setValue] = useState<readonly AttachmentEntry[]>(NO_FILES);
  const owners = ownerIds.join('\n');
  useEffect(() => {
    if (!engine || !engine.status().databases.some((d) => d.key === key)) return undefined;
    const rejected$ = engine.status$.pipe(
      map((s) => s.databases.find((d) => d.key === key)?.rejected ?? []),
      distinctUntilChanged(),
      map((list) => new Set(list.map((r) => r.id)) as ReadonlySet<string>),
    );
    const sub = watchAttachmentStates(
      engine.local(key),
      engine.attachmentQueue$(key),
      rejected$,
      owners.split('\n').filter((x) => x.length > 0),
    ).subscribe((v) => setValue(v));
    return () => {
      sub.unsubscribe();
      setValue(NO_FILES);
    };
  }, [engine, key, owners]);
  return value;
}
const NO_FILES: readonly AttachmentEntry[] = [];
