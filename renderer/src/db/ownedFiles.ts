/**
 * Files chosen in a form, stored through the file lane (attachments.ts) for a document about to
 * be written: each becomes its own `file:<uuid>` document owned by `ownerId`, and the owner lists
 * their ids in `attachments`. Files go first, so the owner never points at a file that is missing.
 */
import { attachFile } from './attachments';
import type { LocalDb } from './localDb';
import type { RepositoryOptions } from './repository';

/** Stores `files` for `ownerId` (in order); returns their `file:` ids. */
export async function attachAll(
  db: LocalDb,
  ownerId: string,
  files: readonly File[],
  options: RepositoryOptions,
): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) ids.push((await attachFile(db, ownerId, f, { ...options, name: f.name })).fileId);
  return ids;
}
