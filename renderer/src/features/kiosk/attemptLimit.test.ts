import { describe, expect, it } from 'vitest';
import { KIOSK_ATTEMPT_RULES } from '../../../../core/public/kioskAttempts';
import { createAttemptLimiter, type KeyValueStore } from './attemptLimit';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const N = '（2026）甘0402民初123号';
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('kiosk wrong-code limit (the shared rule of core/public/kioskAttempts.ts)', () => {
  it('locks a case number for 15 minutes after the fifth wrong code; the next wrong code doubles the lock', () => {
    const limiter = createAttemptLimiter(memoryStore());
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) {
      const v = limiter.recordFailure(N, t0 + i * 1000);
      expect(v).toEqual({ locked: false, remaining: 4 - i });
    }
    const fifth = limiter.recordFailure(N, t0 + 5000);
    expect(fifth).toEqual({ locked: true, unlocksAt: t0 + 5000 + KIOSK_ATTEMPT_RULES.lockMs });
    expect(limiter.check(N, t0 + 14 * MIN).locked).toBe(true);
    // A guess while locked is refused, not counted: the lock does not move.
    expect(limiter.recordFailure(N, t0 + 10 * MIN)).toEqual(fifth);
    const after = t0 + 5000 + 15 * MIN;
    expect(limiter.check(N, after)).toEqual({ locked: false, remaining: 1 });
    // Sixth wrong code: 30 minutes.
    expect(limiter.recordFailure(N, after)).toEqual({ locked: true, unlocksAt: after + 30 * MIN });
  });

  it('counts per case number and forgets failures after a day or after a right code', () => {
    const limiter = createAttemptLimiter(memoryStore());
    for (let i = 0; i < 4; i++) limiter.recordFailure(N, i);
    expect(limiter.check('（2026）甘0402民初124号', 10)).toEqual({ locked: false, remaining: 5 });
    expect(limiter.check(N, 16 * MIN)).toEqual({ locked: false, remaining: 1 });
    expect(limiter.check(N, 25 * HOUR)).toEqual({ locked: false, remaining: 5 });
    expect(limiter.recordFailure(N, 25 * HOUR)).toEqual({ locked: false, remaining: 4 });
    limiter.recordSuccess(N);
    expect(limiter.check(N, 25 * HOUR)).toEqual({ locked: false, remaining: 5 });
  });

  it('survives a reload (state in the store) and ignores a corrupt store', () => {
    const store = memoryStore();
    for (let i = 0; i < 5; i++) createAttemptLimiter(store).recordFailure(N, 100 + i);
    expect(createAttemptLimiter(store).check(N, 200).locked).toBe(true);
    store.setItem('courtdesk.kiosk.attempts', '{not json');
    expect(createAttemptLimiter(store).check(N, 200)).toEqual({ locked: false, remaining: 5 });
  });
});
