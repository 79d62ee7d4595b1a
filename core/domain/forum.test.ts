import { describe, expect, it } from 'vitest';
import { quoteExcerpt, STANDARD_BOARDS, threadsOf, type PostLike } from './forum';

const post = (id: string, createdAt: string, extra: Partial<PostLike> = {}): PostLike => ({
  id,
  board: 'board:trial',
  createdAt,
  ...extra,
});

describe('forum threads', () => {
  it('groups replies under their opening in time order, most recently active thread first', () => {
    const posts = [
      post('post:a', '2026-03-01T08:00:00Z'),
      post('post:b', '2026-03-02T08:00:00Z'),
      post('post:r2', '2026-03-04T08:00:00Z', { threadId: 'post:a' }),
      post('post:r1', '2026-03-03T08:00:00Z', { threadId: 'post:a' }),
      post('post:c', '2026-03-05T08:00:00Z', { board: 'board:general' }),
    ];
    const threads = threadsOf(posts, 'board:trial');
    expect(threads.map((t) => t.opening.id)).toEqual(['post:a', 'post:b']);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual(['post:r1', 'post:r2']);
    expect(threads[0]!.lastActivity).toBe('2026-03-04T08:00:00Z');
    expect(threadsOf(posts).map((t) => t.opening.id)).toEqual(['post:c', 'post:a', 'post:b']);
  });

  it('an edit counts as activity; a reply without its opening waits', () => {
    const posts = [
      post('post:a', '2026-03-01T08:00:00Z', { editedAt: '2026-03-09T08:00:00Z' }),
      post('post:b', '2026-03-02T08:00:00Z'),
      post('post:orphan', '2026-03-03T08:00:00Z', { threadId: 'post:missing' }),
    ];
    const threads = threadsOf(posts);
    expect(threads.map((t) => t.opening.id)).toEqual(['post:a', 'post:b']);
    expect(threads.flatMap((t) => t.replies)).toEqual([]);
  });

  it('quotes are one line, cut with an ellipsis', () => {
    expect(quoteExcerpt('第一段\n\n第二段', 80)).toBe('第一段 第二段');
    expect(quoteExcerpt('一二三四五', 3)).toBe('一二三…');
  });

  it('ships the four standard boards with distinct codes', () => {
    expect(STANDARD_BOARDS.map((b) => b.name)).toEqual(['审判业务', '执行工作', '综合事务', '法院文苑']);
    expect(new Set(STANDARD_BOARDS.map((b) => b.code)).size).toBe(4);
  });
});
