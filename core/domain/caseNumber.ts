/**
 * Case numbers (案号) per 《最高人民法院关于人民法院案件案号的若干规定》 (法〔2015〕137号):
 * 第三条 "（" + 收案年度 + "）" + 法院代字 + 类型代字 + 案件编号 + "号", e.g. `（2026）甘0402民初123号`.
 * Also provisional numbers for filings made offline, which the worker later replaces.
 */
import {
  PROVINCE_ABBREVIATIONS,
  caseTypeByCode,
  courtByCode,
  type CaseType,
  type Court,
} from './courtReference';

/** The parts of a case number. */
export interface CaseNumberParts {
  /** 收案年度: the calendar year the case was received (第二条). */
  readonly year: number;
  /** 法院代字, e.g. `甘0402`. */
  readonly court: string;
  /** 类型代字, e.g. `民初`. */
  readonly typeCode: string;
  /** 案件编号: positive integer, written without leading zeros. */
  readonly sequence: number;
}

/** Something the parser fixed while reading a case number. */
export type CaseNumberWarning = 'halfWidthParentheses' | 'fullWidthDigits' | 'surroundingSpace';

/** A parsed case number. */
export interface ParsedCaseNumber extends CaseNumberParts {
  /** The canonical form (full-width parentheses, ASCII digits). */
  readonly normalized: string;
  /** Non-empty when the input was not already canonical. */
  readonly warnings: readonly CaseNumberWarning[];
  /** The court from the reference list, or null for a well-formed code of a court not listed. */
  readonly courtInfo: Court | null;
  readonly caseType: CaseType;
}

/** Why a string is not a case number. */
export type CaseNumberErrorCode =
  | 'empty'
  | 'provisional'
  | 'brackets'
  | 'year'
  | 'court'
  | 'typeCode'
  | 'sequence'
  | 'leadingZero'
  | 'zeroSequence'
  | 'suffix';

/** A reason code with a bilingual message a clerk can act on. */
export interface CaseNumberError {
  readonly code: CaseNumberErrorCode;
  readonly message: string;
}

/** Result of {@link parseCaseNumber}; parsing never throws. */
export type CaseNumberResult =
  | { readonly ok: true; readonly value: ParsedCaseNumber }
  | { readonly ok: false; readonly error: CaseNumberError };

/** Earliest and latest 收案年度 accepted. */
export const MIN_CASE_YEAR = 1949;
/** See {@link MIN_CASE_YEAR}. */
export const MAX_CASE_YEAR = 2999;
/** Longest 案件编号 accepted (nine digits keeps it a safe integer with room to spare). */
const MAX_SEQUENCE_DIGITS = 9;

/** First character of every provisional number; no official number starts with it. */
const PROVISIONAL_MARK = '临';
const COURT_CODE = new RegExp(`^(?:最高法|[${PROVINCE_ABBREVIATIONS.join('')}](?:\\d{2}){0,3})$`);

function fail(code: CaseNumberErrorCode, message: string): CaseNumberResult {
  return { ok: false, error: { code, message } };
}

/** True when `court` is shaped like a 法院代字 (province abbreviation + 0, 2, 4 or 6 digits, or 最高法). */
export function isCourtCode(court: string): boolean {
  return COURT_CODE.test(court);
}

/**
 * Reads a case number. Accepts half-width parentheses, full-width digits and surrounding spaces,
 * normalising them and saying so in `warnings`; anything else wrong is a typed error.
 */
export function parseCaseNumber(input: string): CaseNumberResult {
  const warnings: CaseNumberWarning[] = [];
  if (typeof input !== 'string' || input.trim().length === 0)
    return fail('empty', '案号为空 (empty case number)');
  let s = input.trim();
  if (s !== input) warnings.push('surroundingSpace');
  if (s.startsWith(PROVISIONAL_MARK))
    return fail('provisional', '这是临时案号，正式案号尚未分配 (a provisional number, not an official one)');
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (ascii !== s) warnings.push('fullWidthDigits');
  s = ascii;
  if (s.startsWith('(') || /^（\d*\)/.test(s)) {
    s = s.replace(/^\(/, '（').replace(/^（(\d*)\)/, '（$1）');
    warnings.push('halfWidthParentheses');
  }
  const m = /^（(\d*)）(.*)$/.exec(s);
  if (!m)
    return fail(
      'brackets',
      '案号应以全角括号括起收案年度开头，如“（2026）” (must start with the year in parentheses)',
    );
  const yearText = m[1] ?? '';
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < MIN_CASE_YEAR || year > MAX_CASE_YEAR)
    return fail('year', `收案年度“${yearText}”无效 (invalid year)`);
  let rest = m[2] ?? '';
  if (!rest.endsWith('号')) return fail('suffix', '案号应以“号”结尾 (must end with 号)');
  rest = rest.slice(0, -1);
  const cm = /^(最高法|[^\d]\d*)(.*)$/u.exec(rest);
  const court = cm?.[1] ?? '';
  if (!cm || !isCourtCode(court)) return fail('court', `法院代字“${court}”无效 (invalid court code)`);
  const tm = /^(\D+)(.*)$/u.exec(cm[2] ?? '');
  const typeCode = tm?.[1] ?? '';
  const caseType = caseTypeByCode(typeCode);
  if (!tm || !caseType) {
    if (typeCode.endsWith('字第'))
      return fail('typeCode', '“字第”是2016年以前的旧式案号写法，现行案号不再使用 (pre-2016 “字第” form)');
    return fail('typeCode', `类型代字“${typeCode}”不在代字标准列表中 (unknown case type code)`);
  }
  const seq = tm[2] ?? '';
  if (!/^\d+$/.test(seq)) return fail('sequence', `案件编号“${seq}”应为阿拉伯数字 (sequence must be digits)`);
  if (/^0+$/.test(seq)) return fail('zeroSequence', '案件编号从 1 开始 (sequence starts at 1)');
  if (seq.startsWith('0')) return fail('leadingZero', `案件编号“${seq}”不得有前导零 (no leading zeros)`);
  if (seq.length > MAX_SEQUENCE_DIGITS) return fail('sequence', '案件编号过长 (sequence too long)');
  const parts = { year, court, typeCode, sequence: Number(seq) };
  return {
    ok: true,
    value: {
      ...parts,
      normalized: formatCaseNumber(parts),
      warnings,
      courtInfo: courtByCode(court),
      caseType,
    },
  };
}

/** Why these parts cannot form a case number, or null when they can. */
export function checkCaseNumberParts(parts: CaseNumberParts): CaseNumberError | null {
  if (!Number.isInteger(parts.year) || parts.year < MIN_CASE_YEAR || parts.year > MAX_CASE_YEAR)
    return { code: 'year', message: `收案年度无效 (invalid year ${parts.year})` };
  if (!isCourtCode(parts.court))
    return { code: 'court', message: `法院代字无效 (invalid court code ${parts.court})` };
  if (!caseTypeByCode(parts.typeCode))
    return { code: 'typeCode', message: `未知类型代字 (unknown case type code ${parts.typeCode})` };
  if (
    !Number.isInteger(parts.sequence) ||
    parts.sequence < 1 ||
    String(parts.sequence).length > MAX_SEQUENCE_DIGITS
  ) {
    return { code: 'sequence', message: `案件编号无效 (invalid sequence ${parts.sequence})` };
  }
  return null;
}

/** Writes the canonical case number; throws RangeError on invalid parts (a programming error). */
export function formatCaseNumber(parts: CaseNumberParts): string {
  const problem = checkCaseNumberParts(parts);
  if (problem) throw new RangeError(problem.message);
  return `（${parts.year}）${parts.court}${parts.typeCode}${parts.sequence}号`;
}

/** True only for a case number written exactly in canonical form (no normalisation needed). */
export function isValidCaseNumber(input: string): boolean {
  const r = parseCaseNumber(input);
  return r.ok && r.value.warnings.length === 0;
}

/**
 * Provisional numbers. `临（2026）甘0402民初-7K3M9QXP`: the 临 prefix, the hyphen, the Latin
 * letters of the short id and the missing 号 each make it impossible to read as an official number
 * (which starts with "（", holds only digits after the type code and ends with 号).
 */
/** Crockford base32 (no I, L, O, U): short ids survive being read aloud or copied by hand. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PROVISIONAL = /^临（(\d{4})）(最高法|[^\d]\d*)([\u4e00-\u9fff]+)-([0-9A-HJKMNP-TV-Z]{6,16})$/u;

/** The parts of a provisional number. */
export interface ProvisionalParts {
  readonly year: number;
  readonly court: string;
  readonly typeCode: string;
  /** 6–16 Crockford base32 characters, e.g. from {@link shortIdFromCaseId}. */
  readonly shortId: string;
}

/** Eight Crockford base32 characters from the first 40 bits of a case id's hex digits. */
export function shortIdFromCaseId(caseId: string): string {
  const hex = caseId.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length < 10) throw new RangeError(`case id needs at least 10 hex digits: ${caseId}`);
  let n = parseInt(hex.slice(0, 10), 16);
  let out = '';
  for (let i = 0; i < 8; i += 1) {
    out = CROCKFORD[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

/** Writes a provisional number; throws RangeError on invalid parts. */
export function formatProvisionalNumber(parts: ProvisionalParts): string {
  const problem = checkCaseNumberParts({
    year: parts.year,
    court: parts.court,
    typeCode: parts.typeCode,
    sequence: 1,
  });
  if (problem) throw new RangeError(problem.message);
  if (!/^[0-9A-HJKMNP-TV-Z]{6,16}$/.test(parts.shortId))
    throw new RangeError(`invalid short id ${parts.shortId}`);
  return `${PROVISIONAL_MARK}（${parts.year}）${parts.court}${parts.typeCode}-${parts.shortId}`;
}

/** Reads a provisional number, or null when `input` is not one. */
export function parseProvisionalNumber(input: string): ProvisionalParts | null {
  const m = PROVISIONAL.exec(typeof input === 'string' ? input.trim() : '');
  if (!m) return null;
  const parts = { year: Number(m[1]), court: m[2] ?? '', typeCode: m[3] ?? '', shortId: m[4] ?? '' };
  return checkCaseNumberParts({ ...parts, sequence: 1 }) === null ? parts : null;
}

/** True when `input` is a well-formed provisional number. */
export function isProvisional(input: string): boolean {
  return parseProvisionalNumber(input) !== null;
}
