/**
 * The pure part of 随机分案 (docs/product-rules.md §4.3): who is eligible for a case, the seeded draw among the
 * least-loaded eligible judges, and {@link verifyAssignment}, which re-runs a recorded draw from its
 * audit document. No I/O: the assignment worker feeds it data and stores what it returns.
 */
import { mulberry32 } from '../setup/demoRandom';

/** Name and version of the draw algorithm, stored with every draw so old audits stay checkable. */
export const DRAW_ALGORITHM = 'min-load-uniform/mulberry32/v1';

/** A staff member as the worker reads it from `_users`. */
export interface StaffMember {
  readonly name: string;
  readonly roles: readonly string[];
  readonly division?: string | undefined;
  readonly disabled?: boolean | undefined;
}

/** A judge who may be drawn, with the open cases they hold. */
export interface Candidate {
  readonly name: string;
  readonly load: number;
}

/** Everything needed to re-run a random draw (stored in the audit and assignment documents). */
export interface DrawRecord {
  readonly algorithm: string;
  readonly caseId: string;
  /** Unsigned 32-bit seed of the PRNG. */
  readonly seed: number;
  /** Judges eligible by case type/division, sorted, before recusals. */
  readonly eligible: readonly string[];
  /** Names removed because of a recusal (回避). */
  readonly recused: readonly string[];
  /** Eligible minus recused, sorted by name, with their loads at draw time. */
  readonly candidates: readonly Candidate[];
  /** Candidates with the minimum load: the draw is uniform among these. */
  readonly pool: readonly string[];
  readonly chosen: string;
}

/** Recusal list of a case (`recusals` or `recused`: user names), deduplicated. */
export function recusalsOf(caseDoc: Record<string, unknown>): string[] {
  const raw = caseDoc['recusals'] ?? caseDoc['recused'];
  return Array.isArray(raw) ? [...new Set(raw.filter((r): r is string => typeof r === 'string'))] : [];
}

/**
 * Judges eligible for a case: role `judge`, not disabled, in a division that hears the case type
 * (restricted to the case's own `division` when the filing names one of those divisions).
 */
export function eligibleJudges(
  caseDoc: Record<string, unknown>,
  staff: readonly StaffMember[],
  divisionsByType: ReadonlyMap<string, readonly string[]>,
): string[] {
  const type = caseDoc['caseTypeCode'] ?? caseDoc['caseType'];
  const divisions = typeof type === 'string' ? (divisionsByType.get(type) ?? []) : [];
  const own = caseDoc['division'];
  const wanted = typeof own === 'string' && divisions.includes(own) ? [own] : divisions;
  return staff
    .filter(
      (s) =>
        s.roles.includes('judge') && !s.disabled && s.division !== undefined && wanted.includes(s.division),
    )
    .map((s) => s.name)
    .sort();
}

/** The minimum-load pool of `candidates` (names sorted), or empty when there are none. */
export function minLoadPool(candidates: readonly Candidate[]): string[] {
  if (candidates.length === 0) return [];
  const min = Math.min(...candidates.map((c) => c.load));
  return candidates
    .filter((c) => c.load === min)
    .map((c) => c.name)
    .sort();
}

/** Index drawn from a pool of `size` with `seed` (first output of mulberry32). */
export function drawIndex(seed: number, size: number): number {
  return Math.floor(mulberry32(seed >>> 0)() * size);
}

/**
 * Draws a judge for a case. Returns null when nobody is eligible after recusals. Deterministic:
 * the same inputs and seed always give the same record.
 */
export function drawJudge(input: {
  caseId: string;
  seed: number;
  eligible: readonly string[];
  recused: readonly string[];
  loads: ReadonlyMap<string, number>;
}): DrawRecord | null {
  const eligible = [...new Set(input.eligible)].sort();
  const recused = eligible.filter((n) => input.recused.includes(n));
  const candidates = eligible
    .filter((n) => !recused.includes(n))
    .map((name) => ({ name, load: input.loads.get(name) ?? 0 }));
  const pool = minLoadPool(candidates);
  const chosen = pool[drawIndex(input.seed, pool.length)];
  if (chosen === undefined) return null;
  return {
    algorithm: DRAW_ALGORITHM,
    caseId: input.caseId,
    seed: input.seed >>> 0,
    eligible,
    recused,
    candidates,
    pool,
    chosen,
  };
}

/** Result of {@link verifyAssignment}. */
export interface VerifyResult {
  readonly ok: boolean;
  /** Who the recorded inputs select (null when they select nobody or cannot be read). */
  readonly expected: string | null;
  readonly problems: readonly string[];
}

/**
 * Re-runs the draw of an audit record (`audit:` document with `method: 'random'` and a `draw`)
 * and checks every recorded step: the candidate list is the eligible list minus recusals, the
 * pool is the minimum-load set, and the seed selects the recorded judge. Designated assignments
 * are checked for a leader's approval and a reason.
 */
export function verifyAssignment(audit: Record<string, unknown>): VerifyResult {
  const problems: string[] = [];
  if (audit['method'] === 'designated') {
    const d = (audit['designation'] ?? {}) as Record<string, unknown>;
    if (typeof d['reason'] !== 'string' || d['reason'].trim().length === 0)
      problems.push('designation without a reason');
    if (d['approvedByLeader'] !== true || typeof d['approvedBy'] !== 'string')
      problems.push('designation not approved by a leader');
    const judge = typeof audit['judge'] === 'string' ? audit['judge'] : null;
    if (judge === null || d['judge'] !== judge) problems.push('designated judge differs from the assignment');
    return { ok: problems.length === 0, expected: judge, problems };
  }
  const draw = audit['draw'] as DrawRecord | undefined;
  if (!draw || !Array.isArray(draw.candidates) || typeof draw.seed !== 'number') {
    return { ok: false, expected: null, problems: ['no draw record'] };
  }
  if (draw.algorithm !== DRAW_ALGORITHM) problems.push(`unknown algorithm ${String(draw.algorithm)}`);
  const loads = new Map(draw.candidates.map((c) => [c.name, c.load] as const));
  const rerun = drawJudge({
    caseId: draw.caseId,
    seed: draw.seed,
    eligible: draw.eligible,
    recused: draw.recused,
    loads,
  });
  const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  if (!rerun) return { ok: false, expected: null, problems: [...problems, 'no candidate after recusals'] };
  if (
    !same(
      rerun.candidates.map((c) => c.name),
      draw.candidates.map((c) => c.name),
    )
  )
    problems.push('candidates are not eligible minus recused');
  if (!same(rerun.pool, draw.pool)) problems.push('pool is not the minimum-load set');
  if (rerun.chosen !== draw.chosen) problems.push(`seed selects ${rerun.chosen}, record says ${draw.chosen}`);
  if (typeof audit['judge'] === 'string' && audit['judge'] !== draw.chosen)
    problems.push('assigned judge differs from the draw');
  if (draw.recused.includes(draw.chosen)) problems.push('a recused judge was chosen');
  return { ok: problems.length === 0, expected: rerun.chosen, problems };
}
