import { describe, expect, it } from 'vitest';
import { LIBRARY_ITEMS } from './catalog';
import { libraryItemFromDoc } from './itemDoc';
import { starterDocId, starterLibraryDocs } from './starterDocs';
import { parseStatuteText, statuteText } from './statuteText';
import { issuesForWrite } from '../schemas/registry';

const AT = '2026-12-07T08:00:00.000Z';

describe('library items as documents', () => {
  const docs = starterLibraryDocs(AT, 'courtdesk-server');

  it('the starter set becomes one valid document per item, with deterministic ids', () => {
    expect(docs).toHaveLength(LIBRARY_ITEMS.length);
    expect(docs.length).toBeGreaterThanOrEqual(20);
    for (const d of docs) expect(issuesForWrite(d)).toEqual([]);
    expect(docs.map((d) => d['_id'])).toContain(starterDocId('lib:civil-code:limitation'));
    expect(starterLibraryDocs(AT, 'x').map((d) => d['_id'])).toEqual(docs.map((d) => d['_id']));
  });

  it('a document reads back as the same articles and citations as the resource file', () => {
    const fromDocs = docs.map(libraryItemFromDoc);
    expect(fromDocs.flatMap((i) => i.articles.map((a) => a.citation))).toEqual(
      LIBRARY_ITEMS.flatMap((i) => i.articles.map((a) => a.citation)),
    );
    expect(fromDocs.flatMap((i) => i.articles.map((a) => a.id))).toEqual(
      LIBRARY_ITEMS.flatMap((i) => i.articles.map((a) => a.id)),
    );
    expect(fromDocs[0]?.id).toBe(docs[0]?.['_id']);
    expect(fromDocs[0]?.articles[0]?.itemId).toBe(docs[0]?.['_id']);
  });

  it('the server-side schema refuses an item without source or articles, or with a bad label', () => {
    const good = docs[0] as Record<string, unknown>;
    const fields = (d: Record<string, unknown>) => issuesForWrite(d).map((i) => i.field);
    expect(fields({ ...good, source: undefined })).toContain('source');
    expect(fields({ ...good, divisions: undefined, articles: undefined })).toContain('articles');
    expect(
      fields({ ...good, divisions: undefined, articles: [{ label: '第10条', paragraphs: ['x'] }] }),
    ).toContain('articles');
    expect(fields({ ...good, category: '小说' })).toContain('category');
  });

  it('an item written out as text reads back to the same structure', () => {
    for (const d of docs) {
      const structure = {
        ...(d['divisions'] ? { divisions: d['divisions'] } : {}),
        ...(d['articles'] ? { articles: d['articles'] } : {}),
      } as Parameters<typeof statuteText>[0];
      expect(parseStatuteText(statuteText(structure))).toEqual(structure);
    }
  });

  it('reads a pasted statute with nested headings and multi-paragraph articles', () => {
    const s = parseStatuteText(
      '第二编 审判程序\n第十二章 第一审普通程序\n第一百五十二条 人民法院适用普通程序审理的案件，应当在立案之日起六个月内审结。\n\n第十三章 简易程序\n第一百六十四条　第一段。\n第二段。',
    );
    expect(s.divisions?.[0]?.divisions?.map((d) => d.label)).toEqual(['第十二章', '第十三章']);
    expect(s.divisions?.[0]?.divisions?.[1]?.articles?.[0]?.paragraphs).toEqual(['第一段。', '第二段。']);
    expect(() => parseStatuteText('没有条文的正文')).toThrow(/第 1 行/);
  });
});
