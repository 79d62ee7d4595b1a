/**
 * `caseNumberMismatch`: case numbers in the text that are malformed (read with core's case-number
 * parser), and the document's own number — the first one, in its heading — when it is not the
 * case's. Numbers cited later (the first-instance judgment of an appeal, a related case) are only
 * checked for form, and numbers of years before 2016 in the old 字第 form are left alone: they were
 * correct when issued.
 */
import { parseCaseNumber, parseProvisionalNumber } from '../../domain/caseNumber';
import { PROVINCE_ABBREVIATIONS } from '../../domain/courtReference';
import { finding, type DocumentFinding } from '../findings';
import type { DocumentRecord } from '../record';
import { allMatches, asciiDigits } from '../textScan';

/** The heading of a document ends well before this offset; a first number after it is a citation. */
export const HEADING_LENGTH = 300;

const COURT_START = `(?:最高法|[${PROVINCE_ABBREVIATIONS.join('')}])`;
/** Anything shaped like an official or provisional number: the parser decides what is wrong. */
const CANDIDATE = new RegExp(
  `(临\\s*)?[（(]\\s*[0-9０-９]{4}\\s*[）)]\\s*${COURT_START}[0-9０-９]{0,6}[\\p{Script=Han}]{1,6}(?:[0-9０-９]+号|-[0-9A-Z]{6,16})`,
  'gu',
);

/** Finds the case-number problems of `text` against `record`. */
export function checkCaseNumbers(text: string, record: DocumentRecord): DocumentFinding[] {
  const own = record.caseNumber ? parseCaseNumber(record.caseNumber) : null;
  const ownNumber = own?.ok ? own.value.normalized : null;
  const out: DocumentFinding[] = [];
  let first = true;
  for (const m of allMatches(CANDIDATE, text)) {
    const written = m[0];
    const start = m.index;
    const end = start + written.length;
    const isHeading = first && start < HEADING_LENGTH;
    first = false;
    if (m[1] !== undefined || written.includes('-')) {
      const provisional = parseProvisionalNumber(written.replace(/\s+/gu, ''));
      if (ownNumber && provisional)
        out.push(
          finding(
            'caseNumberMismatch',
            'provisional',
            start,
            end,
            `临时案号“${written}”已被正式案号取代，应为“${ownNumber}”`,
            `provisional number “${written}”: the case now has the official number ${ownNumber}`,
            ownNumber,
          ),
        );
      continue;
    }
    const parsed = parseCaseNumber(written);
    if (!parsed.ok) {
      const year = Number(/\d{4}/u.exec(asciiDigits(written))?.[0]);
      if (written.includes('字第') && year <= 2015) continue;
      out.push(
        finding(
          'caseNumberMismatch',
          'malformed',
          start,
          end,
          `案号“${written}”格式有误：${parsed.error.message}`,
          `malformed case number “${written}”: ${parsed.error.message}`,
        ),
      );
      continue;
    }
    const normalized = parsed.value.normalized;
    if (isHeading && ownNumber && normalized !== ownNumber) {
      out.push(
        finding(
          'caseNumberMismatch',
          'notThisCase',
          start,
          end,
          `文书案号“${written}”与本案案号“${ownNumber}”不一致`,
          `the document's number ${written} is not this case's number ${ownNumber}`,
          ownNumber,
        ),
      );
    } else if (parsed.value.warnings.length > 0) {
      out.push(
        finding(
          'caseNumberMismatch',
          'notCanonical',
          start,
          end,
          `案号应写作“${normalized}”（全角括号、半角数字）`,
          `write the case number as ${normalized} (full-width parentheses, ASCII digits)`,
          normalized,
        ),
      );
    }
  }
  return out;
}
