/**
 * The pull's safety net (docs/product-rules.md §2.2): before replication deletes more than a
 * share of the local documents of a database, the pull stops and the user is asked.
 *
 * Two layers: {@link DeletionGuard.lookAhead} reads the server's `_changes` since the last pull
 * checkpoint before a pull starts (a backlog after an outage deletes nothing before confirmation);
 * during a live pull the local handle's `bulkDocs` is wrapped so a replication batch
 * (`new_edits: false`) that would bring the deletions of the recent window above the share is
 * refused before it is written (the checkpoint does not move).
 */
import { SafetyNetError } from './errors';
import type { LocalDb } from './localDb';

/** Options of {@link DeletionGuard}. */
export interface DeletionGuardOptions {
  readonly local: LocalDb;
  readonly remote: PouchDB.Database<Record<string, unknown>>;
  /** Share of local documents (default 0.2 in the engine). */
  readonly deleteShare: number;
  /** Never ask for fewer deletions than this. */
  readonly minDeletions: number;
  /** Deletions are summed over this window. */
  readonly windowMs: number;
  readonly now: () => number;
}

type Row = { value?: { deleted?: boolean } };

/** Guards one local database against mass deletion by pull. */
export class DeletionGuard {
  /** Set when the user confirmed: the next pull round runs without limit. */
  allow = false;
  /** The refusal of the last guarded batch, until the engine takes it. */
  tripped: SafetyNetError | null = null;
  private recent: { at: number; n: number }[] = [];

  constructor(private readonly o: DeletionGuardOptions) {
    const db = o.local as unknown as { bulkDocs: (...args: unknown[]) => Promise<unknown> };
    const original = db.bulkDocs.bind(db);
    db.bulkDocs = async (...args: unknown[]) => {
      const req = args[0] as
        { docs?: { _id: string; _deleted?: boolean }[]; new_edits?: boolean } | undefined;
      const opts = args[1] as { new_edits?: boolean } | undefined;
      const newEdits = req?.new_edits ?? opts?.new_edits ?? true;
      if (!this.allow && newEdits === false && Array.isArray(req?.docs)) await this.check(req.docs);
      return original(...args);
    };
  }

  /** Takes the pending refusal (null when none). */
  take(): SafetyNetError | null {
    const t = this.tripped;
    this.tripped = null;
    return t;
  }

  /** Before a pull from `since`: the deletions it would make when too many, else null. */
  async lookAhead(
    since: number | string | undefined,
  ): Promise<{ deletions: number; localDocs: number } | null> {
    if (this.allow || since === undefined) return null;
    const res = await this.o.remote.changes({ since, style: 'main_only', limit: 100_000 });
    const ids = res.results.filter((r) => r.deleted === true && !r.id.startsWith('_')).map((r) => r.id);
    if (ids.length < this.o.minDeletions) return null;
    const live = await this.liveCount(ids);
    const localDocs = (await this.o.local.info()).doc_count;
    return live >= this.o.minDeletions && live > this.o.deleteShare * localDocs
      ? { deletions: live, localDocs }
      : null;
  }

  private async liveCount(ids: readonly string[]): Promise<number> {
    const rows = (await this.o.local.allDocs({ keys: [...ids] })).rows as Row[];
    return rows.filter((r) => r.value && !r.value.deleted).length;
  }

  private async check(docs: readonly { _id: string; _deleted?: boolean }[]): Promise<void> {
    const ids = docs.filter((x) => x._deleted === true && !x._id.startsWith('_')).map((x) => x._id);
    if (ids.length === 0) return;
    const live = await this.liveCount(ids);
    if (live === 0) return;
    const now = this.o.now();
    this.recent = this.recent.filter((x) => now - x.at < this.o.windowMs);
    const recent = this.recent.reduce((n, x) => n + x.n, 0);
    const info = await this.o.local.info();
    const localDocs = info.doc_count + recent; // as it was before this window's deletions
    const deletions = recent + live;
    if (deletions >= this.o.minDeletions && deletions > this.o.deleteShare * localDocs) {
      this.tripped = new SafetyNetError(deletions, localDocs);
      throw this.tripped;
    }
    this.recent.push({ at: now, n: live });
  }
}
