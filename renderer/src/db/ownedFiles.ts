/**
 * Files chosen in a form, stored through the file lane (attachments.ts) for a document about to
 * be written: each becomes its own `file:<uuid>` document owned by `ownerId`, and the owner lists
 * their ids in `attachments`. Files go first, so the owner never points at a file that is missing.
 */
import { attachFile } from './attachments';
import type { LocalDb } from './localDb';
import type { RepositoryOptions } from './repository';

/** The `attachments` field of an owner listing `ids` (absent when there are none). */
export function attachmentsField(ids: readonly string[] | undefined): { attachments?: string[] } {
  return ids && ids.length > 0 ? { attachments: [...ids] } : {};
}

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

/** A change of an existing document's files: which listed files stay, which new ones join. */
export interface OwnedFilesChange {
  /** The `file:` ids still listed (in order); the others are dropped. */
  readonly keep: readonly string[];
  readonly add: readonly File[];
}

/**
 * Changes the files of a document already written (a post, a notice): the new files are stored
 * first ({@link attachAll}), then `writeOwner` writes the owner with its new list (one revision,
 * with whatever else the edit changes), then the dropped files this user uploaded are deleted (the
 * server lets only the uploader or an admin delete a file; a dropped file uploaded by someone else
 * stays, listed by no owner). Works offline like any other write. Returns the new list.
 */
export async function changeOwnedFiles(
  db: LocalDb,
  ownerId: string,
  listed: readonly string[],
  change: OwnedFilesChange,
  options: RepositoryOptions & { readonly isAdmin?: boolean },
  writeOwner: (attachments: readonly string[]) => Promise<void>,
): Promise<string[]> {
  const kept = listed.filter((id) => change.keep.includes(id));
  const ids = [...kept, ...(await attachAll(db, ownerId, change.add, options))];
  await writeOwner(ids);
  for (const id of listed) {
    if (kept.includes(id)) continue;
    const file = await db.get(id).catch(() => null);
    if (file && (options.isAdmin === true || (file as { createdBy?: unknown }).createdBy === options.user))
      await db.remove(file);
  }
  return ids;
}
