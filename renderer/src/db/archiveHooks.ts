/**
 * The archive in the local `documents` replica (docs/archives.md): volumes (卷宗) and
 * electronic case-file papers (电子卷宗) live, import runs, opening a scan (fetched from the
 * server on demand and kept), filing a paper with its scan and OCR text, and confirming a
 * catalogue. Screens use these, never PouchDB.
 */
import { useMemo } from 'react';
import type { CatalogueEntry, ImportRun } from '../features/archives/model/archiveTypes';
import { importRunOf } from '../features/archives/model/archiveTypes';
import { archiveTextId, paperId } from '../../../core/archives/ids';
import { attachFile, readFile } from './attachments';
import { watchArchiveIndex, type ArchiveIndex } from './archiveIndex';
import { useLiveQuery, useObservable, useSyncEngine } from './hooks';
import type { LocalDb } from './localDb';
import type { SyncEngine } from './replication';
import type { Repository } from './repository';

/** The OCR engine and model stored with every OCR text (docs/archives.md "OCR"). */
export const OCR_ENGINE = 'tesseract.js 7 chi_sim 4.0.0_best_int';

async function byPrefix(db: LocalDb, prefix: string): Promise<Record<string, unknown>[]> {
  const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
  return res.rows.flatMap((r) => (r.doc ? [r.doc as Record<string, unknown>] : []));
}

/**
 * Every volume and paper on this computer (metadata only; scans stay on the server until opened),
 * live, from the archive index (archiveIndex.ts: read once, then only the changed documents).
 */
export function useArchiveIndex(): ArchiveIndex | undefined {
  const engine = useSyncEngine();
  const index$ = useMemo(() => (engine ? watchArchiveIndex(engine.local('documents')) : null), [engine]);
  return useObservable<ArchiveIndex | undefined>(index$, undefined);
}

/** Bulk import runs (the server's `import-archive` progress documents), newest first, live. */
export function useImportRuns(): readonly ImportRun[] | undefined {
  return useLiveQuery(
    'documents',
    async (db) =>
      (await byPrefix(db, 'archiveImport:'))
        .map(importRunOf)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
    [],
  );
}

/**
 * The scan of a volume or paper: fetched from the server if this computer does not hold it yet
 * (archive scans are never pulled eagerly), then read and checked against its digest.
 */
export async function openArchiveScan(
  engine: SyncEngine,
  fileId: string,
): Promise<{ name: string; contentType: string; blob: Blob; fetched: boolean }> {
  const fetched = await engine.fetchFile('documents', fileId);
  const { info, blob } = await readFile(engine.local('documents'), fileId);
  return { name: info.name, contentType: info.contentType, blob, fetched };
}

/** What a clerk enters to file a paper into the electronic case file. */
export interface NewPaper {
  readonly caseUuid: string;
  readonly caseNumber?: string;
  readonly title: string;
  readonly receivedOn: string;
  readonly kind: 'main' | 'secondary';
  readonly pageCount: number;
  readonly file: File;
  /** One entry per document in the scan; the suggestion is stored unconfirmed unless the clerk confirmed it. */
  readonly catalogue: readonly CatalogueEntry[];
  /** OCR text per page (empty: no OCR). */
  readonly ocrPages: readonly string[];
}

/** Files a paper: its scan (an on-demand file), the paper document, and its OCR text. Returns the paper id. */
export async function filePaper(
  db: LocalDb,
  repo: Repository,
  user: string,
  paper: NewPaper,
): Promise<string> {
  const uuid = crypto.randomUUID();
  const id = paperId(paper.caseUuid, uuid);
  const file = await attachFile(db, id, paper.file, { user, name: paper.file.name });
  await repo.create('caseFilePaper', [paper.caseUuid, uuid], {
    caseId: `case:${paper.caseUuid}`,
    ...(paper.caseNumber ? { caseNumber: paper.caseNumber } : {}),
    title: paper.title.trim(),
    receivedOn: paper.receivedOn,
    kind: paper.kind,
    pageCount: paper.pageCount,
    fileId: file.fileId,
    catalogue: paper.catalogue.map((e) => ({ ...e })),
  });
  if (paper.ocrPages.some((p) => p.trim() !== '')) {
    const textId = archiveTextId(id);
    await repo.create('archiveText', [textId.slice('archiveText:'.length)], {
      ownerId: id,
      ...(paper.caseNumber ? { caseNumber: paper.caseNumber } : {}),
      title: paper.title.trim(),
      pages: paper.ocrPages.map((p) => p.slice(0, 20_000)),
      engine: OCR_ENGINE,
    });
  }
  return id;
}

/** Replaces the catalogue of a volume or paper (its creator or an admin; the server checks). */
export async function saveCatalogue(
  repo: Repository,
  id: string,
  catalogue: readonly CatalogueEntry[],
): Promise<void> {
  await repo.update(id, (d) => ({ ...d, catalogue: catalogue.map((e) => ({ ...e })) }));
}
