/**
 * Binding a closed case's electronic case file into its archive volumes (docs/archives.md
 * "Binding a closed case"): the papers and existing volumes of a case from the local replica, the
 * proposal (core/archives/binding.ts), and — only when the clerk confirms — each volume's scan
 * combined from its papers' scans (fetched on demand when this computer lacks them) and written
 * through the file lane with the volume document. Every scan is combined and its page count
 * checked before anything is written, so a paper with a wrong page count stops the binding whole.
 */
import {
  BindingError,
  proposeVolumes,
  type BindablePaper,
  type VolumeProposal,
} from '../../../core/archives/binding';
import { scanFileId, volumeTitle } from '../../../core/archives/ids';
import { attachFile, readFile } from './attachments';
import type { LocalDb } from './localDb';
import type { SyncEngine } from './replication';
import type { Repository } from './repository';

/** One scan to combine: its bytes and type (PDF or image). */
export interface ScanPart {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** Combines scans into one PDF; returns its bytes and page count (pdf.js in the app). */
export type CombineScans = (parts: readonly ScanPart[]) => Promise<{ bytes: Uint8Array; pageCount: number }>;

/** The case a binding is for (from the case catalog). */
export interface BindingCase {
  readonly caseUuid: string;
  readonly caseNumber: string;
  readonly year: number;
  readonly parties: readonly string[];
}

async function byPrefix(db: LocalDb, prefix: string): Promise<Record<string, unknown>[]> {
  const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
  return res.rows.flatMap((r) => (r.doc ? [r.doc as Record<string, unknown>] : []));
}

function paperOf(d: Record<string, unknown>): BindablePaper {
  const catalogue = Array.isArray(d['catalogue']) ? (d['catalogue'] as BindablePaper['catalogue']) : [];
  return {
    id: String(d['_id']),
    title: typeof d['title'] === 'string' ? d['title'] : '',
    receivedOn: typeof d['receivedOn'] === 'string' ? d['receivedOn'] : '',
    ...(typeof d['createdAt'] === 'string' ? { createdAt: d['createdAt'] } : {}),
    kind: d['kind'] === 'secondary' ? 'secondary' : 'main',
    pageCount: typeof d['pageCount'] === 'number' ? d['pageCount'] : 0,
    fileId: typeof d['fileId'] === 'string' ? d['fileId'] : '',
    catalogue,
  };
}

/** What the binding screen shows for a case: its papers, the volumes they become, those already stored. */
export interface BindingState {
  readonly papers: readonly BindablePaper[];
  readonly proposal: readonly VolumeProposal[];
  /** Ids of the case's volumes already stored (all of them: bound; some: an interrupted binding). */
  readonly boundIds: readonly string[];
}

async function volumeIds(db: LocalDb, caseUuid: string): Promise<string[]> {
  const prefix = `archiveVolume:${caseUuid}:`;
  return (await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0` })).rows.map((r) => r.id);
}

/** The papers of `case:<caseUuid>` on this computer and the volumes they would become. */
export async function loadBinding(db: LocalDb, caseUuid: string): Promise<BindingState> {
  const papers = (await byPrefix(db, `caseFilePaper:${caseUuid}:`)).map(paperOf);
  return {
    papers,
    proposal: papers.length > 0 ? proposeVolumes(caseUuid, papers) : [],
    boundIds: await volumeIds(db, caseUuid),
  };
}

/** A paper's scan, fetched from the server if needed. */
async function scanOf(engine: SyncEngine, fileId: string): Promise<ScanPart> {
  await engine.fetchFile('documents', fileId);
  const { info, blob } = await readFile(engine.local('documents'), fileId);
  return { bytes: new Uint8Array(await blob.arrayBuffer()), contentType: info.contentType };
}

/**
 * Writes the confirmed volumes not stored yet (all of them, or the rest after an interrupted
 * binding): every volume's PDF is combined first (a scan whose page count is not the paper's
 * refuses the binding, nothing written), then each scan file (id derived from the volume,
 * on-demand) and its volume document. `onStep(done, of)` after each volume.
 */
export async function writeBoundVolumes(
  engine: SyncEngine,
  repo: Repository,
  user: string,
  theCase: BindingCase,
  proposal: readonly VolumeProposal[],
  combine: CombineScans,
  onStep: (done: number, of: number) => void = () => {},
): Promise<string[]> {
  const db = engine.local('documents');
  const bound = new Set(await volumeIds(db, theCase.caseUuid));
  const todo = proposal.filter((v) => !bound.has(v.id));
  if (todo.length === 0) throw new BindingError('alreadyBound');
  const combined: Uint8Array[] = [];
  for (const volume of todo) {
    const parts: ScanPart[] = [];
    for (const part of volume.parts) parts.push(await scanOf(engine, part.fileId));
    const pdf = await combine(parts);
    if (pdf.pageCount !== volume.pageCount)
      throw new BindingError('pageMismatch', `${pdf.pageCount}/${volume.pageCount}`);
    combined.push(pdf.bytes);
  }
  const ids: string[] = [];
  for (const [i, volume] of todo.entries()) {
    const title = volumeTitle(theCase.caseNumber, volume.kind, volume.seq);
    const name = `${title}.pdf`;
    const fileUuid = scanFileId(volume.id).slice('file:'.length);
    try {
      await attachFile(db, volume.id, new Blob([combined[i] as BlobPart], { type: 'application/pdf' }), {
        user,
        name,
        contentType: 'application/pdf',
        uuid: fileUuid,
      });
    } catch (err) {
      // An earlier attempt that stopped before its volume document stored this scan already.
      if ((err as { status?: number }).status !== 409) throw err;
    }
    await repo.create('archiveVolume', [theCase.caseUuid, volume.kind, String(volume.seq).padStart(2, '0')], {
      caseId: `case:${theCase.caseUuid}`,
      caseNumber: theCase.caseNumber,
      kind: volume.kind,
      seq: volume.seq,
      title,
      year: theCase.year,
      parties: [...theCase.parties],
      pageCount: volume.pageCount,
      fileId: `file:${fileUuid}`,
      catalogue: volume.catalogue.map((e) => ({ ...e })),
    });
    ids.push(volume.id);
    onStep(i + 1, todo.length);
  }
  return ids;
}
