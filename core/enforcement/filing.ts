/**
 * Filing an enforcement case (执行立案) from an effective judgment: the parties of the source case
 * become the applicant (申请执行人) and the respondent (被执行人); third parties stay behind.
 */
import type { Party } from '../schemas/case';

/** Type code and time-limit procedure of a first enforcement case (首次执行, 法释〔2000〕29号 第五条: six months). */
export const FIRST_ENFORCEMENT = { caseType: '执', procedure: 'enforcement' } as const;

/** Roles on the side that usually won the judgment being enforced. */
const CLAIMANT_SIDE: readonly Party['role'][] = ['plaintiff', 'appellant', 'applicant', 'creditor'];
/** Roles on the other side. */
const OPPOSING_SIDE: readonly Party['role'][] = ['defendant', 'appellee', 'respondent', 'debtor'];

/** A party of the source case, as the catalog keeps it. */
export interface SourceParty {
  readonly role: string;
  readonly kind: 'natural' | 'legal';
  readonly name: string;
  readonly idNumber?: string;
  readonly legalRepresentative?: string;
}

/**
 * The parties of the enforcement case: the claimant side applies and the opposing side is the
 * respondent, or the other way round with `swap` (the defendant won and enforces costs or a
 * counterclaim).
 */
export function enforcementParties(
  source: readonly SourceParty[],
  swap = false,
): {
  role: 'creditor' | 'debtor';
  kind: 'natural' | 'legal';
  name: string;
  idNumber?: string;
  legalRepresentative?: string;
}[] {
  const [applies, answers] = swap ? [OPPOSING_SIDE, CLAIMANT_SIDE] : [CLAIMANT_SIDE, OPPOSING_SIDE];
  return source.flatMap((p) => {
    const role = applies.includes(p.role as Party['role'])
      ? 'creditor'
      : answers.includes(p.role as Party['role'])
        ? 'debtor'
        : null;
    if (!role) return [];
    return [
      {
        role,
        kind: p.kind,
        name: p.name,
        ...(p.idNumber ? { idNumber: p.idNumber } : {}),
        ...(p.kind === 'legal' && p.legalRepresentative
          ? { legalRepresentative: p.legalRepresentative }
          : {}),
      },
    ];
  });
}
