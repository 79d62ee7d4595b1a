/**
 * Building a draft's document from a local replica: the usable snapshots, then every batch they do
 * not cover, with same-words detection on the way (a spot that no replica recorded yet — both
 * sides' batches reached this one first — is found here too).
 */
import type { LocalDb } from '../localDb';
import { DraftState, REMOTE_ORIGIN } from './draftState';
import { readDraft, type Trust } from './draftStore';

/** A draft's document as read from a replica. */
export interface LoadedDraft {
  readonly state: DraftState;
  /** Follow the replica's changes from here. */
  readonly since: number | string;
  /** Documents of authors not trusted (not applied). */
  readonly ignored: readonly string[];
  /** Spots found while reading that the stored documents do not record yet. */
  readonly newSpots: readonly string[];
  /** The changes that recorded them (local changes: the session saves them with its first batch). */
  readonly localUpdates: readonly Uint8Array[];
}

/** Reads and builds a draft's document. */
export async function loadDraft(
  db: LocalDb,
  draftId: string,
  trust: Trust,
  now = new Date(),
): Promise<LoadedDraft> {
  const read = await readDraft(db, draftId, trust);
  const state = new DraftState();
  const localUpdates: Uint8Array[] = [];
  const collect = (u: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) localUpdates.push(u);
  };
  state.doc.on('update', collect);
  try {
    const newSpots = [...state.apply(read.snapshots, now), ...state.apply(read.updates, now)];
    return { state, since: read.since, ignored: read.ignored, newSpots, localUpdates };
  } finally {
    state.doc.off('update', collect);
  }
}
