/**
 * Comparing two replicas document by document (pure): the end of the sync bench checks that a
 * fresh replica seeded in bulk holds exactly what PouchDB's replication gives (same ids, winning
 * revisions, conflicts and attachments).
 */

/** What must agree between two replicas for one live document. */
export interface DocFingerprint {
  id: string;
  /** Winning revision. */
  rev: string;
  /** Losing leaf revisions, sorted. */
  conflicts: string[];
  /** Attachment name → `content_type length digest`, for documents with attachments. */
  attachments?: Record<string, string>;
}

/** The outcome of {@link compareReplicas}. */
export interface ReplicaComparison {
  /** Live documents on each side. */
  docs: { a: number; b: number };
  identical: number;
  onlyInA: number;
  onlyInB: number;
  revDiffers: number;
  conflictsDiffer: number;
  attachmentsDiffer: number;
  /** Documents with conflicts / with attachments on side a (so a zero above means something). */
  withConflicts: number;
  withAttachments: number;
  /** Up to 5 ids per kind of difference. */
  examples: Record<string, string[]>;
}

/** Compares two replicas' live documents. */
export function compareReplicas(
  a: readonly DocFingerprint[],
  b: readonly DocFingerprint[],
): ReplicaComparison {
  const byId = new Map(b.map((d) => [d.id, d]));
  const out: ReplicaComparison = {
    docs: { a: a.length, b: b.length },
    identical: 0,
    onlyInA: 0,
    onlyInB: 0,
    revDiffers: 0,
    conflictsDiffer: 0,
    attachmentsDiffer: 0,
    withConflicts: a.filter((d) => d.conflicts.length > 0).length,
    withAttachments: a.filter((d) => d.attachments && Object.keys(d.attachments).length > 0).length,
    examples: {},
  };
  /** Counts one difference; returns true, so a check reads `differs && note(…)`. */
  const note = (
    kind: 'onlyInA' | 'onlyInB' | 'revDiffers' | 'conflictsDiffer' | 'attachmentsDiffer',
    id: string,
  ): true => {
    out[kind]++;
    const list = (out.examples[kind] ??= []);
    if (list.length < 5) list.push(id);
    return true;
  };
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? {}) === JSON.stringify(y ?? {});
  for (const d of a) {
    const other = byId.get(d.id);
    byId.delete(d.id);
    if (!other) {
      note('onlyInA', d.id);
      continue;
    }
    const differs = [
      d.rev !== other.rev && note('revDiffers', d.id),
      !same([...d.conflicts].sort(), [...other.conflicts].sort()) && note('conflictsDiffer', d.id),
      !same(sortKeys(d.attachments), sortKeys(other.attachments)) && note('attachmentsDiffer', d.id),
    ].some(Boolean);
    if (!differs) out.identical++;
  }
  for (const id of byId.keys()) note('onlyInB', id);
  return out;
}

function sortKeys(o: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(o ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
