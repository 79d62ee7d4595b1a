/**
 * Amounts in Chinese capitals (大写金额), as judgments, mediation statements and fee notices write
 * them next to the figures: 100000元（大写：壹拾万元整）. Writing follows the People's Bank of
 * China rules for filling in bills (正确填写票据和结算凭证的基本规定): 壹 before 拾, one 零 for a run of
 * zeros, 整 after 元 and never after 分, 零 after 元 when the 角 is zero and the 分 is not. Where those
 * rules allow two spellings we write the first one they give (壹拾万柒仟元零伍角叁分) and read both.
 */
import { CAPITAL_NUMERALS, formatChineseInteger, parseChineseInteger } from './numerals';

/** Largest amount accepted, in fen (Number.MAX_SAFE_INTEGER: about 90 万亿 yuan). */
export const MAX_CAPITALS_FEN = Number.MAX_SAFE_INTEGER;

const CAPS = CAPITAL_NUMERALS;

/**
 * Writes `fen` (integer fen ≥ 0) in capitals without the 人民币 prefix the template adds:
 * 10000000 → 壹拾万元整, 123456 → 壹仟贰佰叁拾肆元伍角陆分, 1000500 → 壹万零伍元整, 0 → 零元整.
 * Throws RangeError for negative, fractional or unsafe numbers: a court never writes a negative
 * amount in capitals, and a bad amount must not be printed silently.
 */
export function amountInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount must be a whole number of fen: ${fen}`);
  if (fen < 0) throw new RangeError(`amount must not be negative: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${formatChineseInteger(yuan, CAPS)}元整`;
  let out = yuan > 0 ? `${formatChineseInteger(yuan, CAPS)}元` : '';
  // 零 after 元 when the 元 place is zero (1680.32) or the 角 is zero (325.04).
  if (yuan > 0 && (yuan % 10 === 0 || jiao === 0)) out += CAPS.zero;
  if (jiao > 0) out += `${CAPS.digits[jiao - 1]}角`;
  if (cents > 0) out += `${CAPS.digits[cents - 1]}分`;
  return out;
}

const CAPITAL_SHAPE =
  /^(?:人民币)?([零壹贰叁肆伍陆柒捌玖拾佰仟万亿貳參叄陸萬億〇]*?)(?:[元圆圓]([零〇])?)?(?:([壹贰叁肆伍陆柒捌玖貳參叄陸])角)?([零〇])?(?:([壹贰叁肆伍陆柒捌玖貳參叄陸])分)?([整正])?$/u;

function capitalDigit(ch: string | undefined): number {
  if (ch === undefined) return 0;
  const folded = CAPS.aliases[ch] ?? ch;
  return CAPS.digits.indexOf(folded) + 1;
}

/**
 * Reads an amount in capitals back into fen, accepting every spelling the banking rules allow
 * (with or without 人民币, 圆 for 元, 整 or 正, the optional 零 forms, traditional 貳/參/陸/萬/億).
 * Null when the text is not an amount in capitals.
 */
export function parseAmountInCapitals(text: string): number | null {
  const m = CAPITAL_SHAPE.exec(text.trim());
  if (!m) return null;
  const [, integerPart = '', zeroAfterYuan, jiaoCh, zeroBeforeFen, fenCh, whole] = m;
  const hasYuanUnit = /[元圆圓]/u.test(text);
  const jiao = capitalDigit(jiaoCh);
  const cents = capitalDigit(fenCh);
  if (!hasYuanUnit) {
    // Only 角/分 without 元 (伍角, 伍分) is an amount; a bare number is not.
    if ((jiao === 0 && cents === 0) || integerPart.length > 0) return null;
  }
  if (whole && cents > 0) return null; // 整 never follows 分
  if (zeroAfterYuan && zeroBeforeFen) return null;
  if (zeroBeforeFen && (jiao > 0 || cents === 0)) return null;
  if (zeroAfterYuan && jiao === 0 && cents === 0) return null;
  let yuan = 0;
  if (integerPart.length > 0) {
    const v = parseChineseInteger(integerPart, CAPS);
    if (v === null) return null;
    yuan = v;
  } else if (hasYuanUnit) {
    return null;
  }
  const fen = yuan * 100 + jiao * 10 + cents;
  return Number.isSafeInteger(fen) ? fen : null;
}
