import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { intranetUser, startIntranetSession, type IntranetSession } from './intranetSession';

/**
 * Forum board administration and files added to existing posts and notices, end to end in
 * Chromium against the real server (with its worker) and the built renderer (docs/intranet.md):
 * an admin creates a board and closes it, a clerk sees it closed and cannot post, and forged
 * posts with the clerk's session are refused by the server; an author adds a file to an existing
 * post offline, another workstation downloads it, and its removal reaches everyone; a notice's
 * author replaces its file, and a clerk's forged change of the list is refused.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/forum/i18n/forum.zh-CN.json', 'utf8'));
const LEADER = intranetUser('leader.e2eboard', ['leader'], '钱立新');
const CLERK = intranetUser('clerk.e2eboard', ['clerk'], '王晓燕');
const JUDGE = intranetUser('judge.e2eboard', ['judge'], '赵志刚');
const ADMIN = intranetUser('it.e2eboard', ['admin'], '孙信息');
const SHOTS = path.resolve('docs', 'screenshots');

let s: IntranetSession;

beforeAll(async () => {
  s = await startIntranetSession([LEADER, CLERK, JUDGE, ADMIN]);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await s?.stop();
});

describe('论坛版块管理 and files added to an existing post or notice', () => {
  it('an admin creates a board and closes it; a clerk sees it closed and cannot post, and a forged post is refused', async () => {
    const admin = await s.open(ADMIN);
    const clerk = await s.open(CLERK);
    await s.go(admin, '#/forum');
    await admin.getByTestId('board-manage').click({ timeout: 60_000 });
    await admin.getByTestId('board-new').click();
    await admin.getByTestId('board-form-name').fill('审判调研园地');
    await admin.getByTestId('board-form-description').fill('调研课题、司法建议与案例分析');
    await admin.getByTestId('board-form-order').fill('45');
    await admin.getByTestId('board-form-submit').click();
    const tab = admin.locator('[data-testid^="board-tab-board:"]', { hasText: '审判调研园地' });
    await tab.waitFor({ timeout: 30_000 });
    const boardId = ((await tab.getAttribute('data-testid')) ?? '').slice('board-tab-'.length);
    expect(boardId).toMatch(/^board:[a-z0-9]{12}$/);
    await s.waitForServerDoc(
      'courtdesk_forum',
      boardId,
      (d) => d['name'] === '审判调研园地' && d['order'] === 45,
    );

    // The clerk opens a thread in the new board while it is open.
    await s.go(clerk, `#/forum?board=${encodeURIComponent(boardId)}`);
    await clerk.getByTestId('thread-new').click({ timeout: 60_000 });
    await clerk.getByTestId('post-form-title').fill('关于诉源治理的调研提纲');
    await clerk.getByTestId('post-form-body').fill('拟从立案前调解、委派调解两方面展开，欢迎补充。');
    await clerk.getByTestId('post-form-submit').click();
    await clerk.getByTestId('thread-title').waitFor();
    const openThread = new URLSearchParams(new URL(clerk.url()).hash.split('?')[1]).get('thread') ?? '';
    await s.waitForServerDoc('courtdesk_forum', openThread, (d) => d['board'] === boardId);

    // The admin closes it; the board holds a thread, so it cannot be deleted.
    const row = admin.getByTestId(`board-admin-row-${boardId}`);
    await row.getByTestId('board-close').click();
    await admin.getByTestId('board-close-confirm').click();
    await row.getByTestId('board-reopen').waitFor();
    expect(await row.getByTestId('board-delete').isDisabled()).toBe(true);
    await admin.screenshot({ path: path.join(SHOTS, 'intranet-forum-boards.png'), animations: 'disabled' });
    await s.waitForServerDoc('courtdesk_forum', boardId, (d) => d['archived'] === true);
    await s.waitForServerDoc('courtdesk_forum', '_design/courtdesk_boards', (d) =>
      new RegExp(`var CLOSED = \\{[^}]*"${boardId}"`).test(String(d['validate_doc_update'])),
    );

    // The clerk: readable, marked closed, no new thread, no reply box.
    await s.go(clerk, `#/forum?board=${encodeURIComponent(boardId)}`);
    await clerk.getByTestId('board-closed').waitFor({ timeout: 60_000 });
    expect(await clerk.getByTestId(`board-tab-${boardId}`).innerText()).toContain(zh.boards.closedTag);
    expect(await clerk.getByTestId('thread-new').count()).toBe(0);
    await clerk.locator('[data-testid=thread-link]', { hasText: '诉源治理' }).click();
    await clerk.getByTestId('post-body').first().waitFor();
    await clerk.getByTestId('board-closed').waitFor();
    expect(await clerk.getByTestId('reply-body').count()).toBe(0);
    await clerk.screenshot({
      path: path.join(SHOTS, 'intranet-forum-board-closed.png'),
      animations: 'disabled',
    });

    // Forged over HTTP with the clerk's session: a new thread and a reply, both refused.
    const opening = await s.serverDoc('courtdesk_forum', openThread);
    const now = new Date().toISOString();
    const forged = {
      type: 'post',
      schemaVersion: 1,
      createdAt: now,
      createdBy: CLERK.name,
      board: boardId,
      body: '绕过界面直接写入',
    };
    for (const doc of [
      { ...forged, _id: `post:${randomUUID()}`, title: '伪造的新主题' },
      { ...forged, _id: `post:${randomUUID()}`, threadId: opening._id },
    ]) {
      const res = await s.forgedPut(clerk, doc, 'courtdesk_forum');
      expect(res.status).toBe(403);
      expect(res.reason).toContain('该版块已关闭，不能发新帖或回复');
      const stored = await couchFetch(
        `${s.fixture.target.url}/courtdesk_forum/${encodeURIComponent(doc._id)}`,
        {
          auth: s.fixture.target.admin,
        },
      );
      expect(stored.status).toBe(404);
    }
    // Staff cannot close, rename or create boards either.
    const board = await s.serverDoc('courtdesk_forum', boardId);
    expect((await s.forgedPut(clerk, { ...board, archived: false }, 'courtdesk_forum')).status).toBe(403);
    expect(
      (await s.forgedPut(clerk, { ...board, _id: 'board:forged', _rev: undefined }, 'courtdesk_forum'))
        .status,
    ).toBe(403);
    expect(s.pageErrors).toEqual([]);
  });

  it('the author adds a file to an existing post offline; once synced another workstation downloads it; removing it reaches everyone', async () => {
    const clerk = await s.open(CLERK);
    const judge = await s.open(JUDGE);
    await s.go(clerk, '#/forum?board=board:general');
    await clerk.getByTestId('thread-new').click({ timeout: 60_000 });
    await clerk.getByTestId('post-form-title').fill('机关食堂就餐时间调整');
    await clerk.getByTestId('post-form-body').fill('自下周一起，午餐时间调整为11:40至13:00。');
    await clerk.getByTestId('post-form-submit').click();
    await clerk.getByTestId('thread-title').waitFor();
    const postId = new URLSearchParams(new URL(clerk.url()).hash.split('?')[1]).get('thread') ?? '';
    await s.waitForServerDoc('courtdesk_forum', postId, () => true);

    // Offline: the edit with its file waits on this computer.
    const bytes = Buffer.from('周一至周五 11:40-13:00；周六 12:00-13:00');
    await clerk.context().setOffline(true);
    await clerk.getByTestId('post-edit').first().click();
    await clerk.getByTestId('post-form-files').setInputFiles({
      name: '就餐时间表.txt',
      mimeType: 'text/plain',
      buffer: bytes,
    });
    await clerk.getByTestId('post-form-submit').click();
    const row = clerk.locator('[data-testid=attachment-row]', { hasText: '就餐时间表.txt' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-state')).toBe('pendingUpload');
    await clerk.getByTestId('post-pending').waitFor({ timeout: 30_000 });
    expect((await s.serverDoc('courtdesk_forum', postId))['attachments']).toBeUndefined();
    await clerk.context().setOffline(false);
    await s.waitForServerDoc(
      'courtdesk_forum',
      postId,
      (d) => Array.isArray(d['attachments']) && d['attachments'].length === 1,
    );
    const fileId = ((await s.serverDoc('courtdesk_forum', postId))['attachments'] as string[])[0] ?? '';
    await s.waitForServerDoc('courtdesk_forum', fileId, (d) => d['ownerId'] === postId);

    // Another workstation gets the file and downloads it byte for byte.
    await s.go(judge, `#/forum?thread=${encodeURIComponent(postId)}`);
    const judgeRow = judge.locator('[data-testid=attachment-row][data-state=local]', {
      hasText: '就餐时间表.txt',
    });
    await judgeRow.waitFor({ timeout: 90_000 });
    const download = judge.waitForEvent('download');
    await judgeRow.locator('button').last().click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('就餐时间表.txt');
    expect(readFileSync(await file.path()).equals(bytes)).toBe(true);

    // A forged change of the file list by the judge is refused; the author removes the file.
    const post = await s.serverDoc('courtdesk_forum', postId);
    const forged = await s.forgedPut(judge, { ...post, attachments: [] }, 'courtdesk_forum');
    expect(forged.status).toBe(403);
    expect(forged.reason).toContain('只有作者本人可以修改帖子');
    await clerk.getByTestId('post-edit').first().click();
    await clerk.getByTestId('kept-file-remove').click();
    await clerk.getByTestId('post-form-submit').click();
    await s.waitForServerDoc('courtdesk_forum', postId, (d) => d['attachments'] === undefined);
    await expect
      .poll(
        async () =>
          (
            await couchFetch(`${s.fixture.target.url}/courtdesk_forum/${encodeURIComponent(fileId)}`, {
              auth: s.fixture.target.admin,
            })
          ).status,
        { timeout: 30_000 },
      )
      .toBe(404);
    await judge.locator('[data-testid=attachment-row]').waitFor({ state: 'detached', timeout: 60_000 });
    expect(s.pageErrors).toEqual([]);
  });

  it("the notice's author replaces its file; the clerk sees the new one; a forged change by the clerk is refused", async () => {
    const leader = await s.open(LEADER);
    const clerk = await s.open(CLERK);
    await s.go(leader, '#/notices');
    await leader.getByTestId('notice-publish').click({ timeout: 60_000 });
    await leader.getByTestId('notice-form-title').fill('关于开展案件质效评查的通知');
    await leader.getByTestId('notice-form-body').fill('各庭室：请于3月10日前完成自查。');
    await leader.getByTestId('notice-form-files').setInputFiles({
      name: '评查要点.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('一、立案审查；二、审限管理；三、文书质量'),
    });
    await leader.getByTestId('notice-form-submit').click();
    await leader.locator('[data-testid=notice-link]', { hasText: '案件质效评查' }).click({ timeout: 60_000 });
    const noticeId = (await leader.getByTestId('notice-view').getAttribute('data-notice')) ?? '';
    expect(noticeId).toMatch(/^notice:/);
    await s.waitForServerDoc('courtdesk_notices', noticeId, (d) => Array.isArray(d['attachments']));
    const before = (await s.serverDoc('courtdesk_notices', noticeId))['attachments'] as string[];
    expect(before).toHaveLength(1);
    await leader.getByTestId('notice-files-manage').click();
    await leader.getByTestId('kept-file-remove').click();
    await leader.getByTestId('notice-files').setInputFiles({
      name: '评查要点（修订）.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('一、立案审查；二、审限管理；三、文书质量；四、卷宗归档'),
    });
    await leader.getByTestId('notice-files-submit').click();
    await s.waitForServerDoc('courtdesk_notices', noticeId, (d) => {
      const a = d['attachments'];
      return Array.isArray(a) && a.length === 1 && a[0] !== before[0];
    });
    await s.go(clerk, `#/notices?notice=${encodeURIComponent(noticeId)}`);
    await clerk
      .locator('[data-testid=attachment-row][data-state=local]', { hasText: '评查要点（修订）.txt' })
      .waitFor({ timeout: 90_000 });
    expect(await clerk.getByTestId('attachment-row').count()).toBe(1);
    expect(await clerk.getByTestId('notice-files-manage').count()).toBe(0);
    const notice = await s.serverDoc('courtdesk_notices', noticeId);
    const forged = await s.forgedPut(clerk, { ...notice, attachments: before }, 'courtdesk_notices');
    expect(forged.status).toBe(403);
    expect(forged.reason).toContain('只有作者本人、系统管理员可以修改通知通报');
    expect((await s.serverDoc('courtdesk_notices', noticeId))._rev).toBe(notice._rev);
    expect(s.pageErrors).toEqual([]);
  });
});
