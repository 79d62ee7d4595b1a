/**
 * A draft's Yjs document as built from its stored batches: applies snapshots and update batches
 * (each group with what its writer knew), finds same-words spots as it goes, and keeps what
 * compaction and later detection need — the deletions journal, which batches are in the document
 * (`covers`), which snapshots were applied. Storage-free: draftStore.ts reads the documents.
 */
import * as Y from 'yjs';
import { clearResolvedMarks, recordSpots } from './conflictSpots';
import { coversOf, unionCovers, type Covers } from './coverage';
import { journalEntryOf, unknownDeletions, type JournalEntry } from './journal';
import { mergeUpdates } from './mergeUpdates';
import { detectSameWords, touchedTexts, type DetectedSpot } from './sameWords';

/** Transaction origin of batches read from storage or sync (never written back). */
export const REMOTE_ORIGIN = 'courtdesk:remote';
/** The XmlFragment holding the document (TipTap Collaboration's default field). */
export const FRAGMENT = 'default';
/** Y.Map: Yjs client id → { user, session, seq } of the writer; also every batch's marker struct. */
export const SESSIONS_MAP = 'sessions';

/** One stored batch or snapshot, decoded. */
export interface StoredBatch {
  readonly id: string;
  readonly kind: 'update' | 'snapshot';
  readonly author: string;
  /** Writing session (updates) or the snapshot's key. */
  readonly session: string;
  readonly seq: number;
  /** The Yjs update (a snapshot's whole state). */
  readonly bytes: Uint8Array;
  /** The state vector its writer had seen (a snapshot: its own). */
  readonly knowledge: ReadonlyMap<number, number>;
  readonly createdAt: string;
  /** Snapshots only. */
  readonly covers?: Covers;
  readonly folds?: readonly string[];
  readonly journal?: readonly JournalEntry[];
}

function sameForeignKnowledge(a: StoredBatch, b: StoredBatch, own: ReadonlySet<number>): boolean {
  const keys = new Set([...a.knowledge.keys(), ...b.knowledge.keys()]);
  for (const k of keys)
    if (!own.has(k) && (a.knowledge.get(k) ?? 0) !== (b.knowledge.get(k) ?? 0)) return false;
  return true;
}

/** Splits batches into runs applied at once: one session's consecutive batches that knew the same of others. */
function groups(batches: readonly StoredBatch[]): StoredBatch[][] {
  const out: StoredBatch[][] = [];
  let own = new Set<number>();
  for (const b of batches) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    const clients = Y.parseUpdateMeta(b.bytes).to.keys();
    if (
      last &&
      prev &&
      b.kind === 'update' &&
      prev.kind === 'update' &&
      prev.session === b.session &&
      sameForeignKnowledge(prev, b, new Set([...own, ...clients]))
    ) {
      last.push(b);
      for (const c of Y.parseUpdateMeta(b.bytes).to.keys()) own.add(c);
    } else {
      out.push([b]);
      own = new Set(clients);
    }
  }
  return out;
}

/** The Yjs document of one draft with its bookkeeping. */
export class DraftState {
  readonly doc = new Y.Doc({ gc: true });
  readonly fragment = this.doc.getXmlFragment(FRAGMENT);
  journal: JournalEntry[] = [];
  /** Ids of every batch and snapshot in the document. */
  readonly applied = new Set<string>();
  /** Snapshots in the document. */
  readonly snapshots = new Set<string>();
  /** Every batch in the document: covered by its snapshots or applied itself. */
  covers: Covers = {};

  /** The user who wrote with a Yjs client, from the sessions map. */
  authorOf(client: number): string | null {
    const v = this.doc.getMap<unknown>(SESSIONS_MAP).get(String(client)) as { user?: unknown } | undefined;
    return typeof v?.user === 'string' ? v.user : null;
  }

  /** Notes a batch this replica wrote itself (already in the document). */
  noteOwnBatch(batch: Pick<StoredBatch, 'id' | 'author' | 'session' | 'seq' | 'bytes'>): void {
    this.applied.add(batch.id);
    this.covers = unionCovers(this.covers, coversOf([batch]));
    const entry = journalEntryOf(batch.bytes, batch.author);
    if (entry) this.journal.push(entry);
  }

  /**
   * Applies batches not yet in the document, in the given order, finding and recording same-words
   * spots (a local change: the caller persists it). Returns the ids of newly recorded spots.
   */
  apply(batches: readonly StoredBatch[], now: Date): string[] {
    const fresh = batches.filter((b) => !this.applied.has(b.id));
    const spots: { spot: DetectedSpot; authors: string[] }[] = [];
    for (const group of groups(fresh)) spots.push(...this.applyGroup(group));
    const recorded = recordSpots(
      this.doc,
      spots.map((s) => s.spot),
      (s) => {
        const names = spots.find((x) => x.spot === s)?.authors ?? [];
        const byClient = s.clients.map((c) => this.authorOf(c)).filter((n): n is string => n !== null);
        return [...new Set([...byClient, ...names])].sort();
      },
      now,
    );
    if (fresh.length > 0) clearResolvedMarks(this.doc, this.fragment);
    return recorded;
  }

  private applyGroup(group: readonly StoredBatch[]): { spot: DetectedSpot; authors: string[] }[] {
    const first = group[0];
    if (!first) return [];
    const merged = group.length === 1 ? first.bytes : mergeUpdates(group.map((b) => b.bytes));
    const svBefore = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    const unknown = unknownDeletions(this.journal, first.knowledge);
    const concurrent =
      unknown.ds.clients.size > 0 ||
      [...svBefore].some(([c, clock]) => clock > (first.knowledge.get(c) ?? 0));
    let found: { spot: DetectedSpot; authors: string[] }[] = [];
    if (!concurrent) {
      Y.applyUpdate(this.doc, merged, REMOTE_ORIGIN);
    } else {
      const dsBefore = Y.createDeleteSetFromStructStore(this.doc.store);
      const gcFilter = this.doc.gcFilter;
      this.doc.gcFilter = () => false; // keep deleted words until lost text is read
      try {
        Y.applyUpdate(this.doc, merged, REMOTE_ORIGIN);
        const spots = detectSameWords(touchedTexts(this.doc, merged), {
          svBefore,
          dsBefore,
          remoteSv: first.knowledge,
          remoteDs: Y.decodeUpdate(merged).ds,
          remoteIsSnapshot: first.kind === 'snapshot',
          localUnknownDs: unknown.ds,
        });
        const authors = [...new Set([...group.map((b) => b.author), ...unknown.authors])];
        found = spots.map((spot) => ({ spot, authors }));
      } finally {
        this.doc.gcFilter = gcFilter;
        Y.tryGc(Y.createDeleteSetFromStructStore(this.doc.store), this.doc.store, gcFilter);
      }
    }
    const snapshotCovers: Covers[] = [];
    for (const b of group) {
      this.applied.add(b.id);
      if (b.kind === 'snapshot') {
        this.snapshots.add(b.id);
        snapshotCovers.push(b.covers ?? {});
        this.journal.push(...(b.journal ?? []));
      } else {
        const entry = journalEntryOf(b.bytes, b.author);
        if (entry) this.journal.push(entry);
      }
    }
    const updates = coversOf(group.filter((b) => b.kind === 'update'));
    this.covers = unionCovers(this.covers, updates, ...snapshotCovers);
    return found;
  }
}
