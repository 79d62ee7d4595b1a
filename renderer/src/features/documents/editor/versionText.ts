/**
 * The text of a draft version or of the open document, and a readable diff between two: by
 * character (Chinese has no spaces to split words at), computed by jsdiff; very long changes fall
 * back to a line diff so a rewritten judgment still compares in a moment.
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

/** The diff from `a` to `b`. */
export function readableDiff(a: string, b: string): DiffRun[] {
  const parts = a.length + b.length > CHAR_LIMIT ? diffLines(a, b) : diffChars(a, b);
  return parts.map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
}
