/**
 * How a court document writes dates, amounts, names in the signature block and the court's name.
 * Body dates use Arabic numerals (2026年3月2日) and the signing date Chinese numerals with 〇
 * (二〇二六年三月二日), as 《人民法院民事裁判文书制作规范》 (法〔2016〕221号) asks; sources and the
 * reasons for each choice: `docs/documents.md`.
 */
import { courtByCode, type Court } from '../../domain/courtReference';
import { dateParts, type PlainDate } from '../../domain/plainDate';
import { formatChineseInteger } from '../numerals';

const BEIJING_MS = 8 * 3_600_000;
const DIGITS = '〇一二三四五六七八九';
/** The ideographic space that pads signature lines. */
export const IDEOGRAPHIC_SPACE = '\u3000';

/** 2026-03-02 → 2026年3月2日. Null for a malformed date. */
export function arabicDate(date: PlainDate): string | null {
  const p = dateParts(date);
  return p ? `${p.year}年${p.month}月${p.day}日` : null;
}

/** 2026-03-02 → 二〇二六年三月二日, the signing date under the panel. Null for a malformed date. */
export function chineseDate(date: PlainDate): string | null {
  const p = dateParts(date);
  if (!p) return null;
  const year = [...String(p.year)].map((d) => DIGITS[Number(d)]).join('');
  return `${year}年${formatChineseInteger(p.month)}月${formatChineseInteger(p.day)}日`;
}

/** An ISO instant as a Beijing wall-clock date and time: 2026年3月20日9时30分 (null when unreadable). */
export function arabicDateTime(instant: string): string | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + BEIJING_MS);
  const date = `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
  const minutes = local.getUTCMinutes();
  return `${date}${local.getUTCHours()}时${minutes === 0 ? '' : `${String(minutes).padStart(2, '0')}分`}`;
}

/**
 * Fen as yuan figures with thousands separators and without a unit, decimals only where there are
 * any: 10000000 → 100,000; 123456 → 1,234.56; 5 → 0.05.
 */
export function yuanFigures(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`amount must be whole fen ≥ 0: ${fen}`);
  const yuan = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = fen % 100;
  return cents === 0 ? yuan : `${yuan}.${String(cents).padStart(2, '0')}`;
}

/**
 * A title of the signature block spread to the five characters of 人民陪审员 so the names line up:
 * 审判长 and 书记员 get an ideographic space between their characters, 执行员 too; longer titles stay.
 */
export function spacedTitle(title: string): string {
  const chars = [...title];
  return chars.length === 3 ? chars.join(IDEOGRAPHIC_SPACE) : title;
}

/** A two-character name padded to three with an ideographic space (王强 → 王 强); others unchanged. */
export function spacedName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 2 ? chars.join(IDEOGRAPHIC_SPACE) : name.trim();
}

function provinceOf(court: Court): string | null {
  let current: Court | null = court;
  while (current && current.level !== 'high') current = current.parent ? courtByCode(current.parent) : null;
  if (!current) return null;
  const m = /^(.+?(?:省|自治区|市))高级人民法院$/u.exec(current.name);
  return m?.[1] ?? null;
}

/**
 * The court's name as a document's title writes it: basic and intermediate courts with their
 * province first (白银市白银区人民法院 → 甘肃省白银市白银区人民法院), as the 制作规范 asks. Null for a
 * court code not in the reference list.
 */
export function documentCourtName(code: string): string | null {
  const court = courtByCode(code);
  if (!court) return null;
  const province = court.level === 'basic' || court.level === 'intermediate' ? provinceOf(court) : null;
  return province && !court.name.startsWith(province) ? `${province}${court.name}` : court.name;
}

/** The court that hears appeals from `code` (its parent), as a title writes it, or null. */
export function appealCourtName(code: string): string | null {
  const parent = courtByCode(code)?.parent;
  return parent ? documentCourtName(parent) : null;
}
