import '../../../tests/support/renderer/nodeGlobals';
import { createCanvas } from '@napi-rs/canvas';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { jpegPagePdf } from '../../../core/archives/imagePdf';
import { tinyPdf } from '../../../tests/support/archiveFixtures';
import { pdfPages, pdfText } from '../../../tests/support/pdfTools';
import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { createTestEngine } from '../../../tests/support/renderer/testEngine';
import { pdfCombiner, type CombinablePdf } from '../features/archives/bind/combineScans';
import { loadBinding, writeBoundVolumes, type BindingCase } from './archiveBinding';
import { filePaper } from './archiveHooks';
import { readFile } from './attachments';
import type { SyncEngine } from './replication';
import { createRepository } from './repository';

/**
 * A closed case's electronic case file becomes its volumes (docs/archives.md "Binding a closed
 * case"): papers filed with their scans (PDF and an image) are proposed as 正卷 and 副卷, and on
 * confirmation each volume's scan is the papers' pages combined in filing order — checked with
 * poppler (page count, the text of each page) — with the catalogue's page ranges to match.
 */
const CASE = '0a1b2c3d-0000-4000-8000-0000000000b7';
const THE_CASE: BindingCase = {
  caseUuid: CASE,
  caseNumber: '（2026）甘0402民初77号',
  year: 2026,
  parties: ['张三', '李四'],
};
const engines: SyncEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

function openNode(bytes: Uint8Array): Promise<CombinablePdf> {
  return getDocument({ data: bytes, isEvalSupported: false, useWasm: false }).promise;
}

function jpegOf(width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.fillRect(20, 20, width - 40, 30);
  return new Uint8Array(canvas.encodeSync('jpeg', 90));
}

const combine = pdfCombiner(openNode, (part) => Promise.resolve(jpegPagePdf(part.bytes, 620, 877)));

async function setUp(name: string) {
  const local = memoryDb(`${name}-local`);
  const remote = memoryDb(`${name}-remote`);
  const { engine } = createTestEngine(local, remote, { filePollIntervalMs: 100, pollIntervalMs: 100 });
  engines.push(engine);
  await engine.start();
  const repo = createRepository(local, { user: 'clerk.wang' });
  let day = 1;
  const file = async (title: string, bytes: Uint8Array, pageCount: number, type = 'application/pdf') =>
    filePaper(local, repo, 'clerk.wang', {
      caseUuid: CASE,
      caseNumber: THE_CASE.caseNumber,
      title,
      receivedOn: `2026-02-${String(day++).padStart(2, '0')}`,
      kind: 'main',
      pageCount,
      file: new File([bytes as BlobPart], `${title}.pdf`, { type }),
      catalogue: [{ title, firstPage: 1, lastPage: pageCount, confirmed: false }],
      ocrPages: [],
    });
  return { local, remote, engine, repo, file };
}

async function savedPdf(local: PouchDB.Database, fileId: string): Promise<string> {
  const { blob } = await readFile(local, fileId);
  const path = join(mkdtempSync(join(tmpdir(), 'bind-')), 'volume.pdf');
  writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
  return path;
}

describe('binding a closed case into volumes', () => {
  it('five papers (one an image) become a 正卷 and a 副卷 whose PDFs have the papers’ pages in filing order', async () => {
    const { local, remote, engine, repo, file } = await setUp('bind-ok');
    await file('民事起诉状', tinyPdf('QSZ', 3), 3);
    await file('合议庭评议笔录', tinyPdf('HYT', 2), 2);
    await file('证据照片', jpegOf(620, 877), 1, 'image/jpeg');
    await file('开庭笔录', tinyPdf('KTBL', 4), 4);
    await file('审判委员会讨论记录', tinyPdf('SWH', 1), 1);

    const state = await loadBinding(local, CASE);
    expect(state.papers).toHaveLength(5);
    expect(state.proposal.map((v) => [v.kind, v.seq, v.pageCount])).toEqual([
      ['main', 1, 8],
      ['secondary', 1, 3],
    ]);
    // Nothing is written by the proposal.
    expect(
      (await local.allDocs({ startkey: 'archiveVolume:', endkey: 'archiveVolume:\ufff0' })).rows,
    ).toEqual([]);

    // An interrupted binding stored the 正卷 only; confirming again adds the 副卷 alone.
    await writeBoundVolumes(engine, repo, 'clerk.wang', THE_CASE, state.proposal.slice(0, 1), combine);
    expect((await loadBinding(local, CASE)).boundIds).toEqual([state.proposal[0]?.id]);
    const steps: number[] = [];
    const rest = await writeBoundVolumes(engine, repo, 'clerk.wang', THE_CASE, state.proposal, combine, (d) =>
      steps.push(d),
    );
    expect(steps).toEqual([1]);
    expect(rest).toEqual([`archiveVolume:${CASE}:secondary:01`]);
    const ids = [`archiveVolume:${CASE}:main:01`, ...rest];
    expect(ids).toEqual([`archiveVolume:${CASE}:main:01`, `archiveVolume:${CASE}:secondary:01`]);

    const main = (await local.get(ids[0] ?? '')) as unknown as Record<string, unknown> & { fileId: string };
    expect(main).toMatchObject({
      type: 'archiveVolume',
      caseId: `case:${CASE}`,
      caseNumber: THE_CASE.caseNumber,
      kind: 'main',
      seq: 1,
      year: 2026,
      parties: ['张三', '李四'],
      pageCount: 8,
      createdBy: 'clerk.wang',
      catalogue: [
        { title: '民事起诉状', firstPage: 1, lastPage: 3, confirmed: true },
        { title: '证据照片', firstPage: 4, lastPage: 4, confirmed: true },
        { title: '开庭笔录', firstPage: 5, lastPage: 8, confirmed: true },
      ],
    });
    const mainPdf = await savedPdf(local, main.fileId);
    const layout = await pdfPages(mainPdf);
    expect(layout.pages).toBe(8);
    // The image page is sized from the image at 150 dpi (620 × 877 px → 297.6 × 420.96 pt).
    expect(layout.sizes[3]).toEqual({ width: 297.6, height: 420.96 });
    expect(await pdfText(mainPdf, 1)).toContain('QSZ p1');
    expect(await pdfText(mainPdf, 3)).toContain('QSZ p3');
    expect((await pdfText(mainPdf, 4)).trim()).toBe(''); // the image page
    expect(await pdfText(mainPdf, 5)).toContain('KTBL p1');
    expect(await pdfText(mainPdf, 8)).toContain('KTBL p4');

    const secondary = (await local.get(ids[1] ?? '')) as unknown as Record<string, unknown> & {
      fileId: string;
    };
    expect(secondary['catalogue']).toEqual([
      { title: '合议庭评议笔录', firstPage: 1, lastPage: 2, confirmed: true },
      { title: '审判委员会讨论记录', firstPage: 3, lastPage: 3, confirmed: true },
    ]);
    const secondaryPdf = await savedPdf(local, secondary.fileId);
    expect((await pdfPages(secondaryPdf)).pages).toBe(3);
    expect(await pdfText(secondaryPdf, 3)).toContain('SWH p1');

    // The scans are on-demand files owned by their volumes, and they reach the server.
    expect(await local.get(main.fileId)).toMatchObject({ onDemand: true, ownerId: ids[0] });
    await waitFor(
      'volume scan on the server',
      () =>
        remote.get(main.fileId).then(
          () => true,
          () => false,
        ),
      15_000,
    );
    // Bound once: a further confirmation is refused.
    expect((await loadBinding(local, CASE)).boundIds).toEqual(ids);
    await expect(
      writeBoundVolumes(engine, repo, 'clerk.wang', THE_CASE, state.proposal, combine),
    ).rejects.toMatchObject({ code: 'alreadyBound' });
  }, 60_000);

  it('a paper whose scan has fewer pages than recorded stops the binding before anything is written', async () => {
    const { local, engine, repo, file } = await setUp('bind-mismatch');
    await file('民事起诉状', tinyPdf('A', 2), 2);
    await file('答辩状', tinyPdf('B', 1), 3);
    const state = await loadBinding(local, CASE);
    await expect(
      writeBoundVolumes(engine, repo, 'clerk.wang', THE_CASE, state.proposal, combine),
    ).rejects.toMatchObject({ code: 'pageMismatch' });
    const written = await local.allDocs({ include_docs: true });
    expect(written.rows.filter((r) => r.id.startsWith('archiveVolume:'))).toEqual([]);
    expect(
      written.rows.filter((r) =>
        (r.doc as { ownerId?: string } | undefined)?.ownerId?.startsWith('archiveVolume:'),
      ),
    ).toEqual([]);
  }, 60_000);
});
