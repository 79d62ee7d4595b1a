/**
 * Bench page for `search-index-load-idb-10k` (tests/bench/search.ts): the app's search index saved
 * in Chromium's IndexedDB by the app's own store (renderer/src/db/search/searchStore.ts) and read
 * back after a page reload the way the search service starts (searchService.ts: `store.load()` +
 * `SearchIndex.import`, its `loadMs`), against building the index from the same documents.
 */
import { SearchIndex } from '../../../core/search/searchIndex';
import { openSearchStore } from '../../../renderer/src/db/search/searchStore';
import { syntheticDocs } from '../lib/searchCorpus';

const USER = 'bench.search';

export interface SearchPageApi {
  /** Builds the index of `count` synthetic documents and saves it as the app does; returns its size. */
  save(count: number): Promise<{ size: number; ms: number }>;
  /** Reads the saved index and imports it (the app's start); `hits` checks it answers. */
  loadSaved(): Promise<{ ms: number; readMs: number; size: number; hits: number }>;
  /** Builds the index from the same documents (generated before the clock starts). */
  build(count: number): { ms: number; size: number; hits: number };
}

declare global {
  interface Window {
    searchPage: SearchPageApi;
  }
}

window.searchPage = {
  async save(count) {
    const t0 = performance.now();
    const index = new SearchIndex();
    for (const d of syntheticDocs(count)) index.upsert(d);
    const store = await openSearchStore(USER);
    try {
      await store.save({ savedAt: new Date().toISOString(), seqs: { library: 1 }, index: index.export() });
    } finally {
      store.close();
    }
    return { size: index.size, ms: performance.now() - t0 };
  },
  async loadSaved() {
    const t0 = performance.now();
    const store = await openSearchStore(USER);
    let index: SearchIndex;
    let readMs: number;
    try {
      const saved = await store.load();
      readMs = performance.now() - t0;
      if (!saved) throw new Error('no saved search index');
      index = SearchIndex.import(saved.index);
    } finally {
      store.close();
    }
    const ms = performance.now() - t0;
    return { ms, readMs, size: index.size, hits: index.search('诉讼费').total };
  },
  build(count) {
    const docs = syntheticDocs(count);
    const t0 = performance.now();
    const index = new SearchIndex();
    for (const d of docs) index.upsert(d);
    const ms = performance.now() - t0;
    return { ms, size: index.size, hits: index.search('诉讼费').total };
  },
};
