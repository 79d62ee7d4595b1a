/**
 * Small text helpers the checker and the anonymiser share: spans, quoted passages, digit folding.
 * Offsets are UTF-16 indices (what JavaScript strings and the editor's text mapping use).
 */

/** A half-open span `[start, end)` of a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Every match of a global regex with its span (the regex must have the `g` flag). */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new Error(`allMatches needs a global regex: ${re}`);
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return out;
}

/** Full-width digits (０–９) as ASCII; other characters unchanged, so lengths stay equal. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** True for one CJK unified ideograph (the BMP blocks names and legal text use). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /^[\u3400-\u9fff\uf900-\ufaff]$/u.test(ch);
}

/**
 * Passages inside Chinese quotation marks “…” or 「…」: a quoted contract clause, statement or
 * exhibit keeps its own wording, so style rules do not apply there.
 */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of allMatches(/“[^“”]*”|「[^「」]*」/gu, text))
    out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** True when `[start, end)` lies inside one of `spans`. */
export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start <= start && end <= s.end);
}

/** Spans of the text inside 《…》 (the brackets excluded), nested 〈〉 kept inside. */
export function bookTitleSpans(text: string): Span[] {
  return allMatches(/《([^《》]{1,120})》/gu, text).map((m) => ({
    start: m.index + 1,
    end: m.index + m[0].length - 1,
  }));
}

const DEFINITION = /（以下简称[：:]?[“"《]?([^”"》）]{1,30})[”"》]?）/gu;

/**
 * Short names the document defines for itself, as courts do at first mention:
 * 《中华人民共和国民事诉讼法》（以下简称民事诉讼法）, 甘肃陇原建材有限公司（以下简称“陇原公司”）.
 */
export function definedShortNames(text: string): Set<string> {
  return new Set(
    allMatches(DEFINITION, text)
      .map((m) => m[1] ?? '')
      .filter((n) => n.length > 0),
  );
}
