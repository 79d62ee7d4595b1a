/**
 * React bindings of the `public` replica for the kiosk and the hearing board: the case lookup,
 * the live hearing-notice feed, and whether the replica is connected to the server.
 */
import { useCallback } from 'react';
import type { HearingNoticeDoc, PublicCaseDoc } from '../../../core/public/publicDocs';
import { useLiveQuery, useSyncEngine, useSyncStatus } from './hooks';
import { findPublicCase, hearingNoticesBetween } from './publicQueries';

/** Looks a case up by its canonical number in the local replica; rejects while no engine runs. */
export type PublicCaseLookup = (caseNumber: string) => Promise<PublicCaseDoc | null>;

/** The lookup of {@link findPublicCase} against the running engine's `public` replica. */
export function usePublicCaseLookup(): PublicCaseLookup | null {
  const engine = useSyncEngine();
  const lookup = useCallback(
    (caseNumber: string) => {
      if (!engine) return Promise.reject(new Error('the local replica is not open'));
      return findPublicCase(engine.local('public'), caseNumber);
    },
    [engine],
  );
  return engine ? lookup : null;
}

/**
 * Hearing notices with `startsAt` in [`from`, `to`), live: re-read on every change the pull
 * brings. Undefined until the first read.
 */
export function useHearingNotices(from: string, to: string): readonly HearingNoticeDoc[] | undefined {
  return useLiveQuery('public', (db) => hearingNoticesBetween(db, from, to), [from, to]);
}

/** Connection of the `public` replica: `null` while no engine runs. */
export interface PublicSyncState {
  /** True while the pull reaches the server (state online or syncing). */
  readonly connected: boolean;
  /** ISO time the replica last caught up with the server, or null. */
  readonly lastSyncAt: string | null;
}

/** The `public` replica's connection, live. */
export function usePublicSyncState(): PublicSyncState | null {
  const status = useSyncStatus();
  const db = status?.databases.find((d) => d.key === 'public');
  if (!db) return null;
  return { connected: db.state === 'online' || db.state === 'syncing', lastSyncAt: db.lastSyncAt };
}
