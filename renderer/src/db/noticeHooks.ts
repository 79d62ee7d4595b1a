/**
 * Notices (通知通报) and read receipts in the local `notices` replica: the live list, the signed-in
 * user's receipts, a notice's readers, and the three writes (publish, read receipt, reminder).
 * Screens use these, never PouchDB. A receipt is its own never-changed document under an id
 * derived from notice and reader (core/schemas/receipt.ts), so two workstations of one reader
 * write the same document and nothing conflicts; offline it waits in the replica and syncs later.
 */
import { receiptId } from '../../../core/schemas/receipt';
import type { NoticeAudience } from '../../../core/schemas/notice';
import { attachmentIdsOf } from './forumHooks';
import { useLiveQuery } from './hooks';
import type { LocalDb } from './localDb';
import { attachmentsField } from './ownedFiles';
import type { Repository } from './repository';

/** A notice as the screens show it. */
export interface NoticeInfo {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly priority: 'normal' | 'important' | 'urgent';
  /** The stored audience (absent: everyone). */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly mustReadBy?: string;
  readonly pinned: boolean;
  readonly publishedAt: string;
  readonly createdBy: string;
  readonly remindedAt?: string;
  /** The notice's `file:` ids (files of their own, the file lane). */
  readonly attachments: readonly string[];
}

function str(d: Record<string, unknown>, f: string): string | undefined {
  const v = d[f];
  return typeof v === 'string' ? v : undefined;
}

/** Reads a stored notice tolerantly (documents arrive by sync). */
export function noticeInfoOf(d: Record<string, unknown>): NoticeInfo {
  const p = d['priority'];
  const mustReadBy = str(d, 'mustReadBy');
  const remindedAt = str(d, 'remindedAt');
  return {
    id: String(d['_id']),
    title: str(d, 'title') ?? '',
    body: str(d, 'body') ?? '',
    priority: p === 'important' || p === 'urgent' ? p : 'normal',
    raw: d,
    ...(mustReadBy ? { mustReadBy } : {}),
    pinned: d['pinned'] === true,
    publishedAt: str(d, 'publishedAt') ?? str(d, 'createdAt') ?? '',
    createdBy: str(d, 'createdBy') ?? '',
    ...(remindedAt ? { remindedAt } : {}),
    attachments: attachmentIdsOf(d),
  };
}

/** Pinned first, then newest first. */
export function sortNotices(list: readonly NoticeInfo[]): NoticeInfo[] {
  return [...list].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0),
  );
}

/** Every notice in the replica, pinned first then newest first, live. */
export function useNotices(): readonly NoticeInfo[] | undefined {
  return useLiveQuery(
    'notices',
    async (db) => {
      const res = await db.allDocs({ startkey: 'notice:', endkey: 'notice:\ufff0', include_docs: true });
      return sortNotices(
        res.rows.flatMap((r) => (r.doc ? [noticeInfoOf(r.doc as Record<string, unknown>)] : [])),
      );
    },
    [],
  );
}

/** The ids of the notices `user` has a receipt for (read here or on another workstation), live. */
export function useMyReceipts(user: string | null): ReadonlySet<string> | undefined {
  return useLiveQuery(
    'notices',
    async (db) => {
      if (!user) return new Set<string>();
      const ids = await db.allDocs({ startkey: 'notice:', endkey: 'notice:\ufff0' });
      const keys = ids.rows.map((r) => receiptId(r.id, user));
      const res = await db.allDocs({ keys });
      const read = new Set<string>();
      res.rows.forEach((r, i) => {
        if ('value' in r && r.value && !(r.value as { deleted?: boolean }).deleted) read.add(ids.rows[i]!.id);
      });
      return read as ReadonlySet<string>;
    },
    [user],
  );
}

/** Reader → time read, for one notice, live. */
export function useNoticeReaders(noticeId: string): ReadonlyMap<string, string> | undefined {
  return useLiveQuery(
    'notices',
    async (db) => {
      const prefix = `receipt:${noticeId}:`;
      const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
      const out = new Map<string, string>();
      for (const r of res.rows) {
        const d = r.doc as Record<string, unknown> | undefined;
        if (d && typeof d['createdBy'] === 'string') out.set(d['createdBy'], String(d['readAt'] ?? ''));
      }
      return out as ReadonlyMap<string, string>;
    },
    [noticeId],
  );
}

/** What a leader or admin fills in to publish a notice. */
export interface NoticeDraft {
  readonly title: string;
  readonly body: string;
  readonly priority: NoticeInfo['priority'];
  readonly audience: NoticeAudience;
  readonly mustReadBy?: string;
  readonly pinned: boolean;
  /** The id's uuid, when files were stored for it beforehand (see ownedFiles.ts). */
  readonly uuid?: string;
  readonly attachments?: readonly string[];
}

/** Publishes a notice (validated by the core schema; the server checks the author may). */
export async function publishNotice(repo: Repository, draft: NoticeDraft, now = new Date()): Promise<string> {
  const doc = await repo.create('notice', [draft.uuid ?? crypto.randomUUID()], {
    ...attachmentsField(draft.attachments),
    title: draft.title.trim(),
    body: draft.body,
    priority: draft.priority,
    audience: draft.audience,
    ...(draft.mustReadBy ? { mustReadBy: draft.mustReadBy } : {}),
    ...(draft.pinned ? { pinned: true } : {}),
    publishedAt: now.toISOString(),
  });
  return doc._id;
}

/**
 * Writes `user`'s receipt for `noticeId` once; a receipt already there (written on another
 * workstation and synced) is kept as it is. Returns true when it wrote one now.
 */
export async function writeReceipt(
  db: LocalDb,
  repo: Repository,
  noticeId: string,
  user: string,
  now = new Date(),
): Promise<boolean> {
  const id = receiptId(noticeId, user);
  const existing = await db.get(id).catch(() => null);
  if (existing) return false;
  try {
    await repo.create('receipt', [noticeId, user], { noticeId, readAt: now.toISOString() });
    return true;
  } catch (err) {
    if ((err as { status?: number } | null)?.status === 409) return false;
    throw err;
  }
}

/** Reminds those who have not read a notice yet: stamps `remindedAt` (author or admin only, server-checked). */
export async function remindNotice(repo: Repository, noticeId: string, now = new Date()): Promise<void> {
  await repo.update(noticeId, (d) => ({ ...d, remindedAt: now.toISOString() }));
}

/** The author or an admin changes a notice's file list (server-checked; files stored first, ownedFiles.ts). */
export async function setNoticeAttachments(
  repo: Repository,
  noticeId: string,
  attachments: readonly string[],
): Promise<void> {
  await repo.update(noticeId, (d) => {
    const { attachments: _old, ...rest } = d;
    return { ...rest, ...attachmentsField(attachments) };
  });
}
