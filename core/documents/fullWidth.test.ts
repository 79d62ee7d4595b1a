import { describe, expect, it } from 'vitest';
import { toFullWidth, wantsFullWidth } from './fullWidth';

describe('full-width punctuation', () => {
  it('makes punctuation after Chinese full-width and leaves numbers, Latin text and citations alone', () => {
    expect(toFullWidth('本院认为,被告的辩解不能成立.')).toBe('本院认为，被告的辩解不能成立。');
    expect(toFullWidth('借款100.00元,利率3.85%')).toBe('借款100.00元，利率3.85%');
    expect(toFullWidth('依照第577条(一)')).toBe('依照第577条（一）');
    expect(toFullWidth('see p. 3, note (a)')).toBe('see p. 3, note (a)');
    expect(toFullWidth('当事人:原告;被告?是!')).toBe('当事人：原告；被告？是！');
  });

  it('decides from the character before', () => {
    expect(wantsFullWidth('')).toBe(false);
    expect(wantsFullWidth('5')).toBe(false);
    expect(wantsFullWidth('元')).toBe(true);
    expect(wantsFullWidth('」')).toBe(true);
  });
});
