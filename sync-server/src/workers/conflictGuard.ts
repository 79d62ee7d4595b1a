/**
 * Conflict guard: undoes a conflict resolution that deleted every leaf of a document.
 *
 * A client resolves a conflict by writing the kept body and a tombstone for every other leaf; each
 * tombstone carries `conflictResolution: { keptRev, at }` and validate_doc_update checks it with
 * the type's *update* right (sync-server/ddocs/_lib/validate.js), so a clerk can resolve a conflict
 * on a case that nobody may delete. validate_doc_update sees one revision at a time and cannot tell
 * whether another leaf survives, so a forged (or buggy) client could delete the only leaf of a
 * case with such a marker. The guard follows `_changes` of every database where the marker is
 * accepted and, for a document whose winning revision is a marked tombstone, reads all leaves: when
 * every leaf is deleted and every one of those tombstones is marked (no deletion under the type's
 * remove right took part), it writes an audit record and then restores the last live body as a new
 * revision (server-admin write, so the type's rules do not stand in the way).
 *
 * The restore is written WITHOUT `_rev`: that is how CouchDB recreates a document whose every leaf
 * is deleted (the new revision goes on top of the winning tombstone). CouchDB answers 409 to an
 * update naming a deleted leaf's `_rev` (couch_db_updater accepts only a depth-1 edit once the
 * document is deleted); PouchDB accepts both, so only this form works on both servers.
 *
 * Idempotent and safe with several workers: the audit id is derived from the tombstone, and a
 * write without `_rev` on a live document is a 409, so a second worker (or one racing a client
 * that recreated the document) finds the document live again.
 */
import { DATABASES } from '../../../core/databases';
import { ChangesFollower, type Change } from './changesFollower';
import { CouchHttp, encId, type CouchDoc } from './couchHttp';

/** Replicated databases whose validate_doc_update accepts marked tombstones from staff (not public). */
export const GUARDED_DATABASES: readonly string[] = DATABASES.filter(
  (d) => d.replicated && d.key !== 'public',
).map((d) => d.name);

/** The marker of a conflict-resolution tombstone (renderer/src/db/conflicts.ts writes it). */
export interface ConflictMarker {
  keptRev: string;
  at: string;
}

/** What the guard did with one change. */
export type GuardResult =
  | { status: 'ignored' }
  /** Every leaf deleted, but at least one by an ordinary (unmarked) deletion. */
  | { status: 'deleted'; reason: string }
  | { status: 'restored'; tombstoneRev: string; fromRev: string; rev: string; auditId: string }
  /** No live ancestor body is left (compacted away): audited, left for an administrator. */
  | { status: 'unrecoverable'; tombstoneRev: string; auditId: string };

/** Options of {@link ConflictGuard}. */
export interface ConflictGuardOptions {
  db: string;
  auditDb?: string;
  /** `createdBy` of the audit records (default `worker`). */
  workerName?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

interface Leaf extends CouchDoc {
  _rev: string;
  _revisions?: { start: number; ids: string[] };
}

function markerOf(doc: CouchDoc | undefined): ConflictMarker | undefined {
  const m = doc?.['conflictResolution'];
  if (!m || typeof m !== 'object') return undefined;
  const { keptRev, at } = m as Record<string, unknown>;
  if (typeof keptRev !== 'string') return undefined;
  return { keptRev, at: typeof at === 'string' ? at : '' };
}

/** Revision ids of a leaf, newest first (`_revisions` of `open_revs … revs=true`). */
function historyOf(leaf: Leaf): string[] {
  const r = leaf._revisions;
  if (!r) return [leaf._rev];
  return r.ids.map((h, i) => `${r.start - i}-${h}`);
}

/** CouchDB's winner order among equals: longer branch first, then the higher revision hash. */
function revOrder(a: string, b: string): number {
  const [pa, ha] = [parseInt(a, 10), a.slice(a.indexOf('-') + 1)];
  const [pb, hb] = [parseInt(b, 10), b.slice(b.indexOf('-') + 1)];
  if (pa !== pb) return pb - pa;
  return ha < hb ? 1 : ha > hb ? -1 : 0;
}

function compactTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The guard for one database; {@link handle} is the change handler of its follower. */
export class ConflictGuard {
  private readonly db: string;
  private readonly auditDb: string;
  private readonly by: string;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(
    private readonly couch: CouchHttp,
    options: ConflictGuardOptions,
  ) {
    this.db = options.db;
    this.auditDb = options.auditDb ?? 'courtdesk_audit';
    this.by = options.workerName ?? 'worker';
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => {});
  }

  /** Handles one change; throws (→ retried by the follower) when the server cannot be read or written. */
  async handle(change: Change): Promise<GuardResult> {
    if (!change.deleted || change.id.startsWith('_')) return { status: 'ignored' };
    // The winner is an ordinary tombstone: some deletion under the remove rule took part.
    if (change.doc && !markerOf(change.doc)) return { status: 'ignored' };
    const leaves = await this.leaves(change.id);
    if (leaves.length === 0 || leaves.some((l) => l._deleted !== true)) return { status: 'ignored' };
    const unmarked = leaves.filter((l) => !markerOf(l));
    if (unmarked.length > 0)
      return {
        status: 'deleted',
        reason: `deleted without a marker at ${unmarked.map((l) => l._rev).join(', ')}`,
      };

    // Undo the tombstone on the branch another resolution really kept: a genuine resolution writes
    // the kept body on top of keptRev, so keptRev lies at least two steps below that branch's leaf
    // (kept rev → resolution write → later tombstone) and on no other branch. A forged keptRev names
    // a leaf that was deleted directly, or a common ancestor, and so vouches for nothing. Otherwise
    // (no vouched branch) the tombstone CouchDB shows as the winner.
    const histories = leaves.map(historyOf);
    const vouches = (i: number) =>
      leaves.filter((t, j) => {
        const k = markerOf(t)?.keptRev;
        if (j === i || !k || !(histories[i] ?? []).slice(2).includes(k)) return false;
        return histories.every((h, m) => m === i || !h.includes(k));
      }).length;
    const ordered = leaves
      .map((leaf, i) => ({ leaf, score: vouches(i) }))
      .sort((a, b) => b.score - a.score || revOrder(a.leaf._rev, b.leaf._rev))
      .map((x) => x.leaf);
    const tomb = ordered[0] as Leaf;
    const marker = markerOf(tomb) as ConflictMarker;
    const at = ISO.test(marker.at) ? marker.at : this.now().toISOString();
    const auditBase = {
      type: 'audit',
      schemaVersion: 1,
      createdAt: this.now().toISOString(),
      createdBy: this.by,
      db: this.db,
      docId: change.id,
      tombstoneRev: tomb._rev,
      claimedKeptRev: marker.keptRev,
      deletedLeaves: leaves.map((l) => l._rev).sort(revOrder),
    };

    const body = await this.lastLiveBody(change.id, historyOf(tomb).slice(1));
    const key = `${this.db.replace(/^courtdesk_/, '')}-${change.id}-${tomb._rev}`;
    if (!body) {
      const auditId = `audit:${compactTime(at)}:conflict-unrecoverable-${key}`;
      await this.couch.put(this.auditDb, { _id: auditId, kind: 'conflictRestoreFailed', ...auditBase });
      this.log(`${this.db}/${change.id}: every leaf deleted by conflict resolution, no live body left`);
      return { status: 'unrecoverable', tombstoneRev: tomb._rev, auditId };
    }
    // Audit first (deterministic id, 409 = already written): a worker killed after the restore
    // would otherwise find the document live on replay and never audit it.
    const auditId = `audit:${compactTime(at)}:conflict-restored-${key}`;
    const fromRev = body._rev as string;
    await this.couch.put(this.auditDb, {
      _id: auditId,
      kind: 'conflictRestored',
      ...auditBase,
      docType: body['type'] ?? null,
      restoredFromRev: fromRev,
    });
    const restored: CouchDoc = { ...body, _id: change.id };
    delete restored['_rev'];
    delete restored['_revisions'];
    delete restored['_conflicts'];
    const w = await this.couch.put(this.db, restored);
    if (!w.ok) {
      // Another worker restored it, or a client wrote meanwhile: look again.
      const again = await this.leaves(change.id);
      if (again.some((l) => l._deleted !== true)) return { status: 'ignored' };
      throw new Error(`restoring ${change.id} conflicted; retrying`);
    }
    this.log(
      `${this.db}/${change.id}: restored ${fromRev} as ${w.rev} (every leaf had been deleted by conflict resolution)`,
    );
    return { status: 'restored', tombstoneRev: tomb._rev, fromRev, rev: w.rev, auditId };
  }

  /** Every leaf with its revision history. */
  private async leaves(id: string): Promise<Leaf[]> {
    const r = await this.couch.expect(
      'GET',
      `${encodeURIComponent(this.db)}/${encId(id)}?open_revs=all&revs=true`,
      [200, 404],
    );
    if (r.status === 404 || !Array.isArray(r.body)) return [];
    return (r.body as { ok?: Leaf }[]).map((x) => x.ok).filter((d): d is Leaf => !!d);
  }

  /** The newest live body among `revs` (newest first) whose body is still stored, attachments inline. */
  private async lastLiveBody(id: string, revs: readonly string[]): Promise<CouchDoc | undefined> {
    for (const rev of revs) {
      const q = new URLSearchParams({ rev, attachments: 'true' });
      const r = await this.couch.expect(
        'GET',
        `${encodeURIComponent(this.db)}/${encId(id)}?${q.toString()}`,
        [200, 404],
      );
      if (r.status !== 200) continue; // compacted away
      const doc = r.body as CouchDoc;
      if (doc._deleted === true || Object.keys(doc).every((k) => k.startsWith('_'))) continue;
      const atts = doc['_attachments'] as Record<string, Record<string, unknown>> | undefined;
      if (atts)
        doc['_attachments'] = Object.fromEntries(
          Object.entries(atts).map(([name, a]) => [
            name,
            { content_type: a['content_type'], data: a['data'] },
          ]),
        );
      return doc;
    }
    return undefined;
  }
}

/** Options of {@link startConflictGuards}. */
export interface ConflictGuardsOptions {
  couch: CouchHttp;
  /** Worker name: checkpoints are `_local/courtdesk-worker-<name>-conflict-guard` in each database. */
  name: string;
  workerName?: string;
  databases?: readonly string[];
  queueSize?: number;
  log?: (line: string) => void;
  onResult?: (db: string, change: Change, result: GuardResult) => void;
}

/** Starts one guarded follower per database; resolves once all follow their feeds. */
export async function startConflictGuards(o: ConflictGuardsOptions): Promise<ChangesFollower[]> {
  const log = o.log ?? (() => {});
  const followers = (o.databases ?? GUARDED_DATABASES).map((db) => {
    const guard = new ConflictGuard(o.couch, {
      db,
      log,
      ...(o.workerName ? { workerName: o.workerName } : {}),
    });
    return new ChangesFollower({
      couch: o.couch,
      db,
      name: `${o.name}-conflict-guard`,
      log,
      ...(o.queueSize ? { queueSize: o.queueSize } : {}),
      handle: async (change) => {
        const result = await guard.handle(change);
        o.onResult?.(db, change, result);
      },
    });
  });
  await Promise.all(followers.map((f) => f.start()));
  return followers;
}
