/**
 * Helpers of the initial bulk seed as the engine runs it (the seed itself: seed/initialSync.ts):
 * whether a replica is fresh enough to be seeded, and the check that the seed's push checkpoint
 * does not skip a local write the server lacks.
 */
import type { LocalDb } from './localDb';

/** No documents but local index design documents, and nothing ever deleted: a seed may run. */
export async function isFresh(local: LocalDb): Promise<boolean> {
  const probe = await local.changes({ since: 0, limit: 100, return_docs: true });
  return probe.results.length < 100 && probe.results.every((r) => r.id.startsWith('_design/'));
}

/**
 * True when a local revision written since `before` is missing on the server (or the server could
 * not be asked): the seed's push checkpoint, which covers everything written during the seed
 * including a write the app made meanwhile, must then be dropped.
 */
export async function seedMissedLocalWrites(
  local: LocalDb,
  remote: Pick<PouchDB.Database, 'revsDiff'>,
  before: number | string,
): Promise<boolean> {
  const changes = await local.changes({ since: before, style: 'main_only', return_docs: true });
  const revs: Record<string, string[]> = {};
  for (const r of changes.results) {
    const rev = r.changes[0]?.rev;
    if (rev && !r.id.startsWith('_design/')) revs[r.id] = [rev];
  }
  const ids = Object.keys(revs);
  try {
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk: Record<string, string[]> = {};
      for (const id of ids.slice(i, i + 5000)) chunk[id] = revs[id] ?? [];
      if (Object.keys(await remote.revsDiff(chunk)).length > 0) return true;
    }
    return false;
  } catch {
    return true;
  }
}
