/**
 * File reading through the server worker against a real server (embedded or COUCH_URL): a clerk's
 * visit makes a database holding exactly that case's volumes, the reader's page records move into
 * courtdesk_audit and the visit's log, and the database is deleted when the clerk closes the
 * visit or it expires — also when it expired while no worker ran (docs/file-reading.md).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingDbName, readingLobbyDbName, readingLogId } from '../../../core/schemas/readingVisit';
import type { RunningWorker } from '../../../sync-server/src/workers/worker';
import { couchFetch, getCouchTarget, type CouchTarget, type Credentials } from '../../support/couchTarget';
import { putArchiveVolume, visitDoc, type VolumeFixture } from '../../support/readingFixtures';
import { provisionTarget, putUser, removeUsers, startTestWorker, waitFor } from './workerFixture';

let target: CouchTarget;
let worker: RunningWorker | undefined;
let clerk: Credentials;
let reader: Credentials;
const users: string[] = [];
const s = Date.now().toString(36);
const name = `reading-it-${s}`;
const caseA = `case:${randomUUID()}`;
const caseB = `case:${randomUUID()}`;
let volumesA: VolumeFixture[];
const enc = encodeURIComponent;

function req(who: Credentials, method: string, path: string, body?: unknown) {
  return couchFetch(`${target.url}${path}`, { method, auth: who, body });
}

async function start(): Promise<RunningWorker> {
  return startTestWorker(target, { name, readingTickMs: 200, conflictGuard: false, staffDirectory: false });
}

async function fileVisit(minutes: number, seconds?: number): Promise<Record<string, unknown>> {
  const v = visitDoc({
    caseId: caseA,
    caseNumber: '（2026）甘0402民初21号',
    clerk: clerk.name,
    readerAccount: reader.name,
    minutes,
  });
  if (seconds !== undefined)
    v['expiresAt'] = new Date(Date.parse(String(v['createdAt'])) + seconds * 1000).toISOString();
  const r = await req(clerk, 'PUT', `/courtdesk_cases/${enc(String(v['_id']))}`, v);
  expect(r.status, r.text).toBe(201);
  return { ...v, _rev: r.body.rev };
}

async function dbStatus(db: string): Promise<number> {
  return (await couchFetch(`${target.url}/${db}`, { auth: target.admin })).status;
}

async function viewPage(db: string, volumeId: string, page: number): Promise<string> {
  const id = `pageView:${randomUUID()}`;
  const r = await req(reader, 'PUT', `/${db}/${enc(id)}`, {
    type: 'pageView',
    volumeId,
    page,
    action: 'view',
    at: new Date().toISOString(),
    createdBy: reader.name,
  });
  expect(r.status, r.text).toBe(201);
  return id;
}

async function auditFor(visitId: string): Promise<Record<string, unknown>[]> {
  const q = new URLSearchParams({ startkey: '"audit:"', endkey: '"audit:\ufff0"', include_docs: 'true' });
  const r = await couchFetch(`${target.url}/courtdesk_audit/_all_docs?${q.toString()}`, {
    auth: target.admin,
  });
  return (r.body.rows as { doc: Record<string, unknown> }[])
    .map((x) => x.doc)
    .filter((d) => d['visitId'] === visitId);
}

async function logOf(visitId: string): Promise<Record<string, unknown> | undefined> {
  const r = await couchFetch(`${target.url}/courtdesk_cases/${enc(readingLogId(visitId))}`, {
    auth: target.admin,
  });
  return r.status === 200 ? r.body : undefined;
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provisionTarget(target);
  clerk = await putUser(target, users, `clerk.read.${s}`, ['clerk']);
  reader = await putUser(target, users, `reading.pc.${s}`, ['reader']);
  volumesA = [
    await putArchiveVolume(target, caseA, {
      caseNumber: '（2026）甘0402民初21号',
      seq: 1,
      title: 'A-1',
      pages: 3,
    }),
    await putArchiveVolume(target, caseA, {
      caseNumber: '（2026）甘0402民初21号',
      seq: 1,
      title: 'A-2',
      pages: 1,
      kind: 'secondary',
    }),
  ];
  await putArchiveVolume(target, caseB, {
    caseNumber: '（2026）甘0402民初22号',
    seq: 1,
    title: 'B-1',
    pages: 1,
  });
  worker = await start();
});

afterAll(async () => {
  await worker?.stop();
  await couchFetch(`${target.url}/${readingLobbyDbName(reader.name)}`, {
    method: 'DELETE',
    auth: target.admin,
  });
  await removeUsers(target, users);
  await target?.stop();
});

describe('reading room worker', () => {
  it('opens a visit with exactly its case, audits every page, deletes the database when the clerk closes it', async () => {
    const visit = await fileVisit(30);
    const db = readingDbName(String(visit['_id']));
    await waitFor(
      'the visit database',
      async () => (await logOf(String(visit['_id'])))?.['state'] === 'open',
    );
    const all = await req(reader, 'GET', `/${db}/_all_docs`);
    const ids = (all.body.rows as { id: string }[])
      .map((r) => r.id)
      .filter((id) => !id.startsWith('_design/'));
    expect(ids.sort()).toEqual([...volumesA.flatMap((v) => [v.volumeId, v.fileId]), 'visit'].sort());
    const info = (await req(reader, 'GET', `/${db}/visit`)).body;
    expect(info.volumes.map((v: { id: string }) => v.id).sort()).toEqual(
      volumesA.map((v) => v.volumeId).sort(),
    );
    const lobby = await req(reader, 'GET', `/${readingLobbyDbName(reader.name)}/current`);
    expect(lobby.body).toMatchObject({ visitId: visit['_id'], db });

    const viewed = [
      await viewPage(db, volumesA[0]!.volumeId, 1),
      await viewPage(db, volumesA[0]!.volumeId, 2),
      await viewPage(db, volumesA[1]!.volumeId, 1),
    ];
    await waitFor('page records in the audit', async () => {
      const pages = (await auditFor(String(visit['_id']))).filter((d) => d['kind'] === 'readingPageView');
      return pages.length === 3;
    });
    const audit = await auditFor(String(visit['_id']));
    expect(
      audit
        .filter((d) => d['kind'] === 'readingPageView')
        .map((d) => d['pageViewId'])
        .sort(),
    ).toEqual(viewed.sort());
    expect(audit.every((d) => d['createdBy'] === 'worker' && d['type'] === 'audit')).toBe(true);

    const closedAt = new Date().toISOString();
    const r = await req(clerk, 'PUT', `/courtdesk_cases/${enc(String(visit['_id']))}`, {
      ...visit,
      closedAt,
      closedBy: clerk.name,
    });
    expect(r.status, r.text).toBe(201);
    await waitFor('the database deleted', async () => (await dbStatus(db)) === 404);
    await waitFor('the log closed', async () => (await logOf(String(visit['_id'])))?.['state'] === 'closed');
    const log = await logOf(String(visit['_id']));
    expect(log).toMatchObject({ closedReason: 'clerk', caseId: caseA });
    expect(
      (log?.['entries'] as { page: number; volumeTitle: string }[])
        .map((e) => `${e.volumeTitle}:${e.page}`)
        .sort(),
    ).toEqual(['A-1:1', 'A-1:2', 'A-2:1']);
    expect((await req(reader, 'GET', `/${readingLobbyDbName(reader.name)}/current`)).body.db).toBeNull();
  });

  it('closes a visit that expired while no worker ran, moving the last page records first', async () => {
    const visit = await fileVisit(0, 6);
    const db = readingDbName(String(visit['_id']));
    await waitFor(
      'the visit database',
      async () => (await logOf(String(visit['_id'])))?.['state'] === 'open',
    );
    await worker?.stop();
    worker = undefined;
    const late = await viewPage(db, volumesA[0]!.volumeId, 3);
    await waitFor(
      'the expiry',
      async () => Date.now() > Date.parse(String(visit['expiresAt'])) + 200,
      20_000,
    );
    expect(await dbStatus(db)).toBe(200); // nobody ran to close it
    worker = await start();
    await waitFor('the expired database deleted', async () => (await dbStatus(db)) === 404);
    await waitFor('the log closed', async () => (await logOf(String(visit['_id'])))?.['state'] === 'closed');
    const log = await logOf(String(visit['_id']));
    expect(log?.['closedReason']).toBe('expired');
    const audit = await auditFor(String(visit['_id']));
    expect(audit.filter((d) => d['kind'] === 'readingPageView').map((d) => d['pageViewId'])).toEqual([late]);
    expect(audit.filter((d) => d['kind'] === 'readingVisitClosed')).toHaveLength(1);
    // A restart replays: nothing is written twice.
    await worker.stop();
    worker = await start();
    await worker.readingRoom?.tick();
    await new Promise((r) => setTimeout(r, 500));
    expect(
      (await auditFor(String(visit['_id']))).filter((d) => d['kind'] === 'readingVisitClosed'),
    ).toHaveLength(1);
  });
});
