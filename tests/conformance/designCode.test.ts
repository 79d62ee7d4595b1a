import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDdocs } from '../../build/compileDdocs';
import { expectAnswer } from './expectations';
import { expectServerAnswers, setupFixture, skippedOnCouch, type Fixture } from './fixture';
import { OwnServer } from './ownServer';

/**
 * Issue 8 hole 2: a map function in a member-written design document overrode
 * `Array.prototype.forEach`, received the host's `emit`, reached `process` and wrote a file as the
 * server's user — `node:vm` is not a boundary. On the embedded server only the server admin
 * writes design documents, only design documents whose content the server admin wrote (or that
 * ship with CourtDesk) run, and one stored earlier by anyone else is never executed.
 */
let f: Fixture;
const marker = (dir: string): string => join(dir, 'pwned-by-map-function');

/** The escape as found: host `emit` through an overridden forEach, then `process` via its constructor. */
function escapingMap(file: string): string {
  return `function (doc) {
    var original = Array.prototype.forEach;
    Array.prototype.forEach = function (cb) {
      try {
        var proc = cb.constructor.constructor('return process')();
        proc.mainModule.require('fs').writeFileSync(${JSON.stringify(file)}, 'pwned');
      } catch (e) {}
      return original.apply(this, arguments);
    };
    emit(doc._id, null);
  }`;
}

beforeAll(async () => {
  f = await setupFixture();
  expect((await f.admin('PUT', `/${f.db}/seed`, { kind: 'seed' })).status).toBe(201);
});

afterAll(async () => {
  await f?.stop();
});

describe('who writes design documents (hole 2)', () => {
  it('a member cannot (403), by PUT or _bulk_docs', async () => {
    const ddoc = { views: { v: { map: escapingMap('/tmp/never') } } };
    expectAnswer(
      await f.as('memberRole', 'PUT', `/${f.db}/_design/evil`, ddoc),
      [403, 'forbidden'],
      f.target.embedded,
    );
    const bulk = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
      docs: [{ _id: '_design/evil', ...ddoc }],
    });
    expect(bulk.body[0]).toMatchObject({ id: '_design/evil', error: 'forbidden' });
    expect((await f.admin('GET', `/${f.db}/_design/evil`)).status).toBe(404);
  });

  it('a database admin cannot on the embedded server', async () => {
    const r = await f.as('dbAdmin', 'PUT', `/${f.db}/_design/by_db_admin`, {
      views: { v: { map: 'function (d) { emit(d._id); }' } },
    });
    expectAnswer(
      r,
      {
        couch: [201],
        embedded: [403, 'forbidden'],
        why: 'design-document JavaScript runs inside the embedded server process: only the server admin writes it',
      },
      f.target.embedded,
    );
    await expectServerAnswers(f);
  });

  it('views are the server admin’s on the embedded server; a member cannot run one', async () => {
    expect(
      (
        await f.admin('PUT', `/${f.db}/_design/admin_views`, {
          views: { v: { map: 'function (d) { emit(d._id, 1); }' } },
        })
      ).status,
    ).toBe(201);
    expectAnswer(
      await f.as('memberRole', 'GET', `/${f.db}/_design/admin_views/_view/v`),
      {
        couch: [200],
        embedded: [401, 'unauthorized'],
        why: 'the app uses no views; they run design-document JavaScript',
      },
      f.target.embedded,
    );
    const asAdmin = await f.admin('GET', `/${f.db}/_design/admin_views/_view/v`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.rows.map((r: { id: string }) => r.id)).toContain('seed');
  });
});

describe('design documents stored before this rule (embedded server data directory)', () => {
  it('a member-written design document is never executed; the server admin’s rewrite runs', async ({
    skip,
  }) => {
    if (!f.target.embedded) {
      skippedOnCouch('design documents written into an older data directory');
      skip();
    }
    const own = new OwnServer();
    try {
      await own.start();
      expect((await own.request('PUT', '/legacy')).status).toBe(201);
      expect((await own.request('PUT', '/legacy/one', { a: 1 })).status).toBe(201);
      await own.stop();
      // What the `_local/_security` hole let a clerk store: an escaping view and an empty validator.
      await own.direct('legacy', async (db) => {
        await db.put({
          _id: '_design/evil',
          views: { v: { map: escapingMap(marker(own.dir)) } },
          validate_doc_update: 'function () {}',
        });
      });
      await own.start();
      const view = await own.request('GET', '/legacy/_design/evil/_view/v');
      expect(view.status, view.text).toBe(403);
      expect(existsSync(marker(own.dir))).toBe(false);
      // Its validator is not run either: the database refuses writes until the admin rewrites it.
      const write = await own.request('PUT', '/legacy/two', { a: 2 });
      expect(write.status, write.text).toBe(500);
      expect(write.body.error).toBe('untrusted_design_document');
      const current = await own.request('GET', '/legacy/_design/evil');
      const fixed = await own.request('PUT', '/legacy/_design/evil', {
        _rev: current.body._rev,
        views: { v: { map: 'function (d) { emit(d._id, null); }' } },
        validate_doc_update: 'function (d) { if (d.bad) throw({ forbidden: "bad" }); }',
      });
      expect(fixed.status).toBe(201);
      expect((await own.request('PUT', '/legacy/two', { a: 2 })).status).toBe(201);
      expect((await own.request('PUT', '/legacy/three', { bad: true })).status).toBe(403);
      expect((await own.request('GET', '/legacy/_design/evil/_view/v')).body.rows).toHaveLength(2);
      expect(existsSync(marker(own.dir))).toBe(false);
    } finally {
      await own.dispose();
    }
  });

  it('the design documents CourtDesk ships keep validating after an upgrade', async ({ skip }) => {
    if (!f.target.embedded) {
      skippedOnCouch('design documents written into an older data directory');
      skip();
    }
    const ddoc = compileDdocs()
      .find((d) => d.db === 'courtdesk_cases')
      ?.docs.find((d) => d._id === '_design/courtdesk');
    expect(ddoc).toBeDefined();
    const own = new OwnServer();
    try {
      await own.start();
      const clerk = { name: 'clerk1', password: 'clerk-pw' };
      expect((await own.request('PUT', '/cases')).status).toBe(201);
      await own.request('PUT', '/cases/_security', {
        admins: { names: [], roles: [] },
        members: { names: [], roles: ['clerk'] },
      });
      await own.request('PUT', '/_users/org.couchdb.user:clerk1', {
        name: 'clerk1',
        password: clerk.password,
        roles: ['clerk'],
        type: 'user',
      });
      await own.stop();
      await own.direct('cases', (db) => db.put({ ...ddoc }));
      await own.start();
      const forged = await own.request(
        'PUT',
        '/cases/case:forged',
        { type: 'case', caseNumber: '（2026）甘0402民初1号' },
        clerk,
      );
      expect(forged.status, forged.text).toBe(403);
      expect((await own.request('GET', '/cases/case:forged')).status).toBe(404);
    } finally {
      await own.dispose();
    }
  });
});
