/** Text folding shared by indexing, querying and highlighting (docs/search.md). */

/**
 * Folds full-width letters and digits (ＡＢ１２ → ab12) and case. Every character keeps its UTF-16
 * length, so an offset in the folded text is the same offset in the original (for highlighting).
 */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const folded = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
    const lower = folded.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}
