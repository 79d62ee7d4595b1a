import { describe, expect, it } from 'vitest';
import { memoryDb } from '../../../tests/support/renderer/memory';
import { receiptId } from '../../../core/schemas/receipt';
import {
  createBoard,
  createPost,
  createPostWithFiles,
  deleteBoard,
  editPost,
  ForumRuleError,
  postInfoOf,
  setBoardClosed,
  setHidden,
  setLocked,
  updateBoard,
  withdrawPost,
} from './forumHooks';
import {
  noticeInfoOf,
  publishNotice,
  remindNotice,
  setNoticeAttachments,
  sortNotices,
  writeReceipt,
} from './noticeHooks';
import { attachAll, changeOwnedFiles } from './ownedFiles';
import { createRepository } from './repository';
import type { LocalDb } from './localDb';

const NOW = new Date('2026-03-02T08:00:00.000Z');

describe('notice writes', () => {
  it('publish a valid notice with audience, read-by date, pin and files', async () => {
    const db = memoryDb() as unknown as LocalDb;
    const repo = createRepository(db, { user: 'leader.qian', now: () => NOW });
    const files = await attachAll(db, 'notice:n1', [new File(['要点'], '要点.txt', { type: 'text/plain' })], {
      user: 'leader.qian',
    });
    const id = await publishNotice(
      repo,
      {
        title: ' 院务通知 ',
        body: '第一段\n\n第二段',
        priority: 'important',
        audience: { kind: 'roles', roles: ['clerk'] },
        mustReadBy: '2026-03-10',
        pinned: true,
        uuid: 'n1',
        attachments: files,
      },
      NOW,
    );
    expect(id).toBe('notice:n1');
    const info = noticeInfoOf((await db.get(id)) as Record<string, unknown>);
    expect(info).toMatchObject({
      title: '院务通知',
      priority: 'important',
      pinned: true,
      mustReadBy: '2026-03-10',
    });
    expect(info.attachments).toEqual(files);
    expect(((await db.get(files[0]!)) as Record<string, unknown>)['ownerId']).toBe('notice:n1');
    await remindNotice(repo, id, new Date('2026-03-05T08:00:00.000Z'));
    expect(noticeInfoOf((await db.get(id)) as Record<string, unknown>).remindedAt).toBe(
      '2026-03-05T08:00:00.000Z',
    );
  });

  it('write one receipt per reader under the derived id, and keep an existing one', async () => {
    const db = memoryDb() as unknown as LocalDb;
    const repo = createRepository(db, { user: 'clerk.wang', now: () => NOW });
    expect(await writeReceipt(db, repo, 'notice:n1', 'clerk.wang', NOW)).toBe(true);
    const first = (await db.get(receiptId('notice:n1', 'clerk.wang'))) as Record<string, unknown>;
    expect(first).toMatchObject({
      type: 'receipt',
      noticeId: 'notice:n1',
      readAt: NOW.toISOString(),
      createdBy: 'clerk.wang',
    });
    expect(await writeReceipt(db, repo, 'notice:n1', 'clerk.wang', new Date())).toBe(false);
    expect(((await db.get(first['_id'] as string)) as Record<string, unknown>)['_rev']).toBe(first['_rev']);
  });

  it('sort pinned notices first, then newest first', () => {
    const n = (id: string, publishedAt: string, pinned = false) =>
      noticeInfoOf({ _id: id, publishedAt, ...(pinned ? { pinned: true } : {}) });
    const sorted = sortNotices([n('a', '2026-03-01'), n('b', '2026-03-03'), n('c', '2026-02-01', true)]);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('post writes', () => {
  it('create a thread and a quoting reply, edit, withdraw, hide with a reason and lock — each a valid document', async () => {
    const db = memoryDb() as unknown as LocalDb;
    const author = createRepository(db, { user: 'clerk.wang', now: () => NOW });
    const admin = createRepository(db, { user: 'it.sun', now: () => NOW });
    const thread = await createPost(author, { board: 'board:trial', title: ' 请教 ', body: '正文' });
    const reply = await createPost(author, {
      board: 'board:trial',
      threadId: thread,
      title: '',
      body: '回复',
      quotes: thread,
    });
    const replyDoc = (await db.get(reply)) as Record<string, unknown>;
    expect(replyDoc['title']).toBeUndefined();
    expect(postInfoOf(replyDoc)).toMatchObject({ threadId: thread, quotes: thread, attachments: [] });
    await editPost(author, thread, { title: '请教（已更新）', body: '新正文' }, NOW);
    expect(postInfoOf((await db.get(thread)) as Record<string, unknown>)).toMatchObject({
      title: '请教（已更新）',
      body: '新正文',
      editedAt: NOW.toISOString(),
    });
    await setHidden(admin, reply, 'it.sun', ' 含当事人信息 ', NOW);
    expect(postInfoOf((await db.get(reply)) as Record<string, unknown>).hidden).toEqual({
      reason: '含当事人信息',
      by: 'it.sun',
      at: NOW.toISOString(),
    });
    await setHidden(admin, reply, 'it.sun', null);
    expect(postInfoOf((await db.get(reply)) as Record<string, unknown>).hidden).toBeUndefined();
    await setLocked(admin, thread, true);
    expect(postInfoOf((await db.get(thread)) as Record<string, unknown>).locked).toBe(true);
    await setLocked(admin, thread, false);
    expect(((await db.get(thread)) as Record<string, unknown>)['locked']).toBeUndefined();
    await withdrawPost(author, reply, NOW);
    expect(postInfoOf((await db.get(reply)) as Record<string, unknown>).withdrawn).toBe(true);
  });

  it('refuse an invalid post before it is stored (no title on a thread, reply locked)', async () => {
    const db = memoryDb() as unknown as LocalDb;
    const repo = createRepository(db, { user: 'clerk.wang' });
    await expect(createPost(repo, { board: 'board:trial', title: ' ', body: '正文' })).rejects.toThrow(
      /title/,
    );
    const thread = await createPost(repo, { board: 'board:trial', title: '主题', body: '正文' });
    const reply = await createPost(repo, { board: 'board:trial', threadId: thread, title: '', body: '回复' });
    await expect(setLocked(repo, reply, true)).rejects.toThrow(/locked/);
    expect((await db.allDocs()).rows).toHaveLength(2);
  });
});

describe('board administration writes', () => {
  it('create, rename, reorder, close and reopen a board; a closed board refuses new posts before any file is stored', async () => {
    const db = memoryDb() as unknown as LocalDb;
    const admin = createRepository(db, { user: 'it.sun', now: () => NOW });
    const clerk = createRepository(db, { user: 'clerk.wang', now: () => NOW });
    const id = await createBoard(admin, { name: ' 审判调研 ', description: '', order: 50 });
    expect(id).toMatch(/^board:[a-z0-9]{12}$/);
    await updateBoard(admin, id, { name: '调研园地', description: '调研文章交流', order: 5 });
    expect(await db.get(id)).toMatchObject({ name: '调研园地', description: '调研文章交流', order: 5 });
    await expect(updateBoard(admin, id, { name: '', description: '', order: 5 })).rejects.toThrow();
    await expect(updateBoard(admin, id, { name: '调研', description: '', order: -1 })).rejects.toThrow();
    await setBoardClosed(admin, id, true);
    expect((await db.get(id)) as Record<string, unknown>).toMatchObject({ archived: true });
    const before = (await db.allDocs()).total_rows;
    const files = [new File(['x'], 'x.txt', { type: 'text/plain' })];
    const draft = { board: id, title: '题目', body: '正文' };
    await expect(createPostWithFiles(db, clerk, 'clerk.wang', draft, files)).rejects.toEqual(
      new ForumRuleError('boardClosed'),
    );
    await expect(createPost(clerk, draft)).rejects.toBeInstanceOf(ForumRuleError);
    expect((await db.allDocs()).total_rows).toBe(before); // no orphan file
    await setBoardClosed(admin, id, false);
    expect((await db.get(id)) as Record<string, unknown>).not.toHaveProperty('archived');
    expect(await createPostWithFiles(db, clerk, 'clerk.wang', draft, files)).toMatch(/^post:/);
  });

  it('delete only a closed board without posts', async () => {
    const db = memoryDb() as unknown as LocalDb;
    const admin = createRepository(db, { user: 'it.sun', now: () => NOW });
    const id = await createBoard(admin, { name: '临时版块', description: '', order: 60 });
    const post = postInfoOf({ _id: 'post:p1', board: id, title: 't', body: 'b' });
    const board = { id, name: '临时版块', description: '', order: 60, closed: false };
    await expect(deleteBoard(admin, board, [])).rejects.toEqual(new ForumRuleError('boardOpen'));
    await expect(deleteBoard(admin, { ...board, closed: true }, [post])).rejects.toEqual(
      new ForumRuleError('boardInUse'),
    );
    await deleteBoard(admin, { ...board, closed: true }, []);
    await expect(db.get(id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('files changed after the first write', () => {
  it("the author adds and removes a post's files in one edit; dropped files of their own are deleted, others' are left alone", async () => {
    const db = memoryDb() as unknown as LocalDb;
    const author = createRepository(db, { user: 'clerk.wang', now: () => NOW });
    const first = await attachAll(db, 'post:p2', [new File(['甲'], '甲.txt')], { user: 'clerk.wang' });
    const planted = await attachAll(db, 'post:p2', [new File(['乙'], '乙.txt')], { user: 'judge.zhao' });
    await createPost(author, {
      board: 'board:general',
      title: '题',
      body: '正文',
      uuid: 'p2',
      attachments: [...first, ...planted],
    });
    const ids = await changeOwnedFiles(
      db,
      'post:p2',
      [...first, ...planted],
      { keep: [], add: [new File(['丙'], '丙.txt', { type: 'text/plain' })] },
      { user: 'clerk.wang' },
      (attachments) => editPost(author, 'post:p2', { body: '更正后的正文', attachments }, NOW),
    );
    const post = postInfoOf((await db.get('post:p2')) as Record<string, unknown>);
    expect(post).toMatchObject({ body: '更正后的正文', editedAt: NOW.toISOString(), attachments: ids });
    expect(ids).toHaveLength(1);
    expect(await db.get(ids[0]!)).toMatchObject({
      ownerId: 'post:p2',
      name: '丙.txt',
      createdBy: 'clerk.wang',
    });
    await expect(db.get(first[0]!)).rejects.toMatchObject({ status: 404 }); // mine: deleted
    expect(await db.get(planted[0]!)).toMatchObject({ createdBy: 'judge.zhao' }); // not mine: left, unlisted
    await editPost(author, 'post:p2', { body: '只改正文' }, NOW);
    expect(postInfoOf((await db.get('post:p2')) as Record<string, unknown>).attachments).toEqual(ids);
    await changeOwnedFiles(db, 'post:p2', ids, { keep: [], add: [] }, { user: 'clerk.wang' }, (attachments) =>
      editPost(author, 'post:p2', { body: '只改正文', attachments }, NOW),
    );
    expect((await db.get('post:p2')) as Record<string, unknown>).not.toHaveProperty('attachments');
  });

  it("a notice's file list is replaced, the new files stored before the notice lists them", async () => {
    const db = memoryDb() as unknown as LocalDb;
    const repo = createRepository(db, { user: 'leader.qian', now: () => NOW });
    const id = await publishNotice(
      repo,
      { title: '通知', body: '正文', priority: 'normal', audience: { kind: 'everyone' }, pinned: false },
      NOW,
    );
    const ids = await changeOwnedFiles(
      db,
      id,
      [],
      { keep: [], add: [new File(['表'], '报名表.txt')] },
      { user: 'leader.qian' },
      (attachments) => setNoticeAttachments(repo, id, attachments),
    );
    expect(noticeInfoOf((await db.get(id)) as Record<string, unknown>).attachments).toEqual(ids);
    expect(await db.get(ids[0]!)).toMatchObject({ ownerId: id });
  });
});
