/**
 * Forum rules shared by provisioning, the screens and tests (SPEC §4.5): the boards every court
 * starts with, and how posts become threads (opening + replies in time order, last activity).
 */

/** Where a board without an `order` sorts (after the standard ones). */
export const DEFAULT_BOARD_ORDER = 1000;

/** A board as provisioning writes it. */
export interface StandardBoard {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly order: number;
}

/** The boards every installation starts with (admins add or archive boards later). */
export const STANDARD_BOARDS: readonly StandardBoard[] = [
  { code: 'trial', name: '审判业务', description: '审判实务、法律适用与疑难案件交流', order: 10 },
  { code: 'enforcement', name: '执行工作', description: '执行实务、财产查控与执行难题交流', order: 20 },
  { code: 'general', name: '综合事务', description: '行政后勤、院务公开与日常事务', order: 30 },
  { code: 'literature', name: '法院文苑', description: '干警文学作品、心得随笔与文化活动', order: 40 },
];

/** The minimal shape of a post the thread rules read. */
export interface PostLike {
  readonly id: string;
  readonly board: string;
  readonly threadId?: string;
  readonly createdAt: string;
  readonly editedAt?: string;
}

/** A thread: its opening post, replies oldest first, and when it last changed. */
export interface Thread<P extends PostLike> {
  readonly opening: P;
  readonly replies: readonly P[];
  readonly lastActivity: string;
}

function later(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}

/**
 * The threads of `board` (all boards when undefined), most recently active first. Replies whose
 * opening has not arrived yet (sync order) wait until it does.
 */
export function threadsOf<P extends PostLike>(posts: readonly P[], board?: string): Thread<P>[] {
  const replies = new Map<string, P[]>();
  for (const p of posts)
    if (p.threadId !== undefined) {
      const list = replies.get(p.threadId) ?? [];
      list.push(p);
      replies.set(p.threadId, list);
    }
  const out: Thread<P>[] = [];
  for (const p of posts) {
    if (p.threadId !== undefined || (board !== undefined && p.board !== board)) continue;
    const rs = (replies.get(p.id) ?? []).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    let last = later(p.createdAt, p.editedAt);
    for (const r of rs) last = later(later(last, r.createdAt), r.editedAt);
    out.push({ opening: p, replies: rs, lastActivity: last });
  }
  return out.sort((a, b) => (a.lastActivity < b.lastActivity ? 1 : a.lastActivity > b.lastActivity ? -1 : 0));
}

/** The first `max` characters of a quoted post's text, on one line. */
export function quoteExcerpt(body: string, max = 80): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
