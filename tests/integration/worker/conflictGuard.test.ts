/**
 * The worker's conflict guard (sync-server/src/workers/conflictGuard.ts) on a provisioned server
 * (embedded or COUCH_URL): a marked tombstone — accepted from anyone with the update right, since
 * validate_doc_update cannot see the other leaves — that leaves a document without a live leaf is
 * undone and audited; genuine resolutions and ordinary deletions are left alone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuardResult } from '../../../sync-server/src/workers/conflictGuard';
import type { RunningWorker } from '../../../sync-server/src/workers/worker';
import { couchFetch, getCouchTarget, type CouchTarget, type Credentials } from '../../support/couchTarget';
import {
  caseDoc,
  killWorker,
  provisionTarget,
  putUser,
  removeUsers,
  spawnWorker,
  startAtFeedEnd,
  startTestWorker,
  testYear,
  waitFor,
} from './workerFixture';

let target: CouchTarget;
let worker: RunningWorker | undefined;
const made: string[] = [];
let clerk: Credentials;
let judge: Credentials;
const results: { db: string; id: string; result: GuardResult }[] = [];
const hex = (c: string) => c.repeat(32);
const marker = (keptRev: string) => ({ keptRev, at: new Date().toISOString() });

function url(db: string, id: string, q = ''): string {
  return `${target.url}/${db}/${encodeURIComponent(id)}${q}`;
}

async function put(who: Credentials, db: string, doc: Record<string, unknown>): Promise<string> {
  const r = await couchFetch(url(db, String(doc['_id'])), { method: 'PUT', auth: who, body: doc });
  if (r.status !== 201) throw new Error(`PUT ${String(doc['_id'])}: ${r.status} ${r.text}`);
  return String(r.body.rev);
}

async function bulk(who: Credentials, db: string, body: Record<string, unknown>): Promise<unknown[]> {
  const r = await couchFetch(`${target.url}/${db}/_bulk_docs`, { method: 'POST', auth: who, body });
  expect(r.status, r.text).toBe(201);
  return r.body as unknown[];
}

/** Makes `doc` conflicted: two leaves on rev 2 (as two offline edits replicate in). */
async function conflict(
  who: Credentials,
  db: string,
  doc: Record<string, unknown>,
  patchA: Record<string, unknown>,
  patchB: Record<string, unknown>,
): Promise<{ revA: string; revB: string }> {
  const rev1 = await put(who, db, doc);
  const h1 = rev1.split('-')[1];
  const docs = [
    { ...doc, ...patchA, _rev: `2-${hex('a')}`, _revisions: { start: 2, ids: [hex('a'), h1] } },
    { ...doc, ...patchB, _rev: `2-${hex('b')}`, _revisions: { start: 2, ids: [hex('b'), h1] } },
  ];
  expect(await bulk(who, db, { docs, new_edits: false })).toEqual([]);
  return { revA: `2-${hex('a')}`, revB: `2-${hex('b')}` };
}

async function live(db: string, id: string): Promise<Record<string, unknown> | undefined> {
  const r = await couchFetch(url(db, id, '?conflicts=true'), { auth: target.admin });
  return r.status === 200 ? (r.body as Record<string, unknown>) : undefined;
}

async function auditsFor(id: string): Promise<Record<string, unknown>[]> {
  const r = await couchFetch(`${target.url}/courtdesk_audit/_all_docs?include_docs=true`, {
    auth: target.admin,
  });
  return (r.body.rows as { doc: Record<string, unknown> }[])
    .map((row) => row.doc)
    .filter((d) => d['docId'] === id);
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provisionTarget(target);
  clerk = await putUser(target, made, `clerk.guard${testYear()}`, ['clerk']);
  judge = await putUser(target, made, `judge.guard${testYear()}`, ['judge'], { division: 'civil' });
  worker = await startTestWorker(target, {
    name: `guard-${randomUUID().slice(0, 8)}`,
    onGuardResult: (db, change, result) => results.push({ db, id: change.id, result }),
  });
});

afterAll(async () => {
  await worker?.stop();
  if (target) await removeUsers(target, made);
  await target?.stop();
});

describe('conflict guard (in the worker)', () => {
  it('undoes a forged marked deletion of the only leaf of a case and audits it', async () => {
    const doc = caseDoc(clerk.name, '民初', testYear());
    const id = String(doc['_id']);
    const rev = await put(clerk, 'courtdesk_cases', doc);
    // accepted: validate_doc_update sees a clerk (update right) and a well-formed marker
    const r = await bulk(clerk, 'courtdesk_cases', {
      docs: [{ _id: id, _rev: rev, _deleted: true, conflictResolution: marker(`1-${hex('f')}`) }],
    });
    expect(r[0]).toMatchObject({ ok: true });
    await waitFor(`${id} restored`, async () => (await live('courtdesk_cases', id)) !== undefined);
    const restored = await live('courtdesk_cases', id);
    expect(restored).toMatchObject({ cause: doc['cause'], createdBy: clerk.name, parties: doc['parties'] });
    expect(restored?.['_rev']).toMatch(/^3-/);
    expect(restored?.['_conflicts']).toBeUndefined();
    const audits = await auditsFor(id);
    expect(audits).toEqual([
      expect.objectContaining({
        type: 'audit',
        kind: 'conflictRestored',
        db: 'courtdesk_cases',
        restoredFromRev: rev,
        createdBy: 'worker',
      }),
    ]);
    expect(String(audits[0]?.['_id'])).toMatch(/^audit:\d{8}T\d{6}Z:conflict-restored-cases-/);
  });

  it('restores the kept branch when a genuine resolution is followed by a forged deletion of the survivor', async () => {
    const doc = caseDoc(clerk.name, '民初', testYear());
    const id = String(doc['_id']);
    const { revA, revB } = await conflict(clerk, 'courtdesk_cases', doc, { cause: '甲' }, { cause: '乙' });
    // genuine resolution, as conflicts.ts mergeRevisions writes it (merged on top of the winner revB)
    const res = (await bulk(clerk, 'courtdesk_cases', {
      docs: [
        { ...doc, cause: '甲乙合并', _rev: revB },
        { _id: id, _rev: revA, _deleted: true, conflictResolution: marker(revB) },
      ],
    })) as { ok?: boolean; rev?: string }[];
    expect(res.every((x) => x.ok)).toBe(true);
    const merged = String(res[0]?.rev);
    // forged: delete the merged survivor as if it were a losing branch
    expect(
      (
        await bulk(clerk, 'courtdesk_cases', {
          docs: [{ _id: id, _rev: merged, _deleted: true, conflictResolution: marker(revA) }],
        })
      )[0],
    ).toMatchObject({ ok: true });
    await waitFor(`${id} restored`, async () => (await live('courtdesk_cases', id)) !== undefined);
    expect((await live('courtdesk_cases', id))?.['cause']).toBe('甲乙合并');
  });

  it('leaves a genuine resolution and an ordinary deletion by the author alone', async () => {
    const draftId = `draft:${randomUUID()}`;
    const draft = {
      _id: draftId,
      type: 'draft',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: judge.name,
      caseId: 'case:x',
      kind: 'judgment',
      title: '民事判决书',
      body: '<p>初稿</p>',
    };
    const { revA, revB } = await conflict(judge, 'courtdesk_documents', draft, { body: 'a' }, { body: 'b' });
    const res = (await bulk(judge, 'courtdesk_documents', {
      docs: [
        { ...draft, body: 'a', _rev: revA },
        { _id: draftId, _rev: revB, _deleted: true, conflictResolution: marker(revA) },
      ],
    })) as { ok?: boolean; rev?: string }[];
    expect(res.every((x) => x.ok)).toBe(true);
    // the author then deletes the draft (remove right, no marker)
    const del = await couchFetch(url('courtdesk_documents', draftId, `?rev=${String(res[0]?.rev)}`), {
      method: 'DELETE',
      auth: judge,
    });
    expect(del.status, del.text).toBe(200);
    await waitFor(`guard saw ${draftId}`, async () =>
      results.some((x) => x.id === draftId && x.db === 'courtdesk_documents'),
    );
    // give the guard the chance to act wrongly on a later change too
    const probe = caseDoc(clerk.name, '民初', testYear());
    const probeRev = await put(clerk, 'courtdesk_cases', probe);
    await bulk(clerk, 'courtdesk_cases', {
      docs: [
        { _id: probe['_id'], _rev: probeRev, _deleted: true, conflictResolution: marker(`1-${hex('e')}`) },
      ],
    });
    await waitFor(
      'probe restored',
      async () => (await live('courtdesk_cases', String(probe['_id']))) !== undefined,
    );
    // Deleted, and it stays so. Waited for: on a busy cluster a copy that has not caught up yet can
    // answer a read with the stale live leaf (CouchDB prefers a live reply: fabric_doc_open).
    await waitFor(
      `${draftId} deleted in every read`,
      async () => (await live('courtdesk_documents', draftId)) === undefined,
    );
    expect(await auditsFor(draftId)).toEqual([]);
    expect(results.filter((x) => x.id === draftId).map((x) => x.result.status)).not.toContain('restored');
  });

  it('restores attachments with the body (archive volume scan)', async () => {
    const id = `volume:${randomUUID()}`;
    const pdf = Buffer.from('%PDF-1.4 卷宗扫描件 ' + 'x'.repeat(50_000));
    const rev = await put(clerk, 'courtdesk_documents', {
      _id: id,
      type: 'volume',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: clerk.name,
      title: '卷宗',
      _attachments: { 'scan.pdf': { content_type: 'application/pdf', data: pdf.toString('base64') } },
    });
    await bulk(clerk, 'courtdesk_documents', {
      docs: [{ _id: id, _rev: rev, _deleted: true, conflictResolution: marker(`1-${hex('d')}`) }],
    });
    await waitFor(`${id} restored`, async () => (await live('courtdesk_documents', id)) !== undefined);
    const raw = await fetch(`${url('courtdesk_documents', id)}/scan.pdf`, {
      headers: {
        authorization: 'Basic ' + Buffer.from(`${clerk.name}:${clerk.password}`).toString('base64'),
      },
    });
    expect(raw.status).toBe(200);
    expect(Buffer.from(await raw.arrayBuffer()).equals(pdf)).toBe(true);
  });
});

describe('conflict guard (worker process, CLI)', () => {
  it('a worker started by `courtdesk-server worker` guards too, after a SIGKILL and restart', async () => {
    const name = `guard-cli-${randomUUID().slice(0, 8)}`;
    await worker?.stop(); // only the child process guards in this test
    worker = undefined;
    await startAtFeedEnd(target, name);
    let w = spawnWorker(target, { name });
    await w.ready;
    await killWorker(w);
    // forged while no worker runs
    const doc = caseDoc(clerk.name, '民初', testYear());
    const id = String(doc['_id']);
    const rev = await put(clerk, 'courtdesk_cases', doc);
    await bulk(clerk, 'courtdesk_cases', {
      docs: [{ _id: id, _rev: rev, _deleted: true, conflictResolution: marker(`1-${hex('c')}`) }],
    });
    w = spawnWorker(target, { name });
    try {
      await w.ready;
      await waitFor(
        `${id} restored by the CLI worker`,
        async () => (await live('courtdesk_cases', id)) !== undefined,
      );
      expect(await auditsFor(id)).toHaveLength(1);
    } finally {
      await killWorker(w);
    }
  });
});
