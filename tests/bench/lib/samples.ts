/**
 * How every bench takes its samples (docs/product-rules.md §8.5): each metric at least
 * {@link ROUNDS} times per side, ours and the baseline alternating (ours, baseline, ours, …), so a
 * change in the machine's load during the run lands on both sides instead of on one.
 */

/** Samples per side: BENCH_ROUNDS (default 3, never fewer). */
export const ROUNDS = Math.max(3, Number(process.env['BENCH_ROUNDS'] ?? 3) || 3);

/** The samples of both sides of one metric, in the order they were taken. */
export interface Paired {
  ours: number[];
  baseline: number[];
  /** e.g. `ours, baseline, ours, baseline, ours, baseline`. */
  order: string;
}

/**
 * Measures ours, then the baseline, `rounds` times over. Each function gets the round number
 * (0-based) and returns one sample; `after` runs after each pair (clean-up outside the timing).
 */
export async function alternate(
  ours: (round: number) => Promise<number>,
  baseline: (round: number) => Promise<number>,
  opts: { rounds?: number; after?: (round: number) => Promise<void>; log?: (line: string) => void } = {},
): Promise<Paired> {
  const rounds = opts.rounds ?? ROUNDS;
  const out: Paired = { ours: [], baseline: [], order: '' };
  const order: string[] = [];
  for (let r = 0; r < rounds; r++) {
    out.ours.push(await ours(r));
    order.push('ours');
    out.baseline.push(await baseline(r));
    order.push('baseline');
    opts.log?.(
      `  round ${r + 1}/${rounds}: ours ${out.ours[r]?.toFixed(1)}, baseline ${out.baseline[r]?.toFixed(1)}`,
    );
    await opts.after?.(r);
  }
  out.order = order.join(', ');
  return out;
}

/** Measures a metric without a baseline `rounds` times. */
export async function repeat(
  measure: (round: number) => Promise<number>,
  opts: { rounds?: number; log?: (line: string) => void } = {},
): Promise<number[]> {
  const rounds = opts.rounds ?? ROUNDS;
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    out.push(await measure(r));
    opts.log?.(`  round ${r + 1}/${rounds}: ${out[r]?.toFixed(1)}`);
  }
  return out;
}
