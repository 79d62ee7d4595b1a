/**
 * The text of a draft version or of the open document, and a readable diff between two: by
 * character (Chinese has no spaces to split words at), computed by jsdiff; very long changes fall
 * back to a line diff so a rewritten judgment still compares in a moment. Short unchanged runs
 * inside a replacement are folded into it, so a replaced word reads as one removal and one addition.
 */
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { diffChars, diffLines } from 'diff';
import type * as Y from 'yjs';
import type { DocNode } from '../../../../../core/documents/content/docModel';
import { documentText } from '../../../../../core/documents/content/docText';

/** One run of a diff. */
export interface DiffRun {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** The TipTap JSON of a Yjs fragment. */
export function fragmentJson(fragment: Y.XmlFragment): DocNode {
  return yXmlFragmentToProsemirrorJSON(fragment) as DocNode;
}

/** The plain text (core's reading: one line per paragraph, numbers included) of a fragment. */
export function fragmentText(fragment: Y.XmlFragment): string {
  return documentText(fragmentJson(fragment));
}

const CHAR_LIMIT = 200_000;

/** Longest unchanged run folded into the changes around it (十五 → 三十, not +三 =十 -五). */
const SHORT_SAME = 2;

/**
 * Folds short unchanged runs between changes into them and shows each change as removed then
 * added: a minimal character diff is exact but reads badly for replaced words.
 */
function readable(parts: readonly DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ op: 'removed', text: removed });
    if (added) out.push({ op: 'added', text: added });
    removed = '';
    added = '';
  };
  parts.forEach((p, i) => {
    if (p.op === 'removed') removed += p.text;
    else if (p.op === 'added') added += p.text;
    else if (
      (removed || added) &&
      i + 1 < parts.length &&
      p.text.length <= SHORT_SAME &&
      !p.text.includes('\n')
    ) {
      removed += p.text;
      added += p.text;
    } else {
      flush();
      out.push(p);
    }
  });
  flush();
  return out;
}

/** The diff from `a` to `b`. */
export function readableDiff(a: string, b: string): DiffRun[] {
  const parts = a.length + b.length > CHAR_LIMIT ? diffLines(a, b) : diffChars(a, b);
  return readable(
    parts.map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value })),
  );
}
