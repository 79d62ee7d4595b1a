import { describe, expect, it } from 'vitest';
import { administrativeRecord, administrativeText } from '../../../tests/fixtures/documents/administrative';
import { civilLoanDraft, civilLoanRecord } from '../../../tests/fixtures/documents/civilLoan';
import { criminalRecord, criminalText } from '../../../tests/fixtures/documents/criminal';
import { divorceRecord, divorceText } from '../../../tests/fixtures/documents/divorce';
import { inheritanceRecord, inheritanceText } from '../../../tests/fixtures/documents/inheritance';
import type { DocumentFinding } from '../findings';
import { checkDocument } from './checkDocument';

/** What a finding underlines, for exact comparison. */
function spans(
  text: string,
  findings: readonly DocumentFinding[],
): [string, string, string, string | undefined][] {
  return findings.map((f) => [f.code, f.reason, text.slice(f.start, f.end), f.suggestion]);
}

function applySuggestions(text: string, findings: readonly DocumentFinding[]): string {
  let out = text;
  for (const f of [...findings].reverse())
    if (f.suggestion !== undefined) out = out.slice(0, f.start) + f.suggestion + out.slice(f.end);
  return out;
}

describe('checkDocument on realistic judgments', () => {
  it('finds exactly the seven mistakes of the civil loan draft, in order', () => {
    const findings = checkDocument(civilLoanDraft, civilLoanRecord);
    expect(spans(civilLoanDraft, findings)).toEqual([
      ['partyNotOnRecord', 'nearMiss', '欧阳晓锋', '欧阳晓峰'],
      ['amountCapitalsMismatch', 'mismatch', '贰仟元整', '贰万元整'],
      ['commonError', 'jiezhiUntil', '截止', '截至'],
      ['invalidDate', 'day', '二〇二五年二月三十日', undefined],
      ['citationFormat', 'arabicNumerals', '第577条', '第五百七十七条'],
      ['citationFormat', 'shortName', '民法典', '《中华人民共和国民法典》'],
      ['commonError', 'qitaOther', '其它', '其他'],
    ]);
    expect(findings[0]?.message).toBe('“欧阳晓锋”不在本案当事人名单中，案件记录为“欧阳晓峰”');
    expect(findings[0]?.messageEn).toBe('欧阳晓锋 is not on the case record; the record has 欧阳晓峰');
    expect(findings[1]?.message).toBe(
      '小写金额“20000元”与大写金额“贰仟元整”不一致；小写金额的大写为“贰万元整”',
    );
    expect(findings[3]?.message).toBe('日期“二〇二五年二月三十日”无效：该月没有这一天');
  });

  it('leaves only the date without a fix once every suggestion is applied', () => {
    const fixed = applySuggestions(civilLoanDraft, checkDocument(civilLoanDraft, civilLoanRecord));
    expect(spans(fixed, checkDocument(fixed, civilLoanRecord))).toEqual([
      ['invalidDate', 'day', '二〇二五年二月三十日', undefined],
    ]);
    const clean = fixed.replace('二〇二五年二月三十日', '二〇二五年二月一日');
    expect(checkDocument(clean, civilLoanRecord)).toEqual([]);
  });

  it('finds the bare short name and the Arabic article in the administrative draft', () => {
    const findings = checkDocument(administrativeText, administrativeRecord);
    expect(spans(administrativeText, findings)).toEqual([
      ['citationFormat', 'shortName', '行政诉讼法', '《中华人民共和国行政诉讼法》'],
      ['citationFormat', 'arabicNumerals', '第69条', '第六十九条'],
    ]);
  });

  it.each([
    ['divorce', divorceText, divorceRecord],
    ['inheritance', inheritanceText, inheritanceRecord],
    ['criminal', criminalText, criminalRecord],
  ])('flags nothing in the correct %s judgment', (_, text, record) => {
    expect(checkDocument(text, record)).toEqual([]);
  });

  it('reports a judgment drafted for another case and dates out of order against the record', () => {
    const other = {
      ...divorceRecord,
      caseNumber: '（2026）甘0402民初2346号',
      dates: { ...divorceRecord.dates, filing: '2026-03-05' },
    };
    const findings = checkDocument(divorceText, other);
    expect(spans(divorceText, findings)).toEqual([
      ['caseNumberMismatch', 'notThisCase', '（2026）甘0402民初2345号', '（2026）甘0402民初2346号'],
      ['dateMismatch', 'filing', '2026年2月2日', undefined],
      ['dateOrder', 'hearingBeforeFiling', '2026年3月3日', undefined],
    ]);
    expect(findings[2]?.message).toBe('开庭日期2026-03-03早于立案日期2026-03-05（案件记录）');
  });
});
