import { describe, expect, it } from 'vitest';
import { SALE_CASE_NOT_HEARD } from '../../../tests/support/documentFixtures';
import { mergeTemplate } from '../templates/mergeTemplate';
import { templateById } from '../templates/templates';
import { MARK, NODE, docNode, paragraphNode, textNode, type DocNode } from './docModel';
import { documentText, openFillIns } from './docText';
import { bracketPlaceholders, unfilledPlaceholders } from './placeholders';

const fill = (text: string, field: string, label: string): DocNode[] =>
  textNode(text, [{ type: MARK.fillIn, attrs: { field, label } }]);

describe('unfilledPlaceholders', () => {
  it('finds marked places and bare 【…】 with offsets into the document text, numbers included', () => {
    const doc = docNode([
      paragraphNode([
        ...textNode('原告：'),
        ...fill('【民族】', 'party.ethnicity', '民族'),
        ...textNode('，住白银市。'),
      ]),
      paragraphNode(
        [
          ...textNode('被告辩称'),
          ...fill('【被告的答辩意见】', 'fill:defence', '被告的答辩意见'),
          ...textNode('。'),
        ],
        { numbering: 'chinese' },
      ),
      paragraphNode([
        ...textNode('第一行'),
        { type: NODE.hardBreak },
        ...textNode('依照【法律条文】判决如下：'),
      ]),
    ]);
    const text = documentText(doc);
    const found = unfilledPlaceholders(doc);
    expect(found.map((p) => [p.text, p.field, p.label])).toEqual([
      ['【民族】', 'party.ethnicity', '民族'],
      ['【被告的答辩意见】', 'fill:defence', '被告的答辩意见'],
      ['【法律条文】', null, '法律条文'],
    ]);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.text);
    // The second line starts with its number 一、, which the offsets count.
    expect(text.slice(found[1]!.start - 6, found[1]!.start)).toBe('一、被告辩称');
  });

  it('keeps a marked place whose brackets were deleted, and a 【…】 whose mark was lost, once each', () => {
    const doc = docNode([
      paragraphNode([...textNode('事实：'), ...fill('原告诉称', 'fill:facts', '事实和理由')]),
      paragraphNode([...fill('【案由】', 'case.cause', '案由'), ...fill('纠纷', 'case.cause', '案由')]),
    ]);
    expect(unfilledPlaceholders(doc).map((p) => [p.text, p.label])).toEqual([
      ['原告诉称', '事实和理由'],
      ['【案由】纠纷', '案由'],
    ]);
  });

  it('is empty once every place is written over (typing over a whole place leaves plain text)', () => {
    const doc = docNode([
      paragraphNode(textNode('原告欧阳晓峰，男，汉族。')),
      paragraphNode(textNode('本院认为，〔2016〕号文件与（一）项不是待填写内容。')),
    ]);
    expect(unfilledPlaceholders(doc)).toEqual([]);
  });

  it('lists every place a merged style leaves, in reading order, each where documentText has it', () => {
    const template = templateById('civilJudgmentOrdinary');
    if (!template) throw new Error('no template');
    const { doc } = mergeTemplate(template, SALE_CASE_NOT_HEARD, { documentDate: '2026-05-06' });
    const text = documentText(doc);
    const found = unfilledPlaceholders(doc);
    expect(found.length).toBe(openFillIns(doc).length);
    expect(found.map((p) => p.label)).toEqual(openFillIns(doc).map((f) => f.label));
    for (const p of found) {
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).toMatch(/^【.+】$/);
    }
    expect(found.length).toBeGreaterThan(3);
  });
});

describe('bracketPlaceholders', () => {
  it('finds 【…】 in plain text, not across lines or nested brackets', () => {
    expect(bracketPlaceholders('甲【一】乙【二\n】丙【【三】').map((p) => [p.start, p.text])).toEqual([
      [1, '【一】'],
      [11, '【三】'],
    ]);
    expect(bracketPlaceholders('本判决为终审判决。')).toEqual([]);
  });
});
