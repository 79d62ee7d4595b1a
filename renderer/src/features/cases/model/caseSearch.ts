/**
 * Text normalisation for case search and sorting: full-width forms (（）, full-width digits and
 * letters) fold to their half-width forms (Unicode NFKC), case and white space are ignored, so
 * `(2026)甘0402民初12`, `（2026）甘0402民初12` and `2026）甘0402民初 12` all find the same case.
 */

/** The form both the searched text and the search string are reduced to. */
export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * A key that sorts case numbers naturally: every run of digits is zero-padded, so
 * `（2026）甘0402民初9号` sorts before `（2026）甘0402民初10号`, and years order before types.
 */
export function caseNumberSortKey(displayNumber: string): string {
  return normalizeSearch(displayNumber).replace(/\d+/g, (d) => d.padStart(12, '0'));
}

/** The text a case is found by: its numbers, party names and ID numbers (one normalised string). */
export function searchHaystack(parts: readonly (string | null | undefined)[]): string {
  let out = '';
  for (const p of parts) if (p) out += `${normalizeSearch(p)}\n`;
  return out;
}
