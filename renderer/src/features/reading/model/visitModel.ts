/**
 * File reading, the clerk's side, pure (docs/file-reading.md): visits joined with the worker's
 * logs, the people of a case who may be admitted, and the checks of the admit form.
 */
import type { Agent, Party } from '../../../../../core/schemas/case';
import {
  MAX_VISIT_MINUTES,
  readerIdProblem,
  readingLogId,
  type ReaderCapacity,
  type ReadingLogEntry,
} from '../../../../../core/schemas/readingVisit';

/** A visit with what the worker reported about it. */
export interface VisitRow {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly readerName: string;
  readonly capacity: ReaderCapacity;
  readonly partyName: string;
  readonly readerAccount: string;
  readonly allowPrint: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly expiresAt: string;
  readonly closedAt: string | null;
  /** `waiting`: not yet opened by the server (offline, or the worker has not run). */
  readonly state: 'waiting' | 'open' | 'closed' | 'refused';
  readonly closedReason: string | null;
  readonly entries: readonly ReadingLogEntry[];
}

/** Someone the clerk may admit: a party of the case or one of its agents. */
export interface ReaderCandidate {
  readonly key: string;
  readonly capacity: ReaderCapacity;
  readonly name: string;
  readonly partyName: string;
  readonly partyRole: string;
  /** The party's own ID number on file (parties only): the entered one must match it. */
  readonly idNumberOnFile: string | null;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Joins visits with their logs (pure; exported for the unit test). */
export function visitRows(
  visits: readonly Record<string, unknown>[],
  logs: readonly Record<string, unknown>[],
): VisitRow[] {
  const logById = new Map(logs.map((l) => [str(l['_id']), l]));
  return visits
    .map((v): VisitRow => {
      const log = logById.get(readingLogId(str(v['_id'])));
      const reason = log ? str(log['closedReason']) : '';
      const state: VisitRow['state'] = !log
        ? 'waiting'
        : log['state'] === 'open'
          ? 'open'
          : reason === 'refused' || reason === 'busy'
            ? 'refused'
            : 'closed';
      return {
        id: str(v['_id']),
        caseId: str(v['caseId']),
        caseNumber: str(v['caseNumber']),
        readerName: str(v['readerName']),
        capacity: v['capacity'] === 'party' ? 'party' : 'agent',
        partyName: str(v['partyName']),
        readerAccount: str(v['readerAccount']),
        allowPrint: v['allowPrint'] === true,
        createdAt: str(v['createdAt']),
        createdBy: str(v['createdBy']),
        expiresAt: str(v['expiresAt']),
        closedAt: typeof v['closedAt'] === 'string' ? v['closedAt'] : null,
        state,
        closedReason: reason || null,
        entries: Array.isArray(log?.['entries']) ? (log['entries'] as ReadingLogEntry[]) : [],
      };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** The parties and agents of a case, from its document. */
export function readerCandidates(caseDoc: Record<string, unknown> | undefined): ReaderCandidate[] {
  const parties = Array.isArray(caseDoc?.['parties']) ? (caseDoc['parties'] as Party[]) : [];
  return parties.flatMap((p, i): ReaderCandidate[] => [
    {
      key: `p${i}`,
      capacity: 'party',
      name: p.name,
      partyName: p.name,
      partyRole: p.role,
      idNumberOnFile: p.kind === 'natural' && p.idNumber ? p.idNumber : null,
    },
    ...(p.agents ?? []).map((a: Agent, j): ReaderCandidate => ({
      key: `p${i}a${j}`,
      capacity: 'agent',
      name: a.name,
      partyName: p.name,
      partyRole: p.role,
      idNumberOnFile: null,
    })),
  ]);
}

/** What the admit form collects. */
export interface AdmitInput {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly candidate: ReaderCandidate;
  readonly idNumber: string;
  readonly readerAccount: string;
  readonly allowPrint: boolean;
  readonly minutes: number;
}

/** Why an admission cannot be written (an i18n key under `reading.errors`), or null. */
export function admitProblem(input: AdmitInput): string | null {
  const id = input.idNumber.trim().toUpperCase();
  if (readerIdProblem(id) !== null) return 'idChecksum';
  if (input.candidate.idNumberOnFile && input.candidate.idNumberOnFile.toUpperCase() !== id)
    return 'idMismatch';
  if (!/^[^\s:]{1,128}$/.test(input.readerAccount.trim())) return 'account';
  if (!(input.minutes >= 1 && input.minutes <= MAX_VISIT_MINUTES)) return 'duration';
  return null;
}
