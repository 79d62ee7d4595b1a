/**
 * Attachments as the app writes and reads them (design: fileSync.ts). A file is its own
 * `file:<uuid>` document with exactly one attachment, pointing at the document it belongs to
 * (`ownerId`: a volume, draft, library item, case …); owners stay small. {@link attachFile} writes
 * one through the repository (validated, envelope stamped), {@link readFile} reads it back and
 * checks the bytes against the MD5 digest the author recorded, and {@link watchAttachmentStates}
 * tells per file whether it is here, still going up, still coming down, or failed.
 */
import { combineLatest, map, type Observable } from 'rxjs';
import { liveQuery } from './liveQuery';
import { ANY_FILE, fileInfoOf, type AttachmentQueue, type FileInfo } from './fileSync';
import type { LocalDb } from './localDb';
import { isOnDemandOwner } from '../../../core/schemas/file';
import { createRepository, type RepositoryOptions } from './repository';
import { md5Digest } from './seed/md5';

/** Where a file is, as the user sees it. */
export type AttachmentState = 'local' | 'pendingUpload' | 'pendingDownload' | 'failed';

/** One file with its state. */
export interface AttachmentEntry extends FileInfo {
  readonly state: AttachmentState;
}

/** The bytes of a file did not match its recorded digest (corrupted or incomplete). */
export class FileDigestError extends Error {
  constructor(
    readonly fileId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`digest mismatch for ${fileId}: expected ${expected}, got ${actual}`);
    this.name = 'FileDigestError';
  }
}

/** What {@link attachFile} needs besides the bytes. */
export interface AttachFileOptions extends RepositoryOptions {
  /** File name shown to users (and the attachment's name). */
  readonly name: string;
  /** MIME type (default: the blob's type, else `application/octet-stream`). */
  readonly contentType?: string;
  /** The new document's id suffix (default a random UUID). */
  readonly uuid?: string;
}

function base64(bytes: Uint8Array): string {
  let raw = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    raw += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return btoa(raw);
}

/**
 * Stores `blob` as a new file of `ownerId` in `db` (a `file:<uuid>` document with the size and the
 * MD5 digest of the bytes); returns its info. Never waits for the network.
 */
export async function attachFile(
  db: LocalDb,
  ownerId: string,
  blob: Blob,
  options: AttachFileOptions,
): Promise<FileInfo> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const contentType = options.contentType ?? (blob.type || 'application/octet-stream');
  const digest = md5Digest(bytes);
  // Browsers store a Blob as is; without FileReader (Node tests) PouchDB takes base64.
  const data = typeof FileReader === 'function' ? blob : base64(bytes);
  const doc = await createRepository(db, options).create('file', [options.uuid ?? crypto.randomUUID()], {
    ownerId,
    // Archive scans are fetched on demand, never pulled to every workstation (docs/archives.md).
    ...(isOnDemandOwner(ownerId) ? { onDemand: true } : {}),
    name: options.name,
    contentType,
    size: bytes.length,
    digest,
    _attachments: { [options.name]: { content_type: contentType, data } },
  });
  const info = fileInfoOf(doc);
  if (!info) throw new Error(`not a file document: ${doc._id}`);
  return info;
}

/** The bytes of a local file, checked against its recorded digest ({@link FileDigestError} otherwise). */
export async function readFile(db: LocalDb, fileId: string): Promise<{ info: FileInfo; blob: Blob }> {
  const info = fileInfoOf((await db.get(fileId)) as Record<string, unknown>);
  if (!info) throw new Error(`not a file document: ${fileId}`);
  const body = (await db.getAttachment(fileId, info.name)) as Blob | Uint8Array;
  const bytes = body instanceof Blob ? new Uint8Array(await body.arrayBuffer()) : new Uint8Array(body);
  const actual = md5Digest(bytes);
  if (actual !== info.digest) throw new FileDigestError(fileId, info.digest, actual);
  const blob = body instanceof Blob ? body : new Blob([bytes], { type: info.contentType });
  return { info, blob };
}

/** A local file document's info, its local sequence, and whether its stored attachment matches the recorded digest. */
export interface LocalFile extends FileInfo {
  readonly intact: boolean;
  readonly seq: number | string;
}

/** Every local file document (attachment stubs only; bodies are not read). */
export async function listLocalFiles(db: LocalDb): Promise<LocalFile[]> {
  const res = await db.changes({
    since: 0,
    selector: ANY_FILE,
    include_docs: true,
    style: 'main_only',
    return_docs: true,
  } as PouchDB.Core.ChangesOptions);
  return res.results.flatMap((r) => {
    const doc = r.doc as
      (Record<string, unknown> & { _attachments?: Record<string, { digest?: string }> }) | undefined;
    const info = r.deleted ? null : fileInfoOf(doc);
    if (!info) return [];
    return [{ ...info, intact: doc?._attachments?.[info.name]?.digest === info.digest, seq: r.seq }];
  });
}

/** True when `seq` is known to come after `settled` (numeric local sequences). */
function after(seq: number | string, settled: number | string | null): boolean {
  return settled !== null && typeof seq === 'number' && typeof settled === 'number' && seq > settled;
}

/**
 * The files of `ownerIds` with their states: local ones (`pendingUpload` while the server does
 * not have them, or while the engine has not counted a local write yet, `failed` when the server refused them or the stored bytes do not match the
 * digest), then the ones the server has and this replica not yet (`pendingDownload`).
 */
export function attachmentStates(
  local: readonly LocalFile[],
  queue: AttachmentQueue,
  rejectedIds: ReadonlySet<string>,
  ownerIds: readonly string[],
): AttachmentEntry[] {
  const owners = new Set(ownerIds);
  const uploads = new Set(queue.uploads.map((f) => f.fileId));
  const here = new Set<string>();
  const out: AttachmentEntry[] = [];
  for (const { intact, seq, ...f } of local) {
    if (!owners.has(f.ownerId)) continue;
    here.add(f.fileId);
    // Written here after the engine last counted, and not received from the server: not up yet.
    const unconfirmed = after(seq, queue.settledSeq) && !queue.pulled.has(f.fileId);
    const state: AttachmentState =
      rejectedIds.has(f.fileId) || !intact
        ? 'failed'
        : uploads.has(f.fileId) || unconfirmed
          ? 'pendingUpload'
          : 'local';
    out.push({ ...f, state });
  }
  for (const f of queue.downloads)
    if (owners.has(f.ownerId) && !here.has(f.fileId)) out.push({ ...f, state: 'pendingDownload' });
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.fileId.localeCompare(b.fileId));
}

/** {@link attachmentStates} live: re-evaluated when the replica, the queue or the refusals change. */
export function watchAttachmentStates(
  db: LocalDb,
  queue$: Observable<AttachmentQueue>,
  rejected$: Observable<ReadonlySet<string>>,
  ownerIds: readonly string[],
): Observable<AttachmentEntry[]> {
  return combineLatest([liveQuery(db, listLocalFiles), queue$, rejected$]).pipe(
    map(([local, queue, rejected]) => attachmentStates(local, queue, rejected, ownerIds)),
  );
}
