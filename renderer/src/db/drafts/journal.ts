/**
 * The deletions journal of a draft: for each stored batch that deleted something, which deletions
 * and how to tell whether another writer knew the batch. Yjs records who inserted every character
 * (client and clock) but not who deleted one, so without this a pure deletion could not be told
 * from a deletion the other side had already seen. A batch is known to a writer whose state vector
 * reaches the batch's end clocks (every batch carries at least one struct: see draftSession.ts).
 * Snapshots keep the newest {@link MAX_JOURNAL_ENTRIES} entries of what they fold.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A Yjs delete set (the class is not exported by name). */
export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** Entries a snapshot keeps (≈ 20 bytes each); older deletions count as known to everyone. */
export const MAX_JOURNAL_ENTRIES = 4_000;

/** One batch that deleted something. */
export interface JournalEntry {
  readonly author: string;
  /** `[client, end clock)` of every client whose structs the batch carries. */
  readonly to: readonly (readonly [number, number])[];
  readonly ds: DeleteSet;
}

/** The journal entry of one update batch, or null when it deleted nothing. */
export function journalEntryOf(update: Uint8Array, author: string): JournalEntry | null {
  const { ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return null;
  const to = [...Y.parseUpdateMeta(update).to.entries()].map(([c, end]) => [c, end] as const);
  return { author, to, ds };
}

/** True when a writer with state vector `sv` had seen the batch of `entry`. */
export function knownTo(entry: JournalEntry, sv: ReadonlyMap<number, number>): boolean {
  return entry.to.length > 0 && entry.to.every(([c, end]) => (sv.get(c) ?? 0) >= end);
}

/** The deletions of the journal that a writer with state vector `sv` had not seen. */
export function unknownDeletions(
  journal: readonly JournalEntry[],
  sv: ReadonlyMap<number, number>,
): {
  readonly ds: DeleteSet;
  readonly authors: ReadonlySet<string>;
} {
  const unknown = journal.filter((e) => !knownTo(e, sv));
  return {
    ds: Y.mergeDeleteSets(unknown.map((e) => e.ds)),
    authors: new Set(unknown.map((e) => e.author)),
  };
}

/** Encodes a journal, keeping its newest {@link MAX_JOURNAL_ENTRIES} entries. */
export function encodeJournal(journal: readonly JournalEntry[]): Uint8Array {
  const kept = journal.slice(-MAX_JOURNAL_ENTRIES);
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, kept.length);
  for (const e of kept) {
    encoding.writeVarString(enc, e.author);
    encoding.writeVarUint(enc, e.to.length);
    for (const [c, end] of e.to) {
      encoding.writeVarUint(enc, c);
      encoding.writeVarUint(enc, end);
    }
    encoding.writeVarUint8Array(enc, Y.encodeSnapshot(Y.createSnapshot(e.ds, new Map())));
  }
  return encoding.toUint8Array(enc);
}

/** Decodes {@link encodeJournal}'s output (throws on malformed bytes). */
export function decodeJournal(bytes: Uint8Array): JournalEntry[] {
  const dec = decoding.createDecoder(bytes);
  const n = decoding.readVarUint(dec);
  const out: JournalEntry[] = [];
  for (let i = 0; i < n; i++) {
    const author = decoding.readVarString(dec);
    const pairs = decoding.readVarUint(dec);
    const to: [number, number][] = [];
    for (let j = 0; j < pairs; j++) to.push([decoding.readVarUint(dec), decoding.readVarUint(dec)]);
    const ds = Y.decodeSnapshot(decoding.readVarUint8Array(dec)).ds;
    out.push({ author, to, ds });
  }
  return out;
}

/** The state vector encoded in base64 or bytes, as a map. */
export function stateVectorOf(bytes: Uint8Array): Map<number, number> {
  return Y.decodeStateVector(bytes);
}
