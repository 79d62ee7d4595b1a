/**
 * The archive list's in-memory index (docs/archives.md "The list at scale"): every volume and
 * paper of the `documents` replica read once, then kept current from the changes feed by
 * re-reading only the archive documents that changed. The `documents` replica changes all the
 * time (co-drafting batches, notices, texts); none of that re-reads the archive.
 */
import { Observable } from 'rxjs';
import { archiveEntryOf, type ArchiveEntry } from '../features/archives/model/archiveTypes';
import type { LocalDb } from './localDb';

/** The prefixes of the documents the list shows. */
const PREFIXES = ['archiveVolume:', 'caseFilePaper:'] as const;

/** The archive entries by id; `version` grows with every change applied. */
export interface ArchiveIndex {
  readonly entries: ReadonlyMap<string, ArchiveEntry>;
  readonly version: number;
}

function isArchiveId(id: string): boolean {
  return PREFIXES.some((p) => id.startsWith(p));
}

function apply(entries: Map<string, ArchiveEntry>, id: string, doc: unknown): void {
  const entry = doc ? archiveEntryOf(doc as Record<string, unknown>) : null;
  if (entry) entries.set(id, entry);
  else entries.delete(id);
}

/**
 * The archive entries of `db`, live: the first value after one read of every volume and paper,
 * then a new value after each batch of changes (debounced by `debounceMs`) that touched one.
 */
export function watchArchiveIndex(db: LocalDb, debounceMs = 100): Observable<ArchiveIndex> {
  return new Observable<ArchiveIndex>((sub) => {
    const entries = new Map<string, ArchiveEntry>();
    const pending = new Set<string>();
    let version = 0;
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reading: Promise<void> = Promise.resolve();
    let feed: PouchDB.Core.Changes<Record<string, unknown>> | undefined;

    const reread = async () => {
      const keys = [...pending];
      pending.clear();
      if (keys.length === 0 || closed) return;
      const res = await db.allDocs({ keys, include_docs: true });
      for (const row of res.rows) {
        if ('error' in row) apply(entries, row.key, null);
        else apply(entries, row.id, row.value.deleted ? null : row.doc);
      }
      version += 1;
      if (!closed) sub.next({ entries, version });
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        reading = reading.then(reread).catch((err: unknown) => sub.error(err));
      }, debounceMs);
    };

    const start = async () => {
      // The feed starts from the sequence before the first read: a change in between is read twice, never missed.
      const { update_seq: since } = await db.info();
      for (const prefix of PREFIXES) {
        const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
        for (const row of res.rows) apply(entries, row.id, row.doc);
      }
      if (closed) return;
      sub.next({ entries, version });
      feed = db
        .changes({ since, live: true, return_docs: false })
        .on('change', (change) => {
          if (!isArchiveId(change.id)) return;
          pending.add(change.id);
          schedule();
        })
        .on('error', (err) => sub.error(err));
    };
    reading = start().catch((err: unknown) => sub.error(err));
    return () => {
      closed = true;
      clearTimeout(timer);
      feed?.cancel();
    };
  });
}
