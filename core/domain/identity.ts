/**
 * Identity numbers of parties: the 18-digit citizen identity number (公民身份号码, GB 11643-1999)
 * and the unified social credit code of organisations (统一社会信用代码, GB 32100-2015). Both end in
 * a check character that catches every single-character typo, which is what filing relies on.
 */
import { compareDates, dateParts, formatDate, isPlainDate, type PlainDate } from './plainDate';

/** One problem with an identity number: a reason code and a bilingual message. */
export interface IdentityIssue<Code extends string> {
  readonly code: Code;
  readonly message: string;
}

/** Why a resident ID number is invalid. */
export type ResidentIdReason = 'length' | 'charset' | 'region' | 'birthDate' | 'checkDigit';

/** What a valid resident ID number tells. */
export interface ResidentIdInfo {
  /** The number with a lower-case x upper-cased. */
  readonly id: string;
  /** 地址码 (GB 11643 §5.1): the county-level region code where it was first issued. */
  readonly regionCode: string;
  readonly birthDate: PlainDate;
  /** 顺序码 (§5.3): odd for men, even for women. */
  readonly sex: 'male' | 'female';
}

/** Result of {@link validateResidentId}: the facts, or every reason it is invalid. */
export type ResidentIdResult =
  | { readonly ok: true; readonly value: ResidentIdInfo }
  | { readonly ok: false; readonly issues: readonly IdentityIssue<ResidentIdReason>[] };

/** Weights Wi = 2^(17−i) mod 11 of ISO 7064 MOD 11-2 (GB 11643 §7). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for each value of Σ(ai·Wi) mod 11. */
const ID_CHECK = '10X98765432';
/**
 * First two digits of GB/T 2260 region codes (provinces), plus 81/82/83 used by the residence
 * permits of Hong Kong, Macao and Taiwan residents, which follow the same 18-digit scheme.
 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);
/** Earliest birth date accepted (GB 11643's own example is born in 1880). */
const MIN_BIRTH = '1800-01-01';

/** The check digit (0–9 or X) for the first 17 digits of a resident ID number. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

/**
 * Checks an 18-digit resident ID number: length and characters, province of the region code,
 * the birth date (a real date, not before 1800 and, given `today`, not in the future) and the
 * check digit. Returns every problem found.
 */
export function validateResidentId(input: string, options: { today?: PlainDate } = {}): ResidentIdResult {
  const id = typeof input === 'string' ? input.trim().toUpperCase() : '';
  const issues: IdentityIssue<ResidentIdReason>[] = [];
  if (id.length !== 18) {
    return {
      ok: false,
      issues: [{ code: 'length', message: `身份证号码应为18位，实为${id.length}位 (must be 18 characters)` }],
    };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return {
      ok: false,
      issues: [
        { code: 'charset', message: '身份证号码前17位应为数字，末位为数字或X (17 digits then a digit or X)' },
      ],
    };
  }
  if (!PROVINCES.has(id.slice(0, 2)))
    issues.push({
      code: 'region',
      message: `地址码“${id.slice(0, 6)}”的省级代码不存在 (unknown province code)`,
    });
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const today = options.today;
  if (
    !isPlainDate(birth) ||
    compareDates(birth, MIN_BIRTH) < 0 ||
    (today !== undefined && compareDates(birth, today) > 0)
  ) {
    issues.push({ code: 'birthDate', message: `出生日期“${id.slice(6, 14)}”无效 (invalid birth date)` });
  }
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17])
    issues.push({
      code: 'checkDigit',
      message: '身份证号码校验位不符，可能有输错的数字 (check digit mismatch: a digit was probably mistyped)',
    });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      id,
      regionCode: id.slice(0, 6),
      birthDate: birth,
      sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** True when {@link validateResidentId} finds nothing wrong. */
export function isValidResidentId(input: string, options: { today?: PlainDate } = {}): boolean {
  return validateResidentId(input, options).ok;
}

/** Birth date of a valid resident ID number, or null. */
export function birthDateFromResidentId(input: string): PlainDate | null {
  const r = validateResidentId(input);
  return r.ok ? r.value.birthDate : null;
}

/** Sex of the holder of a valid resident ID number, or null. */
export function sexFromResidentId(input: string): 'male' | 'female' | null {
  const r = validateResidentId(input);
  return r.ok ? r.value.sex : null;
}

/** Builds a resident ID number from its parts with the right check digit (tests, demo data). */
export function makeResidentId(regionCode: string, birthDate: PlainDate, sequence: number): string {
  const p = dateParts(birthDate);
  if (!/^\d{6}$/.test(regionCode) || !p || !Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError('makeResidentId: region must be 6 digits, birth a date, sequence 0–999');
  }
  const body = `${regionCode}${formatDate(p).replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return body + residentIdCheckDigit(body);
}

/** The 31 characters of GB 32100 (digits and capitals without I, O, Z, S, V), in value order. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Why a unified social credit code is invalid. */
export type CreditCodeReason = 'length' | 'charset' | 'region' | 'checkChar';

/** What a valid unified social credit code tells. */
export interface CreditCodeInfo {
  readonly code: string;
  /** 登记管理部门代码 (position 1) and 机构类别代码 (position 2). */
  readonly authority: string;
  readonly category: string;
  /** 登记管理机关行政区划码 (positions 3–8). */
  readonly regionCode: string;
  /** 主体标识码 (positions 9–17): the organisation code of GB 11714. */
  readonly organizationCode: string;
  /**
   * Whether the embedded organisation code's own GB 11714 check character matches. Reported, not
   * enforced: the code's validity rests on the GB 32100 check character alone.
   */
  readonly organizationCodeCheckOk: boolean;
}

/** Result of {@link validateCreditCode}. */
export type CreditCodeResult =
  | { readonly ok: true; readonly value: CreditCodeInfo }
  | { readonly ok: false; readonly issues: readonly IdentityIssue<CreditCodeReason>[] };

/** Weights Wi = 3^(i−1) mod 31 (GB 32100 §5). */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('need exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i] as string);
    if (v < 0) throw new RangeError(`not a GB 32100 character: ${first17[i]}`);
    sum += v * (CREDIT_WEIGHTS[i] as number);
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** GB 11714 check: weights 3 7 9 10 5 8 4 2, C9 = 11 − Σ mod 11, 10 → X, 11 → 0. */
function organizationCodeCheckOk(code: string): boolean {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(code[i] as string, 36) * (weights[i] as number);
  const c = 11 - (sum % 11);
  return (c === 10 ? 'X' : c === 11 ? '0' : String(c)) === code[8];
}

/** Checks a unified social credit code: 18 characters of the GB 32100 alphabet, a numeric region and the check character. */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (code.length !== 18) {
    return {
      ok: false,
      issues: [
        { code: 'length', message: `统一社会信用代码应为18位，实为${code.length}位 (must be 18 characters)` },
      ],
    };
  }
  const bad = [...code].filter((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad.length > 0) {
    return {
      ok: false,
      issues: [
        {
          code: 'charset',
          message: `含有不允许的字符“${bad.join('')}”（不使用 I、O、Z、S、V） (characters outside the GB 32100 set)`,
        },
      ],
    };
  }
  const issues: IdentityIssue<CreditCodeReason>[] = [];
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    issues.push({ code: 'region', message: '第3至8位行政区划码应为数字 (positions 3–8 must be digits)' });
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17])
    issues.push({
      code: 'checkChar',
      message: '统一社会信用代码校验位不符，可能有输错的字符 (check character mismatch)',
    });
  if (issues.length > 0) return { ok: false, issues };
  const organizationCode = code.slice(8, 17);
  return {
    ok: true,
    value: {
      code,
      authority: code[0] as string,
      category: code[1] as string,
      regionCode: code.slice(2, 8),
      organizationCode,
      organizationCodeCheckOk: organizationCodeCheckOk(organizationCode),
    },
  };
}

/** True when {@link validateCreditCode} finds nothing wrong. */
export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).ok;
}
