import '../../../tests/support/renderer/nodeGlobals';
import { afterEach, describe, expect, it } from 'vitest';
import { paperId, volumeId } from '../../../core/archives/ids';
import { archiveDocs, caseNumber, caseUuid, yearOf } from '../../../tests/support/renderer/archiveVolumes';
import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { searchArchive, sortArchive } from '../features/archives/model/archiveTypes';
import { watchArchiveIndex, type ArchiveIndex } from './archiveIndex';
import type { LocalDb } from './localDb';

/**
 * The archive list at scale (docs/archives.md "The list at scale"): 3,000 volumes in a real
 * PouchDB; the list is read once, searched in memory, and a change re-reads only what changed.
 */
const CASES = 1000;

/** `db` with every read that returns documents recorded: `allDocs+docs <keys or range>`, `get <id>`. */
function spied(db: LocalDb, reads: string[]): LocalDb {
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const opts = args[0] as { include_docs?: boolean; keys?: string[]; startkey?: string } | undefined;
        if (prop === 'allDocs' && opts?.include_docs)
          reads.push(`allDocs+docs ${opts.keys ? opts.keys.join(',') : `from ${opts.startkey}`}`);
        if (prop === 'get') reads.push(`get ${String(args[0])}`);
        if (prop === 'changes' && (opts as { include_docs?: boolean } | undefined)?.include_docs)
          reads.push('changes+docs');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const subs: { unsubscribe(): void }[] = [];
afterEach(() => subs.splice(0).forEach((s) => s.unsubscribe()));

function follow(db: LocalDb): { latest: () => ArchiveIndex | undefined } {
  let latest: ArchiveIndex | undefined;
  subs.push(watchArchiveIndex(db, 10).subscribe((v) => (latest = { ...v })));
  return { latest: () => latest };
}

describe('archive list index', () => {
  it('pages and searches 3,000 volumes and applies a change by re-reading only the changed documents', async () => {
    const raw = memoryDb('archidx');
    await raw.bulkDocs(archiveDocs(CASES));
    const reads: string[] = [];
    const db = spied(raw, reads);
    const list = follow(db);
    await waitFor('the first read', () => list.latest() !== undefined);
    expect(reads).toEqual(['allDocs+docs from archiveVolume:', 'allDocs+docs from caseFilePaper:']);

    const sorted = sortArchive(list.latest()!.entries.values());
    expect(sorted).toHaveLength(3000);
    // First page of 50: cases 1…16 (3 volumes each) and case 17's 正卷 1 and 2; numbers compared as numbers.
    const expected = [];
    for (let n = 1; n <= 17; n++)
      expected.push(
        volumeId(caseUuid(n), 'main', 1),
        volumeId(caseUuid(n), 'main', 2),
        volumeId(caseUuid(n), 'secondary', 1),
      );
    expect(sorted.slice(0, 50).map((e) => e.id)).toEqual(expected.slice(0, 50));

    const byCase = searchArchive(sorted, { caseNumber: '(2019)甘0402民初123号' });
    expect(byCase.map((e) => e.id)).toEqual([
      volumeId(caseUuid(123), 'main', 1),
      volumeId(caseUuid(123), 'main', 2),
      volumeId(caseUuid(123), 'secondary', 1),
    ]);
    const byParty = searchArchive(sorted, { party: '当事人77' });
    expect(new Set(byParty.map((e) => e.caseNumber))).toEqual(
      new Set([77, 770, 771, 772, 773, 774, 775, 776, 777, 778, 779].map(caseNumber)),
    );
    expect(byParty).toHaveLength(33);
    const byYear = searchArchive(sorted, { year: 2017, party: '当事人1' });
    const yearCases = [...Array(CASES).keys()]
      .map((i) => i + 1)
      .filter((n) => yearOf(n) === 2017 && String(n).startsWith('1'));
    expect(byYear).toHaveLength(yearCases.length * 3);
    expect(byYear.every((e) => e.year === 2017 && e.parties[0]!.startsWith('当事人1'))).toBe(true);

    // One volume changes among a burst of unrelated documents (a co-drafting batch).
    reads.length = 0;
    const before = list.latest()!.version;
    const changedId = volumeId(caseUuid(5), 'main', 1);
    const doc = await raw.get(changedId);
    await raw.put({ ...doc, parties: ['王五'] });
    await raw.bulkDocs(
      Array.from({ length: 50 }, (_, i) => ({ _id: `draftUpdate:x:${i}`, type: 'draftUpdate' })),
    );
    await waitFor('the change applied', () => list.latest()!.version > before);
    expect(reads).toEqual([`allDocs+docs ${changedId}`]);
    const after = list.latest()!;
    expect(after.entries.size).toBe(3000);
    expect(searchArchive(sortArchive(after.entries.values()), { party: '王五' }).map((e) => e.id)).toEqual([
      changedId,
    ]);

    // A new paper shows up; a deleted volume goes.
    reads.length = 0;
    const newPaper = paperId(caseUuid(5), '0a1b2c3d-0000-4000-8000-00000000ffff');
    await raw.put({
      _id: newPaper,
      type: 'caseFilePaper',
      caseId: `case:${caseUuid(5)}`,
      caseNumber: caseNumber(5),
      title: '补充证据',
      receivedOn: '2026-03-05',
      kind: 'main',
      pageCount: 2,
      fileId: 'file:p',
      catalogue: [],
      createdBy: 'clerk.wang',
    });
    const gone = await raw.get(volumeId(caseUuid(6), 'secondary', 1));
    await raw.remove(gone);
    await waitFor('the paper and the deletion applied', () => {
      const e = list.latest()!.entries;
      return e.has(newPaper) && !e.has(gone._id);
    });
    expect(reads.every((r) => r.startsWith('allDocs+docs ') && !r.includes('from '))).toBe(true);
    const ids = reads.flatMap((r) => r.slice('allDocs+docs '.length).split(','));
    expect(new Set(ids)).toEqual(new Set([newPaper, gone._id]));
    const case5 = searchArchive(sortArchive(list.latest()!.entries.values()), { caseNumber: '民初5号' });
    expect(case5.map((e) => e.id)).toEqual([
      volumeId(caseUuid(5), 'main', 1),
      volumeId(caseUuid(5), 'main', 2),
      volumeId(caseUuid(5), 'secondary', 1),
      newPaper,
    ]);
  });
});
