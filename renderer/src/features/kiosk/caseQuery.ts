/**
 * The kiosk's case-progress query (pure apart from the injected lookup): case number + one
 * party's six-digit query code. A wrong code and an unknown number give the same answer and cost
 * the same work (the code is derived against decoy hashes), so the kiosk is no oracle for which
 * numbers exist; both count against the number's wrong-guess limit (attemptLimit.ts).
 */
import { checkCaseNumberParts, formatCaseNumber } from '../../../../core/domain/caseNumber';
import type { PublicCaseDoc } from '../../../../core/public/publicDocs';
import { matchesQueryCode, type QueryCodeHash } from '../../../../core/public/queryCode';
import type { AttemptLimiter } from './attemptLimit';

/** What the visitor entered: the parts of the number (court fixed by the kiosk) and the code. */
export interface CaseQueryInput {
  readonly year: string;
  readonly court: string;
  readonly typeCode: string;
  readonly sequence: string;
  readonly code: string;
}

/** The answer shown. */
export type CaseQueryOutcome =
  | { readonly kind: 'found'; readonly doc: PublicCaseDoc }
  /** Wrong code or unknown number (indistinguishable); `remaining` guesses before the lock. */
  | { readonly kind: 'refused'; readonly remaining: number }
  | { readonly kind: 'locked'; readonly unlocksAt: number }
  | { readonly kind: 'invalid'; readonly field: 'caseNumber' | 'code' };

/** What {@link queryCase} needs. */
export interface CaseQueryDeps {
  readonly lookup: (caseNumber: string) => Promise<PublicCaseDoc | null>;
  readonly limiter: AttemptLimiter;
  readonly now: () => number;
  /** Test seam: PBKDF2 iterations (default: the projection's). */
  readonly iterations?: number;
}

/** Two parties' worth of hashes no code matches (an all-zero hash), derived for unknown numbers. */
const DECOYS: readonly QueryCodeHash[] = [
  { salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
  { salt: 'AQEBAQEBAQEBAQEBAQEBAQ==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
];

/** The canonical case number of the input, or null when its parts cannot form one. */
export function caseNumberOf(
  input: Pick<CaseQueryInput, 'year' | 'court' | 'typeCode' | 'sequence'>,
): string | null {
  if (!/^\d{4}$/.test(input.year) || !/^[1-9]\d{0,8}$/.test(input.sequence)) return null;
  const parts = {
    year: Number(input.year),
    court: input.court,
    typeCode: input.typeCode,
    sequence: Number(input.sequence),
  };
  return checkCaseNumberParts(parts) ? null : formatCaseNumber(parts);
}

/** Runs one query: validates, checks the lock, looks up, matches the code, counts a failure. */
export async function queryCase(input: CaseQueryInput, deps: CaseQueryDeps): Promise<CaseQueryOutcome> {
  const caseNumber = caseNumberOf(input);
  if (!caseNumber) return { kind: 'invalid', field: 'caseNumber' };
  if (!/^\d{6}$/.test(input.code)) return { kind: 'invalid', field: 'code' };
  const before = deps.limiter.check(caseNumber, deps.now());
  if (before.locked) return { kind: 'locked', unlocksAt: before.unlocksAt };
  const doc = await deps.lookup(caseNumber);
  const ok = await matchesQueryCode(input.code, doc ? doc.access : DECOYS, deps.iterations);
  if (doc && ok) {
    deps.limiter.recordSuccess(caseNumber);
    return { kind: 'found', doc };
  }
  const after = deps.limiter.recordFailure(caseNumber, deps.now());
  return after.locked
    ? { kind: 'locked', unlocksAt: after.unlocksAt }
    : { kind: 'refused', remaining: after.remaining };
}
