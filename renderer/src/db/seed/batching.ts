/**
 * Pure helpers of the bulk seed: page URLs over `_changes` and size-aware batches for
 * `_bulk_get` (documents with conflicts or attachments), so one 50 MB scan never rides in the same
 * request as a thousand small documents.
 */

/** Default documents per `_all_docs` page, chosen by measurement (docs/adapter-choice.md). */
export const DEFAULT_SEED_BATCH = 2000;
/** Most documents in one `_bulk_get` request of the slow path. */
export const BULK_GET_MAX_DOCS = 100;
/** Most attachment bytes (as the stubs announce them) in one `_bulk_get` request. */
export const BULK_GET_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The `_changes` request of one page: up to `limit` changes after `since`, each with its winning
 * body (attachment stubs only), its conflicts and every leaf revision. The feed, not `_all_docs`:
 * its `last_seq` names the very shard copies the documents were read from, so live replication
 * resumes exactly where the read ended, on a cluster too (initialSync.ts).
 */
export function changesPagePath(limit: number, since: string | number): string {
  const q = new URLSearchParams({
    style: 'all_docs',
    include_docs: 'true',
    conflicts: 'true',
    limit: String(limit),
    since: String(since),
  });
  return `_changes?${q.toString()}`;
}

/** One document the slow path fetches with every open revision it needs. */
export interface SlowDoc {
  id: string;
  /** The winning revision first, then each conflicting one. */
  revs: string[];
  /** Sum of the attachment lengths the stub announced (0 without attachments). */
  bytes: number;
}

/**
 * Groups slow documents into `_bulk_get` batches of at most `maxDocs` documents and `maxBytes`
 * announced attachment bytes; a document larger than `maxBytes` travels alone. Order is kept.
 */
export function planBulkGetBatches(
  docs: readonly SlowDoc[],
  maxDocs = BULK_GET_MAX_DOCS,
  maxBytes = BULK_GET_MAX_BYTES,
): SlowDoc[][] {
  const batches: SlowDoc[][] = [];
  let current: SlowDoc[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const cost = doc.bytes * doc.revs.length;
    if (current.length > 0 && (current.length >= maxDocs || bytes + cost > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(doc);
    bytes += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The `_bulk_get` body of a batch: one entry per (document, open revision). */
export function bulkGetBody(batch: readonly SlowDoc[]): { docs: Array<{ id: string; rev: string }> } {
  return { docs: batch.flatMap((d) => d.revs.map((rev) => ({ id: d.id, rev }))) };
}

/** Sum of the attachment lengths of a document's stubs. */
export function attachmentBytes(attachments: Record<string, { length?: number }> | undefined): number {
  let total = 0;
  for (const a of Object.values(attachments ?? {})) total += a.length ?? 0;
  return total;
}

/** Progress never runs backwards and never passes the total (the total can grow during a seed). */
export function clampProgress(done: number, total: number): { done: number; total: number } {
  const t = Math.max(total, done);
  return { done, total: t };
}
