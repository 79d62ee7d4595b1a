/**
 * Replacements of the anonymiser: spans of the original text with what the published text shows
 * instead. They never overlap, so the clerk can undo one, or add one, and the result is rebuilt
 * from the original with {@link applyReplacements}.
 */

/** Which rule made a replacement. */
export type ReplacementRule =
  | 'name'
  | 'nameInText'
  | 'idNumber'
  | 'oldIdNumber'
  | 'bankAccount'
  | 'longNumber'
  | 'mobile'
  | 'landline'
  | 'plate'
  | 'address';

/** Why a person's name is hidden (法释〔2016〕19号 第八条). */
export type ProtectionReason =
  'familyCase' | 'victim' | 'civilPlaintiff' | 'witness' | 'appraiser' | 'minor' | 'legalRepresentative';

/** One replacement: `[start, end)` of the original, which held `original`. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly original: string;
  readonly replacement: string;
  readonly rule: ReplacementRule;
  /** For names: why the person is protected. */
  readonly reason?: ProtectionReason;
}

/**
 * Rebuilds the published text from the original and a set of replacements (any order). Throws a
 * RangeError when two overlap, one lies outside the text or its `original` is not what the text
 * holds there: replacements made for another version of the text must not be applied blindly.
 */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const r of sorted) {
    if (r.start < last || r.end < r.start || r.end > text.length)
      throw new RangeError(`replacement ${r.start}–${r.end} overlaps another or lies outside the text`);
    if (text.slice(r.start, r.end) !== r.original)
      throw new RangeError(`replacement ${r.start}–${r.end} expected “${r.original}” in the text`);
    out += text.slice(last, r.start) + r.replacement;
    last = r.end;
  }
  return out + text.slice(last);
}

/** Collects replacements, refusing any that overlaps one already taken (earlier rules win). */
export class ReplacementSet {
  private readonly taken: Replacement[] = [];

  constructor(private readonly text: string) {}

  /** True when `[start, end)` touches no replacement taken so far. */
  isFree(start: number, end: number): boolean {
    return this.taken.every((r) => end <= r.start || r.end <= start);
  }

  /** Takes the replacement when its span is free; returns whether it was taken. */
  add(
    start: number,
    end: number,
    replacement: string,
    rule: ReplacementRule,
    reason?: ProtectionReason,
  ): boolean {
    if (start >= end || !this.isFree(start, end)) return false;
    const original = this.text.slice(start, end);
    this.taken.push(
      reason === undefined
        ? { start, end, original, replacement, rule }
        : { start, end, original, replacement, rule, reason },
    );
    return true;
  }

  /** The first taken replacement starting at or after `from`, or null. */
  nextStart(from: number): number | null {
    let best: number | null = null;
    for (const r of this.taken) if (r.start >= from && (best === null || r.start < best)) best = r.start;
    return best;
  }

  /** Everything taken, in text order. */
  list(): Replacement[] {
    return [...this.taken].sort((a, b) => a.start - b.start);
  }
}
