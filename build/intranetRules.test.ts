/**
 * The intranet's write rules as the server enforces them (compiled validate_doc_update, core
 * schemas inside): notices by leaders and admins, one unchangeable read receipt per reader and
 * notice, forum posts edited and withdrawn only by their author and moderated only by admins.
 * The role × action matrix of these types is in validateDocUpdate.test.ts; this file covers the
 * field-level rules.
 */
import { describe, expect, it } from 'vitest';
import { ROLES } from '../core/roles';
import { receiptId } from '../core/schemas/receipt';
import { ctx, docOf, loadVdu, outcome } from '../tests/support/vdu';

const notices = loadVdu('courtdesk_notices');
const forum = loadVdu('courtdesk_forum');
const judge = ctx('judge.zhao', ['judge']);
const clerk = ctx('clerk.wang', ['clerk']);
const leader = ctx('leader.qian', ['leader']);
const admin = ctx('it.sun', ['admin']);
const AT = '2026-03-02T08:00:00.000Z';

describe('notices', () => {
  it('are published by leaders and admins only, with a reason for everyone else', () => {
    expect(outcome(notices, docOf('notice', 'leader.qian'), null, leader)).toBe('ok');
    expect(outcome(notices, docOf('notice', 'it.sun'), null, admin)).toBe('ok');
    expect(() => notices(docOf('notice', 'judge.zhao'), null, judge, {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('只有院庭长和系统管理员可以发布通知') }),
    );
  });

  it('accept an audience, a must-read-by date and a pin, and refuse malformed ones', () => {
    const ok = (extra: Record<string, unknown>) =>
      outcome(notices, docOf('notice', 'leader.qian', extra), null, leader);
    expect(
      ok({ audience: { kind: 'roles', roles: ['clerk', 'judge'] }, mustReadBy: '2026-03-10', pinned: true }),
    ).toBe('ok');
    expect(ok({ audience: { kind: 'divisions', divisions: ['min1'] } })).toBe('ok');
    expect(ok({ audience: { kind: 'roles', roles: ['kiosk'] } })).toBe('forbidden');
    expect(ok({ audience: { kind: 'roles', roles: [] } })).toBe('forbidden');
    expect(ok({ audience: { kind: 'everyone', roles: ['clerk'] } })).toBe('forbidden');
    expect(ok({ mustReadBy: '2026-02-30' })).toBe('forbidden');
    expect(ok({ pinned: 'yes' })).toBe('forbidden');
    expect(ok({ attachments: ['file:a', 'file:a'] })).toBe('forbidden');
  });

  it('are changed by their author or an admin, not by another leader', () => {
    const old = { ...docOf('notice', 'leader.qian'), _rev: '1-a' };
    const upd = { ...old, title: '更正：院务通知' };
    expect(outcome(notices, upd, old, leader)).toBe('ok');
    expect(outcome(notices, upd, old, admin)).toBe('ok');
    expect(outcome(notices, upd, old, ctx('leader.li', ['leader']))).toBe('forbidden');
  });
});

describe('notice reminders', () => {
  it('are stamped by the author or an admin only (remindedAt on the notice), with a valid time', () => {
    const old = { ...docOf('notice', 'leader.qian'), _rev: '1-a' };
    const reminded = { ...old, remindedAt: AT };
    expect(outcome(notices, reminded, old, leader)).toBe('ok');
    expect(outcome(notices, reminded, old, admin)).toBe('ok');
    expect(outcome(notices, reminded, old, ctx('leader.li', ['leader']))).toBe('forbidden');
    expect(outcome(notices, reminded, old, clerk)).toBe('forbidden');
    expect(outcome(notices, { ...old, remindedAt: 'soon' }, old, leader)).toBe('forbidden');
  });
});

describe('read receipts', () => {
  const mine = (user: string, extra: Record<string, unknown> = {}) => ({
    ...docOf('receipt', user),
    _id: receiptId('notice:n1', user),
    noticeId: 'notice:n1',
    readAt: AT,
    ...extra,
  });

  it('are written by every staff member for themselves, under the id derived from notice and reader', () => {
    for (const role of ROLES.filter((r) => r !== 'worker' && r !== 'kiosk' && r !== 'reader')) {
      const me = `${role}.me`;
      expect(outcome(notices, mine(me), null, ctx(me, [role])), role).toBe('ok');
    }
    expect(receiptId('notice:n1', 'clerk.wang')).toBe('receipt:notice:n1:clerk.wang');
  });

  it("refuse someone else's receipt, and ids not derived from the notice and reader", () => {
    expect(outcome(notices, { ...mine('clerk.wang') }, null, judge)).toBe('forbidden');
    expect(outcome(notices, mine('judge.zhao', { noticeId: 'notice:n2' }), null, judge)).toBe('forbidden');
    expect(outcome(notices, mine('judge.zhao', { _id: 'receipt:notice:n1:x:judge.zhao' }), null, judge)).toBe(
      'forbidden',
    );
    expect(outcome(notices, mine('judge.zhao', { readAt: 'today' }), null, judge)).toBe('forbidden');
  });

  it('are never changed or deleted, even by the reader (so they never conflict)', () => {
    const old = { ...mine('judge.zhao'), _rev: '1-a' };
    expect(() => notices({ ...old, readAt: '2026-03-03T08:00:00.000Z' }, old, judge, {})).toThrow(
      expect.objectContaining({ forbidden: '阅读回执一经写入不能修改 (a read receipt is never changed)' }),
    );
    expect(outcome(notices, { _id: old['_id'], _rev: '1-a', _deleted: true }, old, judge)).toBe('forbidden');
    expect(outcome(notices, { _id: old['_id'], _rev: '1-a', _deleted: true }, old, admin)).toBe('forbidden');
  });
});

describe('forum posts', () => {
  const thread: Record<string, unknown> = { ...docOf('post', 'judge.zhao'), _rev: '1-a' };
  const reply: Record<string, unknown> = {
    ...docOf('post', 'clerk.wang', { threadId: thread['_id'], title: undefined }),
    _rev: '1-a',
  };
  const hidden = { reason: '含案件当事人个人信息', by: 'it.sun', at: AT };

  it('are edited and withdrawn only by their author', () => {
    const edit = { ...thread, body: '<p>修改后的正文</p>', editedAt: AT };
    expect(outcome(forum, edit, thread, judge)).toBe('ok');
    expect(outcome(forum, { ...thread, withdrawn: true, withdrawnAt: AT }, thread, judge)).toBe('ok');
    expect(outcome(forum, { ...thread, withdrawn: true }, thread, judge)).toBe('forbidden'); // no time
    for (const other of [clerk, leader, admin]) {
      expect(outcome(forum, edit, thread, other)).toBe('forbidden');
      expect(outcome(forum, { ...thread, withdrawn: true, withdrawnAt: AT }, thread, other)).toBe(
        'forbidden',
      );
    }
    expect(() => forum(edit, thread, admin, {})).toThrow(
      expect.objectContaining({ forbidden: '只有作者本人可以修改帖子 (only the author may edit a post)' }),
    );
  });

  it('are hidden with a reason or locked by admins, who change nothing else', () => {
    expect(outcome(forum, { ...reply, hidden }, reply, admin)).toBe('ok');
    expect(outcome(forum, { ...thread, locked: true }, thread, admin)).toBe('ok');
    expect(outcome(forum, { ...reply, hidden: { ...hidden, reason: '' } }, reply, admin)).toBe('forbidden');
    expect(outcome(forum, { ...reply, locked: true }, reply, admin)).toBe('forbidden'); // replies are not locked
    expect(outcome(forum, { ...reply, hidden, body: '<p>管理员改写</p>' }, reply, admin)).toBe('forbidden');
    const unhide = { ...reply, hidden };
    const old = { ...unhide, _rev: '2-b' };
    const { hidden: _dropped, ...shown } = old;
    expect(outcome(forum, shown, old, admin)).toBe('ok');
  });

  it('cannot be hidden, unhidden or locked by their author or other staff', () => {
    for (const who of [judge, leader, clerk]) {
      expect(outcome(forum, { ...thread, locked: true }, thread, who)).toBe('forbidden');
      expect(outcome(forum, { ...reply, hidden }, reply, who)).toBe('forbidden');
    }
    const hiddenOld = { ...reply, hidden, _rev: '2-b' };
    const { hidden: _h, ...unhidden } = hiddenOld;
    expect(() => forum(unhidden, hiddenOld, clerk, {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('只有系统管理员可以隐藏帖子或锁定主题') }),
    );
    // the author may still edit the content of a hidden post, leaving the moderation alone
    expect(outcome(forum, { ...hiddenOld, body: '<p>已删去个人信息</p>' }, hiddenOld, clerk)).toBe('ok');
  });

  it("are deleted only by their author, and never created in someone else's name", () => {
    const tomb = { _id: thread['_id'], _rev: '1-a', _deleted: true };
    expect(outcome(forum, tomb, thread, judge)).toBe('ok');
    for (const other of [clerk, leader, admin]) expect(outcome(forum, tomb, thread, other)).toBe('forbidden');
    expect(outcome(forum, docOf('post', 'judge.zhao'), null, clerk)).toBe('forbidden');
  });

  it('count a changed attachment as content', () => {
    const withFile = {
      ...thread,
      _attachments: {
        'a.pdf': { stub: true, content_type: 'application/pdf', digest: 'md5-a', length: 1, revpos: 1 },
      },
    };
    const swapped = {
      ...withFile,
      locked: true,
      _attachments: { 'a.pdf': { content_type: 'application/pdf', data: 'JVBERi0=' } },
    };
    expect(outcome(forum, swapped, withFile, admin)).toBe('forbidden');
    expect(outcome(forum, { ...withFile, locked: true }, withFile, admin)).toBe('ok');
  });

  it('quote other posts and carry attachments by reference', () => {
    expect(
      outcome(
        forum,
        docOf('post', 'clerk.wang', { quotes: 'post:abc', attachments: ['file:x'] }),
        null,
        clerk,
      ),
    ).toBe('ok');
    expect(outcome(forum, docOf('post', 'clerk.wang', { quotes: 'notice:abc' }), null, clerk)).toBe(
      'forbidden',
    );
  });
});

describe('forum boards', () => {
  it('are kept by admins, with a name and a code id', () => {
    expect(outcome(forum, docOf('board', 'it.sun', { _id: 'board:shenpan' }), null, admin)).toBe('ok');
    expect(outcome(forum, docOf('board', 'it.sun', { _id: 'board:审判' }), null, admin)).toBe('forbidden');
    expect(outcome(forum, docOf('board', 'it.sun', { name: '' }), null, admin)).toBe('forbidden');
    expect(outcome(forum, docOf('board', 'leader.qian'), null, leader)).toBe('forbidden');
  });
});

describe('forum board administration', () => {
  const open = { ...docOf('board', 'it.sun', { _id: 'board:yanjiu', order: 60 }), _rev: '1-a' };
  const closed = { ...open, archived: true, _rev: '2-a' };
  const tombstone = (old: Record<string, unknown>) => ({
    _id: old['_id'],
    _rev: old['_rev'],
    _deleted: true,
  });

  it('admins rename, reorder, close and reopen a board; other staff cannot', () => {
    for (const change of [{ name: '审判调研' }, { order: 1 }, { archived: true }]) {
      expect(outcome(forum, { ...open, ...change }, open, admin)).toBe('ok');
      expect(outcome(forum, { ...open, ...change }, open, leader)).toBe('forbidden');
      expect(outcome(forum, { ...open, ...change }, open, clerk)).toBe('forbidden');
    }
    expect(outcome(forum, { ...closed, archived: false }, closed, admin)).toBe('ok');
    expect(outcome(forum, { ...open, archived: 'yes' }, open, admin)).toBe('forbidden');
  });

  it('a board is deleted by an admin only once it is closed', () => {
    expect(outcome(forum, tombstone(open), open, admin)).toBe('forbidden');
    expect(outcome(forum, tombstone(closed), closed, admin)).toBe('ok');
    expect(outcome(forum, tombstone(closed), closed, judge)).toBe('forbidden');
  });
});
