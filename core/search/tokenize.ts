/**
 * Chinese tokenisation for the offline search (docs/search.md). Documents are indexed by
 * overlapping character bigrams of every Han run, so any substring of two or more characters is
 * found: 诉讼费 (诉讼 讼费) finds 诉讼费用, which word tokens alone miss (ICU splits 诉讼费 into
 * 诉讼 + 费 and 诉讼费用 into 诉讼 + 费用). Queries are split into terms by `Intl.Segmenter('zh')`,
 * so a phrase typed without spaces (违约金过分高于) matches its words anywhere in a text, with
 * one-character words glued to a neighbour (审|限 → 审限, 民法|典 → 民法典) so every term can be
 * looked up by its bigrams.
 */

import { normalizeText } from './normalize';
import { isSynonymTerm } from './synonyms';

/** Bumped whenever the tokens of a text change: a persisted index with another version is rebuilt. */
export const TOKENIZER_VERSION = 2;

const HAN = /\p{Script=Han}/u;
const SPLIT = /[\p{L}\p{N}]+/gu;

/** Splits normalised text into runs of Han characters and runs of other letters/digits. */
function runs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SPLIT)) {
    let cur = '';
    let curHan = false;
    for (const ch of m[0]) {
      const han = HAN.test(ch);
      if (cur !== '' && han !== curHan) {
        out.push(cur);
        cur = '';
      }
      cur += ch;
      curHan = han;
    }
    if (cur !== '') out.push(cur);
  }
  return out;
}

/**
 * The lookup tokens of one term: its bigrams when Han, the term itself otherwise. A single Han
 * character has none (it is not indexed alone: a search for it reads the texts instead).
 */
export function termTokens(term: string): string[] {
  const chars = [...term];
  if (!HAN.test(term)) return [term];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * Whether the postings alone prove a text contains `term`: true when the term is exactly one
 * token (a two-character Han word, or a Latin/digit word matched whole). Longer Han terms are
 * checked against the text, since their bigrams may occur apart.
 */
export function exactByTokens(term: string): boolean {
  return termTokens(term).length === 1;
}

/** The distinct tokens a text is indexed under: the bigrams of every Han run and every other letter/digit run whole. */
export function indexTokens(text: string): string[] {
  const out = new Set<string>();
  for (const run of runs(normalizeText(text))) for (const t of termTokens(run)) out.add(t);
  return [...out];
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The terms of a query, each of which a hit must contain (as a substring of its title or body):
 * whitespace and punctuation separate terms; Han text is split into words by `Intl.Segmenter`,
 * one-character words glued to the word before them (or after, at the start of a run).
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const run of runs(normalizeText(query))) {
    if (!HAN.test(run) || isSynonymTerm(run)) {
      terms.push(run);
      continue;
    }
    const words = [...segmenter.segment(run)].map((s) => s.segment);
    const glued: string[] = [];
    let pending = '';
    for (const w of words) {
      if ([...w].length === 1 && glued.length > 0 && pending === '') glued[glued.length - 1] += w;
      else if ([...w].length === 1) pending += w;
      else {
        glued.push(pending + w);
        pending = '';
      }
    }
    if (pending !== '') glued.push(pending);
    terms.push(...glued);
  }
  return [...new Set(terms)];
}
