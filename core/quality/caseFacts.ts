/**
 * The facts of one case that trial-quality indicators (审判质效指标, docs/quality.md) read, taken
 * once from its folded state (core/domain/caseState.ts). A compact, JSON-safe record so that 100,000
 * of them sit in memory next to the case list and every indicator is a pass over plain objects
 * instead of a fold of documents.
 */
import type { CaseState } from '../domain/caseState';
import { caseTypeByCode, type CaseFamily, type CaseInstance } from '../domain/courtReference';
import { daysBetween, isPlainDate, type PlainDate } from '../domain/plainDate';
import type { AppealOutcome, Disposition } from '../domain/processEvents';

/** Enforcement data an indicator needs (执行): what the enforcement module records per case. */
export interface EnforcementInput {
  /** 申请执行标的 (yuan); null when unknown. */
  readonly target: number | null;
  /** 执行到位金额 (yuan) with the day it was recovered. */
  readonly recoveries: readonly { readonly date: PlainDate; readonly amount: number }[];
}

/** The indicator-relevant facts of one case. */
export interface CaseFacts {
  /** `case:<uuid>`. */
  readonly id: string;
  /** Official number, else provisional. */
  readonly number: string;
  /** Court code (`甘0402`), '' when unknown. */
  readonly court: string;
  readonly division: string;
  /** Judge in charge (承办法官), '' before assignment. */
  readonly judge: string;
  /** Case type code (`民初` …). */
  readonly caseType: string;
  readonly family: CaseFamily | null;
  readonly instance: CaseInstance | null;
  /** 立案日期. */
  readonly filedOn: PlainDate | null;
  /** 结案日期, null while open. */
  readonly closedOn: PlainDate | null;
  readonly disposition: Disposition | null;
  /** 审理天数: days from filing to closing with suspended periods (扣除审限) deducted. */
  readonly netDays: number | null;
  /** True/false: closed on or before the last day of the statutory limit; null: no limit or open. */
  readonly withinLimit: boolean | null;
  /** Last day of the time limit as folded (null: no limit, or an open suspension stops the clock). */
  readonly dueDate: PlainDate | null;
  /** First appeal or retrial petition (上诉、抗诉、申请再审、申诉) after closing. */
  readonly challengedOn: PlainDate | null;
  /** The higher court remanded (发回重审) or reversed (改判) the judgment: which, and when. */
  readonly reversal: 'reversed' | 'remanded' | null;
  readonly reversedOn: PlainDate | null;
  /** 申请执行标的 (yuan), enforcement cases. */
  readonly enforcementTarget: number | null;
  /** 执行到位金额 (yuan) with dates, enforcement cases. */
  readonly recoveries: readonly { readonly date: PlainDate; readonly amount: number }[];
}

function text(doc: Readonly<Record<string, unknown>>, key: string): string {
  const v = doc[key];
  return typeof v === 'string' ? v : '';
}

const REVERSING: readonly (AppealOutcome | null)[] = ['reversed', 'remanded'];

/**
 * The facts of a case from its folded state and its case document. `enforcement` comes from the
 * enforcement module when it exists; without it, an enforcement case's target is its claim amount
 * and its recovery is the `amountRecovered` its closing event records (dated the closing day).
 */
export function caseFactsOf(
  state: CaseState,
  caseDoc: Readonly<Record<string, unknown>>,
  enforcement?: EnforcementInput,
): CaseFacts {
  const caseType = text(caseDoc, 'caseType') || text(caseDoc, 'caseTypeCode');
  const type = caseTypeByCode(caseType);
  const closing = state.closing;
  const filedOn = state.filedOn;
  let netDays: number | null = null;
  let withinLimit: boolean | null = null;
  let dueDate: PlainDate | null = null;
  if (closing && filedOn && closing.date >= filedOn) {
    // The fold computes a closed case's deadline as of its closing day: the days used then.
    netDays = state.deadline ? state.deadline.elapsedDays : daysBetween(filedOn, closing.date);
    if (state.deadline) withinLimit = state.deadline.remainingDays >= 0;
  }
  if (state.deadline) dueDate = state.deadline.dueDate;
  const challenges = closing ? state.appeals.filter((a) => a.date >= closing.date) : [];
  const challengedOn = challenges.reduce<PlainDate | null>((m, a) => (m && m < a.date ? m : a.date), null);
  const decided = challenges
    .filter((a) => REVERSING.includes(a.outcome))
    .sort((a, b) => (a.decidedOn ?? a.date).localeCompare(b.decidedOn ?? b.date))[0];
  const enforcementCase = type?.family === 'enforcement';
  const claim = caseDoc['claimAmount'];
  const recovered = closing?.amountRecovered ?? null;
  return {
    id: state.caseId,
    number: state.displayNumber,
    court: text(caseDoc, 'court'),
    division: text(caseDoc, 'division'),
    judge: state.judge ?? '',
    caseType,
    family: type?.family ?? null,
    instance: type?.instance ?? null,
    filedOn,
    closedOn: closing?.date ?? null,
    disposition: closing?.disposition ?? null,
    netDays,
    withinLimit,
    dueDate,
    challengedOn,
    reversal: decided ? (decided.outcome as 'reversed' | 'remanded') : null,
    reversedOn: decided ? (decided.decidedOn ?? decided.date) : null,
    enforcementTarget:
      enforcement?.target ?? (enforcementCase && typeof claim === 'number' && claim >= 0 ? claim : null),
    recoveries:
      enforcement?.recoveries.filter((r) => isPlainDate(r.date) && r.amount >= 0) ??
      (enforcementCase && closing && recovered !== null ? [{ date: closing.date, amount: recovered }] : []),
  };
}

/**
 * Days from `today` to an open case's due date (negative: overdue), or null. The due date already
 * carries every suspension recorded so far, so this equals the remaining running days of
 * core/domain/deadlines.ts unless a suspension starts after today.
 */
export function daysLeft(facts: CaseFacts, today: PlainDate): number | null {
  return facts.closedOn === null && facts.dueDate !== null ? daysBetween(today, facts.dueDate) : null;
}
