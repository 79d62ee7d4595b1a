import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseSnapshot, storedUpdate, TestWriter } from '../../../../tests/support/drafts/writers';
import { openSpots } from './conflictSpots';
import { DraftState, type StoredBatch } from './draftState';
import { BatchRecorder } from './batchRecorder';
import * as Y from 'yjs';

/**
 * The detector's contract, over random texts and edits: edits separated by at least one character
 * neither side touched never raise a spot; edits to the same words (a shared character, the same
 * insertion point, or text written inside words the other deleted) where someone wrote text always
 * do — whichever side integrates, and for a third replica reading both. Both edits stay in the
 * text and every replica reads the same text.
 */
const NOW = new Date('2026-03-03T08:00:00.000Z');
const CHARS = '本院认为原告被告借款合同约定利息应当于七日内偿还人民币元整判决如下';

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

const word = fc.string({ unit: fc.constantFrom(...'十五三十甲乙丙'), minLength: 1, maxLength: 3 });
const baseText = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 12, maxLength: 40 });

/** Non-overlapping edits inside `[lo, hi]` (insertion gaps lo…hi, deleted chars lo…hi-1). */
function editsIn(lo: number, hi: number): fc.Arbitrary<Edit[]> {
  return fc
    .array(fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: 3 }), fc.option(word)), {
      minLength: 1,
      maxLength: 3,
    })
    .map((raw) => {
      const out: Edit[] = [];
      for (const [from, len, ins] of [...raw].sort((a, b) => a[0] - b[0])) {
        const last = out[out.length - 1];
        if (last && from <= last.to) continue;
        const to = Math.min(hi, from + len);
        const insert = ins ?? '';
        if (to === from && insert === '') continue;
        out.push({ from, to, insert });
      }
      return out;
    })
    .filter((e) => e.length > 0);
}

function applyEdits(w: TestWriter | SessionSide, edits: readonly Edit[], batches: number): void {
  // right to left, so earlier positions stay valid; split into `batches` saved batches
  const sorted = [...edits].sort((a, b) => b.from - a.from);
  sorted.forEach((e, i) => {
    w.replace(e.from, e.to, e.insert);
    if (i < sorted.length - 1 && i % Math.ceil(sorted.length / batches) === 0) w.save();
  });
  w.save();
}

/** A writer whose document is a DraftState, as an open editor session is (own batches journalled). */
class SessionSide {
  readonly state = new DraftState();
  readonly recorder: BatchRecorder;
  readonly batches: StoredBatch[] = [];
  constructor(
    readonly user: string,
    base: readonly StoredBatch[],
  ) {
    this.state.apply(base, NOW);
    this.recorder = new BatchRecorder(this.state.doc, 'draft:test', user);
  }
  replace(from: number, to: number, insert: string): void {
    const t = (this.state.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    if (to > from) t.delete(from, to - from);
    if (insert) t.insert(from, insert);
  }
  save(): void {
    const cut = this.recorder.cut();
    if (!cut) return;
    const b = storedUpdate(cut, this.user, NOW.toISOString());
    this.state.noteOwnBatch(b);
    this.batches.push(b);
  }
  receive(others: readonly StoredBatch[]): string[] {
    this.save();
    const spots = this.state.apply(others, NOW);
    this.recorder.integrated();
    return spots;
  }
  plain(): string {
    return ((this.state.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText)
      .toDelta()
      .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('');
  }
}

interface Outcome {
  readonly spotsA: number;
  readonly spotsB: number;
  readonly spotsThird: number;
  readonly texts: readonly string[];
}

function run(
  text: string,
  editsA: readonly Edit[],
  editsB: readonly Edit[],
  batchesA: number,
  batchesB: number,
): Outcome {
  const base = [baseSnapshot([text])];
  const a = new SessionSide('judge.zhao', base);
  const b = new SessionSide('assistant.hu', base);
  applyEdits(a, editsA, batchesA);
  applyEdits(b, editsB, batchesB);
  const aBatches = [...a.batches];
  const bBatches = [...b.batches];
  a.receive(bBatches);
  b.receive(aBatches);
  const third = new DraftState();
  third.apply(base, NOW);
  third.apply([...aBatches, ...bBatches], NOW);
  const plain = (s: DraftState) =>
    ((s.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText)
      .toDelta()
      .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('');
  return {
    spotsA: openSpots(a.state.doc, a.state.fragment).length,
    spotsB: openSpots(b.state.doc, b.state.fragment).length,
    spotsThird: openSpots(third.doc, third.fragment).length,
    texts: [a.plain(), b.plain(), plain(third)],
  };
}

describe('same-words detector (property)', () => {
  it('never raises a spot for edits separated by an untouched character', () => {
    fc.assert(
      fc.property(
        baseText.chain((t) =>
          fc.integer({ min: 2, max: t.length - 3 }).chain((k) =>
            fc.record({
              text: fc.constant(t),
              // A touches chars < k and gaps ≤ k; B chars > k and gaps ≥ k+1: char k separates them
              a: editsIn(0, k),
              b: editsIn(k + 1, t.length),
              swap: fc.boolean(),
              batchesA: fc.integer({ min: 1, max: 3 }),
              batchesB: fc.integer({ min: 1, max: 3 }),
            }),
          ),
        ),
        ({ text, a, b, swap, batchesA, batchesB }) => {
          const o = swap ? run(text, b, a, batchesB, batchesA) : run(text, a, b, batchesA, batchesB);
          expect([o.spotsA, o.spotsB, o.spotsThird]).toEqual([0, 0, 0]);
          expect(new Set(o.texts).size).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it('always raises a spot, on every replica, for edits to the same words where someone wrote text', () => {
    const overlapping = baseText.chain((t) =>
      fc
        .tuple(
          fc.integer({ min: 1, max: t.length - 4 }),
          fc.integer({ min: 1, max: 3 }),
          fc.nat(3),
          word,
          fc.option(word),
        )
        .chain(([at, len, kind, wA, wB]) => {
          const del: Edit = { from: at, to: at + len, insert: '' };
          const pairs: [Edit, Edit][] = [
            // both replace overlapping words
            [
              { from: at, to: at + len, insert: wA },
              { from: at + len - 1, to: at + len + 1, insert: wB ?? '' },
            ],
            // A writes inside (or right after) words B deletes
            [
              { from: at + len, to: at + len, insert: wA },
              { ...del, insert: wB ?? '' },
            ],
            [
              { from: at + 1, to: at + 1, insert: wA },
              { from: at, to: at + Math.max(2, len), insert: '' },
            ],
            // both write at the same point
            [
              { from: at, to: at, insert: wA },
              { from: at, to: at, insert: wB ?? wA },
            ],
          ];
          const [ea, eb] = pairs[kind] as [Edit, Edit];
          return fc.record({
            text: fc.constant(t),
            a: fc.constant([ea]),
            b: fc.constant([eb]),
            swap: fc.boolean(),
          });
        }),
    );
    fc.assert(
      fc.property(overlapping, ({ text, a, b, swap }) => {
        const o = swap ? run(text, b, a, 1, 1) : run(text, a, b, 1, 1);
        expect(o.spotsA).toBeGreaterThan(0);
        expect(o.spotsB).toBeGreaterThan(0);
        expect(o.spotsThird).toBeGreaterThan(0);
        expect(new Set(o.texts).size).toBe(1);
        for (const e of [...a, ...b]) if (e.insert) expect(o.texts[0]).toContain(e.insert);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
