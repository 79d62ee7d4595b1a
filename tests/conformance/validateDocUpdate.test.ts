import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, createDb, refusedWrite, uniqueDbName } from '../support/couchTarget';
import { setupFixture, skippedOnCouch, type Fixture } from './fixture';

/**
 * validate_doc_update, as https://docs.couchdb.org/en/stable/ddocs/ddocs.html#validate-document-update-functions
 * documents it: called with (newDoc, oldDoc, userCtx, secObj) on every write, the normal path and
 * the replication path (`_bulk_docs` with `new_edits: false`); `throw({forbidden})` → 403,
 * `throw({unauthorized})` → 401, with the thrown message as `reason`. userCtx carries `db`; a
 * deletion's newDoc is `{_id, _rev, _deleted: true}`.
 */
const VDU = `function (newDoc, oldDoc, userCtx, secObj) {
  if (newDoc.forbid) throw({ forbidden: 'forbidden by the test validator' });
  if (newDoc.unauth) throw({ unauthorized: 'unauthorized by the test validator' });
  if (newDoc.checkArgs) {
    if (userCtx.db !== newDoc.checkArgs) throw({ forbidden: 'userCtx.db was ' + userCtx.db });
    if (!secObj || !secObj.members || !secObj.members.roles || secObj.members.roles.indexOf('clerk') < 0) throw({ forbidden: 'secObj missing: ' + JSON.stringify(secObj) });
  }
  if (newDoc._deleted && newDoc.payload !== undefined) throw({ forbidden: 'delete carried the old body' });
  if (newDoc._deleted && oldDoc && oldDoc.locked) throw({ forbidden: 'locked' });
}`;

let f: Fixture;
let db: string;

beforeAll(async () => {
  f = await setupFixture();
  db = uniqueDbName();
  await createDb(f.target, db, {
    admins: { names: [], roles: [] },
    members: { names: [], roles: ['clerk'] },
  });
  const r = await f.admin('PUT', `/${db}/_design/rules`, { validate_doc_update: VDU });
  expect(r.status).toBe(201);
});

afterAll(async () => {
  await f?.stop();
});

describe('validate_doc_update', () => {
  it('normal path: throw({forbidden}) → 403 forbidden with its reason', async () => {
    const r = await f.as('memberRole', 'PUT', `/${db}/a1`, { forbid: true });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: 'forbidden', reason: 'forbidden by the test validator' });
  });

  it('normal path: throw({unauthorized}) → 401 unauthorized with its reason', async () => {
    const r = await f.as('memberRole', 'PUT', `/${db}/a2`, { unauth: true });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: 'unauthorized', reason: 'unauthorized by the test validator' });
  });

  it('normal path: a valid document is stored', async () => {
    expect((await f.as('memberRole', 'PUT', `/${db}/a3`, { fine: true })).status).toBe(201);
  });

  it('POST /{db} and _bulk_docs (new_edits default) are validated per document', async () => {
    expect((await f.as('memberRole', 'POST', `/${db}`, { forbid: true })).status).toBe(403);
    const r = await f.as('memberRole', 'POST', `/${db}/_bulk_docs`, {
      docs: [
        { _id: 'b1', forbid: true },
        { _id: 'b2', ok: 1 },
      ],
    });
    expect(r.status).toBe(201);
    const byId = Object.fromEntries((r.body as Array<{ id: string }>).map((x) => [x.id, x]));
    expect(byId.b1).toMatchObject({ error: 'forbidden', reason: 'forbidden by the test validator' });
    expect(byId.b2).toMatchObject({ ok: true });
  });

  it('replication path (_bulk_docs new_edits:false): the validator runs and the document is not stored', async () => {
    const r = await f.as('memberRole', 'POST', `/${db}/_bulk_docs`, {
      new_edits: false,
      docs: [
        { _id: 'r1', _rev: '1-0123456789abcdef0123456789abcdef', forbid: true },
        { _id: 'r2', _rev: '1-0123456789abcdef0123456789abcdef', ok: 1 },
      ],
    });
    expect(r.status).toBe(201);
    const errors = (r.body as Array<{ id: string; error?: string }>).filter((x) => x.error);
    expect(errors).toEqual([expect.objectContaining({ id: 'r1', error: 'forbidden' })]);
    expect((await f.admin('GET', `/${db}/r1`)).status).toBe(404);
    expect((await f.admin('GET', `/${db}/r2`)).status).toBe(200);
  });

  it('replication path: throw({unauthorized}) is reported per document', async () => {
    const r = await f.as('memberRole', 'POST', `/${db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ _id: 'r3', _rev: '1-0123456789abcdef0123456789abcdef', unauth: true }],
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual([expect.objectContaining({ id: 'r3', error: 'unauthorized' })]);
  });

  it('receives userCtx.db and the real secObj on the normal path', async () => {
    const r = await f.as('memberRole', 'PUT', `/${db}/args1`, { checkArgs: db });
    expect(r.status, r.text).toBe(201);
  });

  it('receives userCtx.db and the real secObj on the replication path', async () => {
    const r = await f.as('memberRole', 'POST', `/${db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ _id: 'args2', _rev: '1-0123456789abcdef0123456789abcdef', checkArgs: db }],
    });
    expect(r.status).toBe(201);
    expect(r.body, r.text).toEqual([]);
  });

  it("a DELETE's newDoc is {_id, _rev, _deleted: true} without the old body; oldDoc is the stored one", async () => {
    const put = await f.as('memberRole', 'PUT', `/${db}/del1`, { payload: 'old body' });
    expect(put.status).toBe(201);
    const del = await f.as('memberRole', 'DELETE', `/${db}/del1?rev=${put.body.rev as string}`);
    expect(del.status, del.text).toBe(200);
    const locked = await f.as('memberRole', 'PUT', `/${db}/del2`, { locked: true });
    const refused = await refusedWrite(f.target, () =>
      f.as('memberRole', 'DELETE', `/${db}/del2?rev=${locked.body.rev as string}`),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'forbidden', reason: 'locked' });
  });

  it('design documents are not subject to validate_doc_update but need a db admin', async () => {
    expect((await f.as('memberRole', 'PUT', `/${db}/_design/other`, { forbid: true })).status).toBe(403);
    const ok = await f.admin('PUT', `/${db}/_design/other`, { forbid: true });
    expect(ok.status).toBe(201);
    const bulk = await f.as('memberRole', 'POST', `/${db}/_bulk_docs`, {
      docs: [{ _id: '_design/sneaky', views: {} }],
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body[0]).toMatchObject({ id: '_design/sneaky', error: 'forbidden' });
  });
});

describe('design-document JavaScript cannot reach Node (embedded server)', () => {
  const PROBE = `function (newDoc) {
    if (!newDoc.probe) return;
    var report = [];
    report.push(typeof process, typeof globalThis.process, typeof Buffer, typeof setTimeout);
    try { report.push(newDoc.constructor.constructor('return typeof process')()); } catch (e) { report.push('blocked'); }
    try { report.push(typeof newDoc.constructor.constructor('return this')().process); } catch (e) { report.push('blocked'); }
    try { report.push(String(require('fs'))); } catch (e) { report.push('no-fs'); }
    throw({ forbidden: 'probe:' + report.join(',') });
  }`;

  it('validate_doc_update sees no process, Buffer, timers, host Function or Node require', async ({
    skip,
  }) => {
    if (!f.target.embedded) {
      skippedOnCouch('ddoc JS sandbox probe (CouchDB runs ddoc JS in couchjs, outside Node)');
      skip();
    }
    const pdb = uniqueDbName();
    await createDb(f.target, pdb, { members: { names: [], roles: ['clerk'] } });
    expect((await f.admin('PUT', `/${pdb}/_design/probe`, { validate_doc_update: PROBE })).status).toBe(201);
    const r = await f.as('memberRole', 'PUT', `/${pdb}/p1`, { probe: true });
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe('probe:undefined,undefined,undefined,undefined,undefined,undefined,no-fs');
  });

  it('an endless validate_doc_update costs one request, not the server', async ({ skip }) => {
    if (!f.target.embedded) {
      skippedOnCouch('endless validate_doc_update (CouchDB has its own os_process_timeout)');
      skip();
    }
    const ldb = uniqueDbName();
    await createDb(f.target, ldb, { members: { names: [], roles: ['clerk'] } });
    await f.admin('PUT', `/${ldb}/_design/loop`, {
      validate_doc_update: 'function (d) { if (d.loop) { while (true) {} } }',
    });
    const r = await f.as('memberRole', 'PUT', `/${ldb}/l1`, { loop: true });
    expect(r.status).toBe(500);
    expect((await f.as('memberRole', 'PUT', `/${ldb}/l2`, { loop: false })).status).toBe(201);
    expect((await couchFetch(`${f.target.url}/`)).status).toBe(200);
  });
});
