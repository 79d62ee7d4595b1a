/**
 * Counts the local changes not yet on the server (see syncStatus.ts for the rule): documents in
 * the local changes feed after the push checkpoint, minus those whose current revision came from
 * the server by pull, then — when `askServer` — only the ones `_revs_diff` reports missing.
 */
import type { LocalDb } from './localDb';

/** A count and how it was obtained. */
export interface UnpushedCount {
  readonly count: number;
  readonly method: 'revs_diff' | 'since_checkpoint';
  /** The documents counted. */
  readonly ids: readonly string[];
  /** The local sequence the count is complete up to. */
  readonly lastSeq: number | string;
}

/** Options of {@link countUnpushed}. */
export interface CountOptions {
  readonly local: LocalDb;
  readonly remote: Pick<PouchDB.Database, 'revsDiff'>;
  /** The push checkpoint's `last_seq`. */
  readonly since: number | string;
  /** Revisions received by pull in this session, by id. */
  readonly pulledRevs: ReadonlyMap<string, string>;
  /** The server is reachable and the push at rest: confirm with `_revs_diff`. */
  readonly askServer: boolean;
  /** Only documents whose id passes count (default: all but design documents). */
  readonly filter?: (id: string) => boolean;
}

/** Counts unpushed documents. */
export async function countUnpushed(o: CountOptions): Promise<UnpushedCount> {
  const changes = await o.local.changes({ since: o.since, style: 'main_only', return_docs: true });
  const candidates: Record<string, string[]> = {};
  let count = 0;
  for (const r of changes.results) {
    if (r.id.startsWith('_design/') || (o.filter && !o.filter(r.id))) continue;
    const rev = r.changes[0]?.rev;
    if (!rev || o.pulledRevs.get(r.id) === rev) continue;
    candidates[r.id] = [rev];
    count++;
  }
  const ids = Object.keys(candidates);
  const lastSeq = changes.last_seq;
  if (!o.askServer) return { count, method: 'since_checkpoint', ids, lastSeq };
  if (count === 0) return { count, method: 'revs_diff', ids, lastSeq };
  try {
    const missing = Object.keys(await o.remote.revsDiff(candidates));
    return { count: missing.length, method: 'revs_diff', ids: missing, lastSeq };
  } catch {
    return { count, method: 'since_checkpoint', ids, lastSeq };
  }
}
