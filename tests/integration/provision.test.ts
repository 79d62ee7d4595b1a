/**
 * Provisioning against a real server: the embedded one, or Apache CouchDB through COUCH_URL (a
 * throwaway instance: provisioning uses the production database names by design). Documents and
 * users this suite writes are removed afterwards; the provisioned databases stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDdocs } from '../../build/compileDdocs';
import { DATABASES } from '../../core/databases';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { normaliseSecurity } from '../../sync-server/src/couch/helpers';
import { shardCopies, untilEveryCopy } from '../../sync-server/src/couch/shardCopies';
import { provision, securityFor } from '../../sync-server/src/setup/provision';
import {
  couchFetch,
  createUser,
  getCouchTarget,
  sessionCookie,
  type CouchTarget,
} from '../support/couchTarget';
import { currentVersion } from '../../core/schemas/registry';
import { validFields } from '../support/validDocs';

let target: CouchTarget;
const written: { db: string; id: string }[] = [];
const suffix = Date.now().toString(36);
const clerk = { name: `clerk.it${suffix}`, password: 'clerk-pass-1' };
const judge = { name: `judge.it${suffix}`, password: 'judge-pass-1' };
const kiosk = { name: `kiosk.it${suffix}`, password: 'kiosk-pass-1' };

function caseDoc(id: string, createdBy: string): Record<string, unknown> {
  return {
    _id: id,
    ...validFields('case'),
    type: 'case',
    schemaVersion: currentVersion('case'),
    createdAt: new Date().toISOString(),
    createdBy,
  };
}

beforeAll(async () => {
  target = await getCouchTarget();
});

/** Waits until revision `rev` of `id` is on every shard copy (at once on a single copy). */
async function onEveryCopy(db: string, id: string, rev: string): Promise<void> {
  await untilEveryCopy(
    createCouchClient(target.adminUrl),
    db,
    { docId: id },
    (b) => (b as { _rev?: string })._rev === rev,
  );
}

afterAll(async () => {
  if (!target) return;
  for (const { db, id } of written) {
    const cur = await couchFetch(`${target.url}/${db}/${encodeURIComponent(id)}`, { auth: target.admin });
    if (cur.status === 200)
      await couchFetch(`${target.url}/${db}/${encodeURIComponent(id)}?rev=${cur.body._rev}`, {
        method: 'DELETE',
        auth: target.admin,
      });
  }
  await target.stop();
});

describe(`provision (${process.env['COUCH_URL'] ? 'COUCH_URL' : 'embedded server'})`, () => {
  it('provisions, and a second run changes nothing', async () => {
    const couch = createCouchClient(target.adminUrl);
    const first = await provision(couch);
    // A fresh embedded server gets every database, its _security and every design document.
    if (target.embedded)
      expect({
        created: first.changes.filter((c) => c.startsWith('created database courtdesk_')).length,
        secured: first.changes.filter((c) => c.startsWith('set _security of ')).length,
        installed: first.changes.filter((c) => c.startsWith('installed ')).length,
      }).toEqual({
        created: DATABASES.length,
        secured: DATABASES.length,
        installed: compileDdocs().reduce((n, d) => n + d.docs.length, 0),
      });
    const second = await provision(couch);
    expect(second.changes).toEqual([]);
    expect(second.migrations).toEqual([]);
  });

  it('runs a named migration once and records it in a _local document', async () => {
    const couch = createCouchClient(target.adminUrl);
    let runs = 0;
    // A unique name: on a reused COUCH_URL server the record of earlier runs stays (harmless).
    const probe = {
      name: `integration-probe-${suffix}`,
      created: '2026-11-25',
      run: async () => void runs++,
    };
    expect((await provision(couch, { migrations: [probe] })).migrations).toEqual([probe.name]);
    expect((await provision(couch, { migrations: [probe] })).changes).toEqual([]);
    expect(runs).toBe(1);
    const log = await couchFetch(`${target.url}/courtdesk_cases/_local/courtdesk_migrations`, {
      auth: target.admin,
    });
    expect(log.body.applied.map((a: { name: string }) => a.name)).toContain(probe.name);
  });

  it('sets each database’s _security as specified (members never empty)', async () => {
    for (const spec of DATABASES) {
      const r = await couchFetch(`${target.url}/${spec.name}/_security`, { auth: target.admin });
      expect(r.status, spec.name).toBe(200);
      expect(normaliseSecurity(r.body)).toEqual(normaliseSecurity(securityFor(spec)));
      expect(r.body.members.roles.length).toBeGreaterThan(0);
    }
    expect((await couchFetch(`${target.url}/_users`, { auth: target.admin })).status).toBe(200);
  });

  it('leaves _security and the design documents on every shard copy, not just a majority', async () => {
    // A cluster answers PUT _security and a design document write once a majority of copies took
    // it; a node whose copy lagged refused a judge courtdesk_public right after provisioning.
    const couch = createCouchClient(target.adminUrl);
    await provision(couch);
    const ddocs = compileDdocs();
    for (const spec of DATABASES) {
      const copies = await shardCopies(couch, spec.name);
      if (target.embedded) {
        expect(copies).toBeNull(); // one copy: nothing to wait for
        continue;
      }
      expect(copies?.length, spec.name).toBeGreaterThan(0);
      for (const c of copies ?? []) {
        const sec = await couchFetch(`${target.url}/_node/${c.node}/${c.path}/_security`, {
          auth: target.admin,
        });
        expect(normaliseSecurity(sec.body), `${spec.name} on ${c.node}`).toEqual(
          normaliseSecurity(securityFor(spec)),
        );
      }
      for (const ddoc of ddocs.find((d) => d.db === spec.name)?.docs ?? []) {
        const holders = (await shardCopies(couch, spec.name, ddoc._id)) ?? [];
        expect(holders.length).toBeGreaterThan(0);
        for (const c of holders) {
          const name = encodeURIComponent(ddoc._id.slice('_design/'.length));
          const got = await couchFetch(`${target.url}/_node/${c.node}/${c.path}/_design/${name}`, {
            auth: target.admin,
          });
          expect(got.body?.courtdesk_version, `${spec.name}/${ddoc._id} on ${c.node}`).toBe(
            ddoc.courtdesk_version,
          );
        }
      }
    }
  });

  it('installs every design document with its version stamp', async () => {
    for (const { db, docs } of compileDdocs()) {
      for (const ddoc of docs) {
        const r = await couchFetch(`${target.url}/${db}/${ddoc._id}`, { auth: target.admin });
        expect(r.status, `${db}/${ddoc._id}`).toBe(200);
        expect(r.body.courtdesk_version).toBe(ddoc.courtdesk_version);
        expect(r.body.validate_doc_update).toBe(ddoc.validate_doc_update);
      }
    }
  });

  it('lets a member read courtdesk_cases and keeps the kiosk and anonymous out', async () => {
    await createUser(target, clerk.name, clerk.password, ['clerk']);
    await createUser(target, judge.name, judge.password, ['judge']);
    await createUser(target, kiosk.name, kiosk.password, ['kiosk']);
    expect((await couchFetch(`${target.url}/courtdesk_cases`, { auth: clerk })).status).toBe(200);
    const cookie = await sessionCookie(target, clerk.name, clerk.password);
    expect((await couchFetch(`${target.url}/courtdesk_cases/_all_docs?limit=1`, { cookie })).status).toBe(
      200,
    );
    expect((await couchFetch(`${target.url}/courtdesk_cases`, { auth: kiosk })).status).toBe(403);
    expect((await couchFetch(`${target.url}/courtdesk_cases/_all_docs`, { auth: kiosk })).status).toBe(403);
    expect((await couchFetch(`${target.url}/courtdesk_public`, { auth: kiosk })).status).toBe(200);
    expect((await couchFetch(`${target.url}/courtdesk_audit`, { auth: clerk })).status).toBe(403);
    expect((await couchFetch(`${target.url}/courtdesk_cases`)).status).toBe(401);
  });

  it('accepts a clerk filing a case and rejects forged or unauthorised writes with readable reasons', async () => {
    const id = `case:it-${suffix}`;
    const ok = await couchFetch(`${target.url}/courtdesk_cases/${encodeURIComponent(id)}`, {
      method: 'PUT',
      auth: clerk,
      body: caseDoc(id, clerk.name),
    });
    expect(ok.status, ok.text).toBe(201);
    written.push({ db: 'courtdesk_cases', id });
    await onEveryCopy('courtdesk_cases', id, ok.body.rev); // see the forum test below

    const forgedId = `caseNumber:it-${suffix}`;
    const forged = await couchFetch(`${target.url}/courtdesk_cases/${encodeURIComponent(forgedId)}`, {
      method: 'PUT',
      auth: clerk,
      body: {
        _id: forgedId,
        type: 'caseNumber',
        schemaVersion: 1,
        createdAt: new Date().toISOString(),
        createdBy: clerk.name,
        caseId: id,
        caseNumber: '（2026）甘0402民初1号',
      },
    });
    expect(forged.status).toBe(403);
    expect(forged.body).toEqual({
      error: 'forbidden',
      reason: '正式案号只能由服务端程序分配 (official case numbers are assigned only by the server worker)',
    });

    const judgeId = `case:it-j-${suffix}`;
    const byJudge = await couchFetch(`${target.url}/courtdesk_cases/${encodeURIComponent(judgeId)}`, {
      method: 'PUT',
      auth: judge,
      body: caseDoc(judgeId, judge.name),
    });
    expect(byJudge.status).toBe(403);
    expect(byJudge.body.reason).toBe('只有书记员可以立案 (only clerks may file cases)');

    const spoofId = `case:it-s-${suffix}`;
    const spoof = await couchFetch(`${target.url}/courtdesk_cases/${encodeURIComponent(spoofId)}`, {
      method: 'PUT',
      auth: clerk,
      body: caseDoc(spoofId, 'clerk.someone-else'),
    });
    expect(spoof.status).toBe(403);
    expect(spoof.body.reason).toMatch(/createdBy must be the signed-in user/);

    // The same rules on the bulk path replication uses.
    const bulk = await couchFetch(`${target.url}/courtdesk_cases/_bulk_docs`, {
      method: 'POST',
      auth: clerk,
      body: { docs: [{ ...caseDoc(`caseNumber:b-${suffix}`, clerk.name), type: 'caseNumber' }] },
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body[0]).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('服务端程序') });

    // A delete is judged on the stored document: cases cannot be deleted by a clerk.
    const cur = await couchFetch(`${target.url}/courtdesk_cases/${encodeURIComponent(id)}`, { auth: clerk });
    const del = await couchFetch(
      `${target.url}/courtdesk_cases/${encodeURIComponent(id)}?rev=${cur.body._rev}`,
      { method: 'DELETE', auth: clerk },
    );
    expect(del.status).toBe(403);
    expect(del.body.reason).toBe('案件不得删除 (cases cannot be deleted)');
  });
  it('lets only the author edit and delete a forum post, on this server’s delete path too', async () => {
    const id = `post:it-${suffix}`;
    const url = `${target.url}/courtdesk_forum/${encodeURIComponent(id)}`;
    const post = {
      _id: id,
      type: 'post',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: judge.name,
      board: 'board:general',
      title: '关于庭审排期的建议',
      body: '建议每周一上午集中排期。',
    };
    const created = await couchFetch(url, { method: 'PUT', auth: judge, body: post });
    expect(created.status, created.text).toBe(201);
    written.push({ db: 'courtdesk_forum', id });
    // On a cluster the 201 came from a majority of copies: a refused write racing the last copy
    // gets that copy's 409 (no such revision there) when it answers first, since CouchDB returns
    // the first of mismatched errors (fabric_doc_update). The rule under test needs the post on
    // every copy.
    await onEveryCopy('courtdesk_forum', id, created.body.rev);
    const byOther = await couchFetch(url, {
      method: 'PUT',
      auth: clerk,
      body: { ...post, _rev: created.body.rev, body: '改了' },
    });
    expect(byOther.status).toBe(403);
    expect(byOther.body.reason).toBe('只有作者本人可以修改帖子 (only the author may edit a post)');
    const delOther = await couchFetch(`${url}?rev=${created.body.rev}`, { method: 'DELETE', auth: clerk });
    expect(delOther.status).toBe(403);
    expect((await couchFetch(url, { auth: kiosk })).status).toBe(403);
    const edited = await couchFetch(url, {
      method: 'PUT',
      auth: judge,
      body: { ...post, _rev: created.body.rev, body: '建议每周一、周三上午集中排期。' },
    });
    expect(edited.status).toBe(201);
    const del = await couchFetch(`${url}?rev=${edited.body.rev}`, { method: 'DELETE', auth: judge });
    expect(del.status, del.text).toBe(200);
  });
});
