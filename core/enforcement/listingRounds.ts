/**
 * Listing a respondent again on a ground after an earlier listing on it ended (docs/enforcement.md
 * "Re-listing"): the entry `dishonestDebtor:<identity number>:<ground>` stays the one document of
 * that respondent and ground, and a new listing is its next *round*. The closed round moves, as it
 * was, into `earlierRounds`; the new round starts pending with its own case, facts, date and
 * proposer. One document means nobody is ever listed twice on one ground at the same time, two
 * officers re-listing offline write the same document (a conflict for the conflict centre), and the
 * server can check every round change against the stored entry (validate_doc_update sees only the
 * document it writes, so a separate document per round could not be checked against the previous).
 */
import { compareDates } from '../domain/plainDate';
import { approvalState } from './approvals';
import type { DishonestEntry } from './dishonest';

/** The fields that belong to one round; respondent, ground and id stay with the entry. */
export const ROUND_FIELDS = [
  'caseId',
  'caseNumber',
  'listedOn',
  'extendYears',
  'facts',
  'obligation',
  'approval',
  'publishedOn',
  'removal',
  'proposedBy',
  'note',
] as const;

/** One closed round, as kept in `earlierRounds`. */
export type ListingRound = Pick<DishonestEntry, (typeof ROUND_FIELDS)[number]> & {
  readonly round: number;
};

/** The round an entry is in (entries from before rounds existed are round 1). */
export function roundOf(entry: Pick<DishonestEntry, 'round'>): number {
  return entry.round ?? 1;
}

/**
 * True when the entry's current round is over and a new listing may start: the proposal was
 * rejected, or the listing was removed (performed, period ended, error). A pending or current
 * listing blocks a new one on the same ground.
 */
export function roundClosed(entry: Pick<DishonestEntry, 'approval' | 'removal'>): boolean {
  return approvalState(entry.approval) === 'rejected' || entry.removal !== undefined;
}

/** The current round of `entry` as it goes into `earlierRounds` (only the fields it has). */
export function closedRound(entry: DishonestEntry): ListingRound {
  const out: Record<string, unknown> = { round: roundOf(entry) };
  for (const f of ROUND_FIELDS) if (entry[f] !== undefined) out[f] = entry[f];
  return out as ListingRound;
}

/** The terms of a new round, as the listing form gives them. */
export type RoundTerms = Pick<
  DishonestEntry,
  'caseId' | 'caseNumber' | 'listedOn' | 'extendYears' | 'facts' | 'obligation'
> & { readonly respondentName?: string };

/**
 * The entry with a new round proposed by `user`: the closed round appended to `earlierRounds`,
 * the round fields replaced by `terms`, no approval, publication or removal yet. Throws when the
 * current round is still pending or listed (the caller reports it as "already listed").
 */
export function startNextRound(entry: DishonestEntry, terms: RoundTerms, user: string): DishonestEntry {
  if (!roundClosed(entry)) throw new Error(`${entry._id} is still pending or listed`);
  const kept: Record<string, unknown> = { ...entry };
  for (const f of ROUND_FIELDS) delete kept[f];
  const { respondentName, ...roundTerms } = terms;
  const next: Record<string, unknown> = {
    ...kept,
    ...roundTerms,
    respondent: respondentName ? { ...entry.respondent, name: respondentName } : entry.respondent,
    round: roundOf(entry) + 1,
    earlierRounds: [...(entry.earlierRounds ?? []), closedRound(entry)],
    proposedBy: user,
  };
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
  return next as unknown as DishonestEntry;
}

/** A problem of an entry's rounds: field and bilingual message. */
export interface RoundIssue {
  readonly field: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * The rules of rounds that need nothing but the entry: the round counts the earlier rounds, each
 * earlier round is numbered in order and was closed (rejected or removed), and the current round
 * is not dated before the previous listing's removal.
 */
export function roundIssues(entry: DishonestEntry): RoundIssue[] {
  const issues: RoundIssue[] = [];
  const round = entry.round;
  const earlier = entry.earlierRounds ?? [];
  if (round !== undefined && (!Number.isInteger(round) || round < 1))
    return [{ field: 'round', zh: '轮次必须是正整数', en: 'round must be an integer >= 1' }];
  if (roundOf(entry) !== earlier.length + 1)
    issues.push({
      field: 'round',
      zh: '轮次与此前的纳入记录不符',
      en: 'round must be one more than the number of earlier rounds',
    });
  earlier.forEach((r, i) => {
    if (r.round !== i + 1 || !roundClosed(r))
      issues.push({
        field: `earlierRounds[${i}]`,
        zh: '此前的纳入必须已被驳回或已删除',
        en: 'an earlier round must be numbered in order and rejected or removed',
      });
  });
  const last = earlier[earlier.length - 1];
  if (last?.removal && compareDates(entry.listedOn, last.removal.on) < 0)
    issues.push({
      field: 'listedOn',
      zh: `再次纳入日期不得早于上次删除日期 ${last.removal.on}`,
      en: `a new listing cannot be dated before the previous removal on ${last.removal.on}`,
    });
  return issues;
}
