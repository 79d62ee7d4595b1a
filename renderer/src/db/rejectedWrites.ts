/**
 * Writes the server refused (per-document 403 from validate_doc_update, or 401), kept in
 * `_local/rejected` for their author: recorded from PouchDB's `denied` event, cleared when a
 * later revision of the document is pushed, dismissed by the user, and re-pushed after a new
 * sign-in for the `unauthorized` ones (their checkpoint already passed them).
 */
import type { LocalDb } from './localDb';
import { settle, type Replication } from './directions';
import { rejectedWrite, type SyncStore } from './syncStore';
import type { RejectedWrite } from './syncStatus';

/** Options of {@link RejectedWrites}. */
export interface RejectedWritesOptions {
  readonly local: LocalDb;
  readonly remote: PouchDB.Database<Record<string, unknown>>;
  readonly store: SyncStore;
  readonly now: () => number;
  /** The list changed. */
  readonly onChange: () => void;
}

/** The refused writes of one database. */
export class RejectedWrites {
  private list: RejectedWrite[] = [];

  constructor(private readonly o: RejectedWritesOptions) {}

  /** The current list (newest last). */
  get items(): readonly RejectedWrite[] {
    return this.list;
  }

  /** Replaces the list with the persisted one (at load). */
  restore(items: readonly RejectedWrite[]): void {
    this.list = [...items];
  }

  /** Records a `denied` event of a replication. */
  async record(e: unknown): Promise<void> {
    const item = await rejectedWrite(e, this.o.local, this.o.now());
    if (!item) return;
    this.list = [...this.list.filter((r) => r.id !== item.id), item];
    await this.o.store.saveRejected(this.list);
    this.o.onChange();
  }

  /** Forgets the documents just pushed successfully. */
  async clear(ids: readonly string[]): Promise<void> {
    const before = this.list.length;
    this.list = this.list.filter((r) => !ids.includes(r.id));
    if (this.list.length !== before) {
      await this.o.store.saveRejected(this.list);
      this.o.onChange();
    }
  }

  /** Removes one entry (the author saw it). */
  async dismiss(id: string): Promise<void> {
    this.list = this.list.filter((r) => r.id !== id);
    await this.o.store.saveRejected(this.list);
    this.o.onChange();
  }

  /** Pushes again the documents refused with `kind` (their checkpoint already passed them). */
  async retry(kind: RejectedWrite['kind']): Promise<void> {
    const ids = this.list.filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length === 0) return;
    const rep = this.o.local.replicate.to(this.o.remote, {
      doc_ids: ids,
      checkpoint: false,
    } as PouchDB.Replication.ReplicateOptions) as unknown as Replication;
    rep.on(
      'change',
      (info: { docs?: { _id: string }[] }) => void this.clear((info.docs ?? []).map((x) => x._id)),
    );
    rep.on('denied', (e: unknown) => void this.record(e));
    await settle(rep).catch(() => undefined);
  }
}
