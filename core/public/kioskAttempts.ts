/**
 * Wrong query-code guesses at a kiosk, limited per case number (issue 11 item 4): after
 * {@link KIOSK_ATTEMPT_RULES}.freeAttempts wrong guesses the number is locked for
 * `lockMs`, and every further wrong guess after a lock doubles the next lock (capped). Pure: the
 * kiosk keeps the failure times (per case number, on the kiosk) and asks before each try. This
 * slows a person at the terminal; it cannot stop someone holding the kiosk's credentials from
 * guessing offline against the replicated hashes (docs/public-services.md says why and at what cost).
 */

/** The limits. */
export interface KioskAttemptRules {
  /** Wrong guesses allowed before the first lock. */
  readonly freeAttempts: number;
  /** First lock, in ms. */
  readonly lockMs: number;
  /** Longest lock, in ms. */
  readonly maxLockMs: number;
  /** Failures older than this no longer count, in ms. */
  readonly windowMs: number;
}

/** Default: 5 wrong guesses → 15 minutes, doubling per further wrong guess up to 24 hours. */
export const KIOSK_ATTEMPT_RULES: KioskAttemptRules = {
  freeAttempts: 5,
  lockMs: 15 * 60_000,
  maxLockMs: 24 * 3_600_000,
  windowMs: 24 * 3_600_000,
};

/** Whether a guess may be made now, and if not, until when. */
export type AttemptDecision =
  | { readonly allowed: true; readonly remaining: number }
  | { readonly allowed: false; readonly until: number };

/**
 * Decides on a new guess for one case number from the times (ms) of its earlier wrong guesses.
 * Failures in the future (a clock set back) count as now; non-finite times are ignored.
 */
export function attemptDecision(
  failures: readonly number[],
  now: number,
  rules: KioskAttemptRules = KIOSK_ATTEMPT_RULES,
): AttemptDecision {
  const recent = failures
    .filter((t) => Number.isFinite(t))
    .map((t) => Math.min(t, now))
    .filter((t) => now - t < rules.windowMs)
    .sort((a, b) => a - b);
  if (recent.length < rules.freeAttempts)
    return { allowed: true, remaining: rules.freeAttempts - recent.length };
  const beyond = recent.length - rules.freeAttempts; // wrong guesses made after the first lock
  const lock = Math.min(rules.maxLockMs, rules.lockMs * 2 ** Math.min(beyond, 30));
  const until = (recent[recent.length - 1] as number) + lock;
  return now < until ? { allowed: false, until } : { allowed: true, remaining: 1 };
}

/** The failure list to keep after a guess: a wrong one is added, a right one clears the list. */
export function recordAttempt(
  failures: readonly number[],
  now: number,
  correct: boolean,
  rules: KioskAttemptRules = KIOSK_ATTEMPT_RULES,
): number[] {
  if (correct) return [];
  return [...failures.filter((t) => Number.isFinite(t) && now - t < rules.windowMs), now];
}
