/** Statistics of the benches (pure). */

/** Nearest-rank percentile (p in 0…100) of a non-empty sample; NaN for an empty one. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1] as number;
}

/** Linear-interpolated quantile (q in 0…1), the usual definition for medians and quartiles. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

/** Rounds to one decimal (results files stay readable). */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Median and spread of one side of a metric, as written to the results files. */
export interface Summary {
  /** Number of samples. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (interquartile range q1…q3). */
  q1: number;
  q3: number;
  /** Every sample, in the order measured. */
  samples: number[];
}

/** The median and spread of `samples` (rounded to one decimal). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  return {
    n: samples.length,
    median: round1(quantile(samples, 0.5)),
    min: round1(Math.min(...samples)),
    max: round1(Math.max(...samples)),
    q1: round1(quantile(samples, 0.25)),
    q3: round1(quantile(samples, 0.75)),
    samples: samples.map(round1),
  };
}
