/**
 * `amountCapitalsMismatch`: an amount in figures and the same amount in capitals next to it that
 * disagree — 100000元（大写：壹佰万元整）, 人民币壹拾万元（￥10,000.00） — or capitals that cannot be
 * read at all. Figures may use thousands separators, full-width digits, ￥/人民币 and 万元.
 */
import { amountInCapitals, parseAmountInCapitals } from '../amountInCapitals';
import { finding, type DocumentFinding } from '../findings';
import { allMatches, asciiDigits } from '../textScan';

const CAPITAL_CHARS = '零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆圓角分整正貳參叄陸萬億〇';
const CAPITAL_RUN = new RegExp(`(?:人民币)?[${CAPITAL_CHARS}]+`, 'gu');
const CAPITAL_DIGIT = /[壹贰叁肆伍陆柒捌玖貳參叄陸]/u;
const FIGURES =
  '(人民币|[￥¥])?\\s*([0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．]([0-9０-９]+))?\\s*(万元|元|万)?';
/** Figures, then “（大写：” or “，大写”, right before the capitals. */
const FIGURES_BEFORE = new RegExp(
  `(?<![0-9０-９.,，．])${FIGURES}\\s*(?:[（(]\\s*(?:大写\\s*[：:]?)?|[，,]\\s*大写\\s*[：:]?)\\s*$`,
  'u',
);
/** “（小写：” or “（”, then figures and the closing bracket, right after the capitals. */
const FIGURES_AFTER = new RegExp(`^\\s*[（(]\\s*(?:小写\\s*[：:]?\\s*)?${FIGURES}\\s*[）)]`, 'u');

/** Fen of figures as written, or null when they are not an amount (no unit, too many decimals). */
export function figuresToFen(
  prefix: string | undefined,
  whole: string,
  fraction: string | undefined,
  unit: string | undefined,
): number | null {
  if (!prefix && !unit) return null;
  const int = asciiDigits(whole).replace(/[,，]/gu, '');
  const frac = asciiDigits(fraction ?? '');
  const wan = unit === '万' || unit === '万元';
  const places = wan ? 6 : 2;
  if (frac.length > places) return null;
  const fen = Number(int + frac.padEnd(places, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Finds figures and capitals that disagree in `text`. */
export function checkAmounts(text: string): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  for (const m of allMatches(CAPITAL_RUN, text)) {
    const capitals = m[0];
    if (!CAPITAL_DIGIT.test(capitals) || !/[元圆圓角分]/u.test(capitals)) continue;
    const start = m.index;
    const end = start + capitals.length;
    const before = FIGURES_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    const after = before ? null : FIGURES_AFTER.exec(text.slice(end, end + 40));
    const fig = before ?? after;
    if (!fig) continue;
    const figureFen = figuresToFen(fig[1], fig[2] ?? '', fig[3], fig[4]);
    if (figureFen === null) continue;
    const figures = fig[0]
      .replace(/^\s*[（(]\s*(?:小写\s*[：:]?\s*)?/u, '')
      .replace(/[\s（(，,：:大写）)]*$/u, '');
    const capitalFen = parseAmountInCapitals(capitals);
    const prefix = capitals.startsWith('人民币') ? '人民币' : '';
    const expected = prefix + amountInCapitals(figureFen);
    if (capitalFen === null) {
      out.push(
        finding(
          'amountCapitalsMismatch',
          'unreadable',
          start,
          end,
          `大写金额“${capitals}”写法有误；小写金额“${figures}”的大写为“${expected}”`,
          `the capitals ${capitals} are not a well-formed amount; ${figures} in capitals is ${expected}`,
          expected,
        ),
      );
    } else if (capitalFen !== figureFen) {
      out.push(
        finding(
          'amountCapitalsMismatch',
          'mismatch',
          start,
          end,
          `小写金额“${figures}”与大写金额“${capitals}”不一致；小写金额的大写为“${expected}”`,
          `the figures ${figures} and the capitals ${capitals} differ; the figures in capitals are ${expected}`,
          expected,
        ),
      );
    }
  }
  return out;
}
