/**
 * Numbers the published text never shows (法释〔2016〕19号 第十条): identity numbers (18 digits with
 * the X check character, and the old 15-digit ones), mobile and landline numbers, bank accounts and
 * vehicle plates. Rules run in order on maximal runs of letters and digits, so a rule for 18 digits
 * can never take part of a 19-digit account: the run is classified as a whole. Credit codes of
 * organisations stay (第十一条 keeps them).
 */
import { PROVINCE_ABBREVIATIONS } from '../../domain/courtReference';
import {
  isValidCreditCode,
  isValidResidentId,
  residentIdCheckDigit,
  validateResidentId,
} from '../../domain/identity';
import { allMatches, asciiDigits } from '../textScan';
import type { ReplacementRule, ReplacementSet } from './replacements';

const EDGE_BEFORE = '(?<![0-9A-Za-z])';
const EDGE_AFTER = '(?![0-9A-Za-z])';
/** Forms with separators, tried before the runs: bank cards in groups of four, phones with dashes. */
const GROUPED: readonly (readonly [RegExp, ReplacementRule])[] = [
  [new RegExp(`${EDGE_BEFORE}\\d{4}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?${EDGE_AFTER}`, 'gu'), 'bankAccount'],
  [new RegExp(`(?:\\+86[ -]?|${EDGE_BEFORE}86[ -])1[3-9]\\d(?:[ -]?\\d{4}){2}${EDGE_AFTER}`, 'gu'), 'mobile'],
  [new RegExp(`${EDGE_BEFORE}1[3-9]\\d(?:[ -]\\d{4}){2}${EDGE_AFTER}`, 'gu'), 'mobile'],
  [
    new RegExp(
      `(?:[（(]0\\d{2,3}[）)]\\s?|${EDGE_BEFORE}0\\d{2,3}[ -])\\d{7,8}(?:[-转]\\d{1,5})?${EDGE_AFTER}`,
      'gu',
    ),
    'landline',
  ],
];
const RUN = /[0-9A-Za-z]+/gu;
/** The label in front of an organisation's credit code. */
const CREDIT_CODE_LABEL = /(?:统一社会信用代码|信用代码|组织机构代码)[：:为是\s]{0,3}$/u;
/** Labels before a local phone number written without its area code. */
const PHONE_LABEL = /(?:电话|座机|固话|联系方式|传真|Tel|TEL|tel)[：:号码为是\s]{0,4}$/u;
/** Shaped like an 18-digit ID (real province and birth date), even with a mistyped digit. */
function looksLikeId(run: string): boolean {
  const result = validateResidentId(run);
  return result.ok || result.issues.every((i) => i.code === 'checkDigit');
}

/** A 15-digit ID of before 1999: region, YYMMDD of a 19xx birth, sequence; no check digit. */
function looksLikeOldId(run: string): boolean {
  const upgraded = `${run.slice(0, 6)}19${run.slice(6)}`;
  return isValidResidentId(upgraded + residentIdCheckDigit(upgraded));
}

/** The rule for one maximal run of letters and digits, or null to keep it. */
function classify(run: string, labelBefore: string): ReplacementRule | null {
  const upper = run.toUpperCase();
  if (/^\d{17}[\dX]$/u.test(upper)) {
    // An all-digit credit code passes its checksum one time in 31 by chance: kept only where labelled.
    if (isValidCreditCode(upper) && !isValidResidentId(upper) && CREDIT_CODE_LABEL.test(labelBefore))
      return null;
    return looksLikeId(upper) ? 'idNumber' : /^\d+$/u.test(upper) ? 'bankAccount' : 'longNumber';
  }
  if (!/^\d+$/u.test(run)) return null;
  const n = run.length;
  if (n === 15 && looksLikeOldId(run)) return 'oldIdNumber';
  if (n >= 16 && n <= 19) return 'bankAccount';
  if (n >= 15) return 'longNumber';
  if (n === 11 && /^1[3-9]/u.test(run)) return 'mobile';
  if ((n === 11 || n === 12) && run.startsWith('0')) return 'landline';
  if ((n === 7 || n === 8) && PHONE_LABEL.test(labelBefore)) return 'landline';
  return null;
}

/** A vehicle plate (GA 36): province, issuing-office letter, five characters (six for new energy). */
const PLATE = new RegExp(
  `[${PROVINCE_ABBREVIATIONS.filter((p) => p !== '兵').join('')}][A-HJ-NP-Z][·•\\s]?(?:[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])${EDGE_AFTER}`,
  'gu',
);

/** Adds the replacements for identity numbers, accounts, phones and plates to `set`. */
export function maskNumbers(text: string, set: ReplacementSet, mask: string): void {
  const folded = asciiDigits(text);
  for (const [re, rule] of GROUPED)
    for (const m of allMatches(re, folded)) set.add(m.index, m.index + m[0].length, mask, rule);
  for (const m of allMatches(RUN, folded)) {
    const rule = classify(m[0], folded.slice(Math.max(0, m.index - 12), m.index));
    if (rule) set.add(m.index, m.index + m[0].length, mask, rule);
  }
  for (const m of allMatches(PLATE, folded)) {
    if (/\d/u.test(m[0])) set.add(m.index, m.index + m[0].length, mask, 'plate');
  }
}
