import { describe, expect, it } from 'vitest';
import { createAttemptLimiter, KIOSK_ATTEMPT_POLICY, type KeyValueStore } from './attemptLimit';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const N = '（2026）甘0402民初123号';
const MIN = 60_000;

describe('kiosk wrong-code limit', () => {
  it('locks a case number for 15 minutes after the fifth wrong code, then lets it be queried again', () => {
    const limiter = createAttemptLimiter(memoryStore());
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) {
      const v = limiter.recordFailure(N, t0 + i * 1000);
      expect(v).toEqual({ locked: false, remaining: 4 - i });
    }
    const fifth = limiter.recordFailure(N, t0 + 5000);
    expect(fifth).toEqual({ locked: true, unlocksAt: t0 + 5000 + KIOSK_ATTEMPT_POLICY.lockMs });
    expect(limiter.check(N, t0 + 14 * MIN).locked).toBe(true);
    // More guesses while locked do not extend the lock.
    expect(limiter.recordFailure(N, t0 + 10 * MIN)).toEqual(fifth);
    expect(limiter.check(N, t0 + 5000 + 15 * MIN)).toEqual({ locked: false, remaining: 5 });
  });

  it('counts per case number and forgets failures outside the window or after a right code', () => {
    const limiter = createAttemptLimiter(memoryStore());
    for (let i = 0; i < 4; i++) limiter.recordFailure(N, i);
    expect(limiter.check('（2026）甘0402民初124号', 10)).toEqual({ locked: false, remaining: 5 });
    expect(limiter.check(N, 16 * MIN)).toEqual({ locked: false, remaining: 5 });
    expect(limiter.recordFailure(N, 16 * MIN)).toEqual({ locked: false, remaining: 4 });
    limiter.recordSuccess(N);
    expect(limiter.check(N, 16 * MIN)).toEqual({ locked: false, remaining: 5 });
  });

  it('survives a reload (state in the store) and ignores a corrupt store', () => {
    const store = memoryStore();
    for (let i = 0; i < 5; i++) createAttemptLimiter(store).recordFailure(N, 100 + i);
    expect(createAttemptLimiter(store).check(N, 200).locked).toBe(true);
    store.setItem('courtdesk.kiosk.attempts', '{not json');
    expect(createAttemptLimiter(store).check(N, 200)).toEqual({ locked: false, remaining: 5 });
  });
});
