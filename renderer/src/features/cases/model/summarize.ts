/**
 * One case's documents → its list summary, via core's `foldCaseState` (pure). The summary keeps
 * what a deadline needs ({@link DeadlineBasis}) so that when the date changes only
 * `computeDeadline` runs again, without re-reading or re-folding the documents.
 */
import { foldCaseState, type CaseState } from '../../../../../core/domain/caseState';
import {
  computeDeadline,
  type Extension,
  type Suspension,
  type WarningLevel,
} from '../../../../../core/domain/deadlines';
import type { PlainDate } from '../../../../../core/domain/plainDate';
import { caseFactsOf, type CaseFacts } from '../../../../../core/quality/caseFacts';
import type { CaseSummary, CaseSummaryParty } from './catalogTypes';

/** The documents of one case (untrusted JSON). */
export interface CaseDocs {
  readonly caseDoc: Readonly<Record<string, unknown>>;
  readonly caseNumberDoc?: Readonly<Record<string, unknown>> | null;
  readonly assignmentDoc?: Readonly<Record<string, unknown>> | null;
  readonly events: readonly unknown[];
  readonly approvals?: readonly unknown[];
}

/** What the time limit of an open case depends on besides the date. */
export interface DeadlineBasis {
  readonly procedure: string;
  readonly filedOn: PlainDate;
  readonly suspensions: readonly Suspension[];
  readonly extensions: readonly Extension[];
}

/**
 * A summary, for open cases with a time limit its deadline basis, and the facts the trial-quality
 * dashboard reads (core/quality), taken from the same fold.
 */
export interface FoldedCase {
  readonly summary: CaseSummary;
  readonly basis: DeadlineBasis | null;
  readonly facts: CaseFacts;
}

function str(doc: Readonly<Record<string, unknown>> | null | undefined, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = doc?.[k];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return null;
}

function partiesOf(caseDoc: Readonly<Record<string, unknown>>): CaseSummaryParty[] {
  const raw = caseDoc['parties'];
  if (!Array.isArray(raw)) return [];
  const out: CaseSummaryParty[] = [];
  for (const p of raw as unknown[]) {
    if (typeof p !== 'object' || p === null) continue;
    const r = p as Record<string, unknown>;
    if (typeof r['name'] !== 'string') continue;
    const kind = r['kind'] === 'legal' || r['type'] === 'org' ? 'legal' : 'natural';
    out.push({
      name: r['name'],
      role: typeof r['role'] === 'string' ? r['role'] : '',
      kind,
      ...(typeof r['idNumber'] === 'string' && r['idNumber'] ? { idNumber: r['idNumber'] } : {}),
    });
  }
  return out;
}

const CLOSED = new Set(['closed', 'appealed']);

/** Folds one case and builds its summary as of `today`. */
export function summarizeCase(docs: CaseDocs, today: PlainDate): FoldedCase {
  const state: CaseState = foldCaseState({ ...docs, asOf: today });
  const open = !CLOSED.has(state.status);
  const deadline = state.deadline;
  const summary: CaseSummary = {
    id: state.caseId,
    displayNumber: state.displayNumber,
    officialNumber: state.officialNumber,
    provisionalNumber: state.provisionalNumber,
    caseType: str(docs.caseDoc, 'caseType', 'caseTypeCode') ?? '',
    procedure: state.procedure,
    cause: str(docs.caseDoc, 'cause') ?? '',
    division: str(docs.caseDoc, 'division'),
    status: state.status,
    judge: state.judge,
    clerk: str(docs.assignmentDoc, 'clerk'),
    assistant: str(docs.assignmentDoc, 'assistant'),
    filingDate: state.filedOn,
    deadline: deadline?.dueDate ?? null,
    remainingDays: open && deadline && !deadline.clockStopped ? deadline.remainingDays : null,
    warning: open && deadline && !deadline.clockStopped ? deadline.level : 'none',
    pendingExtension: open && state.extensionRequests.some((r) => r.status === 'pending'),
    parties: partiesOf(docs.caseDoc),
  };
  const basis =
    open && state.procedure && state.filedOn
      ? {
          procedure: state.procedure,
          filedOn: state.filedOn,
          suspensions: state.suspensions,
          extensions: state.extensions,
        }
      : null;
  return { summary, basis, facts: caseFactsOf(state, docs.caseDoc) };
}

/** The summary with its deadline re-evaluated for a new `today` (same documents). */
export function withDeadlineOn(folded: FoldedCase, today: PlainDate): CaseSummary {
  const { summary, basis } = folded;
  if (!basis) return summary;
  const r = computeDeadline({ ...basis, asOf: today });
  if (!r.ok) return summary;
  const d = r.value;
  const warning: WarningLevel = d.clockStopped ? 'none' : d.level;
  const remainingDays = d.clockStopped ? null : d.remainingDays;
  if (
    summary.deadline === d.dueDate &&
    summary.warning === warning &&
    summary.remainingDays === remainingDays
  )
    return summary;
  return { ...summary, deadline: d.dueDate, warning, remainingDays };
}
