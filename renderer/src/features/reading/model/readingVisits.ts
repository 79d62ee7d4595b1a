/**
 * The clerk's side of file reading (docs/file-reading.md): admitting a reader writes a
 * `readingVisit` in the local cases replica (it syncs; the worker then opens the visit's database),
 * closing sets `closedAt`; the worker's `readingLog` says what happened. Everything here reads and
 * writes the local replica only, so the clerk's screen works offline (the reading PC does not).
 */
import { useMemo } from 'react';
import { createRepository, type LocalDb } from '../../../db';
import { useLiveQuery, useSyncEngine } from '../../../db/hooks';
import { useSession } from '../../cases/work/caseWorkHooks';
import { visitRows, type AdmitInput, type VisitRow } from './visitModel';

async function byPrefix(db: LocalDb, prefix: string): Promise<Record<string, unknown>[]> {
  const r = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
  return r.rows.flatMap((row) => (row.doc ? [row.doc as Record<string, unknown>] : []));
}

/** Every visit of the local replica with its log, newest first, live. */
export function useVisitRows(): VisitRow[] | undefined {
  return useLiveQuery(
    'cases',
    async (db) => visitRows(await byPrefix(db, 'readingVisit:'), await byPrefix(db, 'readingLog:')),
    [],
  );
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
