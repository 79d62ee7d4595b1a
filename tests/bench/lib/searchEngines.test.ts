import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../core/search/searchIndex';
import { scanDocs, substringScan, syntheticDocs, syntheticQueries } from './searchCorpus';
import {
  docTokens,
  engineQuery,
  flexsearchEngine,
  minisearchEngine,
  oramaEngine,
  wordTokens,
} from './searchEngines';

const docs = syntheticDocs(300, 7);
const queries = [...syntheticQueries(40, 8), '诉讼费', '审限'];
const scan = scanDocs(docs);
const texts = new Map(scan.map((d) => [d.id, d.text]));

describe('search bench corpus', () => {
  it('generates documents of 200–2,000 characters and queries of one to three terms', () => {
    for (const d of docs) expect(d.body.length).toBeGreaterThanOrEqual(200);
    for (const d of docs) expect(d.body.length).toBeLessThanOrEqual(2000);
    for (const q of queries) expect(q.split(' ').length).toBeLessThanOrEqual(3);
    expect(syntheticDocs(5, 7)).toEqual(syntheticDocs(5, 7));
  });
});

describe('search bench engines', () => {
  for (const make of [flexsearchEngine, minisearchEngine, oramaEngine]) {
    it(`${make().name} returns exactly the substring scan's documents, also after dump and load`, () => {
      const engine = make();
      for (const d of docs) engine.add(d.id, docTokens(d));
      const restored = engine.load(engine.dump());
      for (const q of queries) {
        const truth = substringScan(scan, q).sort();
        expect(engineQuery(engine, texts, q).sort(), q).toEqual(truth);
        expect(engineQuery(restored, texts, q).sort(), q).toEqual(truth);
      }
    });
  }

  it('core SearchIndex agrees with the scan', () => {
    const index = new SearchIndex();
    for (const d of docs) index.upsert(d);
    for (const q of queries)
      expect(
        index
          .search(q, { limit: 10_000 })
          .hits.map((h) => h.id)
          .sort(),
        q,
      ).toEqual(substringScan(scan, q).sort());
  });

  it('word tokens alone miss 诉讼费 inside 诉讼费用', () => {
    expect(wordTokens('诉讼费用由败诉方负担')).not.toContain('诉讼费');
  });
});
