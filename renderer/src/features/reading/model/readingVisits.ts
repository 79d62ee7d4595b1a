/**
 * The clerk's side of file reading (docs/file-reading.md): admitting a reader writes a
 * `readingVisit` in the local cases replica (it syncs; the worker then opens the visit's database),
 * closing sets `closedAt`; the worker's `readingLog` says what happened. Everything here reads and
 * writes the local replica only, so the clerk's screen works offline (the reading PC does not).
 */
import { useMemo } from 'react';
import type { Agent, Party } from '../../../../../core/schemas/case';
import {
  MAX_VISIT_MINUTES,
  readerIdProblem,
  readingLogId,
  type ReaderCapacity,
  type ReadingLogEntry,
} from '../../../../../core/schemas/readingVisit';
import { createRepository, type LocalDb } from '../../../db';
import { useLiveQuery, useSyncEngine } from '../../../db/hooks';
import { useSession } from '../../cases/work/caseWorkHooks';

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

async function byPrefix(db: LocalDb, prefix: string): Promise<Record<string, unknown>[]> {
  const r = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
  return r.rows.flatMap((row) => (row.doc ? [row.doc as Record<string, unknown>] : []));
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

/** Every visit of the local replica with its log, newest first, live. */
export function useVisitRows(): VisitRow[] | undefined {
  return useLiveQuery(
    'cases',
    async (db) => visitRows(await byPrefix(db, 'readingVisit:'), await byPrefix(db, 'readingLog:')),
    [],
  );
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

/** The case document of `caseId` from the local replica, live. */
export function useCaseDoc(caseId: string | null): Record<string, unknown> | undefined {
  return useLiveQuery(
    'cases',
    async (db) =>
      caseId
        ? ((await db.get(caseId).catch(() => undefined)) as Record<string, unknown> | undefined)
        : undefined,
    [caseId],
  );
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

/** Writes and closes visits as the signed-in clerk; null while the engine starts. */
export function useVisitCommands(): {
  admit(input: AdmitInput): Promise<string>;
  close(visitId: string): Promise<void>;
} | null {
  const engine = useSyncEngine();
  const session = useSession();
  return useMemo(() => {
    if (!engine || !session) return null;
    const repo = createRepository(engine.local('cases'), { user: session.name });
    return {
      async admit(input) {
        const now = Date.now();
        const doc = await repo.create('readingVisit', [crypto.randomUUID()], {
          caseId: input.caseId,
          caseNumber: input.caseNumber,
          readerName: input.candidate.name,
          readerIdNumber: input.idNumber.trim().toUpperCase(),
          capacity: input.candidate.capacity,
          partyName: input.candidate.partyName,
          allowPrint: input.allowPrint,
          readerAccount: input.readerAccount.trim(),
          expiresAt: new Date(now + input.minutes * 60_000).toISOString(),
        });
        return doc._id;
      },
      async close(visitId) {
        await repo.update(visitId, (doc) => ({
          ...doc,
          closedAt: new Date().toISOString(),
          closedBy: session.name,
        }));
      },
    };
  }, [engine, session]);
}
