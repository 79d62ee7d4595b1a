/** Small statistics helpers of the benches (pure). */

/** Nearest-rank percentile (p in 0…100) of a non-empty sample; NaN for an empty one. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1] as number;
}

/** Rounds to one decimal (results files stay readable). */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
