import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../core/databases';
import { readingDbName, readingLobbyDbName } from '../../core/schemas/readingVisit';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { provision } from '../../sync-server/src/setup/provision';
import { CouchHttp, type CouchDoc } from '../../sync-server/src/workers/couchHttp';
import { ReadingRoom } from '../../sync-server/src/workers/readingRoom';
import {
  couchFetch,
  createUser,
  getCouchTarget,
  type CouchResponse,
  type CouchTarget,
  type Credentials,
  refusedWrite,
} from '../support/couchTarget';
import { putArchiveVolume, visitDoc, type VolumeFixture } from '../support/readingFixtures';

/**
 * File reading's attack surface (docs/file-reading.md), against the embedded server and Apache
 * CouchDB alike: a reading PC's account (role `reader`) reaches its own visit's database and
 * lobby and nothing else, and inside its visit it can only add page records. The visit databases
 * are made by the worker's own code (ReadingRoom) from a clerk's `readingVisit`.
 */

let target: CouchTarget;
let room: ReadingRoom;
let readerA: Credentials;
let readerB: Credentials;
let clerk: Credentials;
let visitA: CouchDoc;
let visitB: CouchDoc;
let volumesA: VolumeFixture[];
let volumeB: VolumeFixture;
const caseA = `case:${randomUUID()}`;
const caseB = `case:${randomUUID()}`;

function as(who: Credentials, method: string, path: string, body?: unknown): Promise<CouchResponse> {
  return couchFetch(`${target.url}${path}`, { method, auth: who, body });
}

function admin(method: string, path: string, body?: unknown): Promise<CouchResponse> {
  return couchFetch(`${target.url}${path}`, { method, auth: target.admin, body });
}

const enc = encodeURIComponent;

beforeAll(async () => {
  target = await getCouchTarget();
  await provision(createCouchClient(target.adminUrl));
  const tag = randomBytes(4).toString('hex');
  const pw = randomBytes(9).toString('hex');
  readerA = { name: `reading.a.${tag}`, password: pw };
  readerB = { name: `reading.b.${tag}`, password: pw };
  clerk = { name: `clerk.reading.${tag}`, password: pw };
  await createUser(target, readerA.name, pw, ['reader']);
  await createUser(target, readerB.name, pw, ['reader']);
  await createUser(target, clerk.name, pw, ['clerk']);
  volumesA = [
    await putArchiveVolume(target, caseA, {
      caseNumber: '（2026）甘0402民初11号',
      seq: 1,
      title: 'A-main-1',
      pages: 2,
    }),
    await putArchiveVolume(target, caseA, {
      caseNumber: '（2026）甘0402民初11号',
      seq: 2,
      title: 'A-main-2',
      pages: 1,
    }),
  ];
  volumeB = await putArchiveVolume(target, caseB, {
    caseNumber: '（2026）甘0402民初12号',
    seq: 1,
    title: 'B-main-1',
    pages: 1,
  });
  room = new ReadingRoom({
    couch: new CouchHttp(target.adminUrl),
    name: `conf-${tag}`,
    workerName: 'worker',
  });
  visitA = visitDoc({
    caseId: caseA,
    caseNumber: '（2026）甘0402民初11号',
    clerk: clerk.name,
    readerAccount: readerA.name,
  });
  visitB = visitDoc({
    caseId: caseB,
    caseNumber: '（2026）甘0402民初12号',
    clerk: clerk.name,
    readerAccount: readerB.name,
  });
  for (const v of [visitA, visitB]) {
    const r = await as(clerk, 'PUT', `/courtdesk_cases/${enc(v._id)}`, v);
    expect(r.status, r.text).toBe(201);
    v._rev = r.body.rev;
    await room.reconcile(v);
  }
});

afterAll(async () => {
  for (const v of [visitA, visitB]) {
    if (!v?._rev) continue;
    await room.reconcile({ ...v, closedAt: new Date().toISOString(), closedBy: clerk.name });
  }
  for (const who of [readerA, readerB]) if (who) await admin('DELETE', `/${readingLobbyDbName(who.name)}`);
  await target?.stop();
});

describe('a reader account outside its visit', () => {
  it('cannot read, list, follow, bulk-read, query or replicate any standard database', async () => {
    for (const spec of DATABASES) {
      const db = `/${spec.name}`;
      const attempts: [string, string, unknown?][] = [
        ['GET', db],
        ['GET', `${db}/_all_docs?include_docs=true`],
        ['GET', `${db}/_changes?include_docs=true`],
        ['POST', `${db}/_changes`, { selector: {} }],
        ['POST', `${db}/_bulk_get`, { docs: [{ id: volumeB.volumeId }] }],
        ['POST', `${db}/_find`, { selector: { type: 'archiveVolume' } }],
        ['POST', `${db}/_all_docs`, { keys: [volumeB.volumeId] }],
        ['GET', `${db}/${enc(volumeB.volumeId)}`],
        ['GET', `${db}/${enc(volumeB.fileId)}?attachments=true`],
      ];
      for (const [method, path, body] of attempts) {
        const r = await as(readerA, method, path, body);
        expect([401, 403], `${method} ${path}: ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status);
        expect(r.text).not.toContain('B-main-1');
      }
    }
  });

  it("cannot reach another visit's database or lobby", async () => {
    const other = readingDbName(visitB._id);
    expect((await admin('GET', `/${other}/${enc(volumeB.volumeId)}`)).status).toBe(200);
    for (const path of [
      `/${other}`,
      `/${other}/_all_docs?include_docs=true`,
      `/${other}/_changes`,
      `/${other}/${enc(volumeB.volumeId)}`,
      `/${other}/${enc(volumeB.fileId)}/${enc('B-main-1.pdf')}`,
      `/${readingLobbyDbName(readerB.name)}/current`,
    ]) {
      const r = await as(readerA, 'GET', path);
      expect([401, 403], `GET ${path}: ${r.status}`).toContain(r.status);
    }
    const write = await as(readerA, 'PUT', `/${other}/pageView:forged`, {
      type: 'pageView',
      volumeId: volumeB.volumeId,
      page: 1,
      action: 'view',
      at: new Date().toISOString(),
      createdBy: readerA.name,
    });
    expect([401, 403]).toContain(write.status);
  });

  it('cannot replicate another case into its visit, write audit records or create databases', async () => {
    const mine = readingDbName(visitA._id);
    const rep = await as(readerA, 'POST', '/_replicate', {
      source: `${target.url}/courtdesk_documents`,
      target: `${target.url}/${mine}`,
      doc_ids: [volumeB.volumeId, volumeB.fileId],
    });
    expect(rep.status, rep.text).not.toBe(200);
    const leaked = await admin('GET', `/${mine}/${enc(volumeB.volumeId)}`);
    expect(leaked.status).toBe(404);
    const audit = await as(readerA, 'PUT', `/courtdesk_audit/${enc('audit:20260101T000000Z:forged')}`, {
      type: 'audit',
      kind: 'readingPageView',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: 'worker',
    });
    expect([401, 403]).toContain(audit.status);
    const create = await as(readerA, 'PUT', `/courtdesk_reading_forged${randomBytes(3).toString('hex')}`);
    expect([401, 403]).toContain(create.status);
  });
});

describe('a reader account inside its own visit', () => {
  const mine = () => `/${readingDbName(visitA._id)}`;

  it("reads exactly its case's volumes and their files", async () => {
    const all = await as(readerA, 'GET', `${mine()}/_all_docs`);
    expect(all.status).toBe(200);
    const ids = (all.body.rows as { id: string }[])
      .map((r) => r.id)
      .filter((id) => !id.startsWith('_design/'));
    expect(ids.sort()).toEqual(
      [...volumesA.map((v) => v.volumeId), ...volumesA.map((v) => v.fileId), 'visit'].sort(),
    );
    const pdf = await as(readerA, 'GET', `${mine()}/${enc(volumesA[0]!.fileId)}/${enc('A-main-1.pdf')}`);
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF-1.4')).toBe(true);
    const lobby = await as(readerA, 'GET', `/${readingLobbyDbName(readerA.name)}/current`);
    expect(lobby.status).toBe(200);
    expect(lobby.body.db).toBe(readingDbName(visitA._id));
  });

  it('cannot change its _security, design documents, volumes or files', async () => {
    const sec = await as(readerA, 'PUT', `${mine()}/_security`, {
      admins: { names: [readerA.name], roles: [] },
      members: { names: [readerA.name], roles: [] },
    });
    // CouchDB 3.4.3 answers a member's _security write with 500 no_majority (every shard copy
    // refuses it); either way the security object must be unchanged.
    if (sec.status === 500 && !target.embedded) expect(sec.body?.reason).toBe('no_majority');
    else expect([401, 403]).toContain(sec.status);
    const secNow = await admin('GET', `${mine()}/_security`);
    expect(secNow.body?.admins?.names ?? []).not.toContain(readerA.name);
    const ddoc = await as(readerA, 'PUT', `${mine()}/_design/forged`, {
      validate_doc_update: 'function(){}',
    });
    expect([401, 403]).toContain(ddoc.status);
    const volume = (await as(readerA, 'GET', `${mine()}/${enc(volumesA[0]!.volumeId)}`)).body as CouchDoc;
    const changed = await as(readerA, 'PUT', `${mine()}/${enc(volume._id)}`, { ...volume, title: 'forged' });
    expect(changed.status).toBe(403);
    const del = await as(readerA, 'DELETE', `${mine()}/${enc(volume._id)}?rev=${volume._rev}`);
    expect(del.status).toBe(403);
    const added = await as(readerA, 'PUT', `${mine()}/${enc(`archiveVolume:${caseA.slice(5)}:main:09`)}`, {
      ...volume,
      _rev: undefined,
    });
    expect(added.status).toBe(403);
    const forgedBranch = await as(readerA, 'POST', `${mine()}/_bulk_docs`, {
      new_edits: false,
      docs: [{ ...volume, _rev: '9-0123456789abcdef0123456789abcdef', title: 'forged' }],
    });
    expect(JSON.stringify(forgedBranch.body)).toContain('forbidden');
    const after = await admin('GET', `${mine()}/${enc(volume._id)}?conflicts=true`);
    expect(after.body.title).toBe(volume['title']);
    expect(after.body._conflicts).toBeUndefined();
    // The visit's terms, with their current revision (so validate_doc_update, not a 409, answers).
    const terms = await as(readerA, 'GET', `${mine()}/visit`);
    expect(terms.status).toBe(200);
    const info = await as(readerA, 'PUT', `${mine()}/visit`, {
      ...terms.body,
      allowPrint: !terms.body.allowPrint,
    });
    expect(info.status).toBe(403);
    expect((await admin('GET', `${mine()}/visit`)).body._rev).toBe(terms.body._rev);
  });

  it('adds page records, but never changes or deletes them, nor prints without leave', async () => {
    const view = {
      type: 'pageView',
      volumeId: volumesA[0]!.volumeId,
      page: 2,
      action: 'view',
      at: new Date().toISOString(),
      createdBy: readerA.name,
    };
    const ok = await as(readerA, 'PUT', `${mine()}/pageView:${randomUUID()}`, view);
    expect(ok.status, ok.text).toBe(201);
    const update = await refusedWrite(target, () =>
      as(readerA, 'PUT', `${mine()}/${enc(ok.body.id)}`, { ...view, _rev: ok.body.rev, page: 1 }),
    );
    expect(update.status).toBe(403);
    const del = await refusedWrite(target, () =>
      as(readerA, 'DELETE', `${mine()}/${enc(ok.body.id)}?rev=${ok.body.rev}`),
    );
    expect(del.status).toBe(403);
    const print = await as(readerA, 'PUT', `${mine()}/pageView:${randomUUID()}`, {
      ...view,
      action: 'print',
    });
    expect(print.status).toBe(403);
    const someoneElse = await as(readerA, 'PUT', `${mine()}/pageView:${randomUUID()}`, {
      ...view,
      createdBy: 'x',
    });
    expect(someoneElse.status).toBe(403);
    const extra = await as(readerA, 'PUT', `${mine()}/pageView:${randomUUID()}`, { ...view, note: 'x' });
    expect(extra.status).toBe(403);
    const lobby = await as(readerA, 'PUT', `/${readingLobbyDbName(readerA.name)}/current2`, { visitId: 'x' });
    expect(lobby.status).toBe(403);
  });

  it('loses the database when the clerk closes the visit', async () => {
    const closed = { ...visitA, closedAt: new Date().toISOString(), closedBy: clerk.name };
    const r = await as(clerk, 'PUT', `/courtdesk_cases/${enc(visitA._id)}`, closed);
    expect(r.status, r.text).toBe(201);
    visitA = { ...closed, _rev: r.body.rev };
    await room.reconcile(visitA);
    expect((await admin('GET', mine())).status).toBe(404);
    const gone = await as(readerA, 'GET', `${mine()}/_all_docs`);
    expect([401, 403, 404]).toContain(gone.status);
    const lobby = await as(readerA, 'GET', `/${readingLobbyDbName(readerA.name)}/current`);
    expect(lobby.body.db).toBeNull();
  });
});

describe('the clerk’s visit record', () => {
  it('can be closed but not retargeted to another case, and only clerks admit readers', async () => {
    const moved = await as(clerk, 'PUT', `/courtdesk_cases/${enc(visitB._id)}`, { ...visitB, caseId: caseA });
    expect(moved.status).toBe(403);
    const byReader = await as(readerA, 'PUT', `/courtdesk_cases/${enc('readingVisit:x')}`, {
      ...visitDoc({ caseId: caseB, caseNumber: 'x', clerk: readerA.name, readerAccount: readerA.name }),
      _id: 'readingVisit:x',
    });
    expect([401, 403]).toContain(byReader.status);
    const badId = visitDoc({
      caseId: caseB,
      caseNumber: 'x',
      clerk: clerk.name,
      readerAccount: readerA.name,
      idNumber: '110105194912310021',
    });
    const refused = await as(clerk, 'PUT', `/courtdesk_cases/${enc(String(badId['_id']))}`, badId);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('readerIdNumber');
  });
});
