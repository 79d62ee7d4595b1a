/**
 * 案由 (causes of action) by case type, from `resources/reference/causes.json` (sources in its
 * README), checked once at load. The filing form offers the causes of the chosen type, and the
 * fee shown while filing uses {@link feeKindFor}.
 */
import raw from '../../resources/reference/causes.json';
import { caseTypeByCode } from './courtReference';
import { feeKindRule } from './feeSchedule';

/** Which list a cause comes from. */
export type CauseCategory =
  'civil' | 'nonContentious' | 'criminal' | 'administrative' | 'enforcement' | 'other';

/** One 案由. */
export interface Cause {
  readonly name: string;
  readonly nameEn: string;
  /** Case type codes (类型代字) a case with this cause may be filed under. */
  readonly types: readonly string[];
  readonly category: CauseCategory;
  /** Group in the source list (e.g. 合同、准合同纠纷), for display. */
  readonly part: string | null;
  /** Fee kind (feeSchedule.json) of a first-instance suit with this cause; null when none applies. */
  readonly feeKind: string | null;
}

const CATEGORIES: readonly string[] = [
  'civil',
  'nonContentious',
  'criminal',
  'administrative',
  'enforcement',
  'other',
];

/** Checks causes.json; throws naming the offending entry when malformed. */
export function parseCauses(data: unknown): Cause[] {
  const list = (data as { causes?: unknown } | null)?.causes;
  if (!Array.isArray(list)) throw new Error('causes.json: causes must be an array');
  const seen = new Set<string>();
  return list.map((item: unknown, i): Cause => {
    const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const where = `causes.json: causes[${i}]`;
    const { name, nameEn, types, category, part, feeKind } = r;
    if (typeof name !== 'string' || name.length === 0) throw new Error(`${where}.name missing`);
    if (seen.has(name)) throw new Error(`${where}: duplicate cause ${name}`);
    seen.add(name);
    if (typeof nameEn !== 'string' || nameEn.length === 0) throw new Error(`${where}.nameEn missing`);
    if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === 'string'))
      throw new Error(`${where}.types must be a non-empty list of type codes`);
    for (const t of types as string[])
      if (!caseTypeByCode(t)) throw new Error(`${where}: unknown case type ${t}`);
    if (typeof category !== 'string' || !CATEGORIES.includes(category))
      throw new Error(`${where}.category unknown: ${String(category)}`);
    if (feeKind !== undefined && (typeof feeKind !== 'string' || !feeKindRule(feeKind)))
      throw new Error(`${where}.feeKind unknown: ${String(feeKind)}`);
    return {
      name,
      nameEn,
      types: types as string[],
      category: category as CauseCategory,
      part: typeof part === 'string' ? part : null,
      feeKind: typeof feeKind === 'string' ? feeKind : null,
    };
  });
}

/** Every cause in the reference list. */
export const CAUSES: readonly Cause[] = parseCauses(raw);

/** The causes a case of type `typeCode` may be filed under, in list order. */
export function causesForType(typeCode: string): Cause[] {
  return CAUSES.filter((c) => c.types.includes(typeCode));
}

/** A cause by its name, or null. */
export function causeByName(name: string): Cause | null {
  return CAUSES.find((c) => c.name === name) ?? null;
}

/**
 * The fee kind (feeSchedule.json) of a filing: enforcement and preservation applications pay their
 * 申请费 whatever the cause (第十四条); payment orders theirs; administrative first instance the
 * administrative 受理费; civil first instance the cause's kind (a property claim without a listed
 * cause counts as `property` when there is an amount, else `otherNonProperty`). Null: no fee
 * (criminal cases, 执异, 司法救助 …; 第八条, 第二十二条).
 */
export function feeKindFor(typeCode: string, causeName: string | null, hasAmount: boolean): string | null {
  switch (typeCode) {
    case '执':
    case '执恢':
      return 'enforcement';
    case '财保':
      return 'preservation';
    case '民督':
      return 'paymentOrder';
    case '行初':
      return 'administrative';
    case '民初': {
      const cause = causeName ? causeByName(causeName) : null;
      if (cause?.feeKind) return cause.feeKind;
      return hasAmount ? 'property' : 'otherNonProperty';
    }
    default:
      return null;
  }
}
