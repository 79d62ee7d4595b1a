import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../domain/identity';
import { templateRecordOf } from './templateRecord';
import {
  appealCourtName,
  arabicDate,
  arabicDateTime,
  chineseDate,
  documentCourtName,
  spacedName,
  spacedTitle,
  yuanFigures,
} from './wording';

describe('wording', () => {
  it('writes body dates in Arabic numerals and the signing date in Chinese numerals with 〇', () => {
    expect(arabicDate('2026-03-02')).toBe('2026年3月2日');
    expect(chineseDate('2026-05-06')).toBe('二〇二六年五月六日');
    expect(chineseDate('2030-10-20')).toBe('二〇三〇年十月二十日');
    expect(chineseDate('2026-12-31')).toBe('二〇二六年十二月三十一日');
    expect(chineseDate('2026-02-30')).toBeNull();
    expect(arabicDate('not a date')).toBeNull();
  });

  it('writes hearing times in Beijing time, minutes only when there are any', () => {
    expect(arabicDateTime('2026-04-20T01:30:00Z')).toBe('2026年4月20日9时30分');
    expect(arabicDateTime('2026-04-20T14:00:00+08:00')).toBe('2026年4月20日14时');
    expect(arabicDateTime('2026-04-19T16:05:00Z')).toBe('2026年4月20日0时05分');
    expect(arabicDateTime('nonsense')).toBeNull();
  });

  it('writes yuan with thousands separators and decimals only when needed', () => {
    expect(yuanFigures(10_000_000)).toBe('100,000');
    expect(yuanFigures(123_456)).toBe('1,234.56');
    expect(yuanFigures(5)).toBe('0.05');
    expect(yuanFigures(0)).toBe('0');
    expect(() => yuanFigures(-1)).toThrow(RangeError);
    expect(() => yuanFigures(1.5)).toThrow(RangeError);
  });

  it('lines up the signature block', () => {
    expect(spacedTitle('审判长')).toBe('审　判　长');
    expect(spacedTitle('人民陪审员')).toBe('人民陪审员');
    expect(spacedName('王强')).toBe('王　强');
    expect(spacedName('欧阳晓峰')).toBe('欧阳晓峰');
  });

  it('puts the province before basic and intermediate courts and finds the appeal court', () => {
    expect(documentCourtName('甘0402')).toBe('甘肃省白银市白银区人民法院');
    expect(documentCourtName('甘04')).toBe('甘肃省白银市中级人民法院');
    expect(documentCourtName('甘')).toBe('甘肃省高级人民法院');
    expect(documentCourtName('甘9999')).toBeNull();
    expect(appealCourtName('甘0402')).toBe('甘肃省白银市中级人民法院');
  });
});

describe('templateRecordOf', () => {
  it('reads sex and birth date from resident IDs, hearings in time order, the judge and clerk by display name', () => {
    const names: Record<string, string> = { 'judge.zhao': '赵明', 'clerk.wang': '王芳' };
    const record = templateRecordOf({
      caseDoc: {
        court: '甘0402',
        caseType: '民初',
        procedure: 'civilSummary',
        cause: '民间借贷纠纷',
        filingDate: '2026-03-02',
        claimAmount: 1234.5,
        provisionalNumber: '临20260302-abcd1234',
        parties: [
          {
            role: 'plaintiff',
            kind: 'natural',
            name: '马红',
            idNumber: makeResidentId('620402', '1972-11-30', 2),
            queryCode: '123456',
            agents: [{ name: '王立', kind: 'lawyer' }],
          },
          {
            role: 'defendant',
            kind: 'legal',
            name: '某公司',
            queryCode: '654321',
            legalRepresentative: '李建国',
          },
        ],
      },
      state: {
        officialNumber: '（2026）甘0402民初284号',
        judge: 'judge.zhao',
        hearings: [
          { startsAt: '2026-05-01T01:00:00Z', courtroom: '第二审判庭' },
          { startsAt: '2026-04-01T01:00:00Z', courtroom: '第一审判庭' },
        ] as never,
      },
      clerkUser: 'clerk.wang',
      displayName: (u) => names[u] ?? u,
      particulars: { 0: { ethnicity: '回族' } },
    });
    expect(record.parties[0]).toMatchObject({ sex: 'female', birthDate: '1972-11-30', ethnicity: '回族' });
    expect(record.parties[1]).toMatchObject({ sex: null, birthDate: null, legalRepresentative: '李建国' });
    expect(record.hearings.map((h) => h.courtroom)).toEqual(['第一审判庭', '第二审判庭']);
    expect(record.panel).toEqual([{ title: '审判员', name: '赵明' }]);
    expect(record.clerk).toBe('王芳');
    expect(record.claimAmountFen).toBe(123_450);
    expect(record.caseNumber).toBe('（2026）甘0402民初284号');
  });
});
