import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { provision } from '../../sync-server/src/setup/provision';
import {
  BOARD_IN_USE_REASON,
  BOARD_STATE_DDOC_ID,
  BoardStateKeeper,
  CLOSED_BOARD_REASON,
  LOCKED_THREAD_REASON,
} from '../../sync-server/src/workers/boardState';
import { CouchHttp } from '../../sync-server/src/workers/couchHttp';
import {
  couchFetch,
  createUser,
  getCouchTarget,
  type CouchResponse,
  type CouchTarget,
  type Credentials,
  refusedWrite,
} from '../support/couchTarget';
import { validDoc } from '../support/validDocs';

/**
 * Forum board administration and files added to existing posts and notices, attacked with real
 * members' passwords over HTTP (docs/intranet.md): only admins create, rename, reorder, close or
 * delete a board; a closed board takes no new thread or reply (the worker's
 * `_design/courtdesk_boards`, written here by the worker's own code); a board holding posts is not
 * deleted; only a post's author (a notice's author or an admin) changes its file list, and only a
 * file's uploader or an admin deletes the file.
 */

let target: CouchTarget;
let keeper: BoardStateKeeper;
let admin: Credentials;
let author: Credentials;
let other: Credentials;
let leader: Credentials;
let otherLeader: Credentials;
const FORUM = 'courtdesk_forum';
const NOTICES = 'courtdesk_notices';
const enc = encodeURIComponent;
const tag = randomBytes(4).toString('hex');
const now = () => new Date().toISOString();

function as(who: Credentials, method: string, path: string, body?: unknown): Promise<CouchResponse> {
  return couchFetch(`${target.url}${path}`, { method, auth: who, body });
}

async function put(who: Credentials, db: string, doc: Record<string, unknown>): Promise<CouchResponse> {
  return as(who, 'PUT', `/${db}/${enc(String(doc['_id']))}`, doc);
}

async function stored(db: string, id: string): Promise<Record<string, unknown> & { _rev: string }> {
  const r = await couchFetch(`${target.url}/${db}/${enc(id)}`, { auth: target.admin });
  expect(r.status, r.text).toBe(200);
  return r.body as Record<string, unknown> & { _rev: string };
}

function board(code: string, createdBy: string, extra: Record<string, unknown> = {}) {
  return validDoc('board', `board:${code}`, createdBy, {
    name: `版块${code}`,
    order: 50,
    createdAt: now(),
    ...extra,
  });
}

function post(boardId: string, createdBy: string, extra: Record<string, unknown> = {}) {
  return validDoc('post', `post:${randomUUID()}`, createdBy, {
    board: boardId,
    title: '庭审录像调取流程',
    body: '请问调取庭审录像需要哪些手续？',
    createdAt: now(),
    ...extra,
  });
}

/** A `file:` document (the file lane's shape) with a small text attachment. */
function file(ownerId: string, createdBy: string, text: string) {
  const data = Buffer.from(text);
  return validDoc('file', `file:${randomUUID()}`, createdBy, {
    ownerId,
    name: '说明.txt',
    contentType: 'text/plain',
    size: data.length,
    digest: `md5-${createHash('md5').update(text, 'utf8').digest('base64')}`,
    createdAt: now(),
    _attachments: { '说明.txt': { content_type: 'text/plain', data: data.toString('base64') } },
  });
}

/** Writes `doc` as `who`, expecting 201; returns it with its revision. */
async function created(
  who: Credentials,
  db: string,
  doc: Record<string, unknown>,
): Promise<Record<string, unknown> & { _id: string; _rev: string }> {
  const r = await put(who, db, doc);
  expect(r.status, r.text).toBe(201);
  return { ...doc, _id: String(doc['_id']), _rev: r.body.rev as string };
}

/** Sends a write the server must refuse (again while a cluster's lagging copy answers 409: refusedWrite) and checks the 403 and its reason. */
async function expectForbidden(send: () => Promise<CouchResponse>, reason: string): Promise<void> {
  const r = await refusedWrite(target, send);
  expect(r.status, r.text).toBe(403);
  expect(r.body).toMatchObject({ error: 'forbidden', reason: expect.stringContaining(reason) });
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provision(createCouchClient(target.adminUrl));
  const pw = randomBytes(9).toString('hex');
  admin = { name: `it.boards.${tag}`, password: pw };
  author = { name: `clerk.author.${tag}`, password: pw };
  other = { name: `judge.other.${tag}`, password: pw };
  leader = { name: `leader.a.${tag}`, password: pw };
  otherLeader = { name: `leader.b.${tag}`, password: pw };
  await createUser(target, admin.name, pw, ['admin']);
  await createUser(target, author.name, pw, ['clerk']);
  await createUser(target, other.name, pw, ['judge']);
  await createUser(target, leader.name, pw, ['leader']);
  await createUser(target, otherLeader.name, pw, ['leader']);
  keeper = new BoardStateKeeper(new CouchHttp(target.adminUrl));
});

afterAll(async () => {
  await target?.stop();
});

describe('forum boards: only admins keep them', () => {
  it("a member's password cannot create, rename, reorder, close or delete a board", async () => {
    await expectForbidden(
      () => put(author, FORUM, board(`forged-${tag}`, author.name)),
      '只有系统管理员可以新建论坛版块',
    );
    const open = await created(admin, FORUM, board(`open-${tag}`, admin.name));
    for (const change of [{ name: '改名' }, { order: 1 }, { archived: true }]) {
      await expectForbidden(
        () => put(author, FORUM, { ...open, ...change }),
        '只有系统管理员可以修改论坛版块',
      );
    }
    await expectForbidden(
      () => as(other, 'DELETE', `/${FORUM}/${enc(open._id)}?rev=${open._rev}`),
      '只有系统管理员可以删除论坛版块',
    );
    expect((await stored(FORUM, open._id))._rev).toBe(open._rev);
  });

  it('an admin creates, renames, reorders and closes a board; bad input is refused with a reason', async () => {
    const b = await created(admin, FORUM, board(`admin-${tag}`, admin.name, { description: '新设版块' }));
    const renamed = await created(admin, FORUM, { ...b, name: '审判调研', order: 5 });
    await created(admin, FORUM, { ...renamed, archived: true });
    expect(await stored(FORUM, b._id)).toMatchObject({ name: '审判调研', order: 5, archived: true });
    await expectForbidden(
      () => put(admin, FORUM, board(`bad-${tag}`, admin.name, { name: '' })),
      '文档内容不符合规则',
    );
    await expectForbidden(() => put(admin, FORUM, board(`neg-${tag}`, admin.name, { order: -1 })), 'order');
    await expectForbidden(
      () => put(admin, FORUM, { ...board('x', admin.name), _id: 'board:Bad Code' }),
      '版块编号',
    );
  });
});

describe('a closed board', () => {
  let closed: Record<string, unknown> & { _rev: string };
  let thread: Record<string, unknown> & { _rev: string };

  beforeAll(async () => {
    const b = await created(admin, FORUM, board(`closing-${tag}`, admin.name));
    thread = await created(author, FORUM, post(b._id as string, author.name));
    closed = await created(admin, FORUM, { ...b, archived: true });
    await keeper.rebuild(); // what the worker does after a board change
    expect(keeper.state.closed).toContain(b._id);
  });

  it('refuses a new thread and a reply, on the normal and the replication path, with the reason', async () => {
    await expectForbidden(
      () => put(author, FORUM, post(closed._id as string, author.name)),
      CLOSED_BOARD_REASON,
    );
    const reply = post(closed._id as string, other.name, { threadId: thread['_id'], title: undefined });
    await expectForbidden(() => put(other, FORUM, reply), CLOSED_BOARD_REASON);
    const replicated = await as(author, 'POST', `/${FORUM}/_bulk_docs`, {
      new_edits: false,
      docs: [{ ...post(closed._id as string, author.name), _rev: '1-0123456789abcdef0123456789abcdef' }],
    });
    expect(replicated.body).toEqual([
      expect.objectContaining({ error: 'forbidden', reason: CLOSED_BOARD_REASON }),
    ]);
  });

  it('keeps its threads readable; their author may still edit them', async () => {
    const read = await as(other, 'GET', `/${FORUM}/${enc(thread._id as string)}`);
    expect(read.status).toBe(200);
    thread = await created(author, FORUM, { ...thread, body: '补充：需经庭长审批。', editedAt: now() });
  });

  it('cannot be deleted while it holds posts; an empty closed board can be; an open one cannot', async () => {
    await expectForbidden(
      () => as(admin, 'DELETE', `/${FORUM}/${enc(closed._id as string)}?rev=${closed._rev}`),
      BOARD_IN_USE_REASON,
    );
    const empty = await created(admin, FORUM, board(`empty-${tag}`, admin.name));
    await expectForbidden(
      () => as(admin, 'DELETE', `/${FORUM}/${enc(empty._id as string)}?rev=${empty._rev}`),
      '只能删除已关闭的版块',
    );
    const emptyClosed = await created(admin, FORUM, { ...empty, archived: true });
    const del = await as(admin, 'DELETE', `/${FORUM}/${enc(empty._id as string)}?rev=${emptyClosed._rev}`);
    expect(del.status, del.text).toBe(200);
  });

  it('takes posts again once an admin reopens it', async () => {
    const reopened = await created(admin, FORUM, { ...closed, archived: false });
    await keeper.rebuild();
    await created(author, FORUM, post(closed._id as string, author.name));
    closed = await created(admin, FORUM, { ...reopened, archived: true });
    await keeper.rebuild();
  });

  it('a member cannot write or remove the board state design document', async () => {
    const dd = await stored(FORUM, BOARD_STATE_DDOC_ID);
    const forged = { ...dd, validate_doc_update: 'function () {}' };
    expect((await put(author, FORUM, forged)).status).toBe(403);
    expect((await as(admin, 'DELETE', `/${FORUM}/${enc(BOARD_STATE_DDOC_ID)}?rev=${dd._rev}`)).status).toBe(
      403,
    );
    expect((await stored(FORUM, BOARD_STATE_DDOC_ID))._rev).toBe(dd._rev);
  });
});

describe('a locked thread', () => {
  it('takes no new reply once an admin locks it (an earlier reply is still edited), and takes replies again when unlocked', async () => {
    const thread = await created(author, FORUM, post('board:general', author.name));
    const earlier = await created(
      other,
      FORUM,
      post('board:general', other.name, { threadId: thread._id, title: undefined }),
    );
    await expectForbidden(
      () => put(author, FORUM, { ...thread, locked: true }),
      '只有系统管理员可以隐藏帖子或锁定主题',
    );
    const locked = await created(admin, FORUM, { ...thread, locked: true });
    await keeper.notePost(locked); // what the worker does when the change reaches its feed
    expect(keeper.state.locked).toContain(thread._id);
    const reply = () => post('board:general', other.name, { threadId: thread._id, title: undefined });
    await expectForbidden(() => put(other, FORUM, reply()), LOCKED_THREAD_REASON);
    await expectForbidden(
      () => put(admin, FORUM, { ...reply(), createdBy: admin.name }),
      LOCKED_THREAD_REASON,
    );
    const replicated = await as(other, 'POST', `/${FORUM}/_bulk_docs`, {
      new_edits: false,
      docs: [{ ...reply(), _rev: '1-0123456789abcdef0123456789abcdef' }],
    });
    expect(replicated.body).toEqual([
      expect.objectContaining({ error: 'forbidden', reason: LOCKED_THREAD_REASON }),
    ]);
    await created(other, FORUM, { ...earlier, body: '更正：以书面申请为准。', editedAt: now() });
    const unlocked = await created(admin, FORUM, { ...locked, locked: false });
    await keeper.notePost(unlocked);
    expect(keeper.state.locked).not.toContain(thread._id);
    await created(other, FORUM, reply());
  });
});

describe('files added to an existing post or notice', () => {
  it("the author adds and removes a post's file; nobody else changes the list or deletes the file", async () => {
    const p = await created(author, FORUM, post('board:general', author.name));
    const f = await created(author, FORUM, file(p._id as string, author.name, '调取手续清单'));
    const withFile = await created(author, FORUM, { ...p, attachments: [f._id], editedAt: now() });
    const planted = await created(other, FORUM, file(p._id as string, other.name, '冒名附件'));
    for (const who of [other, admin]) {
      await expectForbidden(
        () => put(who, FORUM, { ...withFile, attachments: [f._id, planted._id] }),
        '只有作者本人可以修改帖子',
      );
      await expectForbidden(
        () => put(who, FORUM, { ...withFile, attachments: [] }),
        '只有作者本人可以修改帖子',
      );
    }
    await expectForbidden(
      () => as(other, 'DELETE', `/${FORUM}/${enc(f._id as string)}?rev=${f._rev}`),
      '只有上传者本人或系统管理员可以删除附件文件',
    );
    await expectForbidden(
      () => put(other, FORUM, { ...f, ownerId: `post:${randomUUID()}` }),
      '附件文件不得修改',
    );
    const removed = await created(author, FORUM, { ...withFile, attachments: [], editedAt: now() });
    expect((await as(author, 'DELETE', `/${FORUM}/${enc(f._id as string)}?rev=${f._rev}`)).status).toBe(200);
    expect((await stored(FORUM, p._id as string))._rev).toBe(removed._rev);
  });

  it("a notice's files are changed by its author or an admin, not by another leader or a clerk", async () => {
    const n = await created(
      leader,
      NOTICES,
      validDoc('notice', `notice:${randomUUID()}`, leader.name, { createdAt: now() }),
    );
    await expectForbidden(
      () => put(author, NOTICES, file(n._id as string, author.name, '伪造')),
      '只有院庭长和系统管理员可以为通知上传附件',
    );
    const f = await created(leader, NOTICES, file(n._id as string, leader.name, '评查要点'));
    const withFile = await created(leader, NOTICES, { ...n, attachments: [f._id] });
    const g = await created(otherLeader, NOTICES, file(n._id as string, otherLeader.name, '另一位院庭长'));
    await expectForbidden(
      () => put(otherLeader, NOTICES, { ...withFile, attachments: [f._id, g._id] }),
      '只有作者本人、系统管理员可以修改通知通报',
    );
    const byAdmin = await created(admin, NOTICES, { ...withFile, attachments: [] });
    expect((await stored(NOTICES, n._id as string)).attachments).toEqual([]);
    expect(byAdmin._rev).toMatch(/^3-/);
  });
});
