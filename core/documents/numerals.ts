/**
 * Chinese numerals, one grammar for both sets a court document uses: the ordinary numerals of
 * statute articles and dates (一百零一, 二〇二六) and the financial capitals of amounts (壹佰零壹).
 * Parsing is lenient where the value is still unambiguous (壹仟伍拾 without the 零 the banking rules
 * ask for) and strict where it is not (一百五 is 150 to some readers and 105 to others).
 */

/** The characters of one numeral set. */
export interface NumeralSet {
  /** Digit characters 1–9 (index + 1 is the value); variants map through `aliases`. */
  readonly digits: string;
  readonly zero: string;
  /** 十/拾, 百/佰, 千/仟. */
  readonly ten: string;
  readonly hundred: string;
  readonly thousand: string;
  readonly wan: string;
  readonly yi: string;
  /** Extra spellings folded into the canonical characters before parsing (traditional forms, 两, 〇). */
  readonly aliases: Readonly<Record<string, string>>;
}

/** 一二三 … 十百千万亿, as statutes and dates write them. */
export const ORDINARY_NUMERALS: NumeralSet = {
  digits: '一二三四五六七八九',
  zero: '零',
  ten: '十',
  hundred: '百',
  thousand: '千',
  wan: '万',
  yi: '亿',
  aliases: { 〇: '零', '○': '零', 两: '二', 萬: '万', 億: '亿' },
};

/** 壹贰叁 … 拾佰仟万亿 (大写), as amounts are written; traditional forms accepted when reading. */
export const CAPITAL_NUMERALS: NumeralSet = {
  digits: '壹贰叁肆伍陆柒捌玖',
  zero: '零',
  ten: '拾',
  hundred: '佰',
  thousand: '仟',
  wan: '万',
  yi: '亿',
  aliases: { 貳: '贰', 參: '叁', 叄: '叁', 陸: '陆', 萬: '万', 億: '亿', 〇: '零' },
};

function fold(text: string, set: NumeralSet): string {
  let out = '';
  for (const ch of text) out += set.aliases[ch] ?? ch;
  return out;
}

/** Value of a section below 10,000 (`壹仟零伍`, `十五`); null when malformed. */
function parseSection(s: string, set: NumeralSet): number | null {
  if (s.length === 0) return null;
  const units: Readonly<Record<string, number>> = { [set.ten]: 10, [set.hundred]: 100, [set.thousand]: 1000 };
  let total = 0;
  let lastUnit = 10_000;
  let digit: number | null = null;
  let zeroPending = false;
  for (const ch of s) {
    const d = set.digits.indexOf(ch);
    if (d >= 0) {
      if (digit !== null) return null;
      digit = d + 1;
    } else if (ch === set.zero) {
      // A 零 stands for skipped places, so it needs something before it and a digit after it.
      if (digit !== null || zeroPending || total === 0) return null;
      zeroPending = true;
    } else if (units[ch] !== undefined) {
      const unit = units[ch];
      if (unit >= lastUnit) return null;
      if (digit === null) {
        // 十五, 拾万, 一百十: a ten without its digit, first or right after the hundreds, is one ten.
        if (unit !== 10 || zeroPending || (total !== 0 && lastUnit !== 100)) return null;
        digit = 1;
      }
      total += digit * unit;
      lastUnit = unit;
      digit = null;
      zeroPending = false;
    } else {
      return null;
    }
  }
  if (zeroPending && digit === null) return null;
  if (digit !== null) {
    // 一百五 would be ambiguous (150 or 105): a final digit needs 零, a ten before it, or nothing.
    if (lastUnit !== 10 && lastUnit !== 10_000 && !zeroPending) return null;
    total += digit;
  }
  return total;
}

/** Splits `s` at the big unit `unit`: the multiplier before it and the remainder after it. */
function parseBig(
  s: string,
  set: NumeralSet,
  unit: string,
  scale: number,
  below: (t: string) => number | null,
): number | null {
  const at = s.lastIndexOf(unit);
  if (at < 0) return below(s);
  const high = below(s.slice(0, at));
  if (high === null || high === 0) return null;
  let rest = s.slice(at + 1);
  if (rest.length === 0) return high * scale;
  const zeroed = rest.startsWith(set.zero);
  if (zeroed) rest = rest.slice(1);
  // 一万五 is 15,000 in speech but 10,005 by the places: a bare digit after 万 is refused.
  if (!zeroed && rest.length === 1) return null;
  const low = below(rest);
  if (low === null || low === 0) return null;
  return high * scale + low;
}

/**
 * Reads a whole number written in `set` (default: ordinary numerals), e.g. 五百七十七 → 577,
 * 壹拾万零叁佰 → 100300, 二〇二六 is not a number here (see {@link parseDigitString}). Null when the
 * text is not a well-formed numeral.
 */
export function parseChineseInteger(text: string, set: NumeralSet = ORDINARY_NUMERALS): number | null {
  const s = fold(text, set);
  if (s === set.zero) return 0;
  const belowWan = (t: string): number | null => parseSection(t, set);
  const belowYi = (t: string): number | null => parseBig(t, set, set.wan, 10_000, belowWan);
  const value = parseBig(s, set, set.yi, 100_000_000, belowYi);
  return value !== null && Number.isSafeInteger(value) ? value : null;
}

/** Reads digit-by-digit numerals such as the year 二〇二六 (〇, ○ and 零 are zero); null otherwise. */
export function parseDigitString(text: string, set: NumeralSet = ORDINARY_NUMERALS): string | null {
  let out = '';
  for (const ch of fold(text, set)) {
    if (ch === set.zero) out += '0';
    else {
      const d = set.digits.indexOf(ch);
      if (d < 0) return null;
      out += String(d + 1);
    }
  }
  return out.length > 0 ? out : null;
}

/**
 * Writes a whole number in `set`. Zeros follow the banking rules for amounts (中间连续的0写一个
 * 零; a section's trailing zeros before a big unit are not written: 壹拾万柒仟); with the ordinary
 * set a leading 一十 is written 十, as statute articles are numbered (第十条, 第一百一十条).
 */
export function formatChineseInteger(n: number, set: NumeralSet = ORDINARY_NUMERALS): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number ≥ 0: ${n}`);
  if (n === 0) return set.zero;
  const digits = String(n);
  const small = ['', set.ten, set.hundred, set.thousand];
  let out = '';
  let zero = false;
  let sectionHasDigit = false;
  for (let i = 0; i < digits.length; i += 1) {
    const d = Number(digits[i]);
    const pos = digits.length - 1 - i;
    if (d === 0) {
      if (out.length > 0) zero = true;
    } else {
      if (zero) out += set.zero;
      zero = false;
      sectionHasDigit = true;
      out += (set.digits[d - 1] as string) + small[pos % 4];
    }
    if (pos % 4 === 0 && pos > 0) {
      const section = pos / 4;
      // 亿 closes the 亿 section even when only the 万亿 part above it is non-zero.
      if (section % 2 === 0 && out.length > 0) {
        out += set.yi;
        zero = false;
      } else if (section % 2 === 1 && sectionHasDigit) {
        out += set.wan;
        zero = false;
      }
      sectionHasDigit = false;
    }
  }
  if (set === ORDINARY_NUMERALS && out.startsWith(`${set.digits[0]}${set.ten}`)) out = out.slice(1);
  return out;
}
