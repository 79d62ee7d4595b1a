/**
 * The signed-in user as the archive screens need them: the local documents replica, a repository
 * writing as them, and what they may do — the server's rules (courtdesk_documents
 * validate_doc_update), shown in the UI: clerks, judges, assistants and admins file papers; the
 * creator or an admin changes a catalogue.
 */
import { useMemo } from 'react';
import { useAuth } from '../../../app/auth/AuthContext';
import { useSyncEngine } from '../../../db/hooks';
import type { LocalDb } from '../../../db/localDb';
import type { SyncEngine } from '../../../db/replication';
import { createRepository, type Repository } from '../../../db/repository';

/** Roles that file papers and volumes. */
export const ARCHIVE_WRITERS: readonly string[] = ['clerk', 'judge', 'assistant', 'admin'];

/** What the archive screens use; null while signed out or starting. */
export interface ArchiveSession {
  readonly user: string;
  readonly roles: readonly string[];
  readonly engine: SyncEngine;
  readonly db: LocalDb;
  readonly repo: Repository;
  readonly canFile: boolean;
  /** Whether the user may change this entry's catalogue. */
  canEdit(createdBy: string): boolean;
}

/** The archive session of the signed-in user. */
export function useArchiveSession(): ArchiveSession | null {
  const { state } = useAuth();
  const engine = useSyncEngine();
  const session = state.status === 'signedIn' ? state.session : null;
  return useMemo(() => {
    if (!session || !engine || !engine.status().databases.some((d) => d.key === 'documents')) return null;
    const db = engine.local('documents');
    const roles = session.roles;
    return {
      user: session.name,
      roles,
      engine,
      db,
      repo: createRepository(db, { user: session.name }),
      canFile: roles.some((r) => ARCHIVE_WRITERS.includes(r)),
      canEdit: (createdBy: string) => createdBy === session.name || roles.includes('admin'),
    };
  }, [session, engine]);
}
