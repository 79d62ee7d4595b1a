import { describe, expect, it } from 'vitest';
import {
  checkCaseNumberParts,
  formatCaseNumber,
  formatProvisionalNumber,
  isProvisional,
  isValidCaseNumber,
  parseCaseNumber,
  parseProvisionalNumber,
  shortIdFromCaseId,
  type CaseNumberErrorCode,
} from './caseNumber';

describe('parseCaseNumber', () => {
  it('reads the example of docs/product-rules.md §4.2 (案号规定 第三条)', () => {
    const r = parseCaseNumber('（2026）甘0402民初123号');
    expect(r).toMatchObject({
      ok: true,
      value: {
        year: 2026,
        court: '甘0402',
        typeCode: '民初',
        sequence: 123,
        warnings: [],
        normalized: '（2026）甘0402民初123号',
      },
    });
    if (r.ok) {
      expect(r.value.courtInfo?.name).toBe('白银市白银区人民法院');
      expect(r.value.caseType.name).toBe('民事一审案件');
    }
  });

  it.each([
    ['（2025）甘04民终88号', '甘04', '民终', 88],
    ['（2026）甘民终1号', '甘', '民终', 1],
    ['（2026）最高法民申4567号', '最高法', '民申', 4567],
    ['（2026）甘0402执恢7号', '甘0402', '执恢', 7],
    ['（2026）甘0402执10号', '甘0402', '执', 10],
    ['（2026）京0105民初100000号', '京0105', '民初', 100000],
  ])('reads %s', (text, court, typeCode, sequence) => {
    const r = parseCaseNumber(text);
    expect(r).toMatchObject({ ok: true, value: { court, typeCode, sequence } });
    expect(isValidCaseNumber(text)).toBe(true);
  });

  it('accepts a court code that is well formed but not in the list, marking it unknown', () => {
    const r = parseCaseNumber('（2026）京0105民初1号');
    expect(r.ok && r.value.courtInfo).toBeNull();
  });

  it('normalises half-width parentheses, full-width digits and spaces with warnings', () => {
    const r = parseCaseNumber(' (2026)甘0402民初123号 ');
    expect(r).toMatchObject({
      ok: true,
      value: {
        normalized: '（2026）甘0402民初123号',
        warnings: ['surroundingSpace', 'halfWidthParentheses'],
      },
    });
    expect(parseCaseNumber('（2026)甘0402民初123号')).toMatchObject({
      ok: true,
      value: { warnings: ['halfWidthParentheses'] },
    });
    expect(parseCaseNumber('（２０２６）甘０４０２民初１２３号')).toMatchObject({
      ok: true,
      value: { sequence: 123, warnings: ['fullWidthDigits'] },
    });
    expect(isValidCaseNumber('(2026)甘0402民初123号')).toBe(false);
  });

  it.each<[string, CaseNumberErrorCode]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['临（2026）甘0402民初-7K3M9QXP', 'provisional'],
    ['2026甘0402民初123号', 'brackets'],
    ['〔2026〕甘0402民初123号', 'brackets'],
    ['（26）甘0402民初123号', 'year'],
    ['（1900）甘0402民初123号', 'year'],
    ['（2026）甘0402民初123', 'suffix'],
    ['（2026）甘040民初123号', 'court'],
    ['（2026）XX0402民初123号', 'court'],
    ['（2026）民初123号', 'court'],
    ['（2026）甘0402民初字第123号', 'typeCode'], // the pre-2016 “字第” form
    ['（2026）甘0402民123号', 'typeCode'],
    ['（2026）甘0402123号', 'court'], // digits run on: no type code to split at
    ['（2026）甘0402民初号', 'sequence'],
    ['（2026）甘0402民初0123号', 'leadingZero'],
    ['（2026）甘0402民初0号', 'zeroSequence'],
    ['（2026）甘0402民初1234567890号', 'sequence'],
    ['（2026）甘0402民初12a号', 'sequence'],
  ])('rejects %j as %s', (text, code) => {
    const r = parseCaseNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/\(.+\)/);
    }
    expect(isValidCaseNumber(text)).toBe(false);
  });

  it('never throws, even on non-strings', () => {
    expect(parseCaseNumber(undefined as unknown as string).ok).toBe(false);
    expect(parseCaseNumber(42 as unknown as string).ok).toBe(false);
  });
});

describe('formatCaseNumber', () => {
  it('writes full-width parentheses and no leading zeros', () => {
    expect(formatCaseNumber({ year: 2026, court: '甘0402', typeCode: '民初', sequence: 123 })).toBe(
      '（2026）甘0402民初123号',
    );
  });
  it.each([
    [{ year: 2026, court: '甘0402', typeCode: '民初', sequence: 0 }, 'sequence'],
    [{ year: 2026, court: '甘0402', typeCode: '民初', sequence: 1.5 }, 'sequence'],
    [{ year: 2026, court: '甘0402', typeCode: '民', sequence: 1 }, 'typeCode'],
    [{ year: 2026, court: '0402', typeCode: '民初', sequence: 1 }, 'court'],
    [{ year: 26, court: '甘0402', typeCode: '民初', sequence: 1 }, 'year'],
  ])('refuses invalid parts %j', (parts, code) => {
    expect(checkCaseNumberParts(parts)?.code).toBe(code);
    expect(() => formatCaseNumber(parts)).toThrow(RangeError);
  });
});

describe('provisional numbers', () => {
  const id = '7f1c2b3a-9d4e-4c5b-8a6f-0123456789ab';
  it('derives an 8-character Crockford id from the case id', () => {
    expect(shortIdFromCaseId(id)).toBe(shortIdFromCaseId(id.toUpperCase()));
    expect(shortIdFromCaseId('0000000000')).toBe('00000000');
    expect(shortIdFromCaseId('ffffffffff')).toBe('ZZZZZZZZ');
    expect(shortIdFromCaseId(id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(() => shortIdFromCaseId('case:1')).toThrow(RangeError);
  });

  it('round-trips and is never mistaken for an official number', () => {
    const text = formatProvisionalNumber({
      year: 2026,
      court: '甘0402',
      typeCode: '民初',
      shortId: shortIdFromCaseId(id),
    });
    expect(text).toMatch(/^临（2026）甘0402民初-[0-9A-Z]{8}$/);
    expect(isProvisional(text)).toBe(true);
    expect(parseProvisionalNumber(text)).toEqual({
      year: 2026,
      court: '甘0402',
      typeCode: '民初',
      shortId: shortIdFromCaseId(id),
    });
    expect(parseCaseNumber(text)).toMatchObject({ ok: false, error: { code: 'provisional' } });
    expect(isProvisional('（2026）甘0402民初123号')).toBe(false);
    expect(isProvisional('临（2026）甘0402民初-ABCDEI')).toBe(false); // I is not Crockford
    expect(isProvisional('临（2026）甘0402民-ABCDEF')).toBe(false);
    expect(() =>
      formatProvisionalNumber({ year: 2026, court: '甘0402', typeCode: '民初', shortId: 'abc' }),
    ).toThrow(RangeError);
  });
});
