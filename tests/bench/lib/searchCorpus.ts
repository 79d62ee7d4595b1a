/**
 * Synthetic Chinese documents and queries for tests/bench/search.ts, generated deterministically
 * from the e-library's own texts (so the vocabulary and sentence shapes are the court's), and the
 * brute-force substring scan every engine is checked against.
 */
import { LIBRARY_ITEMS } from '../../../core/library/catalog';
import { normalizeText } from '../../../core/search/normalize';
import { SEARCH_KINDS, type SearchDoc } from '../../../core/search/searchIndex';
import { expandTerm } from '../../../core/search/synonyms';
import { queryTerms } from '../../../core/search/tokenize';
import { mulberry32 } from '../../../sync-server/src/setup/demoRandom';

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** Sentences (split at 。；：) of every library article, the raw material of the corpus. */
export function librarySentences(): string[] {
  const out = new Set<string>();
  for (const item of LIBRARY_ITEMS)
    for (const a of item.articles)
      for (const p of a.paragraphs) for (const s of p.split(/(?<=[。；：])/u)) if (s.length >= 4) out.add(s);
  return [...out];
}

/** `count` documents of 200–2,000 characters of body, titles of 8–40 characters, mixed kinds and dates. */
export function syntheticDocs(count: number, seed = 1): SearchDoc[] {
  const r = mulberry32(seed);
  const sentences = librarySentences();
  const titles = LIBRARY_ITEMS.map((i) => i.title);
  const docs: SearchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const target = 200 + Math.floor(r() * 1800);
    let body = '';
    while (body.length < target) body += pick(r, sentences);
    const title = `${pick(r, titles)} ${pick(r, sentences).slice(0, 6 + Math.floor(r() * 28))}`;
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 2400) * 86_400_000);
    docs.push({
      id: `doc:${String(i).padStart(5, '0')}`,
      kind: pick(r, SEARCH_KINDS),
      title,
      body: body.slice(0, target),
      date: day.toISOString().slice(0, 10),
    });
  }
  return docs;
}

/** What staff type most: short legal terms, some abbreviations (审限, 诉讼费) that only match inside longer words. */
export const TYPICAL_TERMS = [
  '诉讼费',
  '审限',
  '诉讼时效',
  '违约金',
  '定金',
  '上诉',
  '再审',
  '执行',
  '审理期限',
  '简易程序',
  '送达',
  '管辖权异议',
  '裁判文书',
  '隐名',
  '未成年人',
  '自首',
  '累犯',
  '减轻处罚',
  '不可抗力',
  '损失',
  '案件受理费',
  '离婚',
  '延长',
  '院长批准',
  '二审',
];

/** `count` queries of one to three terms: half typical terms, half words drawn from the texts. */
export function syntheticQueries(count: number, seed = 2): string[] {
  const r = mulberry32(seed);
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const words = [
    ...new Set(
      librarySentences().flatMap((s) =>
        [...seg.segment(s)]
          .filter((x) => x.isWordLike && /^\p{Script=Han}{2,4}$/u.test(x.segment))
          .map((x) => x.segment),
      ),
    ),
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(r() * 3);
    const terms = new Set<string>();
    for (let k = 0; k < n; k++) terms.add(r() < 0.5 ? pick(r, TYPICAL_TERMS) : pick(r, words));
    out.push([...terms].join(' '));
  }
  return out;
}

/** A document normalised once for scanning. */
export interface ScanDoc {
  readonly id: string;
  readonly text: string;
}

/** The documents as the scan reads them (title and body, folded as the index folds them). */
export function scanDocs(docs: readonly SearchDoc[]): ScanDoc[] {
  return docs.map((d) => ({ id: d.id, text: normalizeText(`${d.title}\n${d.body}`) }));
}

/**
 * The ground truth: ids of the documents that contain every term of the query (or one of its
 * synonyms) as a plain substring, found by scanning every document.
 */
export function substringScan(docs: readonly ScanDoc[], query: string): string[] {
  const alternatives = queryTerms(query).map(expandTerm);
  if (alternatives.length === 0) return [];
  return docs
    .filter((d) => alternatives.every((alts) => alts.some((a) => d.text.includes(a))))
    .map((d) => d.id);
}
