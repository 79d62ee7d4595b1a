import { describe, expect, it } from 'vitest';
import { baseSnapshot, TestWriter } from '../../../../tests/support/drafts/writers';
import { listSpots, openSpots } from './conflictSpots';
import { DraftState } from './draftState';

const NOW = new Date('2026-03-03T08:00:00.000Z');

function observe(...batchLists: (readonly import('./draftState').StoredBatch[])[]): DraftState {
  const s = new DraftState();
  for (const list of batchLists) s.apply(list, NOW);
  return s;
}

describe('same-words spots', () => {
  const base = [baseSnapshot(['本判决书送达之日起七日内履行完毕。'])];

  it('marks two people replacing the same words (十五日三十日) and lists the spot', () => {
    const a = new TestWriter('judge.zhao', base).replace(11, 12, '十五');
    const b = new TestWriter('assistant.hu', base).replace(11, 12, '三十');
    const sa = a.save();
    const sb = b.save();
    for (const order of [
      [sa, sb],
      [sb, sa],
    ]) {
      const s = observe(base, [order[0]!], [order[1]!]);
      const text = s.fragment.toArray().length;
      expect(text).toBe(1);
      const spots = openSpots(s.doc, s.fragment);
      expect(spots).toHaveLength(1);
      expect(['十五三十', '三十十五']).toContain(spots[0]!.text);
      expect(spots[0]!.authors).toEqual(['assistant.hu', 'judge.zhao']);
    }
  });

  it('gives the same spot id whichever side integrates (so marks from both replicas coincide)', () => {
    const a = new TestWriter('judge.zhao', base).replace(11, 12, '十五');
    const b = new TestWriter('assistant.hu', base).replace(11, 12, '三十');
    const sa = a.save();
    const sb = b.save();
    const one = observe(base, [sa], [sb]);
    const two = observe(base, [sb], [sa]);
    expect(listSpots(one.doc, one.fragment).map((x) => x.id)).toEqual(
      listSpots(two.doc, two.fragment).map((x) => x.id),
    );
  });

  it('leaves edits of different words alone', () => {
    const a = new TestWriter('judge.zhao', base).replace(0, 2, '该');
    const b = new TestWriter('assistant.hu', base).replace(11, 12, '三十');
    const s = observe(base, [a.save()], [b.save()]);
    expect(listSpots(s.doc, s.fragment)).toEqual([]);
  });

  it('does not raise a spot when the second writer had seen the first change', () => {
    const a = new TestWriter('judge.zhao', base).replace(11, 12, '十五');
    const sa = a.save();
    const b = new TestWriter('assistant.hu', base);
    b.receive([sa]);
    b.replace(11, 13, '三十');
    const s = observe(base, [sa], [b.save()]);
    expect(listSpots(s.doc, s.fragment)).toEqual([]);
  });

  it('marks text written inside words the other side deleted, and a pure deletion of a word the other changed', () => {
    const a = new TestWriter('judge.zhao', base).replace(9, 14, '');
    const b = new TestWriter('assistant.hu', base).replace(12, 12, '（含）');
    const s = observe(base, [a.save()], [b.save()]);
    expect(openSpots(s.doc, s.fragment).map((x) => x.text)).toEqual(['（含）']);
  });

  it('never conflicts two pure deletions', () => {
    const a = new TestWriter('judge.zhao', base).replace(9, 14, '');
    const b = new TestWriter('assistant.hu', base).replace(11, 16, '');
    const s = observe(base, [a.save()], [b.save()]);
    expect(listSpots(s.doc, s.fragment)).toEqual([]);
  });
});
