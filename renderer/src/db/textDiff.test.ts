import { describe, expect, it } from 'vitest';
import { htmlToText, textDiff } from './textDiff';

const join = (parts: { op: string; text: string }[], keep: string[]) =>
  parts
    .filter((p) => keep.includes(p.op))
    .map((p) => p.text)
    .join('');

describe('text diff', () => {
  it('finds a changed Chinese phrase character by character', () => {
    const a = '判决如下：被告于本判决生效之日起十日内支付原告货款12000元。';
    const b = '判决如下：被告于本判决生效之日起十五日内支付原告货款15000元。';
    const d = textDiff(a, b);
    expect(join(d, ['same', 'removed'])).toBe(a);
    expect(join(d, ['same', 'added'])).toBe(b);
    expect(d.filter((p) => p.op === 'added').map((p) => p.text)).toEqual(['五', '5']);
    expect(d.filter((p) => p.op === 'removed').map((p) => p.text)).toEqual(['2']);
  });

  it('reduces rich text to readable text', () => {
    expect(htmlToText('<p>原告&nbsp;张三</p><p>被告 &lt;李四&gt;</p>')).toBe('原告 张三\n被告 <李四>');
  });

  it('falls back to lines for long texts and still reconstructs both sides', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `第${i}行\n`).join('');
    const b = a.replace('第1500行\n', '第1500行（改）\n');
    const d = textDiff(a, b);
    expect(join(d, ['same', 'removed'])).toBe(a);
    expect(join(d, ['same', 'added'])).toBe(b);
    expect(d.filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: '第1500行\n' },
      { op: 'added', text: '第1500行（改）\n' },
    ]);
  });

  it('returns one same part for equal texts', () => {
    expect(textDiff('abc', 'abc')).toEqual([{ op: 'same', text: 'abc' }]);
  });
});
