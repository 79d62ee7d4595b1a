import { describe, expect, it } from 'vitest';
import { formatChineseInteger } from '../documents/numerals';
import {
  articleForCitation,
  LIBRARY_FILES,
  LIBRARY_ITEMS,
  libraryArticle,
  libraryItem,
  parseLibrary,
} from './catalog';
import { LIBRARY_CATEGORIES } from './schema';

const articles = LIBRARY_ITEMS.flatMap((i) => i.articles);

describe('e-library starter set', () => {
  it('has at least 20 items, each with a named source and at least one article', () => {
    expect(LIBRARY_ITEMS.length).toBeGreaterThanOrEqual(20);
    for (const item of LIBRARY_ITEMS) {
      expect(item.source.issuer.length, item.id).toBeGreaterThan(0);
      expect(item.source.version.length, item.id).toBeGreaterThan(0);
      expect(item.source.effective >= item.source.promulgated, item.id).toBe(true);
      expect(item.articles.length, item.id).toBeGreaterThan(0);
      expect(LIBRARY_CATEGORIES).toContain(item.category);
    }
  });

  it('gives every item and article a unique stable id', () => {
    const ids = [...LIBRARY_ITEMS.map((i) => i.id), ...articles.map((a) => a.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of articles) expect(a.id).toMatch(/^law:[a-z-]+:art-\d{4}$/u);
    expect(libraryArticle('law:civil-code:art-0577')?.label).toBe('第五百七十七条');
    expect(libraryItem('lib:civil-code:limitation')?.articles.map((a) => a.number)).toEqual([
      188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199,
    ]);
  });

  it('keeps article numbers in order within each law and writes them in Chinese numerals', () => {
    const byLaw = new Map<string, number[]>();
    for (const a of articles) byLaw.set(a.law, [...(byLaw.get(a.law) ?? []), a.number]);
    for (const [law, numbers] of byLaw) expect(numbers, law).toEqual([...numbers].sort((x, y) => x - y));
    for (const a of articles) {
      expect(a.label).toBe(`第${formatChineseInteger(a.number)}条`);
      expect(a.citation.endsWith(a.label)).toBe(true);
    }
  });

  it('cites in the form 《full title》第…条, with short names resolved through lawNames', () => {
    expect(libraryArticle('law:civil-code:art-0577')?.citation).toBe(
      '《中华人民共和国民法典》第五百七十七条',
    );
    expect(libraryArticle('law:civil-code:art-0188')?.citation).toBe(
      '《中华人民共和国民法典》第一百八十八条',
    );
    expect(libraryArticle('law:litigation-fees:art-0013')?.citation).toBe('《诉讼费用交纳办法》第十三条');
    expect(articleForCitation('《中华人民共和国民法典》第五百七十七条')?.id).toBe('law:civil-code:art-0577');
    expect(articleForCitation('民法典第一百八十八条')?.id).toBe('law:civil-code:art-0188');
    expect(articleForCitation('民事诉讼法第一百五十二条')?.id).toBe('law:civil-procedure:art-0152');
    expect(articleForCitation('民法典第一条')).toBeNull();
    expect(articleForCitation('公司法第一条')).toBeNull();
  });

  it('keeps the heading path of each article', () => {
    const a = libraryArticle('law:civil-code:art-0577');
    expect(a?.headings.map((h) => `${h.label} ${h.title}`)).toEqual([
      '第三编 合同',
      '第一分编 通则',
      '第八章 违约责任',
    ]);
    expect(libraryArticle('law:criminal-procedure:art-0220')?.headings.map((h) => h.level)).toEqual([
      '编',
      '章',
      '节',
    ]);
  });

  it('covers the texts the issue names', () => {
    for (const id of [
      'law:litigation-fees:art-0013',
      'law:civil-procedure:art-0152',
      'law:criminal-procedure:art-0208',
      'law:administrative-procedure:art-0081',
      'law:judgment-publication:art-0003',
      'law:civil-code:art-0188',
    ])
      expect(libraryArticle(id), id).not.toBeNull();
  });

  it('refuses a set whose file name and slug disagree, or with an item twice', () => {
    const civil = LIBRARY_FILES['civil-code.json'];
    expect(() => parseLibrary({ 'civil.json': civil })).toThrow(/must match the file name/u);
    const copy = structuredClone(civil) as { law: string; items: unknown[] };
    expect(() => parseLibrary({ 'civil-code.json': civil, 'x.json': { ...copy, law: 'x' } })).toThrow(
      /id must start/u,
    );
  });
});
