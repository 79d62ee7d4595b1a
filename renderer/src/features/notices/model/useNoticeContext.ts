/**
 * What the notice screens share: the signed-in user as the audience rule sees them (roles from
 * the session, division from the staff directory), the local `notices` replica with a repository
 * writing as them, and who may publish (leaders and admins: the server's rule, shown in the UI).
 */
import { useMemo } from 'react';
import type { AudienceMember } from '../../../../../core/domain/notices';
import { useAuth } from '../../../app/auth/AuthContext';
import type { Session } from '../../../app/auth/sessionApi';
import type { LocalDb } from '../../../db/localDb';
import { createRepository, type Repository } from '../../../db/repository';
import { useSyncEngine } from '../../../db/hooks';
import { useStaffDirectory } from '../../staff/useStaffDirectory';

/** Roles that publish notices (courtdesk_notices validate_doc_update). */
export const PUBLISHER_ROLES: readonly string[] = ['leader', 'admin'];

/**
 * The signed-in session, or null. Read from the auth context directly: the shell's unread badge
 * uses this module, and the shell must not load the database library before sign-in.
 */
export function useSession(): Session | null {
  const { state } = useAuth();
  return state.status === 'signedIn' ? state.session : null;
}

/** The signed-in reader, or null while signed out. */
export function useMe(): AudienceMember | null {
  const session = useSession();
  const directory = useStaffDirectory();
  return useMemo(() => {
    if (!session) return null;
    const division = directory.entry(session.name)?.division;
    return { name: session.name, roles: session.roles, ...(division ? { division } : {}) };
  }, [session, directory]);
}

/** The local notices replica and a repository writing as the signed-in user; null while starting. */
export function useNoticesRepo(): {
  readonly db: LocalDb;
  readonly repo: Repository;
  readonly user: string;
} | null {
  const engine = useSyncEngine();
  const session = useSession();
  return useMemo(() => {
    if (!engine || !session) return null;
    const db = engine.local('notices');
    return { db, repo: createRepository(db, { user: session.name }), user: session.name };
  }, [engine, session]);
}

/** True when `roles` may publish notices. */
export function canPublish(roles: readonly string[]): boolean {
  return roles.some((r) => PUBLISHER_ROLES.includes(r));
}
