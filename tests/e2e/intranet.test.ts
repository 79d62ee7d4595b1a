import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { startAppFixture, type AppFixture, type FixtureUser } from './browser';

/**
 * 通知通报 and 内网论坛 end to end in Chromium against the real server (embedded, or COUCH_URL)
 * and the built renderer: a leader's notice shows an unread badge on a clerk's workstation, the
 * clerk opens it and the leader's "not yet read" list loses them; a thread written offline waits
 * to upload and reaches another workstation after sync; a forged edit of someone else's post is
 * refused by the server (403 with the reason) and the author's copy is untouched; the same post
 * edited on two offline workstations ends in the conflict centre; an admin hides a reply with a
 * reason and locks the thread, and other readers see the reason and no reply box. Screenshots go to docs/screenshots/.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/forum/i18n/forum.zh-CN.json', 'utf8'));
const PASSWORD = `e2e-${randomBytes(6).toString('hex')}`;
const LEADER: FixtureUser = {
  name: 'leader.e2enote',
  password: PASSWORD,
  roles: ['leader'],
  displayName: '钱立新',
};
const CLERK: FixtureUser = {
  name: 'clerk.e2enote',
  password: PASSWORD,
  roles: ['clerk'],
  displayName: '王晓燕',
};
const JUDGE: FixtureUser = {
  name: 'judge.e2enote',
  password: PASSWORD,
  roles: ['judge'],
  displayName: '赵志刚',
};
const ADMIN: FixtureUser = {
  name: 'it.e2enote',
  password: PASSWORD,
  roles: ['admin'],
  displayName: '孙信息',
};
const SHOTS = path.resolve('docs', 'screenshots');
const VIEW = { viewport: { width: 1440, height: 960 } };

let fixture: AppFixture;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function open(user: FixtureUser): Promise<Page> {
  const ctx = await fixture.browser.newContext(VIEW);
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(fixture.host.url);
  await page.getByTestId('signin-form').waitFor();
  await page.getByTestId('signin-username').fill(user.name);
  await page.getByTestId('signin-password').fill(user.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('screen-home').waitFor();
  return page;
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** A document as the server holds it (read as the server admin). */
async function serverDoc(db: string, id: string): Promise<Record<string, unknown> & { _rev: string }> {
  const res = await couchFetch(`${fixture.target.url}/${db}/${encodeURIComponent(id)}`, {
    auth: fixture.target.admin,
  });
  expect(res.status).toBe(200);
  return res.body as Record<string, unknown> & { _rev: string };
}

async function waitForServerDoc(
  db: string,
  id: string,
  ok: (d: Record<string, unknown>) => boolean,
): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await couchFetch(`${fixture.target.url}/${db}/${encodeURIComponent(id)}`, {
      auth: fixture.target.admin,
    });
    if (res.status === 200 && ok(res.body as Record<string, unknown>)) return;
    if (Date.now() > until)
      throw new Error(`${db}/${id} never reached the server as expected (${res.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  fixture = await startAppFixture([LEADER, CLERK, JUDGE, ADMIN]);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await fixture?.stop();
});

describe('通知通报 in Chromium against the real server', () => {
  it("a leader's notice shows as unread on a clerk's workstation; once the clerk reads it the leader's list shrinks", async () => {
    const leader = await open(LEADER);
    const clerk = await open(CLERK);
    await go(leader, '#/notices');
    await leader.getByTestId('notice-publish').click();
    await leader.getByTestId('notice-form-title').fill('关于做好2026年度案件质效评查工作的通知');
    await leader
      .getByTestId('notice-form-body')
      .fill(
        '各庭室：\n\n为提升审判质效，院党组决定于三月开展案件质效评查。\n\n请各庭室于3月10日前完成自查并报送审管办。',
      );
    await leader.getByTestId('notice-form-files').setInputFiles({
      name: '评查要点.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('一、立案审查；二、审限管理；三、文书质量'),
    });
    await leader.getByTestId('notice-form-submit').click();
    await leader.getByTestId('notice-link').first().click();
    await leader.getByTestId('notice-readers').waitFor();
    const unreadClerk = leader.locator(`[data-testid=notice-unread-list] [data-reader="${CLERK.name}"]`);
    const readClerk = leader.locator(`[data-testid=notice-read-list] [data-reader="${CLERK.name}"]`);
    await unreadClerk.waitFor({ timeout: 60_000 }); // the staff directory and the clerk's absence of a receipt
    const unreadBefore = Number(
      await leader.getByTestId('notice-unread-count').locator('.ant-statistic-content-value').innerText(),
    );
    expect(unreadBefore).toBeGreaterThanOrEqual(2); // the clerk and the judge

    // The clerk's workstation: the badge in the navigation and on the workbench tile.
    const navBadge = clerk.getByTestId('nav-notices-unread');
    await navBadge.waitFor({ timeout: 60_000 });
    expect(await navBadge.getAttribute('data-count')).toBe('1');
    // The workbench tile of 通知通报 (not among a clerk's primary modules: under 全部模块).
    const tile = clerk.getByTestId('home-module-notices-unread');
    await tile.waitFor();
    expect(await tile.getAttribute('data-count')).toBe('1');
    await go(clerk, '#/notices');
    await clerk.getByTestId('notice-unread').first().waitFor();
    await clerk.screenshot({ path: path.join(SHOTS, 'intranet-notices-list.png'), animations: 'disabled' });
    // Read offline: the notice is in the local replica; the receipt waits there until online.
    await clerk.context().setOffline(true);
    await clerk.getByTestId('notice-link').first().click();
    await clerk.getByTestId('notice-body').waitFor();
    expect(await clerk.getByTestId('notice-body').innerText()).toContain('案件质效评查');
    await clerk
      .locator('[data-testid=attachment-row]', { hasText: '评查要点.txt' })
      .waitFor({ timeout: 60_000 });
    await clerk.getByTestId('notice-receipt-saved').waitFor({ timeout: 15_000 });
    await navBadge.waitFor({ state: 'detached' });
    await new Promise((r) => setTimeout(r, 3000));
    expect(await leader.locator(`[data-testid=notice-read-list] [data-reader="${CLERK.name}"]`).count()).toBe(
      0,
    );
    await clerk.context().setOffline(false);

    // The leader's list: the clerk moved from "not yet read" to "read".
    await readClerk.waitFor({ timeout: 60_000 });
    expect(await unreadClerk.count()).toBe(0);
    const unreadAfter = Number(
      await leader.getByTestId('notice-unread-count').locator('.ant-statistic-content-value').innerText(),
    );
    expect(unreadAfter).toBe(unreadBefore - 1);
    await leader.screenshot({
      path: path.join(SHOTS, 'intranet-notice-readers.png'),
      animations: 'disabled',
      fullPage: true,
    });
  });
});

let threadId = '';

describe('内网论坛 in Chromium against the real server', () => {
  it('a thread written offline waits to upload, then appears on another workstation', async () => {
    const clerk = await open(CLERK);
    const judge = await open(JUDGE);
    await go(clerk, '#/forum');
    await clerk.getByTestId('board-tab-board:trial').waitFor({ timeout: 60_000 });
    await clerk.context().setOffline(true);
    await clerk.getByTestId('thread-new').click();
    await clerk.getByTestId('post-form-title').fill('民间借贷案件利率上限的适用问题');
    await clerk
      .getByTestId('post-form-body')
      .fill('近期受理的几起民间借贷案件中，约定利率超过一年期贷款市场报价利率四倍，请教各位如何把握。');
    await clerk.getByTestId('post-form-files').setInputFiles({
      name: '利率计算表.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('本金 100000 元，年利率 14.8%'),
    });
    await clerk.getByTestId('post-form-submit').click();
    await clerk.getByTestId('thread-title').waitFor();
    threadId = new URLSearchParams(new URL(clerk.url()).hash.split('?')[1]).get('thread') ?? '';
    expect(threadId).toMatch(/^post:/);
    await clerk.getByTestId('post-pending').waitFor({ timeout: 30_000 });
    expect(await clerk.getByTestId('attachment-row').getAttribute('data-state')).toBe('pendingUpload');
    expect(
      (
        await couchFetch(`${fixture.target.url}/courtdesk_forum/${encodeURIComponent(threadId)}`, {
          auth: fixture.target.admin,
        })
      ).status,
    ).toBe(404);

    await clerk.context().setOffline(false);
    await clerk.getByTestId('post-pending').waitFor({ state: 'detached', timeout: 60_000 });
    await go(judge, '#/forum');
    await judge
      .locator('[data-testid=thread-link]', { hasText: '民间借贷案件利率上限' })
      .click({ timeout: 60_000 });
    const file = judge.getByTestId('attachment-row');
    await judge.locator('[data-testid=attachment-row][data-state=local]').waitFor({ timeout: 60_000 });
    expect(await file.innerText()).toContain('利率计算表.txt');
    await judge.getByTestId('post-quote-button').first().click();
    await judge
      .getByTestId('reply-body')
      .fill('可参照《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条。');
    await judge.getByTestId('reply-send').click();
    await judge.getByTestId('post-quote').waitFor();
    await clerk.locator('[data-testid=post-card]').nth(1).waitFor({ timeout: 60_000 });
    expect(await clerk.locator('[data-testid=post-card]').nth(1).innerText()).toContain('第二十五条');
    await clerk.screenshot({
      path: path.join(SHOTS, 'intranet-forum-thread.png'),
      animations: 'disabled',
      fullPage: true,
    });
  });

  it("refuses a forged edit of someone else's post (403 with the reason); the author's copy is untouched", async () => {
    expect(threadId).not.toBe('');
    const before = await serverDoc('courtdesk_forum', threadId);
    const judge = await open(JUDGE);
    const res = await judge.evaluate(
      async ({ id, doc }) => {
        const r = await fetch(`couch/courtdesk_forum/${encodeURIComponent(id)}`, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...doc, body: '此帖已被他人篡改', editedAt: new Date().toISOString() }),
        });
        return { status: r.status, body: (await r.json()) as { error?: string; reason?: string } };
      },
      { id: threadId, doc: before },
    );
    expect(res.status).toBe(403);
    expect(res.body.reason).toContain('只有作者本人可以修改帖子');
    const after = await serverDoc('courtdesk_forum', threadId);
    expect(after._rev).toBe(before._rev);
    expect(after['body']).toBe(before['body']);
    // The author's workstation still shows their own words.
    const clerk = await open(CLERK);
    await go(clerk, `#/forum?thread=${encodeURIComponent(threadId)}`);
    const body = clerk.getByTestId('post-body').first();
    await body.waitFor({ timeout: 60_000 });
    expect(await body.innerText()).toContain('约定利率超过一年期贷款市场报价利率四倍');
    expect(await body.innerText()).not.toContain('篡改');
  });

  it('a post edited on two offline workstations of its author ends in the conflict centre', async () => {
    const a = await open(CLERK);
    const b = await open(CLERK);
    for (const p of [a, b]) {
      await go(p, `#/forum?thread=${encodeURIComponent(threadId)}`);
      await p.getByTestId('post-edit').first().waitFor({ timeout: 60_000 });
    }
    const edit = async (p: Page, text: string) => {
      await p.getByTestId('post-edit').first().click();
      await p.getByTestId('post-form-body').fill(text);
      await p.getByTestId('post-form-submit').click();
      await p.locator('[data-testid=post-body]', { hasText: text }).waitFor();
    };
    for (const p of [a, b]) await p.context().setOffline(true);
    await edit(a, '修改一：补充了案件编号。');
    await edit(b, '修改二：删去了当事人姓名。');
    for (const p of [a, b]) await p.context().setOffline(false);
    await waitForServerDoc('courtdesk_forum', threadId, (d) => String(d['body']).startsWith('修改'));
    await go(a, '#/conflicts');
    await a.getByTestId(`conflict-open-${threadId}`).waitFor({ timeout: 90_000 });
    expect(await a.getByTestId('conflicts-list').innerText()).toBeTruthy();
    await go(a, `#/forum?thread=${encodeURIComponent(threadId)}`);
    await a.getByTestId('post-conflict').waitFor({ timeout: 30_000 });
    expect(await a.getByTestId('post-conflict').innerText()).toBe(zh.tags.conflict);
    expect(pageErrors).toEqual([]);
  });

  it('an admin hides a reply with a reason and locks the thread; other readers see the reason and cannot reply', async () => {
    const admin = await open(ADMIN);
    await go(admin, `#/forum?thread=${encodeURIComponent(threadId)}`);
    const reply = admin.locator('[data-testid=post-card]').nth(1);
    await reply.getByTestId('post-hide').click({ timeout: 60_000 });
    await admin.getByTestId('hide-reason').fill('引用条文有误，待核实后重新发布');
    await admin.getByTestId('hide-submit').click();
    await admin.locator('[data-testid=post-card]').first().getByTestId('post-lock').click();
    const replyId = await reply.getAttribute('data-post');
    expect(replyId).toMatch(/^post:/);
    await waitForServerDoc('courtdesk_forum', replyId ?? '', (d) => {
      const h = d['hidden'] as { reason?: string; by?: string } | undefined;
      return h?.reason === '引用条文有误，待核实后重新发布' && h.by === ADMIN.name;
    });
    await waitForServerDoc('courtdesk_forum', threadId, (d) => d['locked'] === true);

    const clerk = await open(CLERK);
    await go(clerk, `#/forum?thread=${encodeURIComponent(threadId)}`);
    await clerk.getByTestId('thread-locked').waitFor({ timeout: 60_000 });
    await clerk.getByTestId('post-hidden-text').waitFor({ timeout: 60_000 });
    expect(await clerk.getByTestId('post-hidden-text').innerText()).toContain('引用条文有误');
    expect(await clerk.locator('[data-testid=post-card]').nth(1).innerText()).not.toContain('第二十五条');
    expect(await clerk.getByTestId('reply-body').count()).toBe(0);
    await clerk.screenshot({
      path: path.join(SHOTS, 'intranet-forum-moderated.png'),
      animations: 'disabled',
      fullPage: true,
    });
    expect(pageErrors).toEqual([]);
  });
});

/** A forged write through the app's own CouchDB proxy, with the page's session cookie. */
async function forgedPut(
  page: Page,
  doc: Record<string, unknown>,
  db = 'courtdesk_forum',
): Promise<{ status: number; reason?: string }> {
  return page.evaluate(
    async ({ d, dbName }) => {
      const r = await fetch(`couch/${dbName}/${encodeURIComponent(String(d['_id']))}`, {
        method: 'PUT',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(d),
      });
      return { status: r.status, reason: ((await r.json()) as { reason?: string }).reason };
    },
    { d: doc, dbName: db },
  );
}

describe('论坛版块管理 and files added to an existing post or notice', () => {
  it('an admin creates a board and closes it; a clerk sees it closed and cannot post, and a forged post is refused', async () => {
    const admin = await open(ADMIN);
    const clerk = await open(CLERK);
    await go(admin, '#/forum');
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
    await waitForServerDoc(
      'courtdesk_forum',
      boardId,
      (d) => d['name'] === '审判调研园地' && d['order'] === 45,
    );

    // The clerk opens a thread in the new board while it is open.
    await go(clerk, `#/forum?board=${encodeURIComponent(boardId)}`);
    await clerk.getByTestId('thread-new').click({ timeout: 60_000 });
    await clerk.getByTestId('post-form-title').fill('关于诉源治理的调研提纲');
    await clerk.getByTestId('post-form-body').fill('拟从立案前调解、委派调解两方面展开，欢迎补充。');
    await clerk.getByTestId('post-form-submit').click();
    await clerk.getByTestId('thread-title').waitFor();
    const openThread = new URLSearchParams(new URL(clerk.url()).hash.split('?')[1]).get('thread') ?? '';
    await waitForServerDoc('courtdesk_forum', openThread, (d) => d['board'] === boardId);

    // The admin closes it; the board holds a thread, so it cannot be deleted.
    const row = admin.getByTestId(`board-admin-row-${boardId}`);
    await row.getByTestId('board-close').click();
    await admin.getByTestId('board-close-confirm').click();
    await row.getByTestId('board-reopen').waitFor();
    expect(await row.getByTestId('board-delete').isDisabled()).toBe(true);
    await admin.screenshot({ path: path.join(SHOTS, 'intranet-forum-boards.png'), animations: 'disabled' });
    await waitForServerDoc('courtdesk_forum', boardId, (d) => d['archived'] === true);
    await waitForServerDoc('courtdesk_forum', '_design/courtdesk_boards', (d) =>
      new RegExp(`var CLOSED = \\{[^}]*"${boardId}"`).test(String(d['validate_doc_update'])),
    );

    // The clerk: readable, marked closed, no new thread, no reply box.
    await go(clerk, `#/forum?board=${encodeURIComponent(boardId)}`);
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
    const opening = await serverDoc('courtdesk_forum', openThread);
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
      const res = await forgedPut(clerk, doc);
      expect(res.status).toBe(403);
      expect(res.reason).toContain('该版块已关闭，不能发新帖或回复');
      const stored = await couchFetch(
        `${fixture.target.url}/courtdesk_forum/${encodeURIComponent(doc._id)}`,
        {
          auth: fixture.target.admin,
        },
      );
      expect(stored.status).toBe(404);
    }
    // Staff cannot close, rename or create boards either.
    const board = await serverDoc('courtdesk_forum', boardId);
    expect((await forgedPut(clerk, { ...board, archived: false })).status).toBe(403);
    expect((await forgedPut(clerk, { ...board, _id: 'board:forged', _rev: undefined })).status).toBe(403);
    expect(pageErrors).toEqual([]);
  });

  it('the author adds a file to an existing post offline; once synced another workstation downloads it; removing it reaches everyone', async () => {
    const clerk = await open(CLERK);
    const judge = await open(JUDGE);
    await go(clerk, '#/forum?board=board:general');
    await clerk.getByTestId('thread-new').click({ timeout: 60_000 });
    await clerk.getByTestId('post-form-title').fill('机关食堂就餐时间调整');
    await clerk.getByTestId('post-form-body').fill('自下周一起，午餐时间调整为11:40至13:00。');
    await clerk.getByTestId('post-form-submit').click();
    await clerk.getByTestId('thread-title').waitFor();
    const postId = new URLSearchParams(new URL(clerk.url()).hash.split('?')[1]).get('thread') ?? '';
    await waitForServerDoc('courtdesk_forum', postId, () => true);

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
    expect((await serverDoc('courtdesk_forum', postId))['attachments']).toBeUndefined();
    await clerk.context().setOffline(false);
    await waitForServerDoc(
      'courtdesk_forum',
      postId,
      (d) => Array.isArray(d['attachments']) && d['attachments'].length === 1,
    );
    const fileId = ((await serverDoc('courtdesk_forum', postId))['attachments'] as string[])[0] ?? '';
    await waitForServerDoc('courtdesk_forum', fileId, (d) => d['ownerId'] === postId);

    // Another workstation gets the file and downloads it byte for byte.
    await go(judge, `#/forum?thread=${encodeURIComponent(postId)}`);
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
    const post = await serverDoc('courtdesk_forum', postId);
    const forged = await forgedPut(judge, { ...post, attachments: [] });
    expect(forged.status).toBe(403);
    expect(forged.reason).toContain('只有作者本人可以修改帖子');
    await clerk.getByTestId('post-edit').first().click();
    await clerk.getByTestId('kept-file-remove').click();
    await clerk.getByTestId('post-form-submit').click();
    await waitForServerDoc('courtdesk_forum', postId, (d) => d['attachments'] === undefined);
    await expect
      .poll(
        async () =>
          (
            await couchFetch(`${fixture.target.url}/courtdesk_forum/${encodeURIComponent(fileId)}`, {
              auth: fixture.target.admin,
            })
          ).status,
        { timeout: 30_000 },
      )
      .toBe(404);
    await judge.locator('[data-testid=attachment-row]').waitFor({ state: 'detached', timeout: 60_000 });
    expect(pageErrors).toEqual([]);
  });

  it("the notice's author replaces its file; the clerk sees the new one; a forged change by the clerk is refused", async () => {
    const leader = await open(LEADER);
    const clerk = await open(CLERK);
    await go(leader, '#/notices');
    await leader.locator('[data-testid=notice-link]', { hasText: '案件质效评查' }).click({ timeout: 60_000 });
    const noticeId = (await leader.getByTestId('notice-view').getAttribute('data-notice')) ?? '';
    expect(noticeId).toMatch(/^notice:/);
    const before = (await serverDoc('courtdesk_notices', noticeId))['attachments'] as string[];
    expect(before).toHaveLength(1);
    await leader.getByTestId('notice-files-manage').click();
    await leader.getByTestId('kept-file-remove').click();
    await leader.getByTestId('notice-files').setInputFiles({
      name: '评查要点（修订）.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('一、立案审查；二、审限管理；三、文书质量；四、卷宗归档'),
    });
    await leader.getByTestId('notice-files-submit').click();
    await waitForServerDoc('courtdesk_notices', noticeId, (d) => {
      const a = d['attachments'];
      return Array.isArray(a) && a.length === 1 && a[0] !== before[0];
    });
    await go(clerk, `#/notices?notice=${encodeURIComponent(noticeId)}`);
    await clerk
      .locator('[data-testid=attachment-row][data-state=local]', { hasText: '评查要点（修订）.txt' })
      .waitFor({ timeout: 90_000 });
    expect(await clerk.getByTestId('attachment-row').count()).toBe(1);
    expect(await clerk.getByTestId('notice-files-manage').count()).toBe(0);
    const notice = await serverDoc('courtdesk_notices', noticeId);
    const forged = await forgedPut(clerk, { ...notice, attachments: before }, 'courtdesk_notices');
    expect(forged.status).toBe(403);
    expect(forged.reason).toContain('只有作者本人、系统管理员可以修改通知通报');
    expect((await serverDoc('courtdesk_notices', noticeId))._rev).toBe(notice._rev);
    expect(pageErrors).toEqual([]);
  });
});
