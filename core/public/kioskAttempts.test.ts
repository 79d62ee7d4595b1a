import { describe, expect, it } from 'vitest';
import { attemptDecision, KIOSK_ATTEMPT_RULES, recordAttempt } from './kioskAttempts';

const MIN = 60_000;
const T0 = Date.parse('2026-05-10T02:00:00Z');

/** Failure times after `n` wrong guesses a second apart, starting at T0. */
function wrong(n: number): number[] {
  let f: number[] = [];
  for (let i = 0; i < n; i++) f = recordAttempt(f, T0 + i * 1000, false);
  return f;
}

describe('kiosk wrong-guess limit per case number', () => {
  it('allows five wrong guesses, counting down', () => {
    expect(attemptDecision([], T0)).toEqual({ allowed: true, remaining: 5 });
    expect(attemptDecision(wrong(4), T0 + 5000)).toEqual({ allowed: true, remaining: 1 });
  });

  it('locks for 15 minutes after the fifth wrong guess', () => {
    const f = wrong(5);
    const last = T0 + 4000;
    expect(attemptDecision(f, last + 1000)).toEqual({ allowed: false, until: last + 15 * MIN });
    expect(attemptDecision(f, last + 15 * MIN - 1).allowed).toBe(false);
    expect(attemptDecision(f, last + 15 * MIN)).toEqual({ allowed: true, remaining: 1 });
  });

  it('doubles the lock with every wrong guess after a lock, up to a day', () => {
    let f = wrong(5);
    let now = T0 + 4000;
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) {
      const d = attemptDecision(f, now + 1);
      if (d.allowed) throw new Error('expected a lock');
      locks.push((d.until - now) / MIN);
      now = d.until;
      expect(attemptDecision(f, now).allowed).toBe(true);
      f = recordAttempt(f, now, false);
    }
    expect(locks).toEqual([15, 30, 60, 120, 240, 480]);
    // Capped at 24 h: twenty wrong guesses within the window lock for a day, not 2^15 × 15 min.
    const many = Array.from({ length: 20 }, (_, i) => T0 + i * 1000);
    expect(attemptDecision(many, T0 + 20_000)).toEqual({
      allowed: false,
      until: T0 + 19_000 + KIOSK_ATTEMPT_RULES.maxLockMs,
    });
  });

  it('forgets failures older than the window and clears them on a right guess', () => {
    const f = wrong(5);
    expect(attemptDecision(f, T0 + KIOSK_ATTEMPT_RULES.windowMs + 5000)).toEqual({
      allowed: true,
      remaining: 5,
    });
    expect(recordAttempt(f, T0 + 20 * MIN, true)).toEqual([]);
  });

  it('a clock set back does not unlock: future failures count as now; garbage is ignored', () => {
    const f = wrong(5).map((t) => t + 3_600_000);
    expect(attemptDecision(f, T0).allowed).toBe(false);
    expect(attemptDecision([Number.NaN, Number.POSITIVE_INFINITY], T0)).toEqual({
      allowed: true,
      remaining: 5,
    });
  });
});
