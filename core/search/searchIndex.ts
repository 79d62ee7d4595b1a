/**
 * The offline full-text index shared by the library, forum, notices and the user's case titles
 * (docs/search.md). FlexSearch (chosen by tests/bench/search.ts) holds the token postings; this
 * module owns what a court user sees: every term must occur (checked on the text, so a result is
 * never a bigram coincidence), title and article-heading hits first, snippets with ranges, filters
 * by kind and date, upsert/remove by id for the changes feed, and export/import so a restart does
 * not rebuild the index.
 */
import { Index } from 'flexsearch';
import { makeSnippet, highlightRanges, type Snippet, type TextRange } from './snippet';
import { expandTerm } from './synonyms';
import { normalizeText } from './normalize';
import { exactByTokens, indexTokens, queryTerms, termTokens, TOKENIZER_VERSION } from './tokenize';

/** What a document is, for the kind filter. */
export type SearchKind = 'library' | 'forum' | 'notice' | 'case' | 'archive';

/** Every kind, for validation and filter menus. */
export const SEARCH_KINDS: readonly SearchKind[] = ['library', 'forum', 'notice', 'case', 'archive'];

/** One searchable document. The id is the source document's id (`post:…`, `law:civil-code:art-0577`). */
export interface SearchDoc {
  readonly id: string;
  readonly kind: SearchKind;
  /** Title, thread subject or article heading (e.g. 《中华人民共和国民法典》第五百七十七条 违约责任). */
  readonly title: string;
  readonly body: string;
  /** YYYY-MM-DD (publication, post or filing date); needed for date filters. */
  readonly date?: string | undefined;
}

/** Filters and paging of one search. */
export interface SearchOptions {
  readonly kinds?: readonly SearchKind[];
  /** Inclusive YYYY-MM-DD bounds; documents without a date never pass a date filter. */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  /** Characters of body shown around the first hit. */
  readonly snippetWidth?: number;
}

/** One hit, ready to render. */
export interface SearchHit {
  readonly id: string;
  readonly kind: SearchKind;
  readonly title: string;
  readonly date: string | undefined;
  /** Hits of the query in the title. */
  readonly titleRanges: readonly TextRange[];
  readonly snippet: Snippet;
  /** True when every term occurs in the title: these come first. */
  readonly titleHit: boolean;
}

/** The answer to a query: `hits` empty and `total` 0 when nothing matched ("没有找到"). */
export interface SearchResult {
  readonly terms: readonly string[];
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/** The persisted form: everything needed to answer queries without re-tokenising a document. */
export interface ExportedSearchIndex {
  readonly format: 'courtdesk-search';
  readonly version: number;
  readonly tokenizer: number;
  /** Documents by slot (null where one was removed). */
  readonly docs: readonly (SearchDoc | null)[];
  readonly postings: Readonly<Record<string, string>>;
}

const FORMAT_VERSION = 1;

function newPostings(): Index {
  // Tokens are made by tokenize.ts and handed over space-joined; FlexSearch only splits them.
  return new Index({
    tokenize: 'strict',
    resolution: 1,
    encode: (s: string) => s.split(' ').filter(Boolean),
  });
}

function checkDoc(doc: SearchDoc): void {
  if (typeof doc.id !== 'string' || doc.id.length === 0) throw new Error('search document without an id');
  if (!SEARCH_KINDS.includes(doc.kind)) throw new Error(`${doc.id}: unknown kind ${String(doc.kind)}`);
  if (typeof doc.title !== 'string' || typeof doc.body !== 'string')
    throw new Error(`${doc.id}: title and body must be text`);
  if (doc.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(doc.date))
    throw new Error(`${doc.id}: date must be YYYY-MM-DD`);
}

/** An in-memory index of {@link SearchDoc}s; one per workstation session, fed by the changes feed. */
export class SearchIndex {
  private postings = newPostings();
  /**
   * Documents by slot: FlexSearch holds small numbers rather than id strings (a third of the
   * persisted size). A removed document leaves a null slot; slots are never reused within a run.
   */
  private slots: (SearchDoc | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Ids by source document (the part of an id before `#`): one library item holds many articles. */
  private readonly bySource = new Map<string, Set<string>>();
  /**
   * Folded title and body per slot, made when a document arrives or, after an import, when a query
   * first reads it (not persisted; folding usually returns the very same string, so it costs no
   * memory for plain Chinese text).
   */
  private readonly folded = new Map<number, { title: string; body: string }>();

  /** Number of documents indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Adds a document, or replaces the one with the same id (an edit arriving from the changes feed). */
  upsert(doc: SearchDoc): void {
    checkDoc(doc);
    this.remove(doc.id);
    const slot = this.slots.length;
    this.slots.push(doc);
    this.slotOf.set(doc.id, slot);
    this.track(doc.id);
    this.fold(slot, doc);
    this.postings.add(slot, indexTokens(`${doc.title}\n${doc.body}`).join(' '));
  }

  /** Removes a document (deleted, withdrawn, hidden, or no longer readable); unknown ids are ignored. */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    const source = this.bySource.get(sourceOf(id));
    source?.delete(id);
    if (source?.size === 0) this.bySource.delete(sourceOf(id));
    this.slots[slot] = null;
    this.folded.delete(slot);
    this.postings.remove(slot);
  }

  /**
   * Removes every document of one source document: `id` itself and every `id#…` (the articles of a
   * library item), so an edited item that lost an article loses it here too.
   */
  removeSource(sourceId: string): void {
    for (const id of [...(this.bySource.get(sourceId) ?? [])]) this.remove(id);
  }

  private track(id: string): void {
    const source = sourceOf(id);
    let set = this.bySource.get(source);
    if (!set) this.bySource.set(source, (set = new Set()));
    set.add(id);
  }

  /** Whether a document with this id is indexed. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /**
   * Documents that contain every term of `query` (or a synonym of it): those with every term in
   * the title first, then those with some, then the rest; newest first within each tier.
   */
  search(query: string, opts: SearchOptions = {}): SearchResult {
    const terms = queryTerms(query);
    if (terms.length === 0) return { terms, total: 0, hits: [] };
    const alternatives = terms.map(expandTerm);
    // Terms the postings prove need no look at the text (most two-character words).
    const check = alternatives.map((alts) => !alts.every(exactByTokens));
    const matched: { doc: SearchDoc; titleTerms: number }[] = [];
    for (const slot of this.candidates(alternatives)) {
      const doc = this.slots[slot];
      if (!doc || !passes(doc, opts)) continue;
      const { title, body } = this.folded.get(slot) ?? this.fold(slot, doc);
      let titleTerms = 0;
      let all = true;
      for (let g = 0; g < alternatives.length && all; g++) {
        const alts = alternatives[g] as readonly string[];
        if (alts.some((a) => title.includes(a))) titleTerms++;
        else if (check[g] && !alts.some((a) => body.includes(a))) all = false;
      }
      if (all) matched.push({ doc, titleTerms });
    }
    // Plain code-unit comparison: ISO dates and ids sort correctly without localeCompare's cost.
    matched.sort(
      (a, b) =>
        b.titleTerms - a.titleTerms || order(b.doc.date ?? '', a.doc.date ?? '') || order(a.doc.id, b.doc.id),
    );
    const flat = alternatives.flat();
    const hits = matched.slice(0, opts.limit ?? 50).map(({ doc, titleTerms }): SearchHit => ({
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      date: doc.date,
      titleRanges: highlightRanges(doc.title, flat),
      snippet: makeSnippet(doc.body, flat, opts.snippetWidth),
      titleHit: titleTerms === alternatives.length,
    }));
    return { terms, total: matched.length, hits };
  }

  private fold(slot: number, doc: SearchDoc): { title: string; body: string } {
    const f = { title: normalizeText(doc.title), body: normalizeText(doc.body) };
    this.folded.set(slot, f);
    return f;
  }

  /** Slots that hold every token of every term (any of a term's alternatives); a superset of the hits. */
  private candidates(alternatives: readonly (readonly string[])[]): Iterable<number> {
    return candidateIds(
      (tokens) => this.postings.search(tokens.join(' '), { limit: this.slots.length + 1 }) as number[],
      () => this.slotOf.values(),
      alternatives,
    );
  }

  /** The whole index as plain data (JSON-safe), to store locally and {@link SearchIndex.import} at the next start. */
  export(): ExportedSearchIndex {
    const postings: Record<string, string> = {};
    this.postings.export((key, data) => {
      postings[key] = data;
    });
    return {
      format: 'courtdesk-search',
      version: FORMAT_VERSION,
      tokenizer: TOKENIZER_VERSION,
      docs: this.slots,
      postings,
    };
  }

  /**
   * An index restored from {@link SearchIndex.export}. Throws when the data is from another format
   * or tokenizer version (the caller then rebuilds from the documents), never half-loads.
   */
  static import(data: ExportedSearchIndex): SearchIndex {
    if (data?.format !== 'courtdesk-search' || data.version !== FORMAT_VERSION)
      throw new Error('search index: unknown format, rebuild it');
    if (data.tokenizer !== TOKENIZER_VERSION) throw new Error('search index: tokenizer changed, rebuild it');
    const out = new SearchIndex();
    out.slots = data.docs.map((doc, slot) => {
      if (doc === null) return null;
      checkDoc(doc);
      if (out.slotOf.has(doc.id)) throw new Error(`search index: ${doc.id} stored twice, rebuild it`);
      out.slotOf.set(doc.id, slot);
      out.track(doc.id);
      // Folded on first use by a query (search() folds its candidates): a third of the load time.
      return doc;
    });
    const postings = newPostings();
    for (const [key, value] of Object.entries(data.postings)) postings.import(key, value);
    out.postings = postings;
    return out;
  }
}

/**
 * Ids holding every lookup token of every term, where a term is any one of its alternatives
 * (synonyms): one AND lookup when no term has synonyms, else a union per term intersected across
 * terms. A term without lookup tokens (one Han character) constrains nothing here; when no term
 * has any, every id is a candidate. A superset of the hits: the caller checks the text.
 */
export function candidateIds<T>(
  lookup: (tokens: string[]) => readonly T[],
  all: () => Iterable<T>,
  alternatives: readonly (readonly string[])[],
): Iterable<T> {
  const usable = alternatives.filter((alts) => alts.every((a) => termTokens(a).length > 0));
  if (usable.length === 0) return all();
  if (usable.every((a) => a.length === 1)) return lookup(usable.flatMap((a) => a.flatMap(termTokens)));
  let acc: Set<T> | null = null;
  for (const alts of usable) {
    const ids = new Set<T>();
    for (const alt of alts) for (const id of lookup(termTokens(alt))) if (!acc || acc.has(id)) ids.add(id);
    acc = ids;
    if (acc.size === 0) break;
  }
  return acc ?? [];
}

/** The source document of an index id: `libraryItem:x#law:y:art-0001` → `libraryItem:x`. */
export function sourceOf(id: string): string {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function passes(doc: SearchDoc, opts: SearchOptions): boolean {
  if (opts.kinds && !opts.kinds.includes(doc.kind)) return false;
  if (opts.from === undefined && opts.to === undefined) return true;
  if (doc.date === undefined) return false;
  return (opts.from === undefined || doc.date >= opts.from) && (opts.to === undefined || doc.date <= opts.to);
}
