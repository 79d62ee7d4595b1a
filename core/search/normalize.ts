/** Text folding shared by indexing, querying and highlighting (docs/search.md). */

/** The full-width ASCII block (！ to ～), one UTF-16 unit each like its ASCII twin. */
const FULL_WIDTH = /[\uff01-\uff5e]/gu;

/**
 * Folds full-width letters and digits (ＡＢ１２ → ab12) and case. Every character keeps its UTF-16
 * length, so an offset in the folded text is the same offset in the original (for highlighting).
 */
export function normalizeText(text: string): string {
  const folded = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const lower = folded.toLowerCase();
  if (lower.length === text.length) return lower;
  // Rare: a character whose lower case is longer (İ); fold character by character instead.
  let out = '';
  for (const ch of folded) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}
