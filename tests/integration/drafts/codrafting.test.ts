// PouchDB's browser build reads these globals when it loads: first.
import 'fake-indexeddb/auto';
import '../../support/renderer/nodeGlobals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCouchClient } from '../../../sync-server/src/couch/client';
import { provision } from '../../../sync-server/src/setup/provision';
import { PouchDB } from '../../../renderer/src/db/pouch';
import { createRepository } from '../../../renderer/src/db/repository';
import { BatchRecorder } from '../../../renderer/src/db/drafts/batchRecorder';
import { compactDraft } from '../../../renderer/src/db/drafts/compaction';
import { loadDraft } from '../../../renderer/src/db/drafts/draftLoad';
import { openDraftSession, type DraftSession } from '../../../renderer/src/db/drafts/draftSession';
import { REMOTE_ORIGIN } from '../../../renderer/src/db/drafts/draftState';
import { writeBatch } from '../../../renderer/src/db/drafts/draftStore';
import { draftDataRange } from '../../../core/schemas/draftData';
import {
  appendParagraph,
  createDraftDoc,
  editParagraph,
  memoryDb,
  paragraphs,
  waitFor,
} from '../../support/drafts/replicas';
import { couchFetch } from '../../support/couchTarget';
import { addRoleUsers, startChildServer, type ChildServer, type TestUser } from '../sync/fixture';

/**
 * Co-drafting against the real embedded server (a `courtdesk-server start` child process, so an
 * outage is a SIGKILL): workstations are memory replicas replicating over HTTP with PouchDB as the
 * app does, the server runs the documents ddoc. Batches are accepted once and never changed or
 * deleted by anyone but their author; a push cut by an outage resumes and converges; a forged
 * batch from outside the case team is stored by the server (it cannot read the team) and ignored
 * by every client.
 */
let server: ChildServer;
let users: Record<'judge' | 'assistant' | 'clerk', TestUser>;
const sessions: DraftSession[] = [];

beforeAll(async () => {
  server = await startChildServer();
  await provision(createCouchClient(server.target.adminUrl));
  users = (await addRoleUsers(server.target, ['judge', 'assistant', 'clerk'])) as typeof users;
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.stop();
});

type Db = ReturnType<typeof memoryDb>;

function remote(u: TestUser): PouchDB.Database<Record<string, unknown>> {
  const url = new URL(`${server.url}/courtdesk_documents`);
  url.username = u.name;
  url.password = u.password;
  return new PouchDB<Record<string, unknown>>(url.toString(), { skip_setup: true });
}

async function sync(db: Db, u: TestUser): Promise<{ denied: number }> {
  const r = remote(u);
  const push = await db.replicate.to(r);
  await db.replicate.from(r);
  return { denied: push.doc_write_failures };
}

const team = () => new Set([users.judge.name, users.assistant.name]);
const trust = (a: string) => team().has(a);

async function open(db: Db, u: TestUser, draftId: string): Promise<DraftSession> {
  const s = await openDraftSession({ db, user: u.name, draftId, trust, compactAfter: 0 });
  sessions.push(s);
  return s;
}

describe('co-drafting on the real server', () => {
  it('merges two offline writers, keeps batches immutable and deletable only by their author', async () => {
    const a = memoryDb('it-judge');
    const b = memoryDb('it-assistant');
    const draftId = await createDraftDoc(a, users.judge.name, `it-${Date.now()}`);
    const sa = await open(a, users.judge, draftId);
    appendParagraph(sa.fragment, '本院认为，');
    appendParagraph(sa.fragment, '判决如下：');
    await sa.flush();
    expect((await sync(a, users.judge)).denied).toBe(0);
    await sync(b, users.assistant);
    const sb = await open(b, users.assistant, draftId);
    for (let i = 0; i < 4; i++) {
      editParagraph(sa.fragment, 0, 5 + i, 5 + i, '甲乙丙丁'[i]!);
      await sa.flush();
      editParagraph(sb.fragment, 1, 5 + i, 5 + i, '一二三四'[i]!);
      await sb.flush();
    }
    expect((await sync(b, users.assistant)).denied).toBe(0);
    expect((await sync(a, users.judge)).denied).toBe(0);
    await sync(b, users.assistant);
    const want = ['本院认为，甲乙丙丁', '判决如下：一二三四'];
    await waitFor('judge', () => paragraphs(sa.fragment).join() === want.join());
    await waitFor('assistant', () => paragraphs(sb.fragment).join() === want.join());

    const [u0, u1] = draftDataRange('draftUpdate', draftId);
    const stored = await remote(users.judge).allDocs({ startkey: u0, endkey: u1, include_docs: true });
    const judgeBatch = stored.rows.find((r) => r.id.endsWith(`:${users.judge.name}`))!.doc!;
    const url = `${server.url}/courtdesk_documents/${encodeURIComponent(judgeBatch._id)}`;
    const edit = await couchFetch(url, {
      method: 'PUT',
      auth: users.judge,
      body: { ...judgeBatch, sv: 'AA==' },
    });
    expect(edit.status).toBe(403);
    const steal = await couchFetch(`${url}?rev=${judgeBatch._rev}`, {
      method: 'DELETE',
      auth: users.assistant,
    });
    expect(steal.status).toBe(403);
    const own = await couchFetch(`${url}?rev=${judgeBatch._rev}`, { method: 'DELETE', auth: users.judge });
    expect(own.status).toBe(200);
  });

  it('resumes a push cut by a server crash: every batch arrives once, the other side converges', async () => {
    const a = memoryDb('it-judge2');
    const b = memoryDb('it-assistant2');
    const draftId = await createDraftDoc(a, users.judge.name, `out-${Date.now()}`);
    const sa = await open(a, users.judge, draftId);
    appendParagraph(sa.fragment, '');
    for (let i = 0; i < 300; i++) {
      editParagraph(sa.fragment, 0, i, i, String(i % 10));
      await sa.flush();
    }
    const push = a.replicate.to(remote(users.judge), { batch_size: 10 });
    const [u0, u1] = draftDataRange('draftUpdate', draftId);
    await waitFor(
      'part of the push arrived',
      async () => {
        const r = await couchFetch(
          `${server.url}/courtdesk_documents/_all_docs?startkey="${u0}"&endkey="${u1}"`,
          {
            auth: server.target.admin,
          },
        ).catch(() => null);
        return (r?.body?.rows?.length ?? 0) >= 20;
      },
      60_000,
    );
    await server.kill();
    await push.then(
      () => undefined,
      () => undefined,
    );
    await server.restart();
    expect((await sync(a, users.judge)).denied).toBe(0);
    await sync(b, users.assistant);
    const loaded = await loadDraft(b, draftId, trust);
    expect(paragraphs(loaded.state.fragment)).toEqual([
      Array.from({ length: 300 }, (_, i) => i % 10).join(''),
    ]);
    const all = await remote(users.judge).allDocs({ startkey: u0, endkey: u1 });
    expect(all.rows).toHaveLength(300); // one batch per flush, the empty paragraph rode with the first
  });

  it('ignores a batch forged by a clerk outside the team, and compaction never folds it', async () => {
    const a = memoryDb('it-judge3');
    const draftId = await createDraftDoc(a, users.judge.name, `forge-${Date.now()}`);
    const sa = await open(a, users.judge, draftId);
    appendParagraph(sa.fragment, '判决如下：驳回原告的诉讼请求。');
    await sa.flush();
    await sync(a, users.judge);
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(sa.doc), REMOTE_ORIGIN);
    const rec = new BatchRecorder(forger, draftId, users.clerk.name);
    editParagraph(forger.getXmlFragment('default'), 0, 5, 14, '支持原告的全部诉讼请求。');
    const c = memoryDb('it-clerk');
    await writeBatch(createRepository(c, { user: users.clerk.name }), draftId, users.clerk.name, rec.cut()!);
    expect((await sync(c, users.clerk)).denied).toBe(0); // the server cannot know the team
    await sync(a, users.judge);
    await new Promise((r) => setTimeout(r, 200));
    expect(paragraphs(sa.fragment)).toEqual(['判决如下：驳回原告的诉讼请求。']);
    const r = await compactDraft({ db: a, user: users.judge.name, draftId, trust });
    expect(r.snapshotId).not.toBeNull();
    await sync(a, users.judge);
    const fresh = memoryDb('it-fresh');
    await sync(fresh, users.assistant);
    expect(paragraphs((await loadDraft(fresh, draftId, trust)).state.fragment)).toEqual([
      '判决如下：驳回原告的诉讼请求。',
    ]);
  });
});
