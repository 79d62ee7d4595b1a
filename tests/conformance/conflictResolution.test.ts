import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDdocs } from '../../build/compileDdocs';
import { currentVersion } from '../../core/schemas/registry';
import { ConflictGuard } from '../../sync-server/src/workers/conflictGuard';
import { CouchHttp } from '../../sync-server/src/workers/couchHttp';
import {
  couchFetch,
  createDb,
  createUser,
  getCouchTarget,
  uniqueDbName,
  type CouchResponse,
  type CouchTarget,
  type Credentials,
} from '../support/couchTarget';
import { validFields } from '../support/validDocs';

/**
 * Conflict resolution on documents nobody may delete (docs/product-rules.md §2.4 conflicts, §3.2 roles),
 * against the
 * embedded server or COUCH_URL: a real conflict (two `new_edits: false` revisions), resolved by a
 * clerk on a `case` with the marked tombstone conflicts.ts writes; the marker grants the update
 * right, not the remove right; a forged marked deletion of the only leaf passes validation and is
 * undone by the worker's conflict guard (run here directly on the test database).
 */

let target: CouchTarget;
let db: string;
let docsDb: string;
const pw = randomBytes(9).toString('hex');
const tag = randomBytes(3).toString('hex');
const clerk: Credentials = { name: `conf_clerk_${tag}`, password: pw };
const judge: Credentials = { name: `conf_judge_${tag}`, password: pw };

function ddocOf(name: string): Record<string, unknown> {
  const d = compileDdocs()
    .find((c) => c.db === name)
    ?.docs.find((x) => x._id === '_design/courtdesk');
  if (!d) throw new Error(`no ddoc for ${name}`);
  return { ...d };
}

function req(
  who: Credentials | 'admin',
  method: string,
  path: string,
  body?: unknown,
): Promise<CouchResponse> {
  return couchFetch(`${target.url}${path}`, { method, body, auth: who === 'admin' ? target.admin : who });
}

const hex = (c: string) => c.repeat(32);

function caseBody(createdBy: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...validFields('case'),
    type: 'case',
    schemaVersion: currentVersion('case'),
    createdAt: '2026-03-02T08:00:00.000Z',
    createdBy,
    filingDate: '2026-03-02',
    ...extra,
  };
}

let copyCount: number | undefined;

/** Copies of each shard the target keeps: 1 for the embedded server and a single node. */
async function copies(): Promise<number> {
  if (copyCount === undefined) {
    copyCount = target.embedded
      ? 1
      : Math.min(3, ((await req('admin', 'GET', '/_membership')).body.cluster_nodes as unknown[]).length);
  }
  return copyCount;
}

/** A case with two leaves on rev 2 (two offline edits), written as a replicator writes them. */
async function conflictedCase(): Promise<{ id: string; revA: string; revB: string }> {
  const id = `case:${randomUUID()}`;
  const first = await req(clerk, 'PUT', `/${db}/${encodeURIComponent(id)}`, caseBody(clerk.name));
  expect(first.status, first.text).toBe(201);
  const h1 = String(first.body.rev).split('-')[1];
  const docs = (['a', 'b'] as const).map((c) => ({
    _id: id,
    _rev: `2-${hex(c)}`,
    _revisions: { start: 2, ids: [hex(c), h1] },
    ...caseBody(clerk.name, { cause: c === 'a' ? '民间借贷纠纷（甲）' : '买卖合同纠纷（乙）' }),
  }));
  // On a cluster, write the branches to every copy (w = copies), so each test's next request sees
  // both leaves whichever copy answers it (under load a quorum write left a copy behind).
  const r = await req(clerk, 'POST', `/${db}/_bulk_docs?w=${await copies()}`, { docs, new_edits: false });
  expect(r.status, r.text).toBe(201);
  expect(r.body, r.text).toEqual([]);
  const open = await req('admin', 'GET', `/${db}/${encodeURIComponent(id)}?open_revs=all`);
  expect((open.body as unknown[]).length).toBe(2);
  return { id, revA: `2-${hex('a')}`, revB: `2-${hex('b')}` };
}

const marker = (keptRev: string) => ({ keptRev, at: new Date().toISOString() });

async function leavesOf(id: string): Promise<{ _rev: string; _deleted?: boolean; cause?: string }[]> {
  const r = await req('admin', 'GET', `/${db}/${encodeURIComponent(id)}?open_revs=all`);
  return (r.body as { ok: { _rev: string; _deleted?: boolean; cause?: string } }[]).map((x) => x.ok);
}

beforeAll(async () => {
  target = await getCouchTarget();
  await createUser(target, clerk.name, pw, ['clerk']);
  await createUser(target, judge.name, pw, ['judge']);
  db = uniqueDbName('conf_cases');
  docsDb = uniqueDbName('conf_docs');
  for (const [name, source] of [
    [db, 'courtdesk_cases'],
    [docsDb, 'courtdesk_documents'],
  ] as const) {
    await createDb(target, name, {
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['clerk', 'judge'] },
    });
    const put = await req('admin', 'PUT', `/${name}/_design/courtdesk`, ddocOf(source));
    expect(put.status, put.text).toBe(201);
  }
  // courtdesk_audit for the guard's records (created only when the target lacks it)
  if ((await req('admin', 'GET', '/courtdesk_audit')).status === 404)
    await createDb(target, 'courtdesk_audit');
});

afterAll(async () => {
  await target?.stop();
});

describe('conflict resolution under validate_doc_update', () => {
  it('a clerk resolves a conflict on a case: kept body + marked tombstone in one _bulk_docs', async () => {
    const { id, revA, revB } = await conflictedCase();
    const kept = { _id: id, _rev: revA, ...caseBody(clerk.name, { cause: '民间借贷纠纷（合并）' }) };
    const r = await req(clerk, 'POST', `/${db}/_bulk_docs`, {
      docs: [kept, { _id: id, _rev: revB, _deleted: true, conflictResolution: marker(revA) }],
    });
    expect(r.status, r.text).toBe(201);
    expect(
      (r.body as { ok?: boolean }[]).every((x) => x.ok),
      r.text,
    ).toBe(true);
    const doc = await req(clerk, 'GET', `/${db}/${encodeURIComponent(id)}?conflicts=true`);
    expect(doc.body._conflicts).toBeUndefined();
    expect(doc.body.cause).toBe('民间借贷纠纷（合并）');
    // the losing branch is kept in history as a marked tombstone
    const tomb = (await leavesOf(id)).find((l) => l._deleted);
    expect(tomb).toMatchObject({ _deleted: true, conflictResolution: { keptRev: revA } });
  });

  it('without the marker the same tombstone is a deletion, which nobody but an admin may make', async () => {
    const { id, revB } = await conflictedCase();
    const r = await req(clerk, 'POST', `/${db}/_bulk_docs`, {
      docs: [{ _id: id, _rev: revB, _deleted: true }],
    });
    expect(r.body[0], r.text).toMatchObject({
      error: 'forbidden',
      reason: expect.stringContaining('案件不得删除'),
    });
    // On a cluster a shard copy may not have the branch yet (the conflicting write can be accepted
    // by fewer than w copies under load) and answers 409: nothing is written, so ask again.
    let del = await req(clerk, 'DELETE', `/${db}/${encodeURIComponent(id)}?rev=${revB}`);
    for (let i = 0; del.status === 409 && !target.embedded && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      del = await req(clerk, 'DELETE', `/${db}/${encodeURIComponent(id)}?rev=${revB}`);
    }
    expect(del.status).toBe(403);
    expect(await leavesOf(id)).toHaveLength(2);
  });

  it('a judge (no update right on cases) may not resolve it; a bad marker is refused', async () => {
    const { id, revA, revB } = await conflictedCase();
    const r = await req(judge, 'POST', `/${db}/_bulk_docs`, {
      docs: [{ _id: id, _rev: revB, _deleted: true, conflictResolution: marker(revA) }],
    });
    expect(r.body[0], r.text).toMatchObject({ error: 'forbidden' });
    const bad = await req(clerk, 'POST', `/${db}/_bulk_docs`, {
      docs: [{ _id: id, _rev: revB, _deleted: true, conflictResolution: { keptRev: revB, at: 'now' } }],
    });
    expect(bad.body[0], bad.text).toMatchObject({ error: 'forbidden' });
    expect((await leavesOf(id)).every((l) => !l._deleted)).toBe(true);
  });

  it('the replication path (new_edits:false) accepts a marked tombstone from the clerk', async () => {
    const { id, revA, revB } = await conflictedCase();
    // a tombstone 3-c on top of revB, as a workstation's replication pushes it
    expect(revB).toBe(`2-${hex('b')}`);
    const r = await req(clerk, 'POST', `/${db}/_bulk_docs`, {
      new_edits: false,
      docs: [
        {
          _id: id,
          _rev: `3-${hex('c')}`,
          _revisions: { start: 3, ids: [hex('c'), hex('b')] },
          _deleted: true,
          conflictResolution: marker(revA),
        },
      ],
    });
    expect(r.body, r.text).toEqual([]);
    // A cluster's write returns once a quorum of copies has it; a read may meet one without it yet.
    await expect
      .poll(
        async () => {
          const doc = await req(clerk, 'GET', `/${db}/${encodeURIComponent(id)}?conflicts=true`);
          return { rev: doc.body._rev as string, conflicts: doc.body._conflicts as unknown };
        },
        { timeout: 30_000, interval: 250 },
      )
      .toEqual({ rev: revA, conflicts: undefined });
  });

  it('a forged marked deletion of the only leaf passes validation and the conflict guard undoes it', async () => {
    const { id, revA, revB } = await conflictedCase();
    // forged: both leaves deleted, each tombstone claiming the other survives
    const r = await req(clerk, 'POST', `/${db}/_bulk_docs`, {
      docs: [
        { _id: id, _rev: revA, _deleted: true, conflictResolution: marker(revB) },
        { _id: id, _rev: revB, _deleted: true, conflictResolution: marker(revA) },
      ],
    });
    expect(
      (r.body as { ok?: boolean }[]).every((x) => x.ok),
      r.text,
    ).toBe(true);
    expect((await req(clerk, 'GET', `/${db}/${encodeURIComponent(id)}`)).status).toBe(404);

    // The worker acts on the feed's row for the deletion; a cluster's feed may list it a moment late.
    let change: { id: string; deleted?: boolean } | undefined;
    await expect
      .poll(
        async () => {
          const changes = await req('admin', 'GET', `/${db}/_changes?include_docs=true`);
          change = (changes.body.results as { id: string; deleted?: boolean }[]).find((c) => c.id === id);
          return change?.deleted === true;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(true);
    const guard = new ConflictGuard(new CouchHttp(target.adminUrl), { db });
    const result = await guard.handle(change as never);
    expect(result.status).toBe('restored');
    const doc = await req(clerk, 'GET', `/${db}/${encodeURIComponent(id)}?conflicts=true`);
    expect(doc.status).toBe(200);
    // both tombstones name the other branch as kept: the one CouchDB shows as winner is undone
    expect(['民间借贷纠纷（甲）', '买卖合同纠纷（乙）']).toContain(doc.body.cause);
    expect(doc.body._conflicts).toBeUndefined();
    expect(doc.body._rev).toMatch(/^4-/);
    expect(doc.body.createdBy).toBe(clerk.name);
    const auditId = (result as { auditId: string }).auditId;
    const audit = await req('admin', 'GET', `/courtdesk_audit/${encodeURIComponent(auditId)}`);
    expect(audit.body).toMatchObject({ type: 'audit', kind: 'conflictRestored', db, docId: id });
    // replaying the change does nothing more
    expect((await guard.handle(change as never)).status).toBe('ignored');
  });

  it('file documents: any staff member creates one, nobody updates it, only its author deletes it', async () => {
    const id = `file:${randomUUID()}`;
    const text = '%PDF-1.4 conformance';
    const data = Buffer.from(text).toString('base64');
    const file = {
      _id: id,
      type: 'file',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: judge.name,
      ownerId: 'volume:v1',
      name: 'scan.pdf',
      contentType: 'application/pdf',
      size: 20,
      digest: `md5-${createHash('md5').update(text).digest('base64')}`,
      _attachments: { 'scan.pdf': { content_type: 'application/pdf', data } },
    };
    const put = await req(judge, 'PUT', `/${docsDb}/${encodeURIComponent(id)}`, file);
    expect(put.status, put.text).toBe(201);
    const two = await req(clerk, 'PUT', `/${docsDb}/file:${randomUUID()}`, {
      ...file,
      _id: undefined,
      createdBy: clerk.name,
      _attachments: { ...file._attachments, 'b.pdf': { content_type: 'application/pdf', data } },
    });
    expect(two.status).toBe(403);
    const upd = await req(judge, 'PUT', `/${docsDb}/${encodeURIComponent(id)}`, {
      ...file,
      _rev: put.body.rev,
      name: 'renamed.pdf',
    });
    expect(upd.status).toBe(403);
    expect(
      (await req(clerk, 'DELETE', `/${docsDb}/${encodeURIComponent(id)}?rev=${put.body.rev}`)).status,
    ).toBe(403);
    expect(
      (await req(judge, 'DELETE', `/${docsDb}/${encodeURIComponent(id)}?rev=${put.body.rev}`)).status,
    ).toBe(200);
  });
});
