/**
 * What the forum screens share: the local `forum` replica's repository writing as the signed-in
 * user, whether they moderate (admins: the server's rule, shown in the UI), and the marks of
 * posts still waiting to upload or refused by the server.
 */
import { useMemo } from 'react';
import type { LocalDb } from '../../../db/localDb';
import { createRepository, type Repository } from '../../../db/repository';
import { usePendingForumIds, useRejectedForumWrites } from '../../../db/forumHooks';
import { useSyncEngine } from '../../../db/hooks';
import { useSession } from '../../notices/model/useNoticeContext';

/** The forum's write context; null while starting or signed out. */
export interface ForumContext {
  readonly db: LocalDb;
  readonly repo: Repository;
  readonly user: string;
  readonly isAdmin: boolean;
  readonly pending: ReadonlySet<string>;
  readonly rejected: ReadonlyMap<string, string>;
}

/** The forum's write context for the signed-in user. */
export function useForumContext(): ForumContext | null {
  const engine = useSyncEngine();
  const session = useSession();
  const pending = usePendingForumIds();
  const rejected = useRejectedForumWrites();
  const store = useMemo(() => {
    if (!engine || !session) return null;
    const db = engine.local('forum');
    return { db, repo: createRepository(db, { user: session.name }) };
  }, [engine, session]);
  if (!store || !session) return null;
  return { ...store, user: session.name, isAdmin: session.roles.includes('admin'), pending, rejected };
}
