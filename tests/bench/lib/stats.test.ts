import { describe, expect, it } from 'vitest';
import { percentile, quantile, summarize } from './stats';

describe('bench statistics', () => {
  it('nearest-rank percentiles and interpolated quantiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes median and spread, keeping the samples in measured order', () => {
    expect(summarize([30, 10, 20.04])).toEqual({
      n: 3,
      median: 20,
      min: 10,
      max: 30,
      q1: 15,
      q3: 25,
      samples: [30, 10, 20],
    });
    expect(() => summarize([])).toThrow(/no samples/);
  });
});
