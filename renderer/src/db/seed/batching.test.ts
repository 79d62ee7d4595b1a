import { describe, expect, it } from 'vitest';
import {
  changesPagePath,
  attachmentBytes,
  bulkGetBody,
  clampProgress,
  planBulkGetBatches,
  type SlowDoc,
} from './batching';

const doc = (id: string, bytes = 0, revs = ['1-a']): SlowDoc => ({ id, revs, bytes });

describe('changesPagePath', () => {
  it('asks the feed for winning bodies with conflicts and every leaf, paged by sequence', () => {
    const first = new URLSearchParams(changesPagePath(2000, 0).split('?')[1]);
    expect(Object.fromEntries(first)).toEqual({
      style: 'all_docs',
      include_docs: 'true',
      conflicts: 'true',
      limit: '2000',
      since: '0',
    });
    const opaque = '12-g1AAAABteJzLYWBgYMpgTmHgz8tPSTV0MDQy';
    expect(new URLSearchParams(changesPagePath(10, opaque).split('?')[1]).get('since')).toBe(opaque);
  });
});

describe('planBulkGetBatches', () => {
  it('caps documents per batch and keeps order', () => {
    const docs = Array.from({ length: 250 }, (_, i) => doc(`d${i}`));
    const batches = planBulkGetBatches(docs, 100, 1e9);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat().map((d) => d.id)).toEqual(docs.map((d) => d.id));
  });
  it('caps announced attachment bytes (per open revision) and lets a huge doc travel alone', () => {
    const batches = planBulkGetBatches(
      [doc('a', 3), doc('b', 3), doc('c', 50), doc('d', 1, ['1-a', '1-b']), doc('e', 1)],
      100,
      6,
    );
    expect(batches.map((b) => b.map((d) => d.id))).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
  });
  it('returns nothing for nothing', () => {
    expect(planBulkGetBatches([])).toEqual([]);
  });
});

describe('bulkGetBody', () => {
  it('asks for every open revision', () => {
    expect(bulkGetBody([doc('a', 0, ['2-x', '2-y']), doc('b')])).toEqual({
      docs: [
        { id: 'a', rev: '2-x' },
        { id: 'a', rev: '2-y' },
        { id: 'b', rev: '1-a' },
      ],
    });
  });
});

describe('attachmentBytes and clampProgress', () => {
  it('sums stub lengths', () => {
    expect(attachmentBytes(undefined)).toBe(0);
    expect(attachmentBytes({ a: { length: 5 }, b: {} })).toBe(5);
  });
  it('never lets done exceed total', () => {
    expect(clampProgress(5, 10)).toEqual({ done: 5, total: 10 });
    expect(clampProgress(12, 10)).toEqual({ done: 12, total: 12 });
  });
});
