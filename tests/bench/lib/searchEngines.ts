/**
 * The three maintained search libraries compared by tests/bench/search.ts, each fed the same tokens
 * (core/search/tokenize.ts bigrams) and asked for documents holding every token; the substring
 * check after the lookup is the same for all. Plus the word-tokens-only variant the issue warns of.
 */
import { create, insert, load, save, search as oramaSearch, type AnyOrama } from '@orama/orama';
import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { normalizeText } from '../../../core/search/normalize';
import { candidateIds, type SearchDoc } from '../../../core/search/searchIndex';
import { expandTerm } from '../../../core/search/synonyms';
import { indexTokens, queryTerms } from '../../../core/search/tokenize';

/** A token-postings engine: add a document's tokens, look up the ids holding all of some tokens. */
export interface PostingEngine {
  readonly name: string;
  add(id: string, tokens: string[]): void;
  lookup(tokens: string[]): string[];
  /** The serialised index (what would be persisted), for its size and for {@link PostingEngine.load}. */
  dump(): string;
  /** A fresh engine of the same kind restored from {@link PostingEngine.dump}. */
  load(data: string): PostingEngine;
}

const split = (s: string): string[] => s.split(' ').filter(Boolean);

/** FlexSearch 0.8 `Index`, strict tokens, resolution 1 (as core/search/searchIndex.ts uses it). */
export function flexsearchEngine(from?: Index): PostingEngine {
  const ix = from ?? new Index({ tokenize: 'strict', resolution: 1, encode: split });
  return {
    name: 'flexsearch',
    add: (id, tokens) => void ix.add(id, tokens.join(' ')),
    lookup: (tokens) => ix.search(tokens.join(' '), { limit: 1_000_000 }) as string[],
    dump() {
      const out: Record<string, string> = {};
      ix.export((k, d) => {
        out[k] = d;
      });
      return JSON.stringify(out);
    },
    load(data) {
      const fresh = new Index({ tokenize: 'strict', resolution: 1, encode: split });
      for (const [k, v] of Object.entries(JSON.parse(data) as Record<string, string>)) fresh.import(k, v);
      return flexsearchEngine(fresh);
    },
  };
}

const MINI_OPTIONS = {
  fields: ['t'],
  idField: 'id',
  tokenize: split,
  processTerm: (t: string) => t,
  searchOptions: { combineWith: 'AND' as const, prefix: false, fuzzy: false },
};

/** MiniSearch 7, one field of tokens, AND, no prefix or fuzzy matching. */
export function minisearchEngine(from?: MiniSearch): PostingEngine {
  const ms = from ?? new MiniSearch(MINI_OPTIONS);
  return {
    name: 'minisearch',
    add: (id, tokens) => ms.add({ id, t: tokens.join(' ') }),
    lookup: (tokens) => ms.search(tokens.join(' ')).map((r) => String(r.id)),
    dump: () => JSON.stringify(ms),
    load: (data) => minisearchEngine(MiniSearch.loadJSON(data, MINI_OPTIONS)),
  };
}

function oramaDb(): AnyOrama {
  return create({
    schema: { t: 'string' },
    components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: split } },
  }) as AnyOrama;
}

/** Orama 3, one string field of tokens, threshold 0 (every term must match). */
export function oramaEngine(from?: AnyOrama): PostingEngine {
  const db = from ?? oramaDb();
  return {
    name: 'orama',
    add: (id, tokens) => void insert(db, { id, t: tokens.join(' ') }),
    lookup(tokens) {
      const res = oramaSearch(db, {
        term: tokens.join(' '),
        properties: ['t'],
        threshold: 0,
        limit: 1_000_000,
      }) as {
        hits: { id: string }[];
      };
      return res.hits.map((h) => h.id);
    },
    dump: () => JSON.stringify(save(db)),
    load(data) {
      const fresh = oramaDb();
      load(fresh, JSON.parse(data) as Parameters<typeof load>[1]);
      return oramaEngine(fresh);
    },
  };
}

/** The index-side tokens every engine gets. */
export function docTokens(d: SearchDoc): string[] {
  return indexTokens(`${d.title}\n${d.body}`);
}

/**
 * A query through any engine, as core/search does it: look up every term's bigrams (each synonym
 * alternative separately), then keep the documents whose text holds every term.
 */
export function engineQuery(
  engine: PostingEngine,
  texts: ReadonlyMap<string, string>,
  query: string,
): string[] {
  const alternatives = queryTerms(query).map(expandTerm);
  if (alternatives.length === 0) return [];
  return [
    ...candidateIds(
      (tokens) => engine.lookup(tokens),
      () => texts.keys(),
      alternatives,
    ),
  ].filter((id) => {
    const text = texts.get(id) ?? '';
    return alternatives.every((alts) => alts.some((a) => text.includes(a)));
  });
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Word tokens only (Intl.Segmenter, no bigrams): the variant that misses 诉讼费 in 诉讼费用. */
export function wordTokens(text: string): string[] {
  return [
    ...new Set(
      [...wordSegmenter.segment(normalizeText(text))].filter((s) => s.isWordLike).map((s) => s.segment),
    ),
  ];
}
