import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeUpdates } from './mergeUpdates';

/** Updates of two writers editing one text, interleaved, each one update per edit. */
function history(edits: number): Uint8Array[] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const out: Uint8Array[] = [];
  a.on('update', (u: Uint8Array) => {
    out.push(u);
    Y.applyUpdate(b, u, 'peer');
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') out.push(u);
  });
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < edits; i++) {
    const doc = i % 3 === 0 ? b : a;
    const text = doc.getText('t');
    const at = Math.floor(random() * (text.length + 1));
    if (random() < 0.25 && text.length > 3) text.delete(Math.min(at, text.length - 2), 2);
    else text.insert(at, '本院认为'.slice(0, 1 + (i % 4)));
    if (doc === b) Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'peer');
  }
  return out;
}

function textOf(update: Uint8Array): string {
  const d = new Y.Doc();
  Y.applyUpdate(d, update);
  return d.getText('t').toString();
}

describe('mergeUpdates (chunked)', () => {
  it('gives the document that Y.mergeUpdates gives, for more updates than one chunk', () => {
    const updates = history(700);
    expect(updates.length).toBeGreaterThan(64 * 3);
    const ours = mergeUpdates(updates);
    const whole = Y.mergeUpdates(updates);
    expect(textOf(ours)).toBe(textOf(whole));
    expect(textOf(ours).length).toBeGreaterThan(100);
    // Same structs and deletions: the state vectors and delete sets agree.
    expect(Y.encodeStateVectorFromUpdate(ours)).toEqual(Y.encodeStateVectorFromUpdate(whole));
    expect(Y.decodeUpdate(ours).ds).toEqual(Y.decodeUpdate(whole).ds);
  });

  it('is order-insensitive like Yjs (a shuffled list gives the same text)', () => {
    const updates = history(300);
    const shuffled = [...updates].reverse();
    expect(textOf(mergeUpdates(shuffled))).toBe(textOf(mergeUpdates(updates)));
  });

  it('returns a single update as it is and an empty list as an empty update', () => {
    const [one] = history(1) as [Uint8Array];
    expect(mergeUpdates([one])).toBe(one);
    expect(textOf(mergeUpdates([]))).toBe('');
  });
});
