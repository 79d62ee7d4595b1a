/**
 * Character accuracy of OCR output against the known text of a test scan (docs/archives.md
 * "OCR accuracy"). Whitespace is dropped on both sides (tesseract puts spaces between Han
 * characters; a scan's line breaks are layout, not text) and both sides are NFKC-folded, so
 * full-width and half-width forms of one character count as the same.
 */

/** The text as compared: NFKC, without whitespace. */
export function normalizeForCer(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Levenshtein distance over code points (insertions, deletions, substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Uint32Array(y.length + 1);
  let cur = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length] ?? 0;
}

/** Character error rate and accuracy of one OCR result. */
export interface CerResult {
  /** Characters of the known text (after normalisation). */
  readonly chars: number;
  /** Edit operations from the known text to the OCR output. */
  readonly errors: number;
  /** errors / chars (0 for a perfect read; may exceed 1 for garbage). */
  readonly cer: number;
  /** max(0, 1 − cer). */
  readonly accuracy: number;
}

/** CER of `ocr` against the known `truth`. */
export function characterErrorRate(truth: string, ocr: string): CerResult {
  const t = normalizeForCer(truth);
  const o = normalizeForCer(ocr);
  const errors = editDistance(t, o);
  const chars = [...t].length;
  const cer = chars === 0 ? (errors === 0 ? 0 : 1) : errors / chars;
  return { chars, errors, cer, accuracy: Math.max(0, 1 - cer) };
}
