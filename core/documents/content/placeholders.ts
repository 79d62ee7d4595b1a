/**
 * Places still to fill in a court document (docs/documents.md "Places to fill"): what a document
 * style merged as 【label】 — a field the record lacked, a passage the judge writes — and is not
 * written yet. 定稿, 签发 and publication wait until none is left: a judgment must never be signed
 * or published with 【原告的诉讼请求】 in it.
 *
 * Two signs, so neither a lost mark nor a lost bracket hides one:
 * - text with the `fillIn` mark (the merge writes every place with it; typing over the whole place
 *   replaces it with plain text, the mark being non-inclusive);
 * - 【…】 in the text, with or without the mark (pasted as plain text, or an older copy). Court
 *   documents do not use 【】 otherwise (they cite with 〔〕 and （）).
 */
import { documentLines } from './docText';
import { MARK, NODE, type DocNode } from './docModel';

/** A place to fill: where it is in the document's plain text (`documentText`, numbers included). */
export interface Placeholder {
  /** Offset in the plain text of the document (one `\n` per paragraph, numbers included). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The field or passage of the `fillIn` mark, or null for bare 【…】. */
  readonly field: string | null;
  /** What is to be written there, for people: the mark's label, else the words inside 【】. */
  readonly label: string;
}

/** How a place to fill is written in the text: its label in 【】. */
export function bracketed(label: string): string {
  return `【${label}】`;
}

/** 【…】 on one line: at most 60 characters between the brackets, no bracket or line break inside. */
const BRACKETED = /【[^【】\n]{0,60}】/g;

/** The 【…】 places in a plain text, in order (used on stored text, e.g. a publication record's). */
export function bracketPlaceholders(text: string): Placeholder[] {
  // An exec loop, not matchAll: this runs in validate_doc_update too (ES5 engines).
  const out: Placeholder[] = [];
  const re = new RegExp(BRACKETED.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    out.push({ start, end: start + m[0].length, text: m[0], field: null, label: m[0].slice(1, -1) });
  }
  return out;
}

interface Range {
  start: number;
  end: number;
  field: string | null;
  label: string | null;
}

/** The `fillIn` runs of one line: offsets within the line's text, adjacent text of one field joined. */
function markedRuns(line: DocNode): Range[] {
  const out: Range[] = [];
  let at = 0;
  let current: Range | null = null;
  for (const child of line.content ?? []) {
    const length =
      child.type === NODE.text ? (child.text ?? '').length : child.type === NODE.hardBreak ? 1 : 0;
    const mark = child.type === NODE.text ? child.marks?.find((m) => m.type === MARK.fillIn) : undefined;
    const field = typeof mark?.attrs?.['field'] === 'string' ? mark.attrs['field'] : null;
    if (mark && field !== null) {
      if (current && current.field === field && current.end === at) current.end = at + length;
      else {
        if (current) out.push(current);
        const label: string = typeof mark.attrs?.['label'] === 'string' ? mark.attrs['label'] : field;
        current = { start: at, end: at + length, field, label };
      }
    } else if (current) {
      out.push(current);
      current = null;
    }
    at += length;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Every place still to fill in `doc`, in reading order, with its offsets in the document's plain
 * text (the text `documentText` gives and the checker reads, so the editor maps them back the same
 * way). A marked run and a 【…】 that overlap are one place.
 */
export function unfilledPlaceholders(doc: DocNode): Placeholder[] {
  const out: Placeholder[] = [];
  let lineStart = 0;
  for (const line of documentLines(doc)) {
    const base = lineStart + line.label.length;
    const ranges: Range[] = [
      ...markedRuns(line.node),
      ...bracketPlaceholders(line.text).map((p) => ({
        start: p.start,
        end: p.end,
        field: null,
        label: null,
      })),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
    let merged: Range | null = null;
    const flush = (r: Range) => {
      const text = line.text.slice(r.start, r.end);
      const inside = /^【([\s\S]*)】$/.exec(text)?.[1];
      out.push({
        start: base + r.start,
        end: base + r.end,
        text,
        field: r.field,
        label: r.label ?? inside ?? text,
      });
    };
    for (const r of ranges) {
      if (merged && r.start < merged.end) {
        merged.end = Math.max(merged.end, r.end);
        merged.field ??= r.field;
        merged.label ??= r.label;
      } else {
        if (merged) flush(merged);
        merged = { ...r };
      }
    }
    if (merged) flush(merged);
    lineStart += line.label.length + line.text.length + 1;
  }
  return out;
}
