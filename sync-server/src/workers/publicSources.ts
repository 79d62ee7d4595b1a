/**
 * What the public projection reads besides a case's own documents: the `approval:` documents of
 * courtdesk_cases and the records of courtdesk_enforcement, neither of which carries its case in
 * its id. Each is indexed by `caseId` in memory: one scan when first needed, then kept current by
 * the changes feeds (the newer revision wins, so a scan answering from a lagging cluster copy
 * cannot undo what the feed delivered; a deletion is remembered as a tombstone for the same reason).
 */
import { CouchHttp, revGeneration, type CouchDoc } from './couchHttp';

/** Documents of one database by case, for the id prefixes given. */
export class CaseSideIndex {
  private readonly byId = new Map<string, CouchDoc>();
  private readonly byCase = new Map<string, Set<string>>();
  private loading: Promise<void> | undefined;

  constructor(
    private readonly couch: CouchHttp,
    private readonly db: string,
    private readonly prefixes: readonly string[],
  ) {}

  /** True for a document id this index holds documents of. */
  covers(id: string): boolean {
    return this.prefixes.some((p) => id.startsWith(p));
  }

  /** The case a document belongs to (also for a deletion the feed reports without a body). */
  caseOf(doc: CouchDoc): string | null {
    const c = doc['caseId'];
    if (typeof c === 'string' && c.startsWith('case:')) return c;
    const known = this.byId.get(doc._id)?.['caseId'];
    return typeof known === 'string' ? known : null;
  }

  /** Records a document delivered by the feed or a scan; the higher revision generation wins. */
  note(doc: CouchDoc): void {
    if (!this.covers(doc._id)) return;
    const known = this.byId.get(doc._id);
    if (known && revGeneration(known._rev) >= revGeneration(doc._rev)) return;
    const caseId = this.caseOf(doc);
    const merged: CouchDoc = doc._deleted && caseId ? { ...doc, caseId } : doc;
    this.byId.set(doc._id, merged);
    if (!caseId) return;
    const set = this.byCase.get(caseId) ?? new Set<string>();
    set.add(doc._id);
    this.byCase.set(caseId, set);
  }

  /** The live documents of a case (scans the database the first time). */
  async of(caseId: string): Promise<CouchDoc[]> {
    await this.load();
    const out: CouchDoc[] = [];
    for (const id of this.byCase.get(caseId) ?? []) {
      const d = this.byId.get(id);
      if (d && !d._deleted) out.push(d);
    }
    return out;
  }

  /** Scans the database once (a failed scan is tried again on the next call). */
  load(): Promise<void> {
    this.loading ??= (async () => {
      for (const prefix of this.prefixes)
        for await (const d of this.couch.scan(this.db, prefix)) this.note(d);
    })().catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }
}
