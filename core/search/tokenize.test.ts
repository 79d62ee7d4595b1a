import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize';
import { expandTerm } from './synonyms';
import { exactByTokens, indexTokens, queryTerms, termTokens } from './tokenize';

describe('tokenize', () => {
  it('indexes Han runs by bigrams so a shorter term is found inside a longer word', () => {
    const tokens = indexTokens('诉讼费用由败诉方负担');
    for (const t of termTokens('诉讼费')) expect(tokens).toContain(t);
    expect(tokens).toEqual(expect.arrayContaining(['诉讼', '讼费', '费用', '败诉']));
  });

  it('keeps Latin or digit runs whole, folded, and does not index a lone Han character', () => {
    expect(indexTokens('费、ＰＤＦ 2024年')).toEqual(['pdf', '2024']);
    expect(termTokens('费')).toEqual([]);
    expect(exactByTokens('诉讼')).toBe(true);
    expect(exactByTokens('诉讼费')).toBe(false);
    expect(exactByTokens('费')).toBe(false);
  });

  it('splits a query into words with one-character words glued to a neighbour', () => {
    expect(queryTerms('诉讼费')).toEqual(['诉讼费']);
    expect(queryTerms('审限')).toEqual(['审限']);
    expect(queryTerms('违约金过分高于')).toEqual(['违约金', '过分', '高于']);
    for (const t of queryTerms('民法典第五百七十七条')) expect('民法典第五百七十七条').toContain(t);
  });

  it('separates terms at spaces and punctuation and drops empty queries', () => {
    expect(queryTerms('  诉讼时效，中断 ')).toEqual(['诉讼', '时效', '中断']);
    expect(queryTerms('  ，。 ')).toEqual([]);
  });

  it('keeps a synonym phrase whole and expands it', () => {
    expect(queryTerms('审理期限')).toEqual(['审理期限']);
    expect(expandTerm('审限')).toEqual(['审限', '审理期限']);
    expect(expandTerm('违约金')).toEqual(['违约金']);
  });

  it('folds width and case without changing offsets', () => {
    const s = 'ＡＢＣ诉讼Ｘ';
    expect(normalizeText(s)).toBe('abc诉讼x');
    expect(normalizeText(s).length).toBe(s.length);
  });
});
