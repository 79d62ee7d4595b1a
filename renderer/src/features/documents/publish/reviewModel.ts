/**
 * The clerk's publication review as data: the anonymiser's replacements, with the clerk's own
 * additions (`manual`) and undos, always re-validated by core's `applyReplacements` (no overlap,
 * each span still holding what it replaced) before the published text is rebuilt.
 */
import {
  applyReplacements,
  type Replacement,
  type ReplacementRule,
} from '../../../../../core/documents/anonymise/replacements';
import { REMOVED_MARK } from '../../../../../core/documents/anonymise/anonymise';
import { anonymisedName } from '../../../../../core/documents/personNames';

/** A replacement of the review: the anonymiser's, or one the clerk added. */
export type ReviewReplacement = Omit<Replacement, 'rule'> & { readonly rule: ReplacementRule | 'manual' };

/** How a manual replacement reads: a name keeps its first character (张某), other text becomes ×××. */
export function manualReplacement(original: string, kind: 'name' | 'mark'): string {
  return kind === 'name' ? anonymisedName(original) : REMOVED_MARK;
}

/** The published text; throws RangeError (from applyReplacements) for an invalid set. */
export function publishedText(original: string, reps: readonly ReviewReplacement[]): string {
  return applyReplacements(original, reps as readonly Replacement[]);
}

/** The set with one manual replacement of `[start, end)` added; throws RangeError when it overlaps another. */
export function withManual(
  original: string,
  reps: readonly ReviewReplacement[],
  start: number,
  end: number,
  kind: 'name' | 'mark',
): ReviewReplacement[] {
  const text = original.slice(start, end);
  const next = [
    ...reps,
    { start, end, original: text, replacement: manualReplacement(text, kind), rule: 'manual' as const },
  ].sort((a, b) => a.start - b.start);
  publishedText(original, next);
  return next;
}

/** A run of the original or of the result, with the replacement it belongs to (index), if any. */
export interface Segment {
  readonly text: string;
  readonly rep: number | null;
  /** Offset of the run in the original text. */
  readonly start: number;
}

/** The original (`side: 'original'`) or the result cut into plain runs and replaced runs. */
export function segments(
  original: string,
  reps: readonly ReviewReplacement[],
  side: 'original' | 'result',
): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  reps.forEach((r, i) => {
    if (r.start > at) out.push({ text: original.slice(at, r.start), rep: null, start: at });
    out.push({ text: side === 'original' ? r.original : r.replacement, rep: i, start: r.start });
    at = r.end;
  });
  if (at < original.length) out.push({ text: original.slice(at), rep: null, start: at });
  return out;
}
