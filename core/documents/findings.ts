/**
 * Findings of the error checker (文书纠错): a code the UI can translate or filter on, a span of the
 * checked text, and a bilingual message with the facts filled in (like the fee lines' `label` and
 * `labelEn`), so the renderer shows it as is in either language.
 */

/** What kind of problem a finding reports. */
export type FindingCode =
  | 'caseNumberMismatch'
  | 'partyNotOnRecord'
  | 'amountCapitalsMismatch'
  | 'invalidDate'
  | 'dateOrder'
  | 'dateMismatch'
  | 'citationFormat'
  | 'commonError';

/** Every finding code, in the order the checker runs (ties at one position sort this way). */
export const FINDING_CODES: readonly FindingCode[] = [
  'caseNumberMismatch',
  'partyNotOnRecord',
  'amountCapitalsMismatch',
  'invalidDate',
  'dateOrder',
  'dateMismatch',
  'citationFormat',
  'commonError',
];

/** One problem in a document. Offsets are UTF-16 indices into the checked string, end exclusive. */
export interface DocumentFinding {
  readonly code: FindingCode;
  /** Finer reason within the code (e.g. `malformed`, `notThisCase`, `arabicNumerals`). */
  readonly reason: string;
  readonly start: number;
  readonly end: number;
  /** zh-CN message. */
  readonly message: string;
  readonly messageEn: string;
  /** Text to put in place of `[start, end)` when the fix is unambiguous. */
  readonly suggestion?: string;
}

/** Builds a finding; `suggestion` is left out when undefined. */
export function finding(
  code: FindingCode,
  reason: string,
  start: number,
  end: number,
  message: string,
  messageEn: string,
  suggestion?: string,
): DocumentFinding {
  return suggestion === undefined
    ? { code, reason, start, end, message, messageEn }
    : { code, reason, start, end, message, messageEn, suggestion };
}

/**
 * Sorts findings by position (then longer first, then code order) and drops a finding that
 * overlaps an earlier one of the same code: one problem is underlined once.
 */
export function sortFindings(findings: readonly DocumentFinding[]): DocumentFinding[] {
  const order = (c: FindingCode): number => FINDING_CODES.indexOf(c);
  const sorted = [...findings].sort(
    (a, b) => a.start - b.start || b.end - a.end || order(a.code) - order(b.code),
  );
  const out: DocumentFinding[] = [];
  const lastEnd = new Map<FindingCode, number>();
  for (const f of sorted) {
    if ((lastEnd.get(f.code) ?? -1) > f.start) continue;
    out.push(f);
    lastEnd.set(f.code, Math.max(lastEnd.get(f.code) ?? -1, f.end));
  }
  return out;
}
