/**
 * React bindings of co-drafting (drafts/): the open session of a draft with its case team kept
 * current, the drafts of a case, and a draft's metadata. Screens use these, never PouchDB.
 */
import { useEffect, useState } from 'react';
import { remoteDbName } from './localDb';
import { useLiveQuery, useSyncEngine } from './hooks';
import { openDraftSession, type DraftSession } from './drafts/draftSession';
import { loadDraftTeam, trustOf } from './drafts/team';
import { serverCheck } from './drafts/serverCheck';
import { liveQuery } from './liveQuery';

/** A draft's metadata as screens show it. */
export interface DraftInfo {
  readonly id: string;
  readonly caseId: string;
  readonly kind: string;
  readonly title: string;
  readonly templateId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  /** Legacy content of a version-1 draft (HTML), read into the document on first open. */
  readonly legacyBody: string | null;
}

function infoOf(d: Record<string, unknown>): DraftInfo {
  return {
    id: String(d['_id']),
    caseId: String(d['caseId'] ?? ''),
    kind: String(d['kind'] ?? 'other'),
    title: String(d['title'] ?? ''),
    templateId: typeof d['templateId'] === 'string' ? d['templateId'] : null,
    createdBy: String(d['createdBy'] ?? ''),
    createdAt: String(d['createdAt'] ?? ''),
    legacyBody: typeof d['body'] === 'string' ? d['body'] : null,
  };
}

/** Every draft in the replica (optionally of one case), newest first, live. */
export function useDrafts(caseId?: string): readonly DraftInfo[] | undefined {
  return useLiveQuery(
    'documents',
    async (db) => {
      const res = await db.allDocs({ startkey: 'draft:', endkey: 'draft:\ufff0', include_docs: true });
      return res.rows
        .flatMap((r) => (r.doc ? [infoOf(r.doc as Record<string, unknown>)] : []))
        .filter((d) => caseId === undefined || d.caseId === caseId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    [caseId],
  );
}

/** One draft's metadata, live (null when it is not in the replica). */
export function useDraftInfo(draftId: string): DraftInfo | null | undefined {
  return useLiveQuery(
    'documents',
    (db) =>
      db.get(draftId).then(
        (d) => infoOf(d as Record<string, unknown>),
        () => null,
      ),
    [draftId],
  );
}

/** The open editing session of a draft, or null while opening; closed (and saved) on unmount. */
export function useDraftSession(
  draft: DraftInfo | null | undefined,
  user: string | null,
): { readonly session: DraftSession | null; readonly error: Error | null } {
  const engine = useSyncEngine();
  const [state, setState] = useState<{ session: DraftSession | null; error: Error | null }>({
    session: null,
    error: null,
  });
  const draftId = draft?.id ?? null;
  const caseId = draft?.caseId ?? null;
  const author = draft?.createdBy ?? null;
  useEffect(() => {
    if (!engine || !draftId || !caseId || !author || !user) return undefined;
    let active = true;
    let opened: DraftSession | null = null;
    const cases = engine.local('cases');
    const teamSub = liveQuery(cases, (db) => loadDraftTeam(db, caseId, author), 200).subscribe((team) => {
      void opened?.setTrust(trustOf(team));
    });
    void (async () => {
      const team = await loadDraftTeam(cases, caseId, author);
      const session = await openDraftSession({
        db: engine.local('documents'),
        user,
        draftId,
        trust: trustOf(team),
        serverHas: serverCheck(`${window.location.origin}/couch`, remoteDbName('documents')),
      });
      if (!active) return session.close();
      opened = session;
      setState({ session, error: null });
    })().catch((err: unknown) => active && setState({ session: null, error: err as Error }));
    return () => {
      active = false;
      teamSub.unsubscribe();
      void opened?.close();
      setState({ session: null, error: null });
    };
  }, [engine, draftId, caseId, author, user]);
  return state;
}
