/**
 * The four replication directions of a database and their bookkeeping: `push` and `pull` carry
 * every document (except `file:` documents in the attachment-heavy databases), `filePush` and
 * `filePull` carry only `file:` documents, one at a time (fileSync.ts). Also the shape PouchDB's
 * replication object has for the engine, and {@link settle} to await one.
 */
import type { ClassifiedError } from './errors';

/** A replication direction of one database. */
export type Dir = 'push' | 'pull' | 'filePush' | 'filePull';
/** Where a direction is in its life cycle (`waiting`: backoff timer or offline). */
export type Phase = 'stopped' | 'starting' | 'active' | 'idle' | 'waiting';

/** Directions of a database without, and with, a separate file replication. */
export const MAIN_DIRS: readonly Dir[] = ['push', 'pull'];
export const ALL_DIRS: readonly Dir[] = ['push', 'pull', 'filePush', 'filePull'];

/** True for the directions that write to the server. */
export function isPush(dir: Dir): boolean {
  return dir === 'push' || dir === 'filePush';
}

/** What PouchDB's replication object looks like to us. */
export interface Replication {
  on(event: string, fn: (arg: never) => void): Replication;
  cancel(): void;
  then<T>(ok: (v: unknown) => T, fail: (e: unknown) => T): Promise<T>;
}

/** Live state of one direction. `gen` invalidates the callbacks of a replaced replication. */
export interface DirState {
  rep: Replication | null;
  phase: Phase;
  attempt: number;
  timer: ReturnType<typeof setTimeout> | null;
  gen: number;
  error: ClassifiedError | null;
}

/** A stopped direction. */
export function newDir(): DirState {
  return { rep: null, phase: 'stopped', attempt: 0, timer: null, gen: 0, error: null };
}

/** The replication as a plain promise (resolves on completion, rejects with its error). */
export function settle(rep: Replication): Promise<unknown> {
  return new Promise((ok, fail) => {
    rep.then(ok, fail);
  });
}
