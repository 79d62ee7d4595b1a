/**
 * How one database's status is assembled from the engine's parts (pure): the state by
 * precedence (sign-in, held deletions, quota, offline, errors, all directions idle → online) and
 * the error shown with it.
 */
import type { DirState } from './directions';
import type { ClassifiedError } from './errors';
import type { DbSyncStatus, SyncState } from './syncStatus';

/** What the state depends on. */
export interface StateInputs {
  readonly needsSignIn: boolean;
  readonly pendingDeletion: { readonly deletions: number; readonly localDocs: number } | null;
  readonly quotaError: ClassifiedError | null;
  readonly stopped: boolean;
  readonly offline: boolean;
  readonly seedError: ClassifiedError | null;
  /** The running directions (push and pull first). */
  readonly dirs: readonly DirState[];
}

/** The state of one database. */
export function deriveState(s: StateInputs): SyncState {
  if (s.needsSignIn) return 'needs-sign-in';
  if (s.pendingDeletion) return 'awaiting-confirmation';
  if (s.quotaError) return 'error';
  if (s.stopped || s.offline) return 'offline';
  const errors = [...s.dirs.map((d) => d.error), s.seedError].filter((e): e is ClassifiedError => e !== null);
  if (errors.some((e) => e.kind !== 'network')) return 'error';
  if (errors.length > 0) return 'offline';
  if (s.dirs.every((d) => d.phase === 'idle')) return 'online';
  return 'syncing';
}

/** The error shown for one database (null when none). */
export function deriveError(s: StateInputs): DbSyncStatus['error'] {
  if (s.pendingDeletion)
    return {
      kind: 'safetyNet',
      messageKey: 'sync.errors.safetyNet',
      detail: `${s.pendingDeletion.deletions}/${s.pendingDeletion.localDocs}`,
    };
  if (s.needsSignIn) return { kind: 'auth', messageKey: 'sync.errors.auth', detail: '' };
  const e = s.quotaError ?? s.dirs.find((d) => d.error)?.error ?? s.seedError;
  return e ? { kind: e.kind, messageKey: e.messageKey, detail: e.detail } : null;
}
