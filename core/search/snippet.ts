/**
 * Highlighting for search results, as pure functions over offsets: the UI renders the ranges (in
 * <mark>) without ever inserting markup into text it did not write.
 */
import { normalizeText } from './normalize';

/** A half-open range [start, end) of UTF-16 offsets in a text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Every occurrence of every term in `text` (case- and width-folded), sorted, overlaps merged. */
export function highlightRanges(text: string, terms: readonly string[]): TextRange[] {
  const hay = normalizeText(text);
  const found: TextRange[] = [];
  for (const raw of terms) {
    const term = normalizeText(raw);
    if (term.length === 0) continue;
    for (let at = hay.indexOf(term); at >= 0; at = hay.indexOf(term, at + 1)) {
      found.push({ start: at, end: at + term.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else merged.push(r);
  }
  return merged;
}

/** A stretch of a text around its first hit, with the hits inside it (offsets into the stretch). */
export interface Snippet {
  readonly text: string;
  readonly ranges: readonly TextRange[];
  /** Whether text was cut before / after the stretch (the UI shows …). */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

/**
 * About `width` characters of `text` starting a little before the first hit of `terms` (the
 * beginning when nothing matches), never splitting a surrogate pair, with the ranges inside it.
 */
export function makeSnippet(text: string, terms: readonly string[], width = 120): Snippet {
  const all = highlightRanges(text, terms);
  const first = all[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(width / 4));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  if (isLowSurrogate(text.charCodeAt(start))) start -= 1;
  if (isLowSurrogate(text.charCodeAt(end))) end += 1;
  const ranges = all
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }));
  return { text: text.slice(start, end), ranges, cutBefore: start > 0, cutAfter: end < text.length };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
