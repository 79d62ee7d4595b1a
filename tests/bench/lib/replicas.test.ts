import { describe, expect, it } from 'vitest';
import { compareReplicas, type DocFingerprint } from './replicas';

const doc = (id: string, extra: Partial<DocFingerprint> = {}): DocFingerprint => ({
  id,
  rev: '1-a',
  conflicts: [],
  ...extra,
});

describe('compareReplicas', () => {
  it('finds nothing between equal replicas, whatever the order and key order', () => {
    const a = [doc('x', { conflicts: ['2-b', '2-c'] }), doc('y', { attachments: { p: '1', q: '2' } })];
    const b = [doc('y', { attachments: { q: '2', p: '1' } }), doc('x', { conflicts: ['2-c', '2-b'] })];
    expect(compareReplicas(a, b)).toMatchObject({
      identical: 2,
      onlyInA: 0,
      onlyInB: 0,
      revDiffers: 0,
      conflictsDiffer: 0,
      attachmentsDiffer: 0,
      withConflicts: 1,
      withAttachments: 1,
    });
  });

  it('counts every kind of difference with examples', () => {
    const a = [
      doc('same'),
      doc('rev'),
      doc('conf', { conflicts: ['2-x'] }),
      doc('att', { attachments: { f: 'pdf 1 md5-a' } }),
      doc('gone'),
    ];
    const b = [
      doc('same'),
      doc('rev', { rev: '2-b' }),
      doc('conf'),
      doc('att', { attachments: { f: 'pdf 1 md5-b' } }),
      doc('new'),
    ];
    expect(compareReplicas(a, b)).toEqual({
      docs: { a: 5, b: 5 },
      identical: 1,
      onlyInA: 1,
      onlyInB: 1,
      revDiffers: 1,
      conflictsDiffer: 1,
      attachmentsDiffer: 1,
      withConflicts: 1,
      withAttachments: 1,
      examples: {
        revDiffers: ['rev'],
        conflictsDiffer: ['conf'],
        attachmentsDiffer: ['att'],
        onlyInA: ['gone'],
        onlyInB: ['new'],
      },
    });
  });
});
