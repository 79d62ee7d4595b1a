/**
 * Reference lists behind case numbers: courts with their 法院代字 and the 类型代字 of case types,
 * loaded from `resources/reference/courts.json` and `caseTypes.json` and checked once at load.
 */
import courtsRaw from '../../resources/reference/courts.json';
import typesRaw from '../../resources/reference/caseTypes.json';
import { procedureLimit } from './timeLimits';

/** Level of a court in the four-level system. */
export type CourtLevel = 'supreme' | 'high' | 'intermediate' | 'basic' | 'special';

/** A court known to the reference list. */
export interface Court {
  /** 法院代字, e.g. `甘0402`. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly level: CourtLevel;
  /** Code of the court above it (the appeal court), or null for the Supreme People's Court. */
  readonly parent: string | null;
}

/** Procedure family of a case type. */
export type CaseFamily = 'civil' | 'criminal' | 'administrative' | 'enforcement' | 'preservation' | 'other';

/** Where a case type sits in the course of proceedings. */
export type CaseInstance = 'first' | 'second' | 'retrial' | 'nonContentious' | 'enforcement' | 'none';

/** A case type with its 类型代字. */
export interface CaseType {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly family: CaseFamily;
  readonly instance: CaseInstance;
  /** Time-limit procedure codes (timeLimits.json) a case of this type may run under; first = default. */
  readonly procedures: readonly string[];
  readonly note: string | null;
}

const LEVELS: readonly string[] = ['supreme', 'high', 'intermediate', 'basic', 'special'];
const FAMILIES: readonly string[] = [
  'civil',
  'criminal',
  'administrative',
  'enforcement',
  'preservation',
  'other',
];
const INSTANCES: readonly string[] = ['first', 'second', 'retrial', 'nonContentious', 'enforcement', 'none'];

function bad(file: string, message: string): never {
  throw new Error(`${file}: ${message}`);
}

function str(r: Record<string, unknown>, key: string, file: string, where: string): string {
  const v = r[key];
  if (typeof v !== 'string' || v.length === 0) bad(file, `${where}.${key} must be a non-empty string`);
  return v;
}

function oneOf(
  r: Record<string, unknown>,
  key: string,
  allowed: readonly string[],
  file: string,
  where: string,
): string {
  const v = str(r, key, file, where);
  if (!allowed.includes(v)) bad(file, `${where}.${key}: unknown value ${v}`);
  return v;
}

function records(list: unknown, file: string, key: string): Record<string, unknown>[] {
  if (!Array.isArray(list)) bad(file, `${key} must be an array`);
  return list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      bad(file, `${key}[${i}] must be an object`);
    return item as Record<string, unknown>;
  });
}

/** Checks courts.json; throws with the offending entry when malformed. */
export function parseCourts(data: unknown): { abbreviations: string[]; courts: Court[] } {
  const root = (data ?? {}) as Record<string, unknown>;
  const abbreviations = root['provinceAbbreviations'];
  if (
    !Array.isArray(abbreviations) ||
    !abbreviations.every((a) => typeof a === 'string' && [...a].length === 1)
  ) {
    bad('courts.json', 'provinceAbbreviations must be single characters');
  }
  const seen = new Set<string>();
  const courts = records(root['courts'], 'courts.json', 'courts').map((r, i): Court => {
    const code = str(r, 'code', 'courts.json', `courts[${i}]`);
    if (seen.has(code)) bad('courts.json', `duplicate court ${code}`);
    seen.add(code);
    if (code !== '最高法' && !new RegExp(`^[${abbreviations.join('')}](\\d{2}){0,3}$`).test(code))
      bad('courts.json', `malformed court code ${code}`);
    const parent = r['parent'];
    if (parent !== null && typeof parent !== 'string')
      bad('courts.json', `${code}.parent must be a string or null`);
    return {
      code,
      name: str(r, 'name', 'courts.json', code),
      nameEn: str(r, 'nameEn', 'courts.json', code),
      level: oneOf(r, 'level', LEVELS, 'courts.json', code) as CourtLevel,
      parent,
    };
  });
  return { abbreviations: abbreviations as string[], courts };
}

/** Checks caseTypes.json; throws with the offending entry when malformed. */
export function parseCaseTypes(data: unknown): CaseType[] {
  const seen = new Set<string>();
  return records(((data ?? {}) as Record<string, unknown>)['types'], 'caseTypes.json', 'types').map(
    (r, i): CaseType => {
      const code = str(r, 'code', 'caseTypes.json', `types[${i}]`);
      if (seen.has(code)) bad('caseTypes.json', `duplicate type ${code}`);
      if (!/^[\u4e00-\u9fff]{1,4}$/.test(code))
        bad('caseTypes.json', `type code ${code} must be 1–4 Chinese characters`);
      seen.add(code);
      const procedures = r['procedures'];
      if (!Array.isArray(procedures)) bad('caseTypes.json', `${code}.procedures must be an array`);
      for (const p of procedures) {
        if (typeof p !== 'string' || procedureLimit(p) === null)
          bad('caseTypes.json', `${code}.procedures: unknown procedure ${String(p)}`);
      }
      const note = r['note'];
      return {
        code,
        name: str(r, 'name', 'caseTypes.json', code),
        nameEn: str(r, 'nameEn', 'caseTypes.json', code),
        family: oneOf(r, 'family', FAMILIES, 'caseTypes.json', code) as CaseFamily,
        instance: oneOf(r, 'instance', INSTANCES, 'caseTypes.json', code) as CaseInstance,
        procedures: procedures as string[],
        note: typeof note === 'string' ? note : null,
      };
    },
  );
}

const parsedCourts = parseCourts(courtsRaw);

/** Characters a 法院代字 may begin with (province abbreviations and 兵). */
export const PROVINCE_ABBREVIATIONS: readonly string[] = parsedCourts.abbreviations;

/** Courts in the reference list. */
export const COURTS: readonly Court[] = parsedCourts.courts;

/** Case types in the reference list. */
export const CASE_TYPES: readonly CaseType[] = parseCaseTypes(typesRaw);

/** A court by its 法院代字, or null when it is not in the reference list. */
export function courtByCode(code: string): Court | null {
  return COURTS.find((c) => c.code === code) ?? null;
}

/** A case type by its 类型代字, or null when it is not in the reference list. */
export function caseTypeByCode(code: string): CaseType | null {
  return CASE_TYPES.find((t) => t.code === code) ?? null;
}
