/**
 * Conflict centre data: every local document with `_conflicts` (live, from the changes feed with
 * `conflicts: true`), all its leaf revisions side by side, a field-level diff (rich-text fields
 * also as a readable text diff), and the two resolutions. A resolution writes the winner and
 * deletes every losing leaf explicitly in one `bulkDocs` (tombstones marked with
 * `conflictResolution`, see {@link conflictTombstone}); until then all revisions stay readable.
 */
import { Observable } from 'rxjs';
import { migrate, schemaFor, validateForWrite } from '../../../core/schemas/registry';
import type { LocalDb } from './localDb';
import { htmlToText, textDiff, type DiffPart } from './textDiff';

/** A document in conflict, as the list shows it. */
export interface ConflictSummary {
  readonly id: string;
  readonly type: string | null;
  /** A title-like field of the winning revision, when there is one. */
  readonly title: string | null;
  readonly winningRev: string;
  /** The other leaf revisions. */
  readonly conflictRevs: readonly string[];
}

/** One leaf revision with its body. */
export interface RevisionView {
  readonly rev: string;
  readonly winner: boolean;
  readonly doc: Readonly<Record<string, unknown>>;
}

/** One field compared across the revisions (in the order of {@link loadRevisions}). */
export interface FieldDiff {
  readonly field: string;
  readonly values: readonly unknown[];
  readonly differs: boolean;
  /** For rich-text fields that differ: text diff from the winner to each revision (index 0 is empty). */
  readonly textDiffs?: readonly (readonly DiffPart[])[];
}

type Doc = Record<string, unknown> & { _id: string; _rev: string; _conflicts?: string[]; _deleted?: boolean };

function summaryOf(doc: Doc): ConflictSummary {
  const title =
    ['title', 'cause', 'name'].map((f) => doc[f]).find((v): v is string => typeof v === 'string') ?? null;
  return {
    id: doc._id,
    type: typeof doc['type'] === 'string' ? doc['type'] : null,
    title,
    winningRev: doc._rev,
    conflictRevs: [...(doc._conflicts ?? [])],
  };
}

/** Every conflicted document of `db` (one scan), sorted by id. */
export async function listConflicts(db: LocalDb): Promise<ConflictSummary[]> {
  const res = await db.allDocs({ include_docs: true, conflicts: true });
  return res.rows
    .map((r) => r.doc as unknown as Doc | undefined)
    .filter((d): d is Doc => !!d && Array.isArray(d._conflicts) && d._conflicts.length > 0)
    .map(summaryOf);
}

/** Live list of conflicted documents: a scan, then the changes feed keeps it current. */
export function watchConflicts(db: LocalDb): Observable<ConflictSummary[]> {
  return new Observable<ConflictSummary[]>((sub) => {
    const byId = new Map<string, ConflictSummary>();
    let feed: PouchDB.Core.Changes<Record<string, unknown>> | null = null;
    let closed = false;
    const publish = () => sub.next([...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
    void (async () => {
      const since = (await db.info()).update_seq;
      for (const c of await listConflicts(db)) byId.set(c.id, c);
      if (closed) return;
      publish();
      feed = db
        .changes({ since, live: true, include_docs: true, conflicts: true, return_docs: false })
        .on('change', (ch) => {
          const doc = ch.doc as unknown as Doc | undefined;
          if (!doc || ch.id.startsWith('_')) return;
          const had = byId.has(ch.id);
          if (!ch.deleted && Array.isArray(doc._conflicts) && doc._conflicts.length > 0)
            byId.set(ch.id, summaryOf(doc));
          else byId.delete(ch.id);
          if (had || byId.has(ch.id)) publish();
        })
        .on('error', (err) => sub.error(err));
    })().catch((err: unknown) => sub.error(err));
    return () => {
      closed = true;
      feed?.cancel();
    };
  });
}

/** The winning revision first, then every conflicting leaf. */
export async function loadRevisions(db: LocalDb, id: string): Promise<RevisionView[]> {
  const winner = (await db.get(id, { conflicts: true })) as unknown as Doc;
  const others = await Promise.all(
    (winner._conflicts ?? []).map((rev) => db.get(id, { rev }) as unknown as Promise<Doc>),
  );
  const clean = (d: Doc) => {
    const { _conflicts: _c, ...rest } = d;
    return rest;
  };
  return [
    { rev: winner._rev, winner: true, doc: clean(winner) },
    ...others.map((d) => ({ rev: d._rev, winner: false, doc: clean(d) })),
  ];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field comparison (`_rev` excluded); rich-text fields of the type also get text diffs. */
export function diffRevisions(revisions: readonly RevisionView[]): FieldDiff[] {
  const fields = new Set<string>();
  for (const r of revisions)
    for (const f of Object.keys(r.doc)) if (f !== '_rev' && f !== '_revisions') fields.add(f);
  const rich = new Set(schemaFor(revisions[0]?.doc['type'])?.richTextFields ?? []);
  return [...fields].sort().map((field) => {
    const values = revisions.map((r) => r.doc[field]);
    const differs = values.some((v) => !same(v, values[0]));
    if (!differs || !rich.has(field)) return { field, values, differs };
    const base = typeof values[0] === 'string' ? htmlToText(values[0]) : '';
    const textDiffs = values.map((v, i) =>
      i === 0 ? [] : textDiff(base, typeof v === 'string' ? htmlToText(v) : ''),
    );
    return { field, values, differs, textDiffs };
  });
}

async function leaves(db: LocalDb, id: string): Promise<Doc> {
  const winner = (await db.get(id, { conflicts: true })) as unknown as Doc;
  if (!winner._conflicts || winner._conflicts.length === 0)
    throw new Error(`document ${id} has no conflicts`);
  return winner;
}

function checkResults(results: readonly unknown[]): string {
  const failed = results.find((r) => (r as { error?: unknown }).error);
  if (failed) {
    const f = failed as { id?: string; name?: string; error?: unknown; message?: string };
    throw new Error(
      `conflict resolution of ${f.id ?? '?'} failed: ${String(f.name ?? f.error)} ${f.message ?? ''}`,
    );
  }
  return (results[0] as { rev: string }).rev;
}

/**
 * The tombstone of a losing leaf. Its `conflictResolution` marker names the leaf that survives in
 * the same batch (its revision before the resolution), so the server's validate_doc_update checks
 * it with the type's update right instead of its remove right (a clerk may resolve a conflict on a
 * case, which nobody may delete); the server worker's conflict guard undoes a marked tombstone
 * that left no live leaf (sync-server/src/workers/README.md).
 */
export function conflictTombstone(
  id: string,
  rev: string,
  keptRev: string,
  at: string = new Date().toISOString(),
): { _id: string; _rev: string; _deleted: true; conflictResolution: { keptRev: string; at: string } } {
  return { _id: id, _rev: rev, _deleted: true, conflictResolution: { keptRev, at } };
}

/**
 * Keeps revision `rev` as it is: writes it as the new winner (a new revision on its branch) and
 * deletes every other leaf, in one `bulkDocs`. Returns the new winning revision.
 */
export async function keepRevision(db: LocalDb, id: string, rev: string): Promise<string> {
  const winner = await leaves(db, id);
  const all = [winner._rev, ...(winner._conflicts ?? [])];
  if (!all.includes(rev)) throw new Error(`revision ${rev} is not a leaf of ${id}`);
  const kept = (rev === winner._rev ? winner : await db.get(id, { rev })) as unknown as Doc;
  const { _conflicts: _c, ...rest } = kept;
  const body = migrate(rest);
  validateForWrite(body);
  const at = new Date().toISOString();
  const losers = all.filter((r) => r !== rev).map((r) => conflictTombstone(id, r, rev, at));
  return checkResults(await db.bulkDocs([{ ...body, _rev: rev }, ...losers]));
}

/**
 * Writes `merged` (the user's combination) on top of the current winner and deletes every other
 * leaf, in one `bulkDocs`. The envelope (`type`, `createdAt`, `createdBy`) of the winner is kept.
 */
export async function mergeRevisions(
  db: LocalDb,
  id: string,
  merged: Readonly<Record<string, unknown>>,
): Promise<string> {
  const winner = await leaves(db, id);
  // The leaves may be older than this build (a conflict left from before an upgrade): the merged
  // document is written at the current schema version, like keepRevision.
  const body: Record<string, unknown> = migrate({
    ...merged,
    _id: id,
    _rev: winner._rev,
    type: winner['type'],
    createdAt: winner['createdAt'],
    createdBy: winner['createdBy'],
  });
  delete body['_conflicts'];
  validateForWrite(body);
  const at = new Date().toISOString();
  const losers = (winner._conflicts ?? []).map((r) => conflictTombstone(id, r, winner._rev, at));
  return checkResults(await db.bulkDocs([body, ...losers]));
}
