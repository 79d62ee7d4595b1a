import '../../../tests/support/renderer/nodeGlobals';
import { describe, expect, it } from 'vitest';
import { archiveTextId, volumeId } from '../../../core/archives/ids';
import { memoryDb } from '../../../tests/support/renderer/memory';
import { pendingVolumes, runOcrQueue, type OcrQueueDeps, type ScanPages } from './archiveOcrQueue';
import { attachFile, readFile } from './attachments';
import type { LocalDb } from './localDb';
import { createRepository } from './repository';

/**
 * The background OCR queue's logic (docs/archives.md "Background OCR"). The OCR engine is a fake
 * here (and only here): a scan is `<label>|<pages>` and page n reads as `<label> 第n页`; the
 * real tesseract.js reading is the e2e test's and the bench's. Everything else is real: PouchDB,
 * the repository's schema checks, replication between two workstations and a server copy.
 */
const CASE = '0a1b2c3d-0000-4000-8000-0000000000d1';
const T0 = new Date('2026-12-07T10:00:00Z');

async function addVolume(db: LocalDb, seq: number, label: string, pages: number, by = 'clerk.wang') {
  const id = volumeId(CASE, 'main', seq);
  const file = await attachFile(db, id, new Blob([`${label}|${pages}`]), {
    user: by,
    name: `${label}.pdf`,
    contentType: 'application/pdf',
  });
  await createRepository(db, { user: by }).create(
    'archiveVolume',
    [CASE, 'main', String(seq).padStart(2, '0')],
    {
      caseId: `case:${CASE}`,
      caseNumber: `（2019）甘0402民初${seq}号`,
      kind: 'main',
      seq,
      title: `卷${seq}`,
      year: 2019,
      parties: ['张三'],
      pageCount: 0,
      fileId: file.fileId,
      catalogue: [],
    },
  );
  return id;
}

/** A workstation's queue over `db` with the fake engine; `reads` records every page read. */
function station(
  db: LocalDb,
  workstation: string,
  opts: Partial<OcrQueueDeps> & { stopAfter?: number } = {},
) {
  const reads: string[] = [];
  let count = 0;
  const deps: OcrQueueDeps = {
    db,
    user: 'clerk.wang',
    isAdmin: false,
    workstation,
    fetchScan: async (fileId) => (await readFile(db, fileId)).blob,
    openScan: async (scan): Promise<ScanPages> => {
      const [label = '', pages = '0'] = (await scan.text()).split('|');
      return {
        pageCount: Number(pages),
        read: (n) => {
          reads.push(`${label}:${n}`);
          count += 1;
          return Promise.resolve(`${label} 第${n}页`);
        },
        close: () => Promise.resolve(),
      };
    },
    shouldStop: () => opts.stopAfter !== undefined && count >= opts.stopAfter,
    waitIdle: () => Promise.resolve(),
    now: () => T0,
    checkpointEvery: 2,
    ...opts,
  };
  return { deps, reads };
}

async function text(db: LocalDb, volId: string) {
  return (await db.get(archiveTextId(volId), { conflicts: true })) as Record<string, unknown> & {
    pages: string[];
    ocr: { state: string; workstation: string; pageCount: number };
    _conflicts?: string[];
  };
}

async function syncBoth(a: LocalDb, b: LocalDb, server: LocalDb) {
  await a.replicate.to(server);
  await b.replicate.to(server);
  await server.replicate.to(a);
  await server.replicate.to(b);
}

describe('background OCR queue', () => {
  it('reads every volume without text page by page into its archiveText, and leaves texts that exist alone', async () => {
    const db = memoryDb('ocrq-basic');
    const v1 = await addVolume(db, 1, 'A', 3);
    const v2 = await addVolume(db, 2, 'B', 2);
    const v3 = await addVolume(db, 3, 'C', 1);
    await createRepository(db, { user: 'clerk.li' }).create('archiveText', [archiveTextId(v3).slice(12)], {
      ownerId: v3,
      pages: ['已有文本'],
      engine: 'manual',
    });
    const progress: string[] = [];
    const { deps, reads } = station(db, 'ws-archive', {
      onProgress: (p) =>
        progress.push(`${p.volumeId?.slice(-2)}:${p.page}/${p.pageCount} left ${p.remaining}`),
    });
    const result = await runOcrQueue(deps);
    expect(result).toEqual({ finished: [v1, v2], stopped: false });
    expect(reads).toEqual(['A:1', 'A:2', 'A:3', 'B:1', 'B:2']);
    expect(progress).toEqual([
      '01:1/3 left 2',
      '01:2/3 left 2',
      '01:3/3 left 2',
      '02:1/2 left 1',
      '02:2/2 left 1',
    ]);
    expect(await text(db, v1)).toMatchObject({
      type: 'archiveText',
      ownerId: v1,
      caseNumber: '（2019）甘0402民初1号',
      pages: ['A 第1页', 'A 第2页', 'A 第3页'],
      engine: 'tesseract.js 7 chi_sim 4.0.0_best_int',
      ocr: { state: 'done', workstation: 'ws-archive', pageCount: 3 },
    });
    expect((await text(db, v3)).pages).toEqual(['已有文本']);
    // Nothing left: a second run reads nothing.
    expect(await pendingVolumes(deps)).toEqual([]);
    expect((await runOcrQueue(deps)).finished).toEqual([]);
    expect(reads).toHaveLength(5);
  });

  it('chooses the next volume from ids and its own memory, reading no text document twice', async () => {
    const db = memoryDb('ocrq-scale');
    const vols: string[] = [];
    for (let i = 1; i <= 40; i++) vols.push(await addVolume(db, i, `V${i}`, 1));
    await runOcrQueue(station(db, 'ws-archive').deps);
    const late = await addVolume(db, 41, 'LATE', 1);
    const calls: string[] = [];
    const spied = new Proxy(db, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const opts = args[0] as { include_docs?: boolean; since?: unknown } | undefined;
          if (prop === 'allDocs' && opts?.include_docs) calls.push('allDocs+docs');
          if (prop === 'changes') calls.push(`changes since ${String(opts?.since)}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const { deps } = station(spied, 'ws-archive');
    expect(await pendingVolumes(deps)).toEqual([{ volumeId: late }]);
    expect(calls.filter((c) => c === 'allDocs+docs')).toEqual([]);
    // The changes feed is followed from where the last run stopped, not from the start.
    expect(calls.some((c) => c === 'changes since 0')).toBe(false);
  });

  it('pauses between pages and resumes after a restart without reading a page twice', async () => {
    const db = memoryDb('ocrq-pause');
    const v1 = await addVolume(db, 1, 'A', 5);
    const first = station(db, 'ws-archive', { stopAfter: 3 });
    expect(await runOcrQueue(first.deps)).toEqual({ finished: [], stopped: true });
    expect(first.reads).toEqual(['A:1', 'A:2', 'A:3']);
    expect(await text(db, v1)).toMatchObject({
      pages: ['A 第1页', 'A 第2页', 'A 第3页'],
      ocr: { state: 'running' },
    });
    // A new queue (the app restarted) carries on from page 4.
    const second = station(db, 'ws-archive');
    expect((await runOcrQueue(second.deps)).finished).toEqual([v1]);
    expect(second.reads).toEqual(['A:4', 'A:5']);
    expect((await text(db, v1)).pages).toHaveLength(5);
  });

  it('after a crash it resumes from the last checkpoint', async () => {
    const db = memoryDb('ocrq-crash');
    const v1 = await addVolume(db, 1, 'A', 5);
    const crashing = station(db, 'ws-archive');
    const openScan = crashing.deps.openScan;
    const deps: OcrQueueDeps = {
      ...crashing.deps,
      openScan: async (scan) => {
        const pages = await openScan(scan);
        return {
          ...pages,
          read: (n) => (n === 4 ? Promise.reject(new Error('worker died')) : pages.read(n)),
        };
      },
    };
    await expect(runOcrQueue(deps)).rejects.toThrow('worker died');
    expect((await text(db, v1)).pages).toEqual(['A 第1页', 'A 第2页']); // checkpoint every 2 pages
    const again = station(db, 'ws-archive');
    await runOcrQueue(again.deps);
    expect(again.reads).toEqual(['A:3', 'A:4', 'A:5']);
    expect((await text(db, v1)).ocr.state).toBe('done');
  });

  it('a second workstation that has synced skips a volume the first one is reading', async () => {
    const server = memoryDb('ocrq-srv');
    const a = memoryDb('ocrq-a');
    const b = memoryDb('ocrq-b');
    const v1 = await addVolume(a, 1, 'A', 4);
    const v2 = await addVolume(a, 2, 'B', 2);
    const wsA = station(a, 'ws-a', { stopAfter: 2 });
    await runOcrQueue(wsA.deps); // claims v1, reads 2 pages, pauses
    await syncBoth(a, b, server);
    const wsB = station(b, 'ws-b');
    expect((await runOcrQueue(wsB.deps)).finished).toEqual([v2]);
    expect(wsB.reads).toEqual(['B:1', 'B:2']);
    await syncBoth(a, b, server);
    const wsA2 = station(a, 'ws-a');
    expect((await runOcrQueue(wsA2.deps)).finished).toEqual([v1]);
    expect(wsA2.reads).toEqual(['A:3', 'A:4']);
    await syncBoth(a, b, server);
    for (const db of [a, b, server]) {
      expect((await text(db, v1)).ocr.workstation).toBe('ws-a');
      expect((await text(db, v2)).ocr.workstation).toBe('ws-b');
    }
  });

  it('two workstations that read the same volume before syncing end with one stored text, on every copy', async () => {
    const server = memoryDb('ocrq-dup-srv');
    const a = memoryDb('ocrq-dup-a');
    const b = memoryDb('ocrq-dup-b');
    const v1 = await addVolume(server, 1, 'A', 3);
    await server.replicate.to(a);
    await server.replicate.to(b);
    await runOcrQueue(station(a, 'ws-a').deps);
    await runOcrQueue(station(b, 'ws-b', { stopAfter: 1 }).deps); // b has only its claim and a page
    await syncBoth(a, b, server);
    expect((await text(server, v1))._conflicts).toHaveLength(1);
    const winner = (await text(server, v1)).ocr.workstation;
    // Each queue's next run settles its side: the loser deletes its leaf, the winner adopts a finished one.
    const runA = station(a, 'ws-a');
    const runB = station(b, 'ws-b');
    await runOcrQueue(runA.deps);
    await runOcrQueue(runB.deps);
    await syncBoth(a, b, server);
    await syncBoth(a, b, server);
    for (const db of [a, b, server]) {
      const t = await text(db, v1);
      expect(t._conflicts ?? []).toEqual([]);
      expect(t.ocr).toMatchObject({ state: 'done', workstation: winner });
      expect(t.pages).toEqual(['A 第1页', 'A 第2页', 'A 第3页']);
    }
    // No page was read again to settle it.
    expect([...runA.reads, ...runB.reads]).toEqual([]);
    const leaves = await server.get(archiveTextId(v1), { open_revs: 'all' });
    const dead = leaves.flatMap((l) => ('ok' in l && l.ok._deleted ? [l.ok] : []));
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ conflictResolution: { keptRev: expect.any(String) as string } });
  });

  it('takes over a stale claim of its own user, never a fresh one nor another user’s', async () => {
    const db = memoryDb('ocrq-stale');
    const v1 = await addVolume(db, 1, 'A', 2);
    const v2 = await addVolume(db, 2, 'B', 2);
    const claim = (volId: string, user: string, at: string) =>
      createRepository(db, { user }).create('archiveText', [archiveTextId(volId).slice(12)], {
        ownerId: volId,
        pages: [],
        engine: 'tesseract.js 7 chi_sim 4.0.0_best_int',
        ocr: { state: 'running', workstation: 'ws-dead', pageCount: 2, updatedAt: at },
      });
    await claim(v1, 'clerk.wang', '2026-12-07T08:00:00.000Z'); // two hours before T0
    await claim(v2, 'clerk.li', '2026-12-07T08:00:00.000Z');
    const run = station(db, 'ws-archive');
    expect((await runOcrQueue(run.deps)).finished).toEqual([v1]);
    expect((await text(db, v2)).ocr.workstation).toBe('ws-dead');
    // The same user's fresh claim elsewhere is left alone.
    const db2 = memoryDb('ocrq-fresh');
    const v3 = await addVolume(db2, 3, 'C', 2);
    await createRepository(db2, { user: 'clerk.wang' }).create('archiveText', [archiveTextId(v3).slice(12)], {
      ownerId: v3,
      pages: [],
      engine: 'x',
      ocr: { state: 'running', workstation: 'ws-other', pageCount: 2, updatedAt: '2026-12-07T09:50:00.000Z' },
    });
    expect(await pendingVolumes(station(db2, 'ws-archive').deps)).toEqual([]);
  });
});
