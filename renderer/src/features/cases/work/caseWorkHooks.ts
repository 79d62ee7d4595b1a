/**
 * What the case-work screens share: the signed-in session, the local `cases` replica with its
 * repository (writes validated by the core schemas), today's date in Beijing time, and reading
 * one case's documents from the local replica (live, through the changes feed).
 */
import { useMemo } from 'react';
import { beijingDate } from '../../../../../core/domain/processEvents';
import { useAuth } from '../../../app/auth/AuthContext';
import type { Session } from '../../../app/auth/sessionApi';
import { createRepository, type LocalDb, type Repository } from '../../../db';
import { useLiveQuery, useSyncEngine } from '../../../db/hooks';

/** The signed-in session, or null. */
export function useSession(): Session | null {
  const { state } = useAuth();
  return state.status === 'signedIn' ? state.session : null;
}

/** The local `cases` replica and a repository writing as the signed-in user; null while starting. */
export function useCasesRepo(): {
  readonly db: LocalDb;
  readonly repo: Repository;
  readonly user: string;
} | null {
  const engine = useSyncEngine();
  const session = useSession();
  return useMemo(() => {
    if (!engine || !session) return null;
    const db = engine.local('cases');
    return { db, repo: createRepository(db, { user: session.name }), user: session.name };
  }, [engine, session]);
}

/** Today in the court's time zone (YYYY-MM-DD). */
export function todayInBeijing(now: Date = new Date()): string {
  return beijingDate(now.toISOString());
}

/** Every local document of one case (raw JSON; the fold reads it tolerantly). */
export interface CaseBundle {
  readonly caseDoc: Record<string, unknown> | null;
  readonly caseNumberDoc: Record<string, unknown> | null;
  readonly assignmentDoc: Record<string, unknown> | null;
  readonly events: readonly Record<string, unknown>[];
  readonly approvals: readonly Record<string, unknown>[];
}

async function getOrNull(db: LocalDb, id: string): Promise<Record<string, unknown> | null> {
  try {
    return (await db.get(id)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Reads a case's documents: the case, the worker's number and assignment, events, approvals. */
export async function loadCaseBundle(db: LocalDb, caseId: string): Promise<CaseBundle> {
  const uuid = caseId.slice(caseId.indexOf(':') + 1);
  const [caseDoc, caseNumberDoc, assignmentDoc, events, approvals] = await Promise.all([
    getOrNull(db, caseId),
    getOrNull(db, `caseNumber:${uuid}`),
    getOrNull(db, `assignment:${uuid}`),
    db.allDocs({ startkey: `event:${caseId}:`, endkey: `event:${caseId}:\ufff0`, include_docs: true }),
    // Approvals are few and keyed by their own uuid: read them all, keep this case's.
    db.allDocs({ startkey: 'approval:', endkey: 'approval:\ufff0', include_docs: true }),
  ]);
  const docs = (r: { rows: { doc?: unknown }[] }) =>
    r.rows.flatMap((x) => (x.doc ? [x.doc as Record<string, unknown>] : []));
  return {
    caseDoc,
    caseNumberDoc,
    assignmentDoc,
    events: docs(events),
    approvals: docs(approvals).filter((a) => a['caseId'] === caseId),
  };
}

/** {@link loadCaseBundle}, live: re-read whenever the local `cases` replica changes. */
export function useCaseBundle(caseId: string): CaseBundle | undefined {
  return useLiveQuery('cases', (db) => loadCaseBundle(db, caseId), [caseId]);
}
