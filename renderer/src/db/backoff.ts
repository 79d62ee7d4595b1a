/**
 * Capped exponential backoff with jitter for restarting a failed replication. Pure, so the
 * schedule is unit-tested; PouchDB's own `retry` is off because the engine must tell a network
 * error (retry) from an expired session (wait for sign-in) before retrying.
 */

/** Backoff parameters. */
export interface BackoffOptions {
  /** Delay before the first retry. */
  readonly initialMs: number;
  /** Upper bound of any delay (jitter included). */
  readonly maxMs: number;
  /** Growth per failed attempt. */
  readonly factor: number;
  /** ± share of the delay drawn at random, so workstations do not retry in lockstep after an outage. */
  readonly jitter: number;
}

/** Defaults: 1 s, 2 s, 4 s … capped at 60 s, ±20 %. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, factor: 2, jitter: 0.2 };

/** Delay before retry number `attempt` (0-based); `random` ∈ [0, 1). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, attempt));
  const spread = base * options.jitter * (2 * random() - 1);
  return Math.max(0, Math.min(options.maxMs, Math.round(base + spread)));
}
