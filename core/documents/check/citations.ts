/**
 * `citationFormat`: statute citations. Article, paragraph and item numbers are written in Chinese
 * numerals (立法法 第六十五条: 条 in Chinese numerals, 项 in Chinese numerals in brackets), so
 * 第577条 becomes 第五百七十七条 and 第一百十条 第一百一十条; a law is cited by its full name in 《》
 * (《中华人民共和国民法典》), except a short name the document itself defined at first citation,
 * e.g. 《中华人民共和国民事诉讼法》（以下简称民事诉讼法）. Numbers are only judged right after a law
 * name, so a contract's 第5条 is left alone.
 */
import { finding, type DocumentFinding } from '../findings';
import { ALL_LAW_NAMES, citedTitle, lawByName } from '../lawNames';
import { formatChineseInteger, parseChineseInteger } from '../numerals';
import { allMatches, asciiDigits, bookTitleSpans, definedShortNames, type Span } from '../textScan';

const LEGAL_TITLE =
  /(?:法|法典|条例|规定|解释|办法|决定|细则|规则|意见|批复|纪要)(?:（[一二三四五六七八九十]+）)?$/u;
const NUM = '[0-9０-９]+|[零〇○一二三四五六七八九十百千]+';
const ELEMENT = new RegExp(
  `第(?:（(${NUM})）|(${NUM}))(条|款|项)(?:之([一二三四五六七八九十]+|[0-9０-９]+))?`,
  'uy',
);
const SEPARATOR = /\s*(?:以及|或者|[、，,和及与或至])\s*(?=第)/uy;
const BARE_FULL = /中华人民共和国[\p{Script=Han}]{1,20}?法(?=\s*第)/gu;

interface Element {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Canonical spelling, or null when the numeral cannot be read. */
  readonly canonical: string | null;
  readonly arabic: boolean;
}

function chinese(numeral: string): { value: number | null; arabic: boolean } {
  const ascii = asciiDigits(numeral);
  if (/^\d+$/u.test(ascii)) return { value: Number(ascii), arabic: true };
  return { value: parseChineseInteger(numeral), arabic: false };
}

function readElement(text: string, at: number): Element | null {
  ELEMENT.lastIndex = at;
  const m = ELEMENT.exec(text);
  if (!m) return null;
  const [whole, bracketed, plain, unit, suffix] = m;
  const number = chinese(bracketed ?? plain ?? '');
  const sub = suffix === undefined ? null : chinese(suffix);
  const arabic = number.arabic || (sub?.arabic ?? false);
  let canonical: string | null = null;
  if (number.value !== null && number.value > 0 && (sub === null || (sub.value !== null && sub.value > 0))) {
    const cn = formatChineseInteger(number.value);
    const ofText = sub?.value ? `之${formatChineseInteger(sub.value)}` : '';
    const itemInBrackets = bracketed !== undefined || number.arabic;
    canonical = unit === '项' && itemInBrackets ? `第（${cn}）项${ofText}` : `第${cn}${unit}${ofText}`;
  }
  return { start: at, end: at + whole.length, text: whole, canonical, arabic };
}

/** Checks the article numbers cited right after a law name ending at `at`. */
function checkArticles(text: string, at: number, out: DocumentFinding[]): void {
  let pos = at;
  while (/\s/u.test(text[pos] ?? '')) pos += 1;
  for (;;) {
    const ref: Element[] = [];
    for (let el = readElement(text, pos); el; el = readElement(text, pos)) {
      ref.push(el);
      pos = el.end;
    }
    if (ref.length === 0) return;
    const wrong = ref.filter((e) => e.canonical !== e.text);
    if (wrong.length > 0) {
      const start = (ref[0] as Element).start;
      const end = (ref[ref.length - 1] as Element).end;
      const written = text.slice(start, end);
      const fixable = ref.every((e) => e.canonical !== null);
      const suggestion = fixable ? ref.map((e) => e.canonical).join('') : undefined;
      const arabic = wrong.some((e) => e.arabic);
      out.push(
        finding(
          'citationFormat',
          arabic ? 'arabicNumerals' : 'numeralForm',
          start,
          end,
          arabic
            ? `法律条文序号应使用汉字数字：“${written}”${suggestion ? `应为“${suggestion}”` : ''}`
            : `条文序号写法有误：“${written}”${suggestion ? `应为“${suggestion}”` : ''}`,
          arabic
            ? `article numbers are written in Chinese numerals: ${written}${suggestion ? ` → ${suggestion}` : ''}`
            : `malformed article number ${written}${suggestion ? ` → ${suggestion}` : ''}`,
          suggestion,
        ),
      );
    }
    SEPARATOR.lastIndex = pos;
    const sep = SEPARATOR.exec(text);
    if (!sep) return;
    pos += sep[0].length;
  }
}

/** Names bare in the text (not in 《》) that are followed by an article number. */
function bareNames(
  text: string,
  titles: readonly Span[],
  defined: ReadonlySet<string>,
): { span: Span; name: string }[] {
  const found: { span: Span; name: string }[] = [];
  for (const name of [...ALL_LAW_NAMES, ...defined]) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1))
      found.push({ span: { start: i, end: i + name.length }, name });
  }
  for (const m of allMatches(BARE_FULL, text))
    found.push({ span: { start: m.index, end: m.index + m[0].length }, name: m[0] });
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: { span: Span; name: string }[] = [];
  let claimed = -1;
  for (const f of found) {
    if (f.span.start < claimed) continue;
    claimed = f.span.end;
    const inTitle = titles.some((t) => t.start - 1 <= f.span.start && f.span.end <= t.end + 1);
    if (!inTitle && /^\s*第/u.test(text.slice(f.span.end, f.span.end + 3))) out.push(f);
  }
  return out;
}

/** Finds the citation problems of `text`. */
export function checkCitations(text: string): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const defined = definedShortNames(text);
  const titles = bookTitleSpans(text);
  for (const t of titles) {
    const title = text.slice(t.start, t.end);
    const law = lawByName(title);
    const isShort = law !== null && law.full !== title && !defined.has(title);
    if (isShort) {
      const suggestion = citedTitle(law);
      out.push(
        finding(
          'citationFormat',
          'shortName',
          t.start - 1,
          t.end + 1,
          `法律名称应使用全称：“《${title}》”应为“${suggestion}”（或首次引用时注明“以下简称”）`,
          `cite the full name: 《${title}》 → ${suggestion} (or define the short name at first citation)`,
          suggestion,
        ),
      );
    }
    if (law !== null || defined.has(title) || LEGAL_TITLE.test(title)) checkArticles(text, t.end + 1, out);
  }
  for (const { span, name } of bareNames(text, titles, defined)) {
    const law = lawByName(name);
    if (!defined.has(name)) {
      const isFull = law === null || law.full === name;
      const suggestion = law ? citedTitle(law) : `《${name}》`;
      out.push(
        finding(
          'citationFormat',
          isFull ? 'missingBookTitle' : 'shortName',
          span.start,
          span.end,
          isFull
            ? `法律名称应加书名号：“${name}”应为“${suggestion}”`
            : `法律名称应使用全称并加书名号：“${name}”应为“${suggestion}”（或首次引用时注明“以下简称”）`,
          isFull
            ? `put the law's name in 《》: ${name} → ${suggestion}`
            : `cite the full name in 《》: ${name} → ${suggestion} (or define the short name at first citation)`,
          suggestion,
        ),
      );
    }
    checkArticles(text, span.end, out);
  }
  return out;
}
