/**
 * The forum (内网论坛) in the local `forum` replica: boards, every post (thread openings and
 * replies), which of them still wait to go up, and the writes — new thread, reply (with a quote),
 * edit (files included) and withdraw by the author, hide with a reason and lock by an admin, and
 * an admin's boards (create, rename, reorder, close, delete a closed empty one). The server's
 * validate_doc_update enforces who may do each; a write it refuses shows in the sync status.
 * Screens use these, never PouchDB.
 */
import { useMemo } from 'react';
import { DEFAULT_BOARD_ORDER } from '../../../core/domain/forum';
import { useLiveQuery, useSyncStatus } from './hooks';
import type { LocalDb } from './localDb';
import { attachAll, attachmentsField } from './ownedFiles';
import type { Repository } from './repository';

/** A board as the screens show it. */
export interface BoardInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly order: number;
  /** Closed by an admin (`archived`): readable, but no new threads or replies. */
  readonly closed: boolean;
}

/** A forum rule the local write refuses before the server would (the screens translate `code`). */
export class ForumRuleError extends Error {
  constructor(readonly code: 'boardClosed' | 'boardInUse' | 'boardOpen') {
    super(`forum rule: ${code}`);
    this.name = 'ForumRuleError';
  }
}

/** A post (thread opening or reply) as the screens show it. */
export interface PostInfo {
  readonly id: string;
  readonly rev: string;
  readonly board: string;
  /** The thread a reply belongs to; undefined for a thread opening. */
  readonly threadId?: string;
  readonly title: string;
  readonly body: string;
  readonly quotes?: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly editedAt?: string;
  readonly withdrawn: boolean;
  readonly locked: boolean;
  readonly hidden?: { readonly reason: string; readonly by: string; readonly at: string };
  /** Other leaves of an edit made on two workstations offline (the conflict centre resolves it). */
  readonly conflicted: boolean;
  /** The post's `file:` ids (files of their own, the file lane). */
  readonly attachments: readonly string[];
}

/** The `file:` ids a stored document lists in `attachments`. */
export function attachmentIdsOf(d: Record<string, unknown>): string[] {
  const a = d['attachments'];
  return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
}

function s(d: Record<string, unknown>, f: string): string | undefined {
  const v = d[f];
  return typeof v === 'string' ? v : undefined;
}

/** Reads a stored post tolerantly (documents arrive by sync). */
export function postInfoOf(d: Record<string, unknown>): PostInfo {
  const h = d['hidden'] as Record<string, unknown> | undefined;
  const threadId = s(d, 'threadId');
  const quotes = s(d, 'quotes');
  const editedAt = s(d, 'editedAt');
  return {
    id: String(d['_id']),
    rev: String(d['_rev'] ?? ''),
    board: s(d, 'board') ?? '',
    ...(threadId ? { threadId } : {}),
    title: s(d, 'title') ?? '',
    body: s(d, 'body') ?? '',
    ...(quotes ? { quotes } : {}),
    createdBy: s(d, 'createdBy') ?? '',
    createdAt: s(d, 'createdAt') ?? '',
    ...(editedAt ? { editedAt } : {}),
    withdrawn: d['withdrawn'] === true,
    locked: d['locked'] === true,
    ...(h && typeof h === 'object'
      ? {
          hidden: { reason: String(h['reason'] ?? ''), by: String(h['by'] ?? ''), at: String(h['at'] ?? '') },
        }
      : {}),
    conflicted: Array.isArray(d['_conflicts']) && d['_conflicts'].length > 0,
    attachments: attachmentIdsOf(d),
  };
}

/** The boards, in their order, live. */
export function useBoards(): readonly BoardInfo[] | undefined {
  return useLiveQuery(
    'forum',
    async (db) => {
      const res = await db.allDocs({ startkey: 'board:', endkey: 'board:\ufff0', include_docs: true });
      return res.rows
        .flatMap((r) => {
          const d = r.doc as Record<string, unknown> | undefined;
          if (!d) return [];
          const order = typeof d['order'] === 'number' ? d['order'] : DEFAULT_BOARD_ORDER;
          const closed = d['archived'] === true;
          return [
            { id: r.id, name: s(d, 'name') ?? r.id, description: s(d, 'description') ?? '', order, closed },
          ];
        })
        .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
    },
    [],
  );
}

/** Every post in the replica (with conflict marks), live. */
export function usePosts(): readonly PostInfo[] | undefined {
  return useLiveQuery(
    'forum',
    async (db) => {
      const res = await db.allDocs({
        startkey: 'post:',
        endkey: 'post:\ufff0',
        include_docs: true,
        conflicts: true,
      });
      return res.rows.flatMap((r) => (r.doc ? [postInfoOf(r.doc as Record<string, unknown>)] : []));
    },
    [],
  );
}

/** The ids of forum documents written here and not yet on the server ("waiting to upload"). */
export function usePendingForumIds(): ReadonlySet<string> {
  const status = useSyncStatus();
  const ids = status?.databases.find((d) => d.key === 'forum')?.unpushedIds;
  return useMemo(() => new Set(ids ?? []), [ids]);
}

/** A new thread or reply. */
export interface PostDraft {
  readonly board: string;
  readonly threadId?: string;
  readonly title: string;
  readonly body: string;
  readonly quotes?: string;
  /** The id's uuid, when files were stored for it beforehand (see ownedFiles.ts). */
  readonly uuid?: string;
  readonly attachments?: readonly string[];
}

async function assertBoardOpen(repo: Repository, boardId: string): Promise<void> {
  const board = await repo.get(boardId).catch(() => null);
  if (board?.['archived'] === true) throw new ForumRuleError('boardClosed');
}

/** Writes a new post locally (never waits for the network); returns its id. A closed board refuses it. */
export async function createPost(repo: Repository, draft: PostDraft): Promise<string> {
  await assertBoardOpen(repo, draft.board);
  const title = draft.title.trim();
  const doc = await repo.create('post', [draft.uuid ?? crypto.randomUUID()], {
    ...attachmentsField(draft.attachments),
    board: draft.board,
    ...(draft.threadId ? { threadId: draft.threadId } : {}),
    ...(title || !draft.threadId ? { title } : {}),
    body: draft.body,
    ...(draft.quotes ? { quotes: draft.quotes } : {}),
  });
  return doc._id;
}

/**
 * A new post with the files chosen in its form: the board is checked first (nothing is stored for
 * a closed one), the files go through the file lane (ownedFiles.ts), then the post. Returns its id.
 */
export async function createPostWithFiles(
  db: LocalDb,
  repo: Repository,
  user: string,
  draft: Omit<PostDraft, 'uuid' | 'attachments'>,
  files: readonly File[],
): Promise<string> {
  await assertBoardOpen(repo, draft.board);
  const uuid = crypto.randomUUID();
  const attachments = await attachAll(db, `post:${uuid}`, files, { user });
  return createPost(repo, { ...draft, uuid, attachments });
}

/** The author edits a post's title and body and, when given, its file list (ownedFiles.ts). */
export async function editPost(
  repo: Repository,
  id: string,
  change: { readonly title?: string; readonly body: string; readonly attachments?: readonly string[] },
  now = new Date(),
): Promise<void> {
  await repo.update(id, (d) => {
    const { attachments: listed, ...rest } = d;
    return {
      ...rest,
      ...(change.attachments ? attachmentsField(change.attachments) : listed ? { attachments: listed } : {}),
      ...(change.title !== undefined ? { title: change.title.trim() } : {}),
      body: change.body,
      editedAt: now.toISOString(),
    };
  });
}

/** The author withdraws a post (kept, marked withdrawn; its text is no longer shown). */
export async function withdrawPost(repo: Repository, id: string, now = new Date()): Promise<void> {
  await repo.update(id, (d) => ({ ...d, withdrawn: true, withdrawnAt: now.toISOString() }));
}

/** An admin hides a post with a reason (or shows it again with `reason` null). */
export async function setHidden(
  repo: Repository,
  id: string,
  admin: string,
  reason: string | null,
  now = new Date(),
): Promise<void> {
  await repo.update(id, (d) => {
    const { hidden: _old, ...rest } = d;
    return reason === null
      ? rest
      : { ...rest, hidden: { reason: reason.trim(), by: admin, at: now.toISOString() } };
  });
}

/** An admin locks a thread (no more replies) or unlocks it. */
export async function setLocked(repo: Repository, id: string, locked: boolean): Promise<void> {
  await repo.update(id, (d) => {
    const { locked: _old, ...rest } = d;
    return locked ? { ...rest, locked: true } : rest;
  });
}

/** Forum writes of this computer the server refused, by document id (reason as the server gave it). */
export function useRejectedForumWrites(): ReadonlyMap<string, string> {
  const status = useSyncStatus();
  const rejected = status?.databases.find((d) => d.key === 'forum')?.rejected;
  return useMemo(() => new Map((rejected ?? []).map((r) => [r.id, r.reason])), [rejected]);
}

/** What an admin sets on a board. */
export interface BoardDraft {
  readonly name: string;
  readonly description: string;
  readonly order: number;
}

function boardFields(draft: BoardDraft): Record<string, unknown> {
  const description = draft.description.trim();
  return { name: draft.name.trim(), ...(description ? { description } : {}), order: draft.order };
}

/** An admin creates a board (`board:<generated code>`); returns its id. */
export async function createBoard(repo: Repository, draft: BoardDraft): Promise<string> {
  const code = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  return (await repo.create('board', [code], boardFields(draft)))._id;
}

/** An admin renames, describes or reorders a board. */
export async function updateBoard(repo: Repository, id: string, draft: BoardDraft): Promise<void> {
  await repo.update(id, (d) => {
    const { name: _n, description: _d, order: _o, ...rest } = d;
    return { ...rest, ...boardFields(draft) };
  });
}

/** An admin closes a board (kept readable, no new threads or replies) or opens it again. */
export async function setBoardClosed(repo: Repository, id: string, closed: boolean): Promise<void> {
  await repo.update(id, (d) => {
    const { archived: _old, ...rest } = d;
    return closed ? { ...rest, archived: true } : rest;
  });
}

/** An admin deletes a board: only a closed one without posts (the server checks both again). */
export async function deleteBoard(
  repo: Repository,
  board: BoardInfo,
  posts: readonly PostInfo[],
): Promise<void> {
  if (!board.closed) throw new ForumRuleError('boardOpen');
  if (posts.some((p) => p.board === board.id)) throw new ForumRuleError('boardInUse');
  await repo.remove(board.id);
}
