import { describe, expect, it } from 'vitest';
import { articleCitation, articleId, parseLibraryFile } from './schema';

function file(
  overrides: Record<string, unknown> = {},
  articles: unknown[] = [{ label: '第一条', paragraphs: ['正文。'] }],
) {
  return {
    law: 'demo',
    title: '示例办法',
    source: { issuer: '国务院', version: '2006年公布', promulgated: '2006-12-19', effective: '2007-04-01' },
    items: [{ id: 'lib:demo:a', category: '法律法规', title: '示例', articles }],
    ...overrides,
  };
}

describe('parseLibraryFile', () => {
  it('accepts a well-formed file and flattens its articles', () => {
    const items = parseLibraryFile('demo.json', file());
    expect(items[0]?.articles[0]).toMatchObject({
      id: 'law:demo:art-0001',
      number: 1,
      citation: '《示例办法》第一条',
    });
  });

  it('refuses a file without a source, or with a source missing its version', () => {
    const { source: _source, ...noSource } = file();
    expect(() => parseLibraryFile('demo.json', noSource)).toThrow(/demo\.json: source/u);
    const partial = file({
      source: { issuer: '国务院', promulgated: '2006-12-19', effective: '2007-04-01' },
    });
    expect(() => parseLibraryFile('demo.json', partial)).toThrow(/source\.version/u);
  });

  it('refuses unknown keys and unknown categories', () => {
    expect(() => parseLibraryFile('demo.json', file({ extra: 1 }))).toThrow();
    const bad = file();
    (bad.items[0] as { category: string }).category = '小说';
    expect(() => parseLibraryFile('demo.json', bad)).toThrow(/category/u);
  });

  it('refuses articles out of order or repeated', () => {
    const twoParas = (label: string) => ({ label, paragraphs: ['正文。'] });
    expect(() => parseLibraryFile('demo.json', file({}, [twoParas('第二条'), twoParas('第一条')]))).toThrow(
      /第一条 comes after article 2/u,
    );
    expect(() => parseLibraryFile('demo.json', file({}, [twoParas('第二条'), twoParas('第二条')]))).toThrow(
      /comes after/u,
    );
  });

  it('refuses non-canonical or non-numeral labels', () => {
    const one = (label: string) => file({}, [{ label, paragraphs: ['正文。'] }]);
    expect(() => parseLibraryFile('demo.json', one('第一十条'))).toThrow(/should be written 第十/u);
    expect(() => parseLibraryFile('demo.json', one('第10条'))).toThrow(/not a numbered label/u);
    expect(() => parseLibraryFile('demo.json', one('第一百五条'))).toThrow(/not a numbered label/u);
  });

  it('refuses ASCII punctuation in the text and a title in 《》', () => {
    expect(() =>
      parseLibraryFile('demo.json', file({}, [{ label: '第一条', paragraphs: ['甲,乙。'] }])),
    ).toThrow(/full-width/u);
    expect(() => parseLibraryFile('demo.json', file({ title: '《示例办法》' }))).toThrow(/without 《》/u);
  });

  it('refuses a division nested inside a shallower one, and one heading with two titles', () => {
    const item = (divisions: unknown[]) =>
      file({ items: [{ id: 'lib:demo:a', category: '法律法规', title: '示例', divisions }] });
    const art = { label: '第一条', paragraphs: ['正文。'] };
    expect(() =>
      parseLibraryFile(
        'demo.json',
        item([
          { label: '第一章', title: '总则', divisions: [{ label: '第一编', title: '甲', articles: [art] }] },
        ]),
      ),
    ).toThrow(/cannot sit inside 第一章/u);
    const twice = file({
      items: [
        {
          id: 'lib:demo:a',
          category: '法律法规',
          title: '甲',
          divisions: [{ label: '第一章', title: '总则', articles: [art] }],
        },
        {
          id: 'lib:demo:b',
          category: '法律法规',
          title: '乙',
          divisions: [
            { label: '第一章', title: '一般规定', articles: [{ label: '第二条', paragraphs: ['正文。'] }] },
          ],
        },
      ],
    });
    expect(() => parseLibraryFile('demo.json', twice)).toThrow(/titled both 总则 and 一般规定/u);
  });

  it('refuses an item whose id names another law', () => {
    const bad = file();
    (bad.items[0] as { id: string }).id = 'lib:other:a';
    expect(() => parseLibraryFile('demo.json', bad)).toThrow(/must start with lib:demo:/u);
  });

  it('pads article ids and cites known laws by their full title', () => {
    expect(articleId('civil-code', 577)).toBe('law:civil-code:art-0577');
    expect(articleCitation('中华人民共和国民法典', 110)).toBe('《中华人民共和国民法典》第一百一十条');
  });
});
