/**
 * Which update batches a snapshot folds: per writing session, sorted inclusive ranges of batch
 * numbers. A set of ids would do, but a session's batches are usually one run, so ranges keep a
 * snapshot's `covers` a few bytes per session however many batches it folds. Batches can arrive out
 * of order (a CouchDB cluster's feed is not ordered across shards), hence ranges, not a maximum.
 */

/** Session → sorted, non-overlapping, non-adjacent `[from, to]` ranges of batch numbers. */
export type Covers = Record<string, [number, number][]>;

/** True when batch `seq` of `session` is covered. */
export function isCovered(covers: Covers, session: string, seq: number): boolean {
  const ranges = covers[session];
  if (!ranges) return false;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid] as [number, number];
    if (seq < from) hi = mid - 1;
    else if (seq > to) lo = mid + 1;
    else return true;
  }
  return false;
}

function normalise(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The union of several coverings (a new object). */
export function unionCovers(...all: readonly Covers[]): Covers {
  const out: Covers = {};
  const sessions = new Set(all.flatMap((c) => Object.keys(c)));
  for (const s of sessions) out[s] = normalise(all.flatMap((c) => c[s] ?? []));
  return out;
}

/** A covering of the given batches. */
export function coversOf(batches: Iterable<{ readonly session: string; readonly seq: number }>): Covers {
  const bySession = new Map<string, [number, number][]>();
  for (const { session, seq } of batches) {
    const list = bySession.get(session) ?? [];
    list.push([seq, seq]);
    bySession.set(session, list);
  }
  const out: Covers = {};
  for (const [s, list] of bySession) out[s] = normalise(list);
  return out;
}

/** True when `outer` covers every batch `inner` covers. */
export function coversAll(outer: Covers, inner: Covers): boolean {
  return Object.entries(inner).every(([s, ranges]) =>
    ranges.every(([from, to]) => {
      const o = outer[s] ?? [];
      return o.some(([a, b]) => a <= from && to <= b);
    }),
  );
}
