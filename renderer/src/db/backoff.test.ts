import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoff schedule', () => {
  it('doubles from 1 s and caps at 60 s without jitter', () => {
    const opts = { ...DEFAULT_BACKOFF, jitter: 0 };
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((a) => backoffDelay(a, opts))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
  });

  it('spreads each delay by at most ±20 % and never exceeds the cap', () => {
    for (const attempt of [0, 3, 10]) {
      const base = Math.min(60_000, 1000 * 2 ** attempt);
      expect(backoffDelay(attempt, DEFAULT_BACKOFF, () => 0)).toBe(Math.round(base * 0.8));
      expect(backoffDelay(attempt, DEFAULT_BACKOFF, () => 0.999999)).toBeLessThanOrEqual(
        Math.min(60_000, Math.round(base * 1.2)),
      );
      expect(backoffDelay(attempt, DEFAULT_BACKOFF, () => 0.5)).toBe(base);
    }
    expect(backoffDelay(10, DEFAULT_BACKOFF, () => 0.99)).toBe(60_000);
  });

  it('draws different delays for different random values (no lockstep retries)', () => {
    const draws = new Set([0.1, 0.3, 0.6, 0.9].map((r) => backoffDelay(2, DEFAULT_BACKOFF, () => r)));
    expect(draws.size).toBe(4);
  });
});
