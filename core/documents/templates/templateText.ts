/**
 * The little language of a template line: literal text, `{field}` (merged from the record),
 * `{fill:key|label}` (a passage the judge writes: 事实, 理由 …) and `[[…]]` (an optional stretch,
 * left out whole when a field in it has no value — 职业 in a party's line, 减半 in the fee line).
 * Nothing else: no expressions, so a template stays data a court clerk can read.
 */

/** One piece of a parsed template line. */
export type TextSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'fill'; readonly key: string; readonly label: string }
  | { readonly kind: 'optional'; readonly parts: readonly TextSegment[] };

/** A parse result: the segments, or why the line is malformed. */
export type TextParse =
  { readonly ok: true; readonly segments: TextSegment[] } | { readonly ok: false; readonly error: string };

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/;
const FILL = /^fill:([A-Za-z][A-Za-z0-9.]*)\|([^{}|[\]]+)$/;

function parseRun(source: string, allowOptional: boolean): TextParse {
  const segments: TextSegment[] = [];
  let literal = '';
  let i = 0;
  const flush = () => {
    if (literal.length > 0) segments.push({ kind: 'literal', text: literal });
    literal = '';
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (source.startsWith('[[', i)) {
      if (!allowOptional) return { ok: false, error: 'optional stretches [[…]] cannot be nested' };
      const end = source.indexOf(']]', i + 2);
      if (end < 0) return { ok: false, error: 'unclosed [[' };
      const inner = parseRun(source.slice(i + 2, end), false);
      if (!inner.ok) return inner;
      if (!inner.segments.some((s) => s.kind === 'field'))
        return { ok: false, error: 'an optional stretch [[…]] must name a field' };
      if (inner.segments.some((s) => s.kind === 'fill'))
        return { ok: false, error: 'a passage to fill cannot be optional' };
      flush();
      segments.push({ kind: 'optional', parts: inner.segments });
      i = end + 2;
    } else if (ch === '{') {
      const end = source.indexOf('}', i + 1);
      if (end < 0) return { ok: false, error: 'unclosed {' };
      const body = source.slice(i + 1, end);
      flush();
      const fill = FILL.exec(body);
      if (fill) segments.push({ kind: 'fill', key: fill[1] as string, label: fill[2] as string });
      else if (FIELD_NAME.test(body)) segments.push({ kind: 'field', name: body });
      else return { ok: false, error: `not a field or a passage to fill: {${body}}` };
      i = end + 1;
    } else if (ch === '}' || source.startsWith(']]', i)) {
      return { ok: false, error: `unexpected ${ch === '}' ? '}' : ']]'}` };
    } else {
      literal += ch;
      i += 1;
    }
  }
  flush();
  return { ok: true, segments };
}

/** Parses one template line. */
export function parseTemplateText(source: string): TextParse {
  return parseRun(source, true);
}

/** The field names a parsed line refers to, optional stretches included. */
export function fieldNamesOf(segments: readonly TextSegment[]): string[] {
  return segments.flatMap((s) =>
    s.kind === 'field' ? [s.name] : s.kind === 'optional' ? fieldNamesOf(s.parts) : [],
  );
}
