/**
 * Bulk import of an existing scan archive (docs/archives.md "Bulk import"): `courtdesk-server
 * import-archive --csv LIST --root FOLDER`. Each CSV row (case number, volume, file path) becomes
 * an `archiveVolume:` document and its on-demand `file:` document (core/schemas/archive.ts),
 * written as the server admin through `_bulk_docs`.
 *
 * - **Idempotent.** Volume ids derive from the case and the volume (core/archives/ids.ts), file
 *   ids from the volume id; a row written before is answered 409 by the server and counted as
 *   already there, never written twice.
 * - **Resumes.** Progress lives in `archiveImport:<id>` in courtdesk_documents (the screen shows
 *   it): `nextRow`, the first row not known to be done, saved every two seconds. A run started
 *   again after a crash continues there; rows after it that did land are answered 409.
 * - **Never holds up ordinary sync.** Batches are small (≤ 20 volumes, ≤ 1 MiB), at most
 *   `concurrency` (default 1) are in flight, and after each batch the importer sleeps so it uses
 *   the server at most `duty` (default 0.5) of the time: the embedded server is one Node thread,
 *   and a clerk's write waits behind whatever request it is running.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import { nameUuid, scanFileId, volumeId, volumeTitle } from '../../../core/archives/ids';
import { parseImportCsv, pdfPageCount, type ImportRow } from '../../../core/archives/importCsv';
import { issuesForWrite } from '../../../core/schemas/registry';
import { MAX_FILE_BYTES } from '../../../core/schemas/file';
import { backoffDelay, CouchHttp, sleep, type CouchDoc } from '../workers/couchHttp';

const DB = 'courtdesk_documents';
const CASES_DB = 'courtdesk_cases';

/** What {@link importArchive} needs. */
export interface ImportArchiveOptions {
  /** CouchDB URL with server-admin credentials. */
  readonly couchUrl: string;
  readonly csvPath: string;
  /** Folder the CSV's paths are relative to. */
  readonly root: string;
  /** Id of the run (default: the CSV's name and a hash of its absolute path). */
  readonly importId?: string;
  /** Batches in flight (default 1). */
  readonly concurrency?: number;
  /** Share of the time the importer keeps the server busy (0 < duty ≤ 1, default 0.5). */
  readonly duty?: number;
  readonly batchVolumes?: number;
  readonly batchBytes?: number;
  /** How often progress is saved (ms, default 2000). */
  readonly saveEveryMs?: number;
  readonly log?: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** What a run did. */
export interface ImportReport {
  readonly importId: string;
  readonly total: number;
  /** Rows done (written now, written before, or failed), including earlier runs. */
  readonly done: number;
  readonly written: number;
  readonly existing: number;
  readonly failed: number;
  readonly errors: readonly string[];
  readonly seconds: number;
  /** Rows handled per second in this run. */
  readonly volumesPerSecond: number;
}

interface Progress extends CouchDoc {
  nextRow: number;
  done: number;
  failed: number;
  skipped: number;
  written: number;
  errors: string[];
  state: string;
  updatedAt: string;
}

/** The default run id of a CSV: its name plus a hash of its absolute path (stable across runs). */
export function defaultImportId(csvPath: string): string {
  const abs = resolve(csvPath);
  const name =
    basename(abs)
      .replace(/\.[^.]*$/u, '')
      .replace(/[^A-Za-z0-9._-]/gu, '_')
      .slice(0, 40) || 'import';
  return `${name}-${createHash('sha1').update(abs).digest('hex').slice(0, 10)}`;
}

/** Runs (or resumes) an import; resolves when every row is done or the signal aborts. */
export async function importArchive(o: ImportArchiveOptions): Promise<ImportReport> {
  const started = Date.now();
  const log = o.log ?? (() => undefined);
  const couch = new CouchHttp(o.couchUrl);
  const by = decodeURIComponent(new URL(o.couchUrl).username) || 'admin';
  const root = resolve(o.root);
  const parsed = parseImportCsv(await readFile(o.csvPath, 'utf8'));
  const rows = parsed.rows;
  const importId = `archiveImport:${o.importId ?? defaultImportId(o.csvPath)}`;
  const now = () => new Date().toISOString();

  let progress = (await couch.get(DB, importId)) as Progress | undefined;
  if (!progress) {
    progress = {
      _id: importId,
      type: 'archiveImport',
      schemaVersion: 1,
      createdAt: now(),
      createdBy: by,
      csvName: basename(o.csvPath).slice(0, 255),
      total: rows.length + parsed.errors.length,
      nextRow: 0,
      done: parsed.errors.length,
      failed: parsed.errors.length,
      skipped: parsed.errors.length,
      written: 0,
      state: 'running',
      updatedAt: now(),
      errors: parsed.errors.slice(0, 100).map((e) => e.message),
    };
  }
  const p: Progress = progress;
  const resumeAt = p.nextRow;
  if (resumeAt > 0) log(`resuming ${importId} at row ${resumeAt} of ${rows.length}`);
  p.state = 'running';

  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    saving = saving.then(async () => {
      p.updatedAt = now();
      for (let attempt = 0; ; attempt++) {
        const r = await couch.request('PUT', `${DB}/${encodeURIComponent(p._id)}`, p);
        if (r.status === 201 || r.status === 200) {
          p._rev = (r.body as { rev: string }).rev;
          return;
        }
        if (r.status === 409) {
          p._rev = (await couch.get(DB, p._id))?._rev;
          continue;
        }
        if (attempt >= 5) throw new Error(`saving progress: ${r.status} ${JSON.stringify(r.body)}`);
        await sleep(backoffDelay(attempt, 200, 5000));
      }
    });
    return saving;
  };
  await save();

  const caseIds = await caseIdsByNumber(couch);
  const batches = planBatches(rows, resumeAt, o.batchVolumes ?? 20);
  const finished = new Set<number>();
  let nextBatch = 0;
  let written = 0;
  let existing = 0;
  let handled = 0;
  let lastSave = Date.now();
  const duty = Math.min(1, Math.max(0.05, o.duty ?? 0.5));

  const advance = (): void => {
    let first = batches.length;
    for (let i = 0; i < batches.length; i++)
      if (!finished.has(i)) {
        first = i;
        break;
      }
    p.nextRow = first < batches.length ? (batches[first]?.from ?? rows.length) : rows.length;
  };

  const slot = async (): Promise<void> => {
    while (nextBatch < batches.length && !o.signal?.aborted) {
      const index = nextBatch++;
      const batch = batches[index];
      if (!batch) break;
      const t0 = Date.now();
      const outcome = await runBatch(
        couch,
        root,
        batch.rows,
        caseIds,
        by,
        importId,
        o.batchBytes ?? 1 << 20,
        o.signal,
      );
      written += outcome.written;
      existing += outcome.existing;
      handled += batch.rows.length;
      p.done += batch.rows.length;
      p.written += outcome.written;
      p.failed += outcome.errors.length;
      for (const e of outcome.errors) if (p.errors.length < 100) p.errors.push(e);
      finished.add(index);
      advance();
      if (Date.now() - lastSave >= (o.saveEveryMs ?? 2000)) {
        lastSave = Date.now();
        await save();
        log(`${p.done}/${p.total} volumes`);
      }
      const busy = Date.now() - t0;
      if (duty < 1) await sleep((busy * (1 - duty)) / duty, o.signal);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 1) }, () => slot()));
  advance();
  if (!o.signal?.aborted) p.state = p.nextRow >= rows.length ? 'finished' : 'paused';
  else p.state = 'paused';
  await save();
  const seconds = (Date.now() - started) / 1000;
  return {
    importId,
    total: p['total'] as number,
    done: p.done,
    written,
    existing,
    failed: p.failed,
    errors: p.errors,
    seconds,
    volumesPerSecond: seconds > 0 ? handled / seconds : 0,
  };
}

/** Consecutive rows from `from`, in batches of `size`. */
function planBatches(
  rows: readonly ImportRow[],
  from: number,
  size: number,
): { from: number; rows: ImportRow[] }[] {
  const out: { from: number; rows: ImportRow[] }[] = [];
  for (let i = from; i < rows.length; i += size) out.push({ from: i, rows: rows.slice(i, i + size) });
  return out;
}

/** Case number → case id, from the worker's `caseNumber:<caseUuid>` documents. */
async function caseIdsByNumber(couch: CouchHttp): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const exists = await couch.request('GET', CASES_DB);
  if (exists.status !== 200) return map;
  for await (const doc of couch.scan(CASES_DB, 'caseNumber:')) {
    if (doc._id.startsWith('caseNumber:claim:') || typeof doc['caseNumber'] !== 'string') continue;
    map.set(doc['caseNumber'], `case:${doc._id.slice('caseNumber:'.length)}`);
  }
  return map;
}

/** Reads, checks and writes one batch; retries the request on network and server errors. */
async function runBatch(
  couch: CouchHttp,
  root: string,
  rows: readonly ImportRow[],
  caseIds: ReadonlyMap<string, string>,
  by: string,
  importId: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<{ written: number; existing: number; errors: string[] }> {
  const errors: string[] = [];
  const parties = await partiesOf(couch, rows, caseIds);
  let docs: CouchDoc[] = [];
  let bytes = 0;
  let written = 0;
  let existing = 0;
  const flush = async (): Promise<void> => {
    if (docs.length === 0) return;
    const body = { docs };
    docs = [];
    bytes = 0;
    for (let attempt = 0; ; attempt++) {
      const r = await couch
        .request('POST', `${DB}/_bulk_docs`, body, signal)
        .catch((err: unknown) => ({ status: 0, body: err }));
      if (r.status === 201 || r.status === 200) {
        for (const res of r.body as { id: string; error?: string; reason?: string }[]) {
          if (!res.error) written += res.id.startsWith('archiveVolume:') ? 1 : 0;
          else if (res.error === 'conflict') existing += res.id.startsWith('archiveVolume:') ? 1 : 0;
          else errors.push(`${res.id}: ${res.error} ${res.reason ?? ''}`.trim());
        }
        return;
      }
      if (signal?.aborted) throw new Error('aborted');
      if (attempt >= 8) throw new Error(`_bulk_docs: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      await sleep(backoffDelay(attempt, 200, 10_000), signal);
    }
  };
  for (const row of rows) {
    const built = await buildDocs(root, row, caseIds, parties, by, importId).catch(
      (err: unknown) => (err as Error).message,
    );
    if (typeof built === 'string') {
      errors.push(`第 ${row.line} 行 (line ${row.line}): ${built}`);
      continue;
    }
    if (bytes + built.bytes > maxBytes) await flush();
    docs.push(...built.docs);
    bytes += built.bytes;
  }
  await flush();
  return { written, existing, errors };
}

/** Parties of the batch's known cases (from their case documents), by case id. */
async function partiesOf(
  couch: CouchHttp,
  rows: readonly ImportRow[],
  caseIds: ReadonlyMap<string, string>,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const keys = [
    ...new Set(rows.filter((r) => r.parties.length === 0).map((r) => caseIds.get(r.caseNumber))),
  ].filter((k): k is string => k !== undefined);
  if (keys.length === 0) return out;
  const r = await couch.expect('POST', `${CASES_DB}/_all_docs?include_docs=true`, [200], { keys });
  for (const row of (r.body as { rows: { id?: string; doc?: CouchDoc | null }[] }).rows) {
    const ps = row.doc?.['parties'];
    if (row.id && Array.isArray(ps))
      out.set(
        row.id,
        ps.map((x) => String((x as { name?: unknown })?.name ?? '')).filter((n) => n !== ''),
      );
  }
  return out;
}

async function buildDocs(
  root: string,
  row: ImportRow,
  caseIds: ReadonlyMap<string, string>,
  parties: ReadonlyMap<string, string[]>,
  by: string,
  importId: string,
): Promise<{ docs: CouchDoc[]; bytes: number }> {
  const path = resolve(root, row.path);
  if (path !== root && !path.startsWith(root + sep))
    throw new Error('文件不在导入目录内 (file outside the import folder)');
  const size = (await stat(path)).size;
  if (size > MAX_FILE_BYTES)
    throw new Error(`文件超过 ${MAX_FILE_BYTES} 字节 (file larger than ${MAX_FILE_BYTES} bytes)`);
  const bytes = new Uint8Array(await readFile(path));
  const year = row.year;
  if (year === null) throw new Error('无法从案号读出年度，请在第 4 列填写 (no year: put it in column 4)');
  const caseId = caseIds.get(row.caseNumber) ?? `case:${nameUuid(`case|${row.caseNumber}`)}`;
  const volId = volumeId(caseId.slice('case:'.length), row.kind, row.seq);
  const fileId = scanFileId(volId);
  const name = basename(row.path).slice(0, 255) || 'scan.pdf';
  const contentType = name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream';
  const createdAt = new Date().toISOString();
  const env = { schemaVersion: 1, createdAt, createdBy: by };
  const file: CouchDoc = {
    _id: fileId,
    type: 'file',
    ...env,
    ownerId: volId,
    onDemand: true,
    name,
    contentType,
    size: bytes.length,
    digest: `md5-${createHash('md5').update(bytes).digest('base64')}`,
    _attachments: {
      [name]: {
        content_type: contentType,
        data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'),
      },
    },
  };
  const volume: CouchDoc = {
    _id: volId,
    type: 'archiveVolume',
    ...env,
    caseId,
    caseNumber: row.caseNumber,
    kind: row.kind,
    seq: row.seq,
    title: volumeTitle(row.caseNumber, row.kind, row.seq),
    year,
    parties: row.parties.length > 0 ? [...row.parties] : (parties.get(caseId) ?? []),
    pageCount: contentType === 'application/pdf' ? pdfPageCount(bytes) : 0,
    fileId,
    catalogue: [],
    importId: importId.slice('archiveImport:'.length),
  };
  for (const doc of [file, volume]) {
    const issues = issuesForWrite(doc);
    if (issues.length > 0) throw new Error(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
  return { docs: [file, volume], bytes: Math.ceil((bytes.length * 4) / 3) + 2048 };
}
