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
}

/** Counts unpushed documents. */
export async function countUnpushed(o: CountOptions): Promise<UnpushedCount> {
  const changes = await o.local.changes({ since: o.since, style: 'main_only', return_docs: true });
  const candidates: Record<string, string[]> = {};
  let count = 0;
  for (const r of changes.results) {
    if (r.id.startsWith('_design/')) continue;
    const rev = r.changes[0]?.rev;
    if (!rev || o.pulledRevs.get(r.id) === rev) continue;
    candidates[r.id] = [rev];
    count++;
  }
  if (!o.askServer) return { count, method: 'since_checkpoint' };
  if (count === 0) return { count, method: 'revs_diff' };
  try {
    const missing = await o.remote.revsDiff(candidates);
    return { count: Object.keys(missing).length, method: 'revs_diff' };
  } catch {
    return { count, method: 'since_checkpoint' };
  }
}
