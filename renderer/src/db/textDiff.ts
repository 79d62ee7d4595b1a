/**
 * A readable diff of two texts for the conflict centre. Rich text (HTML) is reduced to its text
 * first; short texts are compared character by character (right for Chinese, which has no spaces),
 * long ones line by line, with a longest-common-subsequence table bounded in size.
 */

/** One run of the diff: text both sides share, or only one side has. */
export interface DiffPart {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

const MAX_CELLS = 4_000_000;

/** The visible text of an HTML fragment (block ends become line breaks). */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*(br|\/p|\/div|\/li|\/h[1-6]|\/tr)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tokenize(text: string, byChar: boolean): string[] {
  return byChar ? Array.from(text) : text.split(/(?<=\n)/);
}

/** Diff from `a` (before) to `b` (after). */
export function textDiff(a: string, b: string): DiffPart[] {
  let x = tokenize(a, true);
  let y = tokenize(b, true);
  if (x.length * y.length > MAX_CELLS) {
    x = tokenize(a, false);
    y = tokenize(b, false);
  }
  // Common prefix and suffix shrink the table.
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) parts[parts.length - 1] = { op, text: last.text + text };
    else parts.push({ op, text });
  };
  push('same', x.slice(0, start).join(''));
  const mx = x.slice(start, endX);
  const my = y.slice(start, endY);
  if (mx.length * my.length > MAX_CELLS) {
    push('removed', mx.join(''));
    push('added', my.join(''));
  } else {
    const n = mx.length;
    const m = my.length;
    const table = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] =
          mx[i] === my[j]
            ? (table[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
            : Math.max(table[(i + 1) * (m + 1) + j] ?? 0, table[i * (m + 1) + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (mx[i] === my[j]) {
        push('same', mx[i] ?? '');
        i++;
        j++;
      } else if ((table[(i + 1) * (m + 1) + j] ?? 0) >= (table[i * (m + 1) + j + 1] ?? 0)) {
        push('removed', mx[i++] ?? '');
      } else {
        push('added', my[j++] ?? '');
      }
    }
    while (i < n) push('removed', mx[i++] ?? '');
    while (j < m) push('added', my[j++] ?? '');
  }
  push('same', x.slice(endX).join(''));
  return parts;
}
