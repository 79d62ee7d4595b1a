/**
 * Size-aware replication of attachments: what is split and how it is selected. In the
 * attachment-heavy databases ({@link FILE_DB_KEYS}) attachment bodies live in their own
 * `file:<uuid>` documents (core/schemas/file.ts) and the engine replicates them apart:
 *
 * - the ordinary live push/pull carries every document EXCEPT `file:` ones (batches of 500);
 * - `file:` documents move one at a time (fileTransfer.ts): the push on every local file write,
 *   the pull polled and soon after the ordinary pull brought anything. Neither holds a connection
 *   while idle (Chromium allows 6 per origin; the engine already keeps 3 for live pulls), and each
 *   file waits until the ordinary direction is at rest, so small documents go first.
 *
 * The ordinary replication excludes files with a `selector` on `_id`: CouchDB's
 * `POST _changes?filter=_selector` (CouchDB ≥ 2.0, so Apache CouchDB 3.4; the embedded server's
 * guard serves it too) when the server answers it ({@link probeServerFilter}, once per database
 * and session), otherwise the same split through a PouchDB filter function, which makes the
 * `_changes` requests carry `include_docs=true` and filters in the client. Selectors and filters
 * test `_id` only, so tombstones (which carry no `type`) follow their documents.
 *
 * Archive scans (`onDemand: true`) are left out of the file pull and the seed: they come by id
 * when a user opens them and then stay local.
 *
 * Before each file pull round the server's file changes since the file pull checkpoint are read
 * (metadata only: `include_docs` returns attachment stubs): those whose revision is not local are
 * the pending downloads shown to the user.
 */
import type { DatabaseKey } from '../../../core/databases';
import type { LocalDb } from './localDb';

/** Databases whose attachments travel in `file:` documents with their own replication. */
export const FILE_DB_KEYS: readonly DatabaseKey[] = ['documents', 'library', 'forum', 'notices'];

/**
 * Every document but `file:` ones. A plain prefix under a top-level `$not`: the embedded server
 * runs only regular expressions a linear-time engine can (no look-ahead, docs/embedded-server.md),
 * and PouchDB's selector matcher knows `$not` only at the top level; CouchDB 3.4 answers it alike.
 */
export const NO_FILES = { $not: { _id: { $regex: '^file:' } } } as const;
/**
 * The `file:` documents every workstation pulls: all but those marked `onDemand` (archive scans,
 * core/schemas/file.ts `ON_DEMAND_OWNER_PREFIXES`), which are fetched by id when opened
 * ({@link fetchOnDemand} in fileTransfer.ts; docs/archives.md "Scans on demand"). Tombstones carry
 * no `onDemand` and still follow their documents.
 */
export const FILES_ONLY = { _id: { $regex: '^file:' }, onDemand: { $exists: false } } as const;
/** Every `file:` document, on-demand ones included (what a replica holds locally). */
export const ANY_FILE = { _id: { $regex: '^file:' } } as const;

/** True for the id of a file document. */
export function isFileId(id: string): boolean {
  return id.startsWith('file:');
}

/** Filter functions equivalent to {@link NO_FILES} / {@link FILES_ONLY} (servers without `_selector`). */
export function noFilesFilter(doc: { _id?: string }): boolean {
  return typeof doc._id === 'string' && !doc._id.startsWith('file:');
}
export function filesOnlyFilter(doc: { _id?: string; onDemand?: unknown }): boolean {
  return typeof doc._id === 'string' && doc._id.startsWith('file:') && doc.onDemand === undefined;
}

/** How the server side of a pull is filtered: `_selector` on the server, or a function in the client. */
export type ServerFilter = 'selector' | 'function';

/** The replication/changes options that select file documents (or everything else) from the server. */
export function serverFilterOptions(
  files: boolean,
  mode: ServerFilter,
): { selector: typeof NO_FILES | typeof FILES_ONLY } | { filter: (doc: { _id?: string }) => boolean } {
  if (mode === 'selector') return { selector: files ? FILES_ONLY : NO_FILES };
  return { filter: files ? filesOnlyFilter : noFilesFilter };
}

/**
 * Whether the server answers `POST _changes?filter=_selector` (a `since=now` request: no scan).
 * 400/404/405/501 mean it does not; any other failure (network, 401) is thrown for the caller's
 * retry logic.
 */
export async function probeServerFilter(
  remote: PouchDB.Database<Record<string, unknown>>,
): Promise<ServerFilter> {
  try {
    await remote.changes({ since: 'now', limit: 1, selector: FILES_ONLY } as PouchDB.Core.ChangesOptions);
    return 'selector';
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 400 || status === 404 || status === 405 || status === 501) return 'function';
    throw err;
  }
}

/** What the engine and the UI know about one file (from its document, never its body). */
export interface FileInfo {
  readonly fileId: string;
  readonly ownerId: string;
  readonly name: string;
  readonly contentType: string;
  /** Bytes. */
  readonly size: number;
  /** `md5-<base64>` the author recorded. */
  readonly digest: string;
}

/** Files waiting to go up (local, not on the server) and to come down (on the server, not local). */
export interface AttachmentQueue {
  readonly uploads: readonly FileInfo[];
  readonly downloads: readonly FileInfo[];
  /**
   * `uploads` covers every local change up to this local sequence (null: not counted yet). A local
   * file changed after it, and not received from the server, is not confirmed on the server yet.
   */
  readonly settledSeq: number | string | null;
  /** File ids whose current local revision came from the server in this session. */
  readonly pulled: ReadonlySet<string>;
}

/** Counts of an {@link AttachmentQueue}, in the sync status. */
export interface AttachmentSummary {
  readonly uploadFiles: number;
  readonly uploadBytes: number;
  readonly downloadFiles: number;
  readonly downloadBytes: number;
}

/** An empty queue. */
export const EMPTY_QUEUE: AttachmentQueue = {
  uploads: [],
  downloads: [],
  settledSeq: null,
  pulled: new Set(),
};

/** The counts of a queue. */
export function summarize(q: AttachmentQueue): AttachmentSummary {
  return {
    uploadFiles: q.uploads.length,
    uploadBytes: q.uploads.reduce((n, f) => n + f.size, 0),
    downloadFiles: q.downloads.length,
    downloadBytes: q.downloads.reduce((n, f) => n + f.size, 0),
  };
}

/** Sum of several summaries. */
export function addSummaries(list: readonly AttachmentSummary[]): AttachmentSummary {
  return {
    uploadFiles: list.reduce((n, s) => n + s.uploadFiles, 0),
    uploadBytes: list.reduce((n, s) => n + s.uploadBytes, 0),
    downloadFiles: list.reduce((n, s) => n + s.downloadFiles, 0),
    downloadBytes: list.reduce((n, s) => n + s.downloadBytes, 0),
  };
}

/** The {@link FileInfo} of a file document (attachment stubs are enough), or null for anything else. */
export function fileInfoOf(doc: Record<string, unknown> | undefined | null): FileInfo | null {
  if (!doc || typeof doc['_id'] !== 'string' || !isFileId(doc['_id']) || doc['_deleted']) return null;
  const str = (k: string) => (typeof doc[k] === 'string' ? doc[k] : '');
  return {
    fileId: doc['_id'],
    ownerId: str('ownerId'),
    name: str('name'),
    contentType: str('contentType'),
    size: typeof doc['size'] === 'number' ? doc['size'] : 0,
    digest: str('digest'),
  };
}

/** Local file documents with their infos, by id (attachment stubs only; bodies are not read). */
export async function localFileInfos(local: LocalDb, ids: readonly string[]): Promise<FileInfo[]> {
  if (ids.length === 0) return [];
  const rows = (await local.allDocs({ keys: [...ids], include_docs: true })).rows as {
    doc?: Record<string, unknown>;
  }[];
  return rows.flatMap((r) => {
    const f = fileInfoOf(r.doc);
    return f ? [f] : [];
  });
}

/** What {@link scanDownloads} found. */
export interface DownloadScan {
  /** Live files whose current revision is not local. */
  readonly files: readonly FileInfo[];
  /** Deleted files whose tombstone is not local. */
  readonly tombstones: readonly { readonly id: string; readonly rev: string }[];
  /** The server sequence the scan covers. */
  readonly lastSeq: number | string;
}

/**
 * The file documents the server changed since `since` (the file pull checkpoint) whose current
 * revision is not in `local`: the pending downloads (and deletions).
 */
export async function scanDownloads(
  local: LocalDb,
  remote: PouchDB.Database<Record<string, unknown>>,
  since: number | string,
  mode: ServerFilter = 'selector',
): Promise<DownloadScan> {
  const res = await remote.changes({
    since,
    ...serverFilterOptions(true, mode),
    include_docs: true,
    style: 'main_only',
  } as PouchDB.Core.ChangesOptions);
  const found = new Map<string, { rev: string; info: FileInfo | null }>();
  for (const r of res.results) {
    const rev = r.changes[0]?.rev;
    if (!rev || !isFileId(r.id)) continue;
    // The function filter already leaves on-demand files out; the selector does on the server.
    if ((r.doc as { onDemand?: unknown } | undefined)?.onDemand !== undefined) continue;
    found.set(r.id, {
      rev,
      info: r.deleted ? null : fileInfoOf(r.doc as Record<string, unknown> | undefined),
    });
  }
  if (found.size === 0) return { files: [], tombstones: [], lastSeq: res.last_seq };
  const ask: Record<string, string[]> = {};
  for (const [id, f] of found) ask[id] = [f.rev];
  const missing = await local.revsDiff(ask);
  const files: FileInfo[] = [];
  const tombstones: { id: string; rev: string }[] = [];
  for (const [id, f] of found) {
    if (!(id in missing)) continue;
    if (f.info) files.push(f.info);
    else tombstones.push({ id, rev: f.rev });
  }
  return { files, tombstones, lastSeq: res.last_seq };
}
