import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPITAL_NUMERALS, formatChineseInteger, parseChineseInteger, parseDigitString } from './numerals';

describe('ordinary numerals (statute articles, dates)', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [101, '一百零一'],
    [110, '一百一十'],
    [577, '五百七十七'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1260, '一千二百六十'],
    [100_000, '十万'],
  ])('%d ↔ %s', (n, text) => {
    expect(formatChineseInteger(n)).toBe(text);
    expect(parseChineseInteger(text)).toBe(n);
  });

  it('reads variant spellings that keep one value', () => {
    expect(parseChineseInteger('一十')).toBe(10);
    expect(parseChineseInteger('一百十')).toBe(110);
    expect(parseChineseInteger('两百')).toBe(200);
    expect(parseChineseInteger('一百〇六')).toBe(106);
    expect(parseChineseInteger('零')).toBe(0);
  });

  it.each(['', '一百五', '五百七七', '十十', '百', '零五', '一百零', '一万五', '三十一日'])(
    'refuses %s',
    (text) => {
      expect(parseChineseInteger(text)).toBeNull();
    },
  );

  it('reads years digit by digit', () => {
    expect(parseDigitString('二〇二六')).toBe('2026');
    expect(parseDigitString('二○二六')).toBe('2026');
    expect(parseDigitString('二零二六')).toBe('2026');
    expect(parseDigitString('二十')).toBeNull();
  });

  it('parse ∘ format is the identity in both sets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseChineseInteger(formatChineseInteger(n))).toBe(n);
        expect(parseChineseInteger(formatChineseInteger(n, CAPITAL_NUMERALS), CAPITAL_NUMERALS)).toBe(n);
      }),
    );
  });

  it('refuses negative and fractional numbers', () => {
    expect(() => formatChineseInteger(-1)).toThrow(RangeError);
    expect(() => formatChineseInteger(0.5)).toThrow(RangeError);
  });
});
