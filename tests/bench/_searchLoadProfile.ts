/**
 * Where the search index's load time goes (docs/search.md "Ready after a restart"): one process,
 * 10,000 synthetic documents, 5 samples of each step — reading the stored form (structured clone
 * as IndexedDB keeps it, or JSON), `SearchIndex.import`, folding every text (done at load before,
 * now on first use) and the first query after a load. A profile, not a bench (no baseline, no
 * results file; the leading `_` keeps `npm run bench` from running it): `npx tsx tests/bench/_searchLoadProfile.ts`.
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { normalizeText } from '../../core/search/normalize';
import { SearchIndex, type ExportedSearchIndex } from '../../core/search/searchIndex';
import { syntheticDocs } from './lib/searchCorpus';

const docs = syntheticDocs(Number(process.env['SEARCH_BENCH_DOCS'] ?? 10_000));
const index = new SearchIndex();
for (const d of docs) index.upsert(d);
const exported = index.export();
const cloned = v8.serialize(exported) as Uint8Array;
const json = JSON.stringify(exported);
const steps: Record<string, number[]> = { clone: [], parse: [], importLazy: [], foldAll: [], firstQuery: [] };
const time = (step: string, fn: () => void) => {
  const t0 = performance.now();
  fn();
  steps[step]?.push(performance.now() - t0);
};
for (let i = 0; i < 5; i++) {
  let data: ExportedSearchIndex | null = null;
  let restored: SearchIndex | null = null;
  time('clone', () => void (data = v8.deserialize(cloned) as ExportedSearchIndex));
  time('parse', () => void JSON.parse(json));
  time('importLazy', () => void (restored = SearchIndex.import(data as unknown as ExportedSearchIndex)));
  time('foldAll', () => {
    for (const d of (data as unknown as ExportedSearchIndex).docs)
      if (d) normalizeText(`${d.title}\n${d.body}`);
  });
  time('firstQuery', () => void (restored as unknown as SearchIndex).search('诉讼费'));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
console.log(
  `structured clone ${(cloned.length / 1e6).toFixed(1)} MB, JSON ${(json.length / 1e6).toFixed(1)} M chars`,
);
for (const [step, xs] of Object.entries(steps))
  console.log(`${step}: median ${median(xs).toFixed(0)} ms [${xs.map((x) => x.toFixed(0)).join(', ')}]`);
