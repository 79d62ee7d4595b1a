import { createHash, randomUUID } from 'node:crypto';
import { couchFetch, type CouchTarget } from './couchTarget';
import { pdfFromObjects } from './pdfTools';

/**
 * Archive volumes for the file-reading tests, written as the server admin straight into
 * courtdesk_documents in the shape agreed with the archives work (issue 12):
 * `archiveVolume:<caseUuid>:<kind>:<nn>` { type, schemaVersion 1, caseId, caseNumber, kind, seq,
 * title, year, parties, pageCount, fileId, catalogue, createdAt, createdBy } and its PDF in a
 * `file:<uuid>` document (core/schemas/file.ts, ownerId = the volume id). The archives schema and
 * design-document rules are theirs; this is the one place the reading tests depend on the shape.
 */

/** A PDF of `pages` pages, each saying "<label> p<n>" (Helvetica, no embedded font). */
export function tinyPdf(label: string, pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 2} 0 R`).join(' ');
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
  ];
  const font = 3 + pages * 2;
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 36 Tf 72 700 Td (${label} p${i + 1}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${4 + i * 2} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  return pdfFromObjects(objects);
}

/** What {@link putArchiveVolume} wrote. */
export interface VolumeFixture {
  readonly volumeId: string;
  readonly fileId: string;
  readonly title: string;
  readonly pageCount: number;
}

/** Writes one archive volume of `caseId` and its PDF (server admin). */
export async function putArchiveVolume(
  target: CouchTarget,
  caseId: string,
  opts: { caseNumber: string; seq: number; title: string; pages: number; kind?: 'main' | 'secondary' },
): Promise<VolumeFixture> {
  const kind = opts.kind ?? 'main';
  const uuid = caseId.replace(/^case:/, '');
  const volumeId = `archiveVolume:${uuid}:${kind}:${String(opts.seq).padStart(2, '0')}`;
  const fileId = `file:${randomUUID()}`;
  const pdf = tinyPdf(opts.title.replace(/[^\x20-\x7e]/g, 'x'), opts.pages);
  const now = new Date().toISOString();
  const volume = {
    _id: volumeId,
    type: 'archiveVolume',
    schemaVersion: 1,
    caseId,
    caseNumber: opts.caseNumber,
    kind,
    seq: opts.seq,
    title: opts.title,
    year: 2026,
    parties: ['张三', '李四'],
    pageCount: opts.pages,
    fileId,
    catalogue: [{ title: '起诉状', firstPage: 1, lastPage: opts.pages, confirmed: true }],
    createdAt: now,
    createdBy: 'clerk.fixture',
  };
  const file = {
    _id: fileId,
    type: 'file',
    schemaVersion: 1,
    createdAt: now,
    createdBy: 'clerk.fixture',
    ownerId: volumeId,
    name: `${opts.title}.pdf`,
    contentType: 'application/pdf',
    size: pdf.length,
    digest: `md5-${createHash('md5').update(new Uint8Array(pdf)).digest('base64')}`,
    _attachments: {
      [`${opts.title}.pdf`]: { content_type: 'application/pdf', data: pdf.toString('base64') },
    },
  };
  for (const doc of [volume, file]) {
    const r = await couchFetch(`${target.url}/courtdesk_documents/${encodeURIComponent(doc._id)}`, {
      method: 'PUT',
      auth: target.admin,
      body: doc,
    });
    if (r.status !== 201) throw new Error(`${doc._id}: ${r.status} ${r.text}`);
  }
  return { volumeId, fileId, title: opts.title, pageCount: opts.pages };
}

/** A readingVisit document body (the clerk writes it). */
export function visitDoc(opts: {
  caseId: string;
  caseNumber: string;
  clerk: string;
  readerAccount: string;
  allowPrint?: boolean;
  minutes?: number;
  idNumber?: string;
}): Record<string, unknown> & { _id: string } {
  const now = new Date();
  return {
    _id: `readingVisit:${randomUUID()}`,
    type: 'readingVisit',
    schemaVersion: 1,
    createdAt: now.toISOString(),
    createdBy: opts.clerk,
    caseId: opts.caseId,
    caseNumber: opts.caseNumber,
    readerName: '王律师',
    readerIdNumber: opts.idNumber ?? '11010519491231002X',
    capacity: 'agent',
    partyName: '张三',
    allowPrint: opts.allowPrint ?? false,
    readerAccount: opts.readerAccount,
    expiresAt: new Date(now.getTime() + (opts.minutes ?? 30) * 60_000).toISOString(),
  };
}
