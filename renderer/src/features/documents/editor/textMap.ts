/**
 * The editor's document as the plain text core reads (core/documents/content/docText.ts: one line
 * per paragraph, automatic numbers included) with a map back to ProseMirror positions, so checker
 * findings underline the right words and the numbering labels appear where export prints them.
 * ProseMirror nodes are read through a light view shaped like core's JSON, so the numbering rules
 * stay in one place (core) and the editor never serialises the whole document per keystroke.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { DocNode } from '../../../../../core/documents/content/docModel';
import { documentLines } from '../../../../../core/documents/content/docText';

/** A ProseMirror node seen as core's `DocNode` (children read lazily). */
export function pmAsDocNode(node: PMNode): DocNode {
  return {
    type: node.type.name,
    attrs: node.attrs,
    ...(node.isText
      ? {
          text: node.text ?? '',
          marks: node.marks.map((m) => ({ type: m.type.name, attrs: m.attrs })),
        }
      : {}),
    get content() {
      const out: DocNode[] = [];
      node.forEach((child) => out.push(pmAsDocNode(child)));
      return out;
    },
  };
}

/** One line of the text and where it lives in the editor. */
export interface MappedLine {
  /** Offset of the line in {@link TextMap.text}. */
  readonly start: number;
  /** Length of its automatic number (「一、」), which is not editor content. */
  readonly label: string;
  /** ProseMirror position of the start of the block's content. */
  readonly contentPos: number;
  readonly length: number;
}

/** The plain text and its mapping. */
export interface TextMap {
  readonly text: string;
  readonly lines: readonly MappedLine[];
}

/** Builds the text map of a document. */
export function buildTextMap(doc: PMNode): TextMap {
  const blocks: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      blocks.push(pos + 1);
      return false;
    }
    return true;
  });
  const lines: MappedLine[] = [];
  const parts: string[] = [];
  let start = 0;
  documentLines(pmAsDocNode(doc)).forEach((line, i) => {
    const text = line.label + line.text;
    lines.push({ start, label: line.label, contentPos: blocks[i] ?? 0, length: text.length });
    parts.push(text);
    start += text.length + 1;
  });
  return { text: parts.join('\n'), lines };
}

/** The ProseMirror position of a text offset (a label maps to its block's start). */
export function positionOf(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.lines[mid] as MappedLine).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = map.lines[lo];
  if (!line) return 1;
  const within = Math.min(offset - line.start, line.length) - line.label.length;
  return line.contentPos + Math.max(0, within);
}
