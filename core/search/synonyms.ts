/**
 * Words court staff use interchangeably, so a query with one finds texts written with another:
 * 审限 is what everyone says, 审理期限 is what statutes and notices write. Each group is a set of
 * equivalents; a query term that is one of them matches a text containing any of them.
 */
import { normalizeText } from './normalize';

/** Groups of equivalent terms (abbreviations as used in court practice, full forms as in the texts). */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['审限', '审理期限'],
  ['诉讼费', '诉讼费用'],
  ['民诉法', '民事诉讼法'],
  ['刑诉法', '刑事诉讼法'],
  ['行诉法', '行政诉讼法'],
  ['文书上网', '在互联网公布裁判文书'],
];

const BY_TERM = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) {
  const folded = group.map(normalizeText);
  for (const term of folded) BY_TERM.set(term, folded);
}

/** Whether a (normalised) query run is one of the synonym terms, to be kept whole. */
export function isSynonymTerm(term: string): boolean {
  return BY_TERM.has(term);
}

/** The term and its equivalents (the term first); just the term when it has none. */
export function expandTerm(term: string): string[] {
  const group = BY_TERM.get(term);
  return group ? [term, ...group.filter((t) => t !== term)] : [term];
}
