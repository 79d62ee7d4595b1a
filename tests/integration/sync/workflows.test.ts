import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../../core/databases';
import { makeResidentId } from '../../../core/domain/identity';
import { dishonestEntryId } from '../../../core/enforcement/dishonest';
import { ROLES, type Role } from '../../../core/roles';
import { isDocType } from '../../../core/schemas/base';
import { currentVersion } from '../../../core/schemas/registry';
import { createCouchClient } from '../../../sync-server/src/couch/client';
import { setPassword } from '../../../sync-server/src/setup/users';
import { couchFetch } from '../../support/couchTarget';
import { validFields } from '../../support/validDocs';
import {
  events,
  RUN_TAG,
  serverBulk,
  serverDocs,
  startStack,
  until,
  type Stack,
  type Workstation,
} from './fixture';

const SCAN = `volume:scan20${RUN_TAG}`;

/**
 * Conflicts, server refusals, session expiry and a large attachment, each through the real engine
 * in Chromium against a real server (embedded, or COUCH_URL).
 */
let stack: Stack;
const ALL: readonly Role[] = ROLES;

beforeAll(async () => {
  stack = await startStack(ALL);
});
afterAll(async () => {
  await stack?.close();
});

async function started(user: Role, keys: string[]): Promise<Workstation> {
  const w = await stack.workstation(stack.users[user]);
  await w.page.evaluate(([u, k]) => window.cd.start(u, k as never), [stack.users[user].name, keys] as const);
  for (const k of keys) await until(w.page, k, 'online');
  return w;
}

const env = (by: string) => ({ schemaVersion: 1, createdAt: '2026-03-02T09:30:00.000+08:00', createdBy: by });

describe('two offline edits of one draft', () => {
  it('keeps both revisions, surfaces them on both workstations, and resolves by merge and by keep', async () => {
    const a = await started('judge', ['documents']);
    const b = await started('assistant', ['documents']);
    const judge = stack.users.judge.name;
    const assistant = stack.users.assistant.name;
    for (const n of ['merge', 'keep']) {
      await a.page.evaluate(
        ([u, id]) =>
          window.cd.create('documents', u, 'draft', [id], {
            caseId: 'case:c1',
            kind: 'judgment',
            title: '民事判决书',
            body: '<p>原告张三诉被告李四买卖合同纠纷一案。</p>',
          }),
        [judge, n] as const,
      );
    }
    expect(await a.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    expect(await b.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    expect(await b.page.evaluate(() => window.cd.get('documents', 'draft:merge'))).not.toBeNull();

    await a.context.setOffline(true);
    await b.context.setOffline(true);
    for (const n of ['merge', 'keep']) {
      await a.page.evaluate(
        ([u, id]) =>
          window.cd.update('documents', u, id, {
            body: '<p>原告张三诉被告李四买卖合同纠纷一案，本院依法组成合议庭。</p>',
            updatedBy: u,
          }),
        [judge, `draft:${n}`] as const,
      );
      await b.page.evaluate(
        ([u, id]) =>
          window.cd.update('documents', u, id, {
            body: '<p>原告张三诉被告李四借款合同纠纷一案。</p>',
            updatedBy: u,
          }),
        [assistant, `draft:${n}`] as const,
      );
    }
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    for (const w of [a, b]) await w.page.evaluate(() => window.dispatchEvent(new Event('online')));
    for (let i = 0; i < 2; i++)
      for (const w of [a, b]) expect(await w.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });

    const onServer = await couchFetch(`${stack.target.url}/courtdesk_documents/draft:merge?conflicts=true`, {
      auth: stack.target.admin,
    });
    expect(onServer.body._conflicts).toHaveLength(1);
    for (const w of [a, b]) {
      const list = await w.page.evaluate(() => window.cd.conflicts('documents'));
      expect(list.map((c) => c.id).sort()).toEqual(['draft:keep', 'draft:merge']);
      expect(await w.page.evaluate(() => window.cd.watchConflictsOnce('documents'))).toBe(2);
    }
    // Both versions readable side by side, with a readable text diff of the body.
    const { revs, diff } = await b.page.evaluate(() => window.cd.revisions('documents', 'draft:merge'));
    expect(revs).toHaveLength(2);
    expect(revs.map((r) => r.doc['updatedBy']).sort()).toEqual([assistant, judge].sort());
    const body = diff.find((d) => d.field === 'body');
    expect(body?.differs).toBe(true);
    expect(body?.textDiffs?.[1]?.some((p) => p.op !== 'same')).toBe(true);

    // The author merges one and keeps the assistant's version of the other; losers are deleted.
    const merged = {
      ...revs[0]?.doc,
      body: '<p>原告张三诉被告李四买卖合同纠纷一案，本院依法组成合议庭（合并）。</p>',
    };
    await a.page.evaluate(
      ([doc]) => window.cd.merge('documents', 'draft:merge', doc as Record<string, unknown>),
      [merged] as const,
    );
    const keep = await a.page.evaluate(() => window.cd.revisions('documents', 'draft:keep'));
    const assistantRev = keep.revs.find((r) => r.doc['updatedBy'] === assistant)?.rev ?? '';
    await a.page.evaluate(([rev]) => window.cd.keep('documents', 'draft:keep', rev), [assistantRev] as const);
    expect(await a.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    expect(await b.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });

    for (const [id, text] of [
      ['draft:merge', '（合并）'],
      ['draft:keep', '借款合同'],
    ] as const) {
      const r = await couchFetch(`${stack.target.url}/courtdesk_documents/${id}?conflicts=true`, {
        auth: stack.target.admin,
      });
      expect(r.body._conflicts).toBeUndefined();
      expect(r.body.body).toContain(text);
      const leaves = await couchFetch(`${stack.target.url}/courtdesk_documents/${id}?open_revs=all`, {
        auth: stack.target.admin,
        headers: { accept: 'application/json' },
      });
      const ls = (leaves.body as { ok: { _deleted?: boolean } }[]).map((l) => l.ok._deleted === true);
      expect(ls.filter((d) => !d)).toHaveLength(1);
      expect(ls.filter((d) => d)).toHaveLength(1); // the losing revision, deleted explicitly
    }
    expect(await b.page.evaluate(() => window.cd.conflicts('documents'))).toEqual([]);
    expect((await b.page.evaluate(() => window.cd.get('documents', 'draft:merge')))?.['body']).toContain(
      '（合并）',
    );
    for (const w of [a, b]) await w.page.evaluate(() => window.cd.close());
  });
});

/** docs/product-rules.md §3.2 restated: who may create each document type (every other role must get 403). */
const CREATE: Record<string, Record<string, readonly Role[]>> = {
  courtdesk_cases: {
    case: ['clerk'],
    event: ['clerk', 'judge', 'assistant', 'enforcement'],
    approval: ['leader'],
    caseNumber: ['worker'],
    assignment: ['worker'],
  },
  courtdesk_documents: { draft: ['judge', 'assistant', 'clerk'], template: ['admin'], volume: ['clerk'] },
  courtdesk_enforcement: {
    enforcementAction: ['enforcement'],
    assetInquiry: ['enforcement'],
    enforcementPayment: ['enforcement'],
    enforcementClosing: ['enforcement'],
    dishonestDebtor: ['enforcement'],
  },
  courtdesk_forum: {
    board: ['admin'],
    post: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'],
  },
  courtdesk_notices: {
    notice: ['leader', 'admin'],
    receipt: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'],
  },
  courtdesk_library: { libraryItem: ['admin'], download: ['admin'] },
  courtdesk_public: { publicCase: ['worker'], hearingNotice: ['worker'] },
  courtdesk_audit: { audit: ['worker'] },
  courtdesk_accounts: {
    accountKey: ['worker'],
    passwordChange: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'],
    passwordChangeResult: ['worker'],
  },
};

function forged(type: string, by: string, tag: string): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  let id = `${type}:${tag}`;
  if (type === 'event') {
    extra['caseId'] = 'case:c1';
    id = `event:case:c1:${tag}`;
  }
  if (type === 'receipt') {
    // core/schemas/receipt.ts: the id is derived from the notice and the reader.
    extra['noticeId'] = `notice:${tag}`;
    id = `receipt:notice:${tag}:${by}`;
  }
  if (type === 'enforcementClosing') {
    // core/schemas/enforcement.ts: one closing per case, its id derived from the case.
    extra['caseId'] = `case:${tag}`;
    id = `enforcementClosing:${tag}`;
  }
  if (type === 'dishonestDebtor') {
    // core/enforcement/dishonest.ts: the id is derived from the respondent and the ground, so each
    // attempt names another (checksum-valid) person.
    const seq = createHash('sha256').update(tag).digest().readUInt16BE(0) % 1000;
    const idNumber = makeResidentId('110105', '1980-06-15', seq);
    extra['respondent'] = { name: '李四', kind: 'natural', idNumber };
    id = dishonestEntryId(idNumber, 'reportViolation');
  }
  if (type === 'passwordChange') id = `passwordChange:${tag}:${by}`;
  if (type === 'passwordChangeResult') {
    extra['requestId'] = `passwordChange:${tag}:${by}`;
    id = `passwordChangeResult:${tag}:${by}`;
  }
  // Schema-valid bodies (the server runs core/schemas too): this test is about who may write.
  const version = isDocType(type) ? { schemaVersion: currentVersion(type) } : {};
  return { _id: id, type, ...env(by), ...validFields(type), ...version, ...extra };
}

describe('server enforcement and refused writes', () => {
  it('answers 403 to every forged create the role matrix forbids (and 201 to the allowed ones)', async () => {
    expect(Object.keys(CREATE).sort()).toEqual(DATABASES.map((d) => d.name).sort());
    let forbidden = 0;
    for (const [db, types] of Object.entries(CREATE)) {
      for (const [type, allowed] of Object.entries(types)) {
        for (const role of ALL) {
          const u = stack.users[role];
          const r = await couchFetch(`${stack.target.url}/${db}`, {
            method: 'POST',
            auth: u,
            body: forged(type, u.name, `forged${role}`),
          });
          const expected = allowed.includes(role) ? 201 : 403;
          expect({ db, type, role, status: r.status }).toEqual({ db, type, role, status: expected });
          const member = DATABASES.find((d) => d.name === db)?.memberRoles.includes(role);
          if (expected === 403) forbidden++;
          // validate_doc_update's refusal is a message a clerk can read (non-members are stopped by _security first).
          if (expected === 403 && member) expect(String(r.body?.reason ?? '')).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
    expect(forbidden).toBeGreaterThan(100);
    // Updates and deletes the matrix forbids: a judge changing a filing, a non-author editing a
    // post, anyone deleting a process event.
    const clerk = stack.users.clerk;
    const c = await couchFetch(`${stack.target.url}/courtdesk_cases/case:forgedclerk`, { auth: clerk });
    const asJudge = await couchFetch(`${stack.target.url}/courtdesk_cases/case:forgedclerk`, {
      method: 'PUT',
      auth: stack.users.judge,
      body: { ...c.body, cause: '篡改' },
    });
    expect(asJudge.status).toBe(403);
    const p = await couchFetch(`${stack.target.url}/courtdesk_forum/post:forgedjudge`, { auth: clerk });
    const notAuthor = await couchFetch(`${stack.target.url}/courtdesk_forum/post:forgedjudge`, {
      method: 'PUT',
      auth: clerk,
      body: { ...p.body, title: 'x' },
    });
    expect(notAuthor.status).toBe(403);
    const e = await couchFetch(`${stack.target.url}/courtdesk_cases/event:case:c1:forgedclerk`, {
      auth: clerk,
    });
    const del = await couchFetch(
      `${stack.target.url}/courtdesk_cases/event:case:c1:forgedclerk?rev=${e.body._rev}`,
      { method: 'DELETE', auth: clerk },
    );
    expect(del.status).toBe(403);
  });

  it('flags a refused write for its author, keeps it locally, and does not block the rest of the queue', async () => {
    const judge = stack.users.judge.name;
    const w = await started('judge', ['cases']);
    await w.context.setOffline(true);
    const docs = [
      ...events(judge, 10, 'judgeA'),
      {
        _id: 'case:byjudge',
        type: 'case',
        ...env(judge),
        schemaVersion: 2,
        caseType: '民初',
        cause: '买卖合同纠纷',
        filingDate: '2026-03-02',
        parties: [{ role: 'plaintiff', kind: 'natural', name: '张三' }],
      },
      ...events(judge, 10, 'judgeB'),
    ];
    expect(await w.page.evaluate(([d]) => window.cd.bulk('cases', d), [docs] as const)).toBe(21);
    await w.context.setOffline(false);
    await w.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await w.page.waitForFunction(() => window.cd.status().rejected === 1, undefined, { timeout: 60_000 });
    expect(await w.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    const ids = (await serverDocs(stack.target, 'courtdesk_cases')).map((d) => d.id);
    expect(ids.filter((id) => /:judge[AB]$/.test(id))).toHaveLength(20);
    expect(ids).not.toContain('case:byjudge');
    const st = await w.page.evaluate(() => window.cd.status());
    const rejected = st.databases[0]?.rejected ?? [];
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ id: 'case:byjudge', kind: 'forbidden' });
    expect(rejected[0]?.reason).toContain('只有书记员可以立案');
    expect(await w.page.evaluate(() => window.cd.get('cases', 'case:byjudge'))).not.toBeNull();
    // Later writes still go through.
    await w.page.evaluate(([d]) => window.cd.bulk('cases', d), [events(judge, 3, 'judgeC')] as const);
    expect(await w.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    expect(
      (await serverDocs(stack.target, 'courtdesk_cases')).filter((d) => d.id.endsWith(':judgeC')),
    ).toHaveLength(3);
    await w.page.evaluate(() => window.cd.close());
  });
});

describe('session expiry while offline', () => {
  it('keeps local writes, asks for sign-in, and drains the queue after signing in again (password changed)', async () => {
    const clerk = stack.users.clerk;
    const w = await started('clerk', ['cases']);
    await w.context.setOffline(true);
    await until(w.page, 'cases', 'offline', 30_000);
    const newPassword = `${clerk.password}-new`;
    await setPassword(createCouchClient(stack.target.adminUrl), clerk.name, newPassword);
    expect(
      await w.page.evaluate(([d]) => window.cd.bulk('cases', d), [events(clerk.name, 50, 'expiry')] as const),
    ).toBe(50);
    await w.context.setOffline(false);
    await w.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until(w.page, 'cases', 'needs-sign-in', 60_000);
    expect((await w.page.evaluate(() => window.cd.syncNow())).ok).toBe(false);
    // Work goes on while signed out of the server.
    expect(
      await w.page.evaluate(([d]) => window.cd.bulk('cases', d), [events(clerk.name, 5, 'expiry2')] as const),
    ).toBe(5);
    await w.page.evaluate(() => window.cd.recount());
    expect((await w.page.evaluate(() => window.cd.status())).unpushed).toBe(55);
    expect(
      (await serverDocs(stack.target, 'courtdesk_cases')).filter((d) => /:expiry2?$/.test(d.id)),
    ).toHaveLength(0);

    expect(
      await w.page.evaluate(([n, p]) => window.cd.signIn(n, p), [clerk.name, newPassword] as const),
    ).toBe(200);
    await w.page.evaluate(() => window.cd.resume());
    await until(w.page, 'cases', 'online', 60_000);
    expect(await w.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    expect(
      (await serverDocs(stack.target, 'courtdesk_cases')).filter((d) => /:expiry2?$/.test(d.id)),
    ).toHaveLength(55);
    await w.page.evaluate(() => window.cd.recount());
    expect((await w.page.evaluate(() => window.cd.status())).unpushed).toBe(0);
    expect(await w.page.evaluate(() => window.cd.history())).toContain('needs-sign-in');
    await w.page.evaluate(() => window.cd.close());
    await setPassword(createCouchClient(stack.target.adminUrl), clerk.name, clerk.password);
  });

  it('does the same when the session cookie is gone', async () => {
    const clerk = stack.users.clerk;
    const password = clerk.password;
    const w = await stack.workstation(clerk);
    await w.page.evaluate(([u]) => window.cd.start(u, ['cases']), [clerk.name] as const);
    await until(w.page, 'cases', 'online');
    await w.context.clearCookies();
    await w.page.evaluate(([d]) => window.cd.bulk('cases', d), [events(clerk.name, 5, 'nocookie')] as const);
    await until(w.page, 'cases', 'needs-sign-in', 60_000);
    expect(await w.page.evaluate(([n, p]) => window.cd.signIn(n, p), [clerk.name, password] as const)).toBe(
      200,
    );
    await w.page.evaluate(() => window.cd.resume());
    expect(await w.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    expect(
      (await serverDocs(stack.target, 'courtdesk_cases')).filter((d) => d.id.endsWith(':nocookie')),
    ).toHaveLength(5);
    await w.page.evaluate(() => window.cd.close());
  });
});

describe('safety net', () => {
  it('holds back a pull that would delete 40 % of the local notices until the user confirms', async () => {
    const admin = stack.users.admin.name;
    const notices = Array.from({ length: 100 }, (_, i) => ({
      _id: `notice:n${i}${RUN_TAG}`,
      type: 'notice',
      ...env(admin),
      title: `通知 ${i}`,
      body: '<p>内容</p>',
      priority: 'normal',
    }));
    await serverBulk(stack.target, 'courtdesk_notices', notices);
    const w = await started('clerk', ['notices']);
    expect(await w.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    const before = await w.page.evaluate(() => window.cd.docCount('notices'));
    expect(before).toBeGreaterThanOrEqual(100);
    // Only this test's notices: the first 40 of the whole database could include documents the
    // replica does not hold yet (the worker's staff directory), and the count would be off by one.
    const mine = new Set(notices.map((n) => n._id));
    const live = (await serverDocs(stack.target, 'courtdesk_notices')).filter((d) => mine.has(d.id));
    await serverBulk(
      stack.target,
      'courtdesk_notices',
      live.slice(0, 40).map((d) => ({ _id: d.id, _rev: d.rev, _deleted: true })),
    );
    await until(w.page, 'notices', 'awaiting-confirmation', 60_000);
    const held = (await w.page.evaluate(() => window.cd.status())).databases[0]?.pendingDeletion;
    expect(held).toBeTruthy();
    expect(held!.deletions).toBeGreaterThan(0.2 * held!.localDocs); // the batch it refused would cross 20 %
    const kept = await w.page.evaluate(() => window.cd.docCount('notices'));
    // Tombstones trickle in over the live feed: the pull may apply up to 20 %, never more.
    expect(before - kept).toBeLessThanOrEqual(Math.floor(0.2 * before));
    expect(before - kept).toBeLessThan(40);
    expect((await w.page.evaluate(() => window.cd.syncNow())).ok).toBe(false); // sync now reports it
    expect(await w.page.evaluate(() => window.cd.docCount('notices'))).toBe(kept);
    await w.page.evaluate(() => window.cd.confirmDeletions('notices'));
    await until(w.page, 'notices', 'online', 60_000);
    expect(await w.page.evaluate(() => window.cd.docCount('notices'))).toBe(before - 40);
    await w.page.evaluate(() => window.cd.close());
  });
});

describe('attachments', () => {
  it('round-trips a 20 MB scan byte-exact (md5 digest and sha256 equal on both workstations and the server)', async () => {
    const clerk = stack.users.clerk.name;
    const a = await started('clerk', ['documents']);
    await a.page.evaluate(
      ([u, id]) =>
        window.cd.put('documents', {
          _id: id,
          type: 'volume',
          schemaVersion: 1,
          createdAt: '2026-03-02T09:30:00.000+08:00',
          createdBy: u,
          title: '卷宗',
        }),
      [clerk, SCAN] as const,
    );
    const sha = await a.page.evaluate((id) => window.cd.attachRandom('documents', id, 'scan.pdf', 20), SCAN);
    const t0 = Date.now();
    expect(await a.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    const local = await a.page.evaluate((id) => window.cd.attachmentInfo('documents', id, 'scan.pdf'), SCAN);
    expect(local).toMatchObject({ sha256: sha, length: 20 * 1024 * 1024 });

    const stub = await couchFetch(`${stack.target.url}/courtdesk_documents/${SCAN}`, {
      auth: stack.target.admin,
    });
    expect(stub.body._attachments['scan.pdf'].digest).toBe(local?.digest);
    const raw = await fetch(`${stack.target.url}/courtdesk_documents/${SCAN}/scan.pdf`, {
      headers: {
        authorization:
          'Basic ' +
          Buffer.from(`${stack.target.admin.name}:${stack.target.admin.password}`).toString('base64'),
      },
    });
    const bytes = new Uint8Array(await raw.arrayBuffer());
    expect(bytes.length).toBe(20 * 1024 * 1024);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    expect(`md5-${createHash('md5').update(bytes).digest('base64')}`).toBe(local?.digest);

    const b = await started('judge', ['documents']);
    expect(await b.page.evaluate(() => window.cd.syncNow())).toEqual({ ok: true });
    const other = await b.page.evaluate((id) => window.cd.attachmentInfo('documents', id, 'scan.pdf'), SCAN);
    expect(other).toEqual(local);
    console.log(`20 MB attachment push + pull: ${Date.now() - t0} ms`);
    for (const w of [a, b]) await w.page.evaluate(() => window.cd.close());
  });
});
