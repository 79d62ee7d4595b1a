/**
 * Dates written in a court document: Arabic (2026年3月5日, full-width digits too) and Chinese
 * numerals (二〇二六年三月五日, the form of the date a judgment is signed). Each is read into a
 * calendar date or a reason it is not one.
 */
import { daysInMonth, formatDate, type PlainDate } from '../domain/plainDate';
import { parseChineseInteger, parseDigitString } from './numerals';
import { allMatches, asciiDigits } from './textScan';

/** Why a written date is not a calendar date. */
export type DateProblem = 'month' | 'day' | 'numeral';

/** A date found in a text. */
export interface TextDate {
  readonly start: number;
  readonly end: number;
  readonly style: 'arabic' | 'chinese';
  /** The calendar date, or null when the text names none. */
  readonly date: PlainDate | null;
  readonly problem: DateProblem | null;
  readonly year: number;
  /** As written (may be out of range); NaN when the numeral could not be read. */
  readonly month: number;
  readonly day: number;
}

const ARABIC = /(?<![0-9０-９])([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日/gu;
const CHINESE =
  /(?<![〇○零Ｏ一二三四五六七八九十])([〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([〇○零一二三四五六七八九十]{1,3})\s*月\s*([〇○零一二三四五六七八九十]{1,4})\s*日/gu;

function judge(
  year: number,
  month: number,
  day: number,
): { date: PlainDate | null; problem: DateProblem | null } {
  if (Number.isNaN(month) || Number.isNaN(day) || Number.isNaN(year))
    return { date: null, problem: 'numeral' };
  if (month < 1 || month > 12) return { date: null, problem: 'month' };
  if (day < 1 || day > daysInMonth(year, month)) return { date: null, problem: 'day' };
  return { date: formatDate({ year, month, day }), problem: null };
}

function chineseNumber(s: string): number {
  if (/[〇○零]/u.test(s) && !/[十]/u.test(s)) return Number.NaN; // 〇三 is not how a month is written
  return parseChineseInteger(s) ?? Number.NaN;
}

/** Every full date (year, month and day) in `text`, in order of position. */
export function findDates(text: string): TextDate[] {
  const out: TextDate[] = [];
  for (const m of allMatches(ARABIC, text)) {
    const [year, month, day] = [m[1], m[2], m[3]].map((s) => Number(asciiDigits(s ?? ''))) as [
      number,
      number,
      number,
    ];
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      style: 'arabic',
      year,
      month,
      day,
      ...judge(year, month, day),
    });
  }
  for (const m of allMatches(CHINESE, text)) {
    const yearText = parseDigitString((m[1] ?? '').replace(/Ｏ/gu, '〇'));
    const year = yearText === null ? Number.NaN : Number(yearText);
    const month = chineseNumber(m[2] ?? '');
    const day = chineseNumber(m[3] ?? '');
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      style: 'chinese',
      year,
      month,
      day,
      ...judge(year, month, day),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
