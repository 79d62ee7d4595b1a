/**
 * Turns local edits of a draft's Yjs document into batches to store: every update that did not
 * come from storage or sync is collected; {@link BatchRecorder.cut} closes the batch with a marker
 * struct (so even a batch that only deleted has an end clock others' state vectors can be compared
 * with, see journal.ts) and hands it out with the state vector the writer knew when the batch
 * began. A batch never spans the integration of others' changes: the session cuts before it
 * integrates, so that state vector is what every change of the batch knew.
 */
import * as Y from 'yjs';
import { draftUpdateId } from '../../../../core/schemas/draftData';
import { REMOTE_ORIGIN, SESSIONS_MAP } from './draftState';
import { mergeUpdates } from './mergeUpdates';

/** A closed batch, ready to be stored as a `draftUpdate` document. */
export interface CutBatch {
  readonly id: string;
  readonly session: string;
  readonly seq: number;
  readonly bytes: Uint8Array;
  /** Encoded state vector the writer knew when the batch began. */
  readonly knowledge: Uint8Array;
}

/** A random 32-hex-digit key (sessions, snapshots, versions). */
export function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Collects local changes of one writing session into batches. */
export class BatchRecorder {
  readonly session: string;
  private seq = 0;
  private pending: Uint8Array[] = [];
  private knowledge: Uint8Array;
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) this.pending.push(update);
  };

  constructor(
    readonly doc: Y.Doc,
    readonly draftId: string,
    readonly user: string,
    session: string = randomKey(),
  ) {
    this.session = session;
    this.knowledge = Y.encodeStateVector(doc);
    doc.on('update', this.onUpdate);
  }

  /** True when there are local changes not yet in a batch. */
  get dirty(): boolean {
    return this.pending.length > 0;
  }

  /** Takes local changes made before this recorder existed (spots recorded while loading). */
  adopt(updates: readonly Uint8Array[]): void {
    this.pending.push(...updates);
  }

  /** Closes the current batch (null when there is nothing to store). */
  cut(): CutBatch | null {
    if (this.pending.length === 0) return null;
    const seq = ++this.seq;
    this.doc.transact(() => {
      this.doc.getMap<unknown>(SESSIONS_MAP).set(String(this.doc.clientID), {
        user: this.user,
        session: this.session,
        seq,
      });
    });
    const bytes = this.pending.length === 1 ? (this.pending[0] as Uint8Array) : mergeUpdates(this.pending);
    const batch: CutBatch = {
      id: draftUpdateId(this.draftId, this.session, seq, this.user),
      session: this.session,
      seq,
      bytes,
      knowledge: this.knowledge,
    };
    this.pending = [];
    this.knowledge = Y.encodeStateVector(this.doc);
    return batch;
  }

  /**
   * Records that others' changes were integrated: cut first, then integrate, then call this. Spot
   * marks recorded during the integration are already pending; the state vector now also names
   * their own structs, which is harmless (a batch's own structs are new to every other replica).
   */
  integrated(): void {
    this.knowledge = Y.encodeStateVector(this.doc);
  }

  /** Stops collecting. */
  destroy(): void {
    this.doc.off('update', this.onUpdate);
  }
}
