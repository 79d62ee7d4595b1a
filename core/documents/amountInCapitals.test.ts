import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInCapitals, MAX_CAPITALS_FEN, parseAmountInCapitals } from './amountInCapitals';

const yuan = (y: number): number => Math.round(y * 100);

describe('amountInCapitals', () => {
  it.each([
    [yuan(100_000), '壹拾万元整'],
    [yuan(1234.56), '壹仟贰佰叁拾肆元伍角陆分'],
    [yuan(10_005), '壹万零伍元整'],
    [yuan(100_300), '壹拾万零叁佰元整'],
    [yuan(10), '壹拾元整'],
    [yuan(15), '壹拾伍元整'],
    [yuan(1409.5), '壹仟肆佰零玖元伍角'], // 角 without 整 (the banking rules allow either)
    [yuan(6007.14), '陆仟零柒元壹角肆分'],
    [yuan(1680.32), '壹仟陆佰捌拾元零叁角贰分'],
    [yuan(107_000.53), '壹拾万柒仟元零伍角叁分'],
    [yuan(16_409.02), '壹万陆仟肆佰零玖元零贰分'],
    [yuan(325.04), '叁佰贰拾伍元零肆分'],
    [yuan(1_000_000), '壹佰万元整'],
    [yuan(100_007_000), '壹亿零柒仟元整'],
    [yuan(100_100_000), '壹亿零壹拾万元整'],
    [yuan(200_000_000), '贰亿元整'],
    [yuan(1_000_000_000_000), '壹万亿元整'],
    [yuan(1_000_000_000_005), '壹万亿零伍元整'],
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [55, '伍角伍分'],
    [MAX_CAPITALS_FEN, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%d fen → %s', (fen, text) => {
    expect(amountInCapitals(fen)).toBe(text);
    expect(parseAmountInCapitals(text)).toBe(fen);
  });

  it('refuses negative, fractional and unsafe amounts with a RangeError', () => {
    expect(() => amountInCapitals(-1)).toThrow(/negative/);
    expect(() => amountInCapitals(1.5)).toThrow(RangeError);
    expect(() => amountInCapitals(Number.NaN)).toThrow(RangeError);
    expect(() => amountInCapitals(MAX_CAPITALS_FEN + 1)).toThrow(RangeError);
  });
});

describe('parseAmountInCapitals', () => {
  it.each([
    ['人民币壹拾万元整', yuan(100_000)],
    ['壹拾万圆正', yuan(100_000)],
    ['拾万元', yuan(100_000)], // 壹 left out before 拾: still one value
    ['壹拾万零柒仟元伍角叁分', yuan(107_000.53)], // the rules' second spelling
    ['壹仟陆佰捌拾元叁角贰分', yuan(1680.32)], // 零 left out, also allowed
    ['壹仟零伍拾元整', yuan(1050)],
    ['壹仟伍拾元整', yuan(1050)], // 零 missing but the places are unambiguous
    ['貳萬參仟陸佰元整', yuan(23_600)],
    ['伍角整', 50],
  ])('%s → %d fen', (text, fen) => {
    expect(parseAmountInCapitals(text)).toBe(fen);
  });

  it.each([
    '',
    '壹拾万',
    '元整',
    '壹壹元整',
    '壹万伍元整', // ambiguous: 10,005 or 15,000
    '壹佰伍元整', // ambiguous: 105 or 150
    '拾佰元整',
    '零伍元整',
    '壹元伍分整',
    '壹元伍角零伍分',
    '壹佰零元整',
    '一十万元整',
  ])('refuses %s', (text) => {
    expect(parseAmountInCapitals(text)).toBeNull();
  });

  it('reads back every amount it writes, up to the largest safe amount', () => {
    const fen = fc.oneof(
      fc.integer({ min: 0, max: 100_000_000 }),
      fc.integer({ min: 0, max: MAX_CAPITALS_FEN }),
      fc
        .tuple(
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: 0, max: 15 }),
          fc.integer({ min: 0, max: 99 }),
        )
        .map(([d, zeros, cents]) => Math.min(MAX_CAPITALS_FEN, d * 10 ** zeros * 100 + cents)),
    );
    fc.assert(
      fc.property(fen, (n) => {
        const text = amountInCapitals(n);
        expect(parseAmountInCapitals(text)).toBe(n);
        expect(parseAmountInCapitals(`人民币${text}`)).toBe(n);
        // Never two 零 in a row, never 整 after 分, always 壹 before a leading 拾.
        expect(text).not.toMatch(/零零|分整|^拾/u);
      }),
    );
  });
});
