import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import type { AppFixture, FixtureUser } from './browser';
import { intranetUser, startIntranetSession, type IntranetSession } from './intranetSession';

/**
 * 通知通报 and 内网论坛 end to end in Chromium against the real server (embedded, or COUCH_URL)
 * and the built renderer: a leader's notice shows an unread badge on a clerk's workstation, the
 * clerk opens it and the leader's "not yet read" list loses them; a thread written offline waits
 * to upload and reaches another workstation after sync; a forged edit of someone else's post is
 * refused by the server (403 with the reason) and the author's copy is untouched; the same post
 * edited on two offline workstations ends in the conflict centre; an admin hides a reply with a
 * reason and locks the thread, and other readers see the reason and no reply box. Screenshots go
 * to docs/screenshots/. Board administration and files added later: intranetAdmin.test.ts.
 */
const zh = JSON.parse(readFileSync('renderer/src/features/forum/i18n/forum.zh-CN.json', 'utf8'));
const LEADER = intranetUser('leader.e2enote', ['leader'], '钱立新');
const CLERK = intranetUser('clerk.e2enote', ['clerk'], '王晓燕');
const JUDGE = intranetUser('judge.e2enote', ['judge'], '赵志刚');
const ADMIN = intranetUser('it.e2enote', ['admin'], '孙信息');
const SHOTS = path.resolve('docs', 'screenshots');

let session: IntranetSession;
let fixture: AppFixture;
let pageErrors: string[] = [];
const open = (user: FixtureUser): Promise<Page> => session.open(user);
const go = (page: Page, hash: string): Promise<void> => session.go(page, hash);
const serverDoc = (db: string, id: string) => session.serverDoc(db, id);
const waitForServerDoc = (db: string, id: string, ok: (d: Record<string, unknown>) => boolean) =>
  session.waitForServerDoc(db, id, ok);

beforeAll(async () => {
  session = await startIntranetSession([LEADER, CLERK, JUDGE, ADMIN]);
  fixture = session.fixture;
  pageErrors = session.pageErrors;
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await session?.stop();
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
    const res = await session.forgedPut(
      judge,
      { ...before, body: '此帖已被他人篡改', editedAt: new Date().toISOString() },
      'courtdesk_forum',
    );
    expect(res.status).toBe(403);
    expect(res.reason).toContain('只有作者本人可以修改帖子');
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
