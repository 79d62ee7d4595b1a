/**
 * The kiosk's limit on wrong query codes, per case number: 5 wrong guesses within 15 minutes lock
 * that number for 15 minutes (from the fifth). Counted for unknown numbers too, so the answer
 * never tells whether a number exists. Persisted in localStorage, so a reload does not reset it.
 * Behind {@link AttemptLimiter} so the shared rule (core/public/kioskAttempts.ts, written with
 * the projection worker) can replace the policy here without touching the screens.
 */

/** The policy: how many wrong guesses, within and locked for how long. */
export interface AttemptPolicy {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

/** 5 wrong guesses → locked 15 minutes. */
export const KIOSK_ATTEMPT_POLICY: AttemptPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** Whether a case number may be queried now. */
export type AttemptVerdict =
  | { readonly locked: false; readonly remaining: number }
  | { readonly locked: true; readonly unlocksAt: number };

/** What the query screen needs from a limiter. */
export interface AttemptLimiter {
  /** May this number be queried at `now` (ms)? */
  check(caseNumber: string, now: number): AttemptVerdict;
  /** A wrong code (or unknown number): returns the verdict after counting it. */
  recordFailure(caseNumber: string, now: number): AttemptVerdict;
  /** The right code: forgets the number's failures. */
  recordSuccess(caseNumber: string): void;
}

/** Where the limiter keeps its state (window.localStorage in the app). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Entry {
  /** Times of the wrong guesses inside the window. */
  failures: number[];
  lockedUntil: number | null;
}

const STORAGE_KEY = 'courtdesk.kiosk.attempts';
/** Keep at most this many numbers (oldest dropped), so storage cannot grow without bound. */
const MAX_ENTRIES = 500;

/** The policy above over a key-value store. */
export function createAttemptLimiter(
  store: KeyValueStore,
  policy: AttemptPolicy = KIOSK_ATTEMPT_POLICY,
): AttemptLimiter {
  function load(): Record<string, Entry> {
    try {
      const parsed: unknown = JSON.parse(store.getItem(STORAGE_KEY) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, Entry>) : {};
    } catch {
      return {};
    }
  }
  function save(all: Record<string, Entry>): void {
    const keys = Object.keys(all);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete all[k];
    store.setItem(STORAGE_KEY, JSON.stringify(all));
  }
  function verdict(entry: Entry | undefined, now: number): AttemptVerdict {
    if (entry?.lockedUntil && entry.lockedUntil > now) return { locked: true, unlocksAt: entry.lockedUntil };
    const recent = (entry?.failures ?? []).filter((t) => now - t < policy.windowMs);
    return { locked: false, remaining: policy.maxFailures - recent.length };
  }
  return {
    check: (caseNumber, now) => verdict(load()[caseNumber], now),
    recordFailure(caseNumber, now) {
      const all = load();
      const old = all[caseNumber];
      const current = verdict(old, now);
      if (current.locked) return current;
      const failures = [...(old?.failures ?? []).filter((t) => now - t < policy.windowMs), now];
      const entry: Entry =
        failures.length >= policy.maxFailures
          ? { failures: [], lockedUntil: now + policy.lockMs }
          : { failures, lockedUntil: null };
      delete all[caseNumber];
      all[caseNumber] = entry;
      save(all);
      return verdict(entry, now);
    },
    recordSuccess(caseNumber) {
      const all = load();
      if (!(caseNumber in all)) return;
      delete all[caseNumber];
      save(all);
    },
  };
}
