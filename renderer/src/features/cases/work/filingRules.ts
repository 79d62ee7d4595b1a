/**
 * Filing rules the form applies: which party roles and divisions a case type offers, and the
 * checksum test of a party's ID (resident ID for natural persons, unified social credit code for
 * organisations) reduced to a reason code the form translates.
 */
import { caseTypeByCode, type CaseFamily } from '../../../../../core/domain/courtReference';
import { validateCreditCode, validateResidentId } from '../../../../../core/domain/identity';
import { PARTY_ROLES } from '../../../../../core/schemas/case';
import partyRoles from './partyRoles.json';

const ROLE_TABLE = partyRoles as unknown as Readonly<Record<string, readonly string[]>>;

/** Party roles by case type (partyRoles.json; the first two are the defaults of a new filing). */
export function rolesForType(typeCode: string): string[] {
  const own = Object.prototype.hasOwnProperty.call(ROLE_TABLE, typeCode) && typeCode !== '$comment';
  return [...((own ? ROLE_TABLE[typeCode] : undefined) ?? ROLE_TABLE['default'] ?? [])];
}

/** Divisions (codes the assignment worker knows) that hear each family of case types. */
export const DIVISIONS_BY_FAMILY: Readonly<Record<CaseFamily, readonly string[]>> = {
  civil: ['min1', 'min2'],
  criminal: ['xingshi'],
  administrative: ['xingzheng'],
  enforcement: ['zhixing'],
  preservation: ['zhixing'],
  other: [],
};

/** Family of a type code (`other` when unknown). */
export function familyOf(typeCode: string): CaseFamily {
  return caseTypeByCode(typeCode)?.family ?? 'other';
}

/** Why a party's ID is invalid: a key under `caseWork.filing.idErrors` and the length typed. */
export interface PartyIdProblem {
  readonly code: string;
  readonly length: number;
}

/** Checks an ID for a party of `kind`; empty is allowed (the ID is optional). */
export function validatePartyId(
  kind: 'natural' | 'legal',
  value: string,
  today: string,
): PartyIdProblem | null {
  const v = value.trim();
  if (v === '') return null;
  if (kind === 'natural') {
    const r = validateResidentId(v, { today });
    return r.ok ? null : { code: r.issues[0]?.code ?? 'checkDigit', length: v.length };
  }
  const r = validateCreditCode(v);
  if (r.ok) return null;
  const code = r.issues[0]?.code ?? 'checkChar';
  return { code: `credit${code[0]?.toUpperCase()}${code.slice(1)}`, length: v.length };
}

/** Checks partyRoles.json against the schema's roles (run by the unit test). */
export function unknownRolesInTable(): string[] {
  return Object.entries(ROLE_TABLE)
    .filter(([k]) => k !== '$comment')
    .flatMap(([, roles]) => roles.filter((r) => !(PARTY_ROLES as readonly string[]).includes(r)));
}
