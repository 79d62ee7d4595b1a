import { describe, expect, it } from 'vitest';
import { highlightRanges, makeSnippet } from './snippet';

describe('highlightRanges', () => {
  it('finds every occurrence of every term and merges overlaps', () => {
    const text = '诉讼费用由败诉方负担，诉讼费';
    expect(highlightRanges(text, ['诉讼费'])).toEqual([
      { start: 0, end: 3 },
      { start: 11, end: 14 },
    ]);
    expect(highlightRanges(text, ['诉讼', '讼费用'])).toEqual([
      { start: 0, end: 4 },
      { start: 11, end: 13 },
    ]);
    expect(highlightRanges(text, ['执行'])).toEqual([]);
  });
});

describe('makeSnippet', () => {
  const body = '甲'.repeat(200) + '违约金' + '乙'.repeat(200);

  it('shows a stretch around the first hit with ranges relative to it', () => {
    const s = makeSnippet(body, ['违约金'], 40);
    expect(s.text.length).toBe(40);
    expect(s.cutBefore && s.cutAfter).toBe(true);
    const r = s.ranges[0];
    expect(r && s.text.slice(r.start, r.end)).toBe('违约金');
  });

  it('starts at the beginning when nothing matches and never splits a surrogate pair', () => {
    expect(makeSnippet('短文本', ['无'], 40)).toEqual({
      text: '短文本',
      ranges: [],
      cutBefore: false,
      cutAfter: false,
    });
    const rare = '𠮷'.repeat(50);
    const s = makeSnippet(rare, ['𠮷'], 11);
    expect([...s.text].every((c) => c === '𠮷')).toBe(true);
  });
});
