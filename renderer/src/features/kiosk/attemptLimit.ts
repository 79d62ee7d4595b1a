/**
 * The kiosk's limit on wrong query codes, per case number: the shared rule of
 * core/public/kioskAttempts.ts (5 wrong guesses → locked 15 minutes, each further wrong guess
 * doubles the lock, up to 24 hours) over the times of the wrong guesses this terminal has seen.
 * Counted for unknown numbers too, so the answer never tells whether a number exists. Persisted
 * in localStorage, so a reload does not reset it.
 */
import {
  attemptDecision,
  KIOSK_ATTEMPT_RULES,
  recordAttempt,
  type KioskAttemptRules,
} from '../../../../core/public/kioskAttempts';

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

const STORAGE_KEY = 'courtdesk.kiosk.attempts';
/** Keep at most this many numbers (oldest dropped), so storage cannot grow without bound. */
const MAX_ENTRIES = 500;

/** The shared rule over a key-value store: the failure times per case number. */
export function createAttemptLimiter(
  store: KeyValueStore,
  rules: KioskAttemptRules = KIOSK_ATTEMPT_RULES,
): AttemptLimiter {
  function load(): Record<string, number[]> {
    try {
      const parsed: unknown = JSON.parse(store.getItem(STORAGE_KEY) ?? '{}');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      const out: Record<string, number[]> = {};
      for (const [k, v] of Object.entries(parsed as Record<string, unknown>))
        if (Array.isArray(v)) out[k] = v.filter((t): t is number => typeof t === 'number');
      return out;
    } catch {
      return {};
    }
  }
  function save(all: Record<string, number[]>): void {
    const keys = Object.keys(all);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete all[k];
    store.setItem(STORAGE_KEY, JSON.stringify(all));
  }
  function verdict(failures: readonly number[], now: number): AttemptVerdict {
    const d = attemptDecision(failures, now, rules);
    return d.allowed ? { locked: false, remaining: d.remaining } : { locked: true, unlocksAt: d.until };
  }
  return {
    check: (caseNumber, now) => verdict(load()[caseNumber] ?? [], now),
    recordFailure(caseNumber, now) {
      const all = load();
      const old = all[caseNumber] ?? [];
      const current = verdict(old, now);
      // A guess while locked is refused before it is checked, so it is not counted either.
      if (current.locked) return current;
      const failures = recordAttempt(old, now, false, rules);
      delete all[caseNumber];
      all[caseNumber] = failures;
      save(all);
      return verdict(failures, now);
    },
    recordSuccess(caseNumber) {
      const all = load();
      if (!(caseNumber in all)) return;
      delete all[caseNumber];
      save(all);
    },
  };
}
