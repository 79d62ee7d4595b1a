/**
 * The error checker (文书纠错): one pure pass over a document's plain text against its case record.
 * The editor maps its document to plain text (one `\n` per paragraph) and underlines each span.
 */
import { sortFindings, type DocumentFinding, type FindingCode } from '../findings';
import type { DocumentRecord } from '../record';
import { checkAmounts } from './amounts';
import { checkCaseNumbers } from './caseNumbers';
import { checkCitations } from './citations';
import { checkCommonErrors } from './commonErrors';
import { checkDates } from './dates';
import { checkParties } from './parties';

/** Options of {@link checkDocument}. */
export interface CheckOptions {
  /** Run only these checks (all when absent). */
  readonly only?: readonly FindingCode[];
}

/**
 * Checks `text` against `record` and returns the findings sorted by position, with at most one
 * finding of each code on any stretch of text. Never throws on odd text.
 */
export function checkDocument(
  text: string,
  record: DocumentRecord,
  options: CheckOptions = {},
): DocumentFinding[] {
  const wanted = (code: FindingCode): boolean => !options.only || options.only.includes(code);
  const findings: DocumentFinding[] = [];
  if (wanted('caseNumberMismatch')) findings.push(...checkCaseNumbers(text, record));
  if (wanted('partyNotOnRecord')) findings.push(...checkParties(text, record));
  if (wanted('amountCapitalsMismatch')) findings.push(...checkAmounts(text));
  if (wanted('invalidDate') || wanted('dateOrder') || wanted('dateMismatch'))
    findings.push(...checkDates(text, record).filter((f) => wanted(f.code)));
  if (wanted('citationFormat')) findings.push(...checkCitations(text));
  if (wanted('commonError')) findings.push(...checkCommonErrors(text));
  return sortFindings(findings);
}
