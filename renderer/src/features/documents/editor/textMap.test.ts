import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../../../core/documents/check/checkDocument';
import type { DocumentRecord } from '../../../../../core/documents/record';
import { parseCourtDocument } from '../schema/courtDocument';
import { buildTextMap, positionOf } from './textMap';

const record: DocumentRecord = {
  caseNumber: '（2026）甘0402民初1234号',
  caseType: '民初',
  cause: '民间借贷纠纷',
  parties: [
    { role: 'plaintiff', name: '欧阳晓峰' },
    { role: 'defendant', name: '李强' },
  ],
  dates: { filing: '2026-01-15', hearings: ['2026-03-10'], judgment: '2026-04-20' },
};

const p = (text: string, numbering?: string) => ({
  type: 'paragraph',
  ...(numbering ? { attrs: { numbering } } : {}),
  content: [{ type: 'text', text }],
});

describe('editor text map', () => {
  it('underlines exactly the words each checker finding is about, numbered paragraphs included', () => {
    const doc = parseCourtDocument({
      type: 'doc',
      content: [
        p('（2026）甘0402民初1243号'),
        p('原告欧阳晓锋诉被告李强民间借贷纠纷一案。'),
        p('被告应于二〇二六年二月三十日前偿还借款。', 'chinese'),
        p('驳回原告的其它诉讼请求。', 'chinese'),
      ],
    });
    const map = buildTextMap(doc);
    // The automatic numbers are part of the text core checks, not of the editor's content.
    expect(map.text.split('\n').slice(2)).toEqual([
      '一、被告应于二〇二六年二月三十日前偿还借款。',
      '二、驳回原告的其它诉讼请求。',
    ]);
    const findings = checkDocument(map.text, record);
    expect(findings.map((f) => f.code).sort()).toEqual(
      ['caseNumberMismatch', 'commonError', 'invalidDate', 'partyNotOnRecord'].sort(),
    );
    for (const f of findings)
      expect(doc.textBetween(positionOf(map, f.start), positionOf(map, f.end)), f.code).toBe(
        map.text.slice(f.start, f.end),
      );
  });

  it('maps a label offset to the start of its paragraph and clamps past the end', () => {
    const doc = parseCourtDocument({
      type: 'doc',
      content: [p('判决如下：'), p('驳回诉讼请求。', 'chinese')],
    });
    const map = buildTextMap(doc);
    const second = map.lines[1]!;
    expect(positionOf(map, second.start)).toBe(second.contentPos);
    expect(positionOf(map, second.start + 1)).toBe(second.contentPos);
    expect(positionOf(map, second.start + 2)).toBe(second.contentPos);
    expect(positionOf(map, map.text.length + 10)).toBe(doc.content.size - 1);
  });
});
