/**
 * The catalogue entry (目录) suggested for a scanned paper from its OCR text: a title read from
 * the document's first lines and a date (落款日期) if one is written in it. The clerk confirms or
 * corrects it (docs/archives.md "Catalogue suggestion"); nothing here is stored unconfirmed as
 * confirmed.
 */

/** What {@link suggestCatalogueEntry} proposes. */
export interface CatalogueSuggestion {
  /** Title for the catalogue ('' when nothing readable was found). */
  readonly title: string;
  /** YYYY-MM-DD when the text names a date, else undefined. */
  readonly docDate?: string;
}

/** Titles of court papers, longest first, so 民事起诉状 wins over 起诉状. */
const KNOWN_TITLES = [
  '民事判决书',
  '刑事判决书',
  '行政判决书',
  '民事裁定书',
  '刑事裁定书',
  '行政裁定书',
  '民事调解书',
  '民事起诉状',
  '刑事附带民事起诉状',
  '行政起诉状',
  '民事上诉状',
  '答辩状',
  '起诉状',
  '上诉状',
  '判决书',
  '裁定书',
  '调解书',
  '决定书',
  '授权委托书',
  '法定代表人身份证明书',
  '送达回证',
  '传票',
  '开庭笔录',
  '庭审笔录',
  '询问笔录',
  '调查笔录',
  '证据目录',
  '证据清单',
  '受理案件通知书',
  '应诉通知书',
  '举证通知书',
  '缴纳诉讼费用通知书',
  '财产保全申请书',
  '申请书',
  '委托书',
  '通知书',
  '笔录',
].sort((a, b) => b.length - a.length);

const HAN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  O: 0,
  o: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Han-numeral year (二〇二六) or day/month (十二, 二十五) to a number; NaN when unreadable. */
function hanNumber(s: string, positional: boolean): number {
  if (/^\d+$/u.test(s)) return Number(s);
  if (positional) {
    let n = 0;
    for (const ch of s) {
      const d = HAN_DIGITS[ch];
      if (d === undefined) return Number.NaN;
      n = n * 10 + d;
    }
    return n;
  }
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/u.exec(s);
  if (!m || s === '') return Number.NaN;
  const tens = m[2] ? (m[1] ? (HAN_DIGITS[m[1]] ?? 0) : 1) : 0;
  const ones = m[3] ? (HAN_DIGITS[m[3]] ?? 0) : m[2] ? 0 : m[1] ? (HAN_DIGITS[m[1]] ?? 0) : 0;
  return tens * 10 + ones;
}

const DATE =
  /([0-9]{4}|[〇零一二三四五六七八九Oo]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/gu;

/** The last well-formed date written in `text` (a paper's 落款 comes last), as YYYY-MM-DD. */
export function findDocDate(text: string): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(DATE)) {
    const y = hanNumber(m[1] ?? '', true);
    const mo = hanNumber(m[2] ?? '', false);
    const d = hanNumber(m[3] ?? '', false);
    if (!(y >= 1949 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) continue;
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const check = new Date(`${iso}T00:00:00Z`);
    if (check.getUTCDate() === d) found = iso;
  }
  return found;
}

/** OCR puts spaces between Han characters and reads full-width forms variously. */
function cleanLine(line: string): string {
  return line
    .normalize('NFKC')
    .replace(/(?<=[\p{Script=Han}\p{P}])\s+(?=[\p{Script=Han}\p{P}])/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * OCR text as stored and indexed: NFKC, no spaces between Han characters (tesseract separates
 * them, and the search tokenises Han runs), runs of spaces folded, line breaks kept.
 */
export function cleanOcrText(text: string): string {
  return text
    .split(/\r?\n/u)
    .map(cleanLine)
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** A line worth showing as a title: has Han characters and is not mostly noise. */
function readable(line: string): boolean {
  const han = line.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 2 && han / [...line].length >= 0.5;
}

/**
 * Suggests a catalogue title (and date) from the OCR text of a paper: a known paper title among
 * its first five readable lines (with the court or party line before it dropped), else the first
 * readable line cut to 40 characters.
 */
export function suggestCatalogueEntry(ocrText: string): CatalogueSuggestion {
  const lines = ocrText.split(/\r?\n/u).map(cleanLine).filter(readable);
  const head = lines.slice(0, 5);
  let title = '';
  for (const line of head) {
    const known = KNOWN_TITLES.find((t) => line.replace(/\s/gu, '').includes(t));
    if (known) {
      // Without spaces and without punctuation or specks OCR read around the title.
      const flat = line.replace(/\s/gu, '').replace(/^[^\p{Script=Han}\d]+|[^\p{Script=Han}\d]+$/gu, '');
      // Keep a qualifier written before the title on the same line (民事 in 民事起诉状 is in it already).
      title = flat.length <= 20 ? flat : known;
      break;
    }
  }
  if (title === '' && head[0] !== undefined) title = [...head[0]].slice(0, 40).join('');
  const docDate = findDocDate(lines.join('\n'));
  return docDate === undefined ? { title } : { title, docDate };
}
