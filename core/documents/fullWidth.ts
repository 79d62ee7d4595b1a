/**
 * Full-width punctuation (全角标点) in court documents: , . ; : ? ! ( ) right after Chinese text
 * become ，。；：？！（）; digits, Latin text and numbers like 100.00 or 第577条 are left alone.
 * Used by the editor as the user types and on request for a selection or the whole document.
 */

/** Half-width → full-width. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  '.': '。',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** True when punctuation typed after `before` should be full-width. */
export function wantsFullWidth(before: string): boolean {
  return before.length > 0 && CJK.test(before.slice(-1));
}

/** `text` with half-width punctuation after Chinese characters made full-width. */
export function toFullWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const full = FULL_WIDTH[ch];
    out += full !== undefined && wantsFullWidth(out) ? full : ch;
  }
  return out;
}
