import { describe, expect, it } from 'vitest';
import { MARK, NODE, docNode, paragraphNode, textNode, type DocNode, type ParagraphAttrs } from './docModel';
import { documentLines, documentText, numberLabel, openFillIns } from './docText';

const p = (text: string, attrs: ParagraphAttrs = {}) => paragraphNode(textNode(text), attrs);

describe('paragraph numbers', () => {
  it('numbers each level and restarts the levels below', () => {
    const doc = docNode([
      p('总述'),
      p('甲', { numbering: 'chinese' }),
      p('甲一', { numbering: 'chineseParen' }),
      p('甲二', { numbering: 'chineseParen' }),
      p('甲二1', { numbering: 'arabic' }),
      p('甲二1a', { numbering: 'arabicParen' }),
      p('说明，不打断编号'),
      p('乙', { numbering: 'chinese' }),
      p('乙一', { numbering: 'chineseParen' }),
    ]);
    expect(documentText(doc).split('\n')).toEqual([
      '总述',
      '一、甲',
      '（一）甲一',
      '（二）甲二',
      '1．甲二1',
      '（1）甲二1a',
      '说明，不打断编号',
      '二、乙',
      '（一）乙一',
    ]);
  });

  it('restarts at a new section or heading, and counts each table cell on its own', () => {
    const doc = docNode([
      p('a', { section: 'reasoning', numbering: 'chinese' }),
      p('b', { section: 'reasoning', numbering: 'chinese' }),
      p('c', { section: 'operative', numbering: 'chinese' }),
      { type: NODE.heading, attrs: { level: 1 }, content: textNode('标题') },
      p('d', { section: 'operative', numbering: 'chinese' }),
      {
        type: NODE.table,
        content: [
          {
            type: NODE.tableRow,
            content: [{ type: NODE.tableCell, content: [p('e', { numbering: 'chinese' })] }],
          },
        ],
      },
      p('f', { section: 'operative', numbering: 'chinese' }),
    ]);
    expect(documentLines(doc).map((l) => l.label + l.text)).toEqual([
      '一、a',
      '二、b',
      '一、c',
      '标题',
      '一、d',
      '一、e',
      '二、f',
    ]);
    expect(documentLines(doc).map((l) => l.inTable)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
  });

  it('writes Chinese numbers past ten', () => {
    expect(numberLabel('chinese', 11)).toBe('十一、');
    expect(numberLabel('chineseParen', 20)).toBe('（二十）');
    expect(numberLabel('arabic', 12)).toBe('12．');
  });
});

describe('document text', () => {
  it('turns hard breaks into new lines and skips unknown nodes', () => {
    const doc: DocNode = docNode([
      paragraphNode([...textNode('注意事项：'), { type: NODE.hardBreak }, ...textNode('一、准时到庭。')]),
      { type: 'image', attrs: { src: 'x' } },
    ]);
    expect(documentText(doc)).toBe('注意事项：\n一、准时到庭。');
  });

  it('lists the passages still to fill, joining the pieces of one passage', () => {
    const fill = (field: string, label: string) => [{ type: MARK.fillIn, attrs: { field, label } }];
    const doc = docNode([
      paragraphNode([
        ...textNode('本院认为，'),
        ...textNode('【理由', fill('fill:reasoning', '理由')),
        ...textNode('】', [...fill('fill:reasoning', '理由'), { type: MARK.bold }]),
        ...textNode('。'),
        ...textNode('【民族】', fill('party.ethnicity', '民族')),
      ]),
    ]);
    expect(openFillIns(doc)).toEqual([
      { field: 'fill:reasoning', label: '理由', text: '【理由】' },
      { field: 'party.ethnicity', label: '民族', text: '【民族】' },
    ]);
  });
});
