import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph } from '../../../../../tests/support/drafts/fragmentEdits';
import { fragmentText, readableDiff, type DiffRun } from './versionText';

/** The runs rebuild both texts: removed + same is the old one, added + same the new one. */
function expectRebuilds(a: string, b: string, runs: readonly DiffRun[]): void {
  expect(
    runs
      .filter((r) => r.op !== 'added')
      .map((r) => r.text)
      .join(''),
  ).toBe(a);
  expect(
    runs
      .filter((r) => r.op !== 'removed')
      .map((r) => r.text)
      .join(''),
  ).toBe(b);
}

function fragmentOf(...texts: string[]): Y.XmlFragment {
  const f = new Y.Doc().getXmlFragment('default');
  for (const t of texts) appendParagraph(f, t);
  return f;
}

describe('version text and readable diff', () => {
  it('reads a fragment as core reads a document: one line per paragraph', () => {
    expect(fragmentText(fragmentOf('民事判决书', '本院认为，'))).toBe('民事判决书\n本院认为，');
  });

  it('shows what changed between two versions character by character', () => {
    const a = fragmentText(fragmentOf('上诉期限为十五日。', '判决如下：'));
    const b = fragmentText(fragmentOf('上诉期限为三十日。', '判决如下：', '驳回原告的其他诉讼请求。'));
    expect(readableDiff(a, b)).toEqual([
      { op: 'same', text: '上诉期限为' },
      { op: 'removed', text: '十五' },
      { op: 'added', text: '三十' },
      { op: 'same', text: '日。\n判决如下：' },
      { op: 'added', text: '\n驳回原告的其他诉讼请求。' },
    ]);
    const runs = readableDiff(a, b);
    expectRebuilds(a, b, runs);
  });

  it('compares very long texts by line, and the runs still rebuild both sides', () => {
    const line = (i: number) => `第${i}段${'本院经审理认定事实如下'.repeat(100)}`;
    const a = Array.from({ length: 150 }, (_, i) => line(i)).join('\n');
    const b = a.replace(line(70), '本院认为，被告的抗辩理由不能成立。');
    const runs = readableDiff(a, b);
    expectRebuilds(a, b, runs);
    expect(runs.find((r) => r.op === 'removed')?.text).toBe(`${line(70)}\n`);
  });
});
