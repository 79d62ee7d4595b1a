/**
 * Moving `file:` documents between the replica and the server, one at a time, without PouchDB's
 * replicator (measured: in Chromium its 50 MB push spent ~9 s of main-thread time turning the
 * Blob into base64 and one JSON string, which stalled the ordinary push next to it; see
 * docs/architecture.md "Attachments"). Standard CouchDB endpoints only:
 *
 * - push: `_revs_diff` for the local file revisions since the file push checkpoint, then per
 *   missing file one `POST _bulk_docs` (`new_edits: false`, revision history kept) whose body is a
 *   Blob assembled from the JSON around the attachment and its base64 from `FileReader
 *   .readAsDataURL` (encoded by the browser, not in JS);
 * - pull: the server's file changes since the file pull checkpoint (fileSync.ts `scanDownloads`),
 *   then per missing file `GET <id>?revs=true` (stubs) and `GET <id>/<name>` as a Blob (streamed,
 *   binary), written locally with `new_edits: false`; PouchDB computes the MD5 of what it stores
 *   and a digest other than the author's recorded one is refused.
 *
 * Against a non-http remote (the in-memory server of unit tests) the same steps use PouchDB calls.
 * A refused file (403/401 from validate_doc_update) is reported to `onDenied` and skipped. Before
 * each file the caller may hold the transfer (`yieldFirst`) so documents waiting in the ordinary
 * direction go first: a single-threaded server (the embedded one) handles one request at a time,
 * and a 50 MB body would otherwise delay the small documents queued behind it.
 */
import { fileInfoOf, isFileId, scanDownloads, type FileInfo, type ServerFilter } from './fileSync';
import type { LocalDb } from './localDb';

type Remote = PouchDB.Database<Record<string, unknown>>;
type Att = {
  content_type?: string;
  digest?: string;
  revpos?: number;
  length?: number;
  stub?: boolean;
  data?: unknown;
};
type FileDoc = Record<string, unknown> & { _id: string; _rev: string; _attachments?: Record<string, Att> };

/** The bytes did not arrive as the author stored them. */
export class FileTransferError extends Error {
  constructor(
    readonly fileId: string,
    message: string,
  ) {
    super(`${fileId}: ${message}`);
    this.name = 'FileTransferError';
  }
}

function httpFetch(remote: Remote): ((path: string, init?: RequestInit) => Promise<Response>) | null {
  const f = (remote as unknown as { fetch?: (path: string, init?: RequestInit) => Promise<Response> }).fetch;
  return typeof f === 'function' ? f.bind(remote) : null;
}

/**
 * Base64 of a Blob, encoded by the browser (`readAsDataURL`); plain JS where there is no
 * FileReader or the adapter returned bytes (Node tests).
 */
async function blobBase64(blob: Blob | Uint8Array): Promise<string> {
  if (typeof FileReader === 'function' && blob instanceof Blob) {
    const url = await new Promise<string>((ok, fail) => {
      const r = new FileReader();
      r.onload = () => ok(String(r.result));
      r.onerror = () => fail(r.error ?? new Error('FileReader failed'));
      r.readAsDataURL(blob);
    });
    return url.slice(url.indexOf(',') + 1);
  }
  const bytes = blob instanceof Blob ? new Uint8Array(await blob.arrayBuffer()) : new Uint8Array(blob);
  let raw = '';
  for (let i = 0; i < bytes.length; i += 0x8000) raw += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(raw);
}

async function httpError(res: Response, what: string): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; reason?: string };
  return Object.assign(new Error(`${what}: ${res.status} ${body.reason ?? ''}`), {
    status: res.status,
    name: body.error ?? 'error',
    error: body.error,
    reason: body.reason ?? `HTTP ${res.status}`,
  });
}

/** What {@link pushFiles} reports. */
export interface PushFilesOptions {
  readonly local: LocalDb;
  readonly remote: Remote;
  /** The file push checkpoint (local seq). */
  readonly since: number | string;
  /** A file went up (or the server already had it). */
  readonly onPushed: (id: string, rev: string) => void;
  /** The server refused a file (the push goes on with the next). */
  readonly onDenied: (e: { id: string; rev: string; error: string; reason: string }) => void;
  /** Stop between files. */
  readonly stopped: () => boolean;
  /** Awaited before each file (the engine lets the ordinary push catch up first). */
  readonly yieldFirst?: () => Promise<void>;
}

/** Pushes every local file revision the server lacks, one at a time; returns the new checkpoint. */
export async function pushFiles(o: PushFilesOptions): Promise<number | string> {
  const changes = await o.local.changes({ since: o.since, style: 'main_only', return_docs: true });
  const revs: Record<string, string[]> = {};
  for (const r of changes.results) {
    const rev = r.changes[0]?.rev;
    if (rev && isFileId(r.id)) revs[r.id] = [rev];
  }
  const ids = Object.keys(revs);
  if (ids.length === 0) return changes.last_seq;
  const missing = await o.remote.revsDiff(revs);
  for (const id of ids) {
    const rev = revs[id]?.[0] ?? '';
    if (!(id in missing)) {
      o.onPushed(id, rev);
      continue;
    }
    await o.yieldFirst?.();
    if (o.stopped()) throw new Error('stopped');
    await pushOne(o, id, rev);
  }
  return changes.last_seq;
}

async function pushOne(o: PushFilesOptions, id: string, rev: string): Promise<void> {
  const doc = (await o.local.get(id, { rev, revs: true })) as unknown as FileDoc;
  const fetchRemote = httpFetch(o.remote);
  const atts = doc._attachments ?? {};
  const names = Object.keys(atts);
  const bodies = await Promise.all(
    names.map(async (n) => (await o.local.getAttachment(id, n, { rev })) as Blob | Uint8Array),
  );
  let result: { error?: string; reason?: string } | undefined;
  if (fetchRemote) {
    // The JSON around the attachments, and the attachments' base64 as separate Blob parts: the big
    // string is never copied or re-encoded in JS.
    const marks: Record<string, Att> = {};
    names.forEach((n, i) => {
      marks[n] = {
        content_type: atts[n]?.content_type ?? 'application/octet-stream',
        data: `\u0000${i}\u0000`,
      };
    });
    const json = JSON.stringify({ new_edits: false, docs: [{ ...doc, _attachments: marks }] });
    const parts: BlobPart[] = [];
    let rest = json;
    for (let i = 0; i < names.length; i++) {
      const mark = `"\\u0000${i}\\u0000"`;
      const at = rest.indexOf(mark);
      parts.push(rest.slice(0, at), '"', await blobBase64(bodies[i] as Blob | Uint8Array), '"');
      rest = rest.slice(at + mark.length);
    }
    parts.push(rest);
    const res = await fetchRemote('_bulk_docs', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: new Blob(parts, { type: 'application/json' }),
    });
    if (res.status !== 201 && res.status !== 200) throw await httpError(res, `_bulk_docs ${id}`);
    result = ((await res.json()) as { error?: string; reason?: string }[])[0];
  } else {
    const withData: Record<string, Att> = {};
    for (let i = 0; i < names.length; i++) {
      const n = names[i] as string;
      withData[n] = {
        content_type: atts[n]?.content_type ?? 'application/octet-stream',
        data: await blobBase64(bodies[i] as Blob | Uint8Array),
      };
    }
    const res = await o.remote.bulkDocs([{ ...doc, _attachments: withData }] as never, { new_edits: false });
    result = (res as { error?: string; reason?: string }[])[0];
  }
  if (result?.error) {
    if (result.error === 'forbidden' || result.error === 'unauthorized')
      return o.onDenied({ id, rev, error: result.error, reason: result.reason ?? result.error });
    throw Object.assign(new Error(`${id}: ${result.error} ${result.reason ?? ''}`), result);
  }
  o.onPushed(id, rev);
}

/** What {@link pullFiles} needs. */
export interface PullFilesOptions {
  readonly local: LocalDb;
  readonly remote: Remote;
  /** The file pull checkpoint (server seq). */
  readonly since: number | string;
  readonly mode: ServerFilter;
  /** The files the server has and this replica not (before any is fetched). */
  readonly onPending: (files: readonly FileInfo[]) => void;
  /** A file (or a file's deletion) arrived. */
  readonly onPulled: (id: string, rev: string) => void;
  readonly stopped: () => boolean;
  /** Awaited before each file (the engine lets the ordinary pull catch up first). */
  readonly yieldFirst?: () => Promise<void>;
}

/** Fetches every server file revision this replica lacks, one at a time; returns the new checkpoint. */
export async function pullFiles(o: PullFilesOptions): Promise<number | string> {
  const scan = await scanDownloads(o.local, o.remote, o.since, o.mode);
  o.onPending(scan.files);
  for (const t of scan.tombstones) {
    const doc = (await o.remote.get(t.id, { rev: t.rev, revs: true })) as unknown as FileDoc;
    await o.local.bulkDocs([doc] as never, { new_edits: false });
    o.onPulled(t.id, t.rev);
  }
  for (const f of scan.files) {
    await o.yieldFirst?.();
    if (o.stopped()) throw new Error('stopped');
    await pullOne(o, f);
  }
  return scan.lastSeq;
}

/**
 * Fetches one file by id from the server unless this replica holds it already (archive scans,
 * which the file pull leaves out: docs/archives.md "Scans on demand"); the file then stays local.
 * Returns whether it was fetched.
 */
export async function fetchOnDemand(local: LocalDb, remote: Remote, fileId: string): Promise<boolean> {
  if (!isFileId(fileId)) throw new Error(`not a file id: ${fileId}`);
  const here = await local.get(fileId).catch(() => null);
  if (here) return false;
  await pullOne(
    { local, remote, onPulled: () => undefined },
    { fileId, ownerId: '', name: '', contentType: '', size: 0, digest: '' },
  );
  return true;
}

async function pullOne(
  o: Pick<PullFilesOptions, 'local' | 'remote' | 'onPulled'>,
  f: FileInfo & { rev?: string },
): Promise<void> {
  const fetchRemote = httpFetch(o.remote);
  let doc: FileDoc;
  const blobs: Record<string, Blob | Uint8Array> = {};
  if (fetchRemote) {
    const id = encodeURIComponent(f.fileId);
    const res = await fetchRemote(`${id}?revs=true`, { headers: { accept: 'application/json' } });
    if (res.status !== 200) throw await httpError(res, `GET ${f.fileId}`);
    doc = (await res.json()) as FileDoc;
    for (const name of Object.keys(doc._attachments ?? {})) {
      const a = await fetchRemote(
        `${id}/${encodeURIComponent(name)}?rev=${encodeURIComponent(doc._rev)}`,
        {},
      );
      if (a.status !== 200) throw await httpError(a, `GET ${f.fileId}/${name}`);
      blobs[name] = await a.blob();
    }
  } else {
    doc = (await o.remote.get(f.fileId, {
      revs: true,
      attachments: true,
      binary: true,
    })) as unknown as FileDoc;
    for (const [name, att] of Object.entries(doc._attachments ?? {}))
      blobs[name] = att.data as Blob | Uint8Array;
  }
  const expected = fileInfoOf(doc)?.digest;
  const atts: Record<string, Att> = {};
  for (const [name, att] of Object.entries(doc._attachments ?? {})) {
    const data = blobs[name];
    atts[name] = {
      content_type: att.content_type ?? 'application/octet-stream',
      // Browsers store the Blob; without FileReader (Node tests) PouchDB takes base64.
      data:
        typeof FileReader === 'function' && data instanceof Blob
          ? data
          : await blobBase64(data as Blob | Uint8Array),
    };
  }
  await o.local.bulkDocs([{ ...doc, _attachments: atts }] as never, { new_edits: false });
  const stored = (await o.local.get(f.fileId, { rev: doc._rev })) as unknown as FileDoc;
  const name = Object.keys(stored._attachments ?? {})[0] ?? '';
  const digest = stored._attachments?.[name]?.digest;
  if (expected && digest !== expected)
    throw new FileTransferError(f.fileId, `digest ${String(digest)} ≠ recorded ${expected}`);
  o.onPulled(f.fileId, doc._rev);
}
