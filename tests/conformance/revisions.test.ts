import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeExpected, expectAnswer, type Expected } from './expectations';
import { expectServerAnswers, setupFixture, skippedOnCouch, type Fixture } from './fixture';
import { OwnServer } from './ownServer';

/**
 * Issue 8 hole 3: `_bulk_docs` with `new_edits: false` and `_revisions: {start: 1, ids: []}` was
 * stored as revision `2-undefined`, and the next `_changes` killed the process; an admin could not
 * `_purge` it (400 `only_multipart_accepted`). `_revisions`/`_rev` are checked as CouchDB 3.4.3
 * checks them (its answers measured on a real node, below), refused where CouchDB stores something
 * PouchDB cannot; `_purge` works for the server admin; a data directory already holding such a
 * document does not take the server down.
 */
let f: Fixture;
const HASH = '0123456789abcdef0123456789abcdef';

beforeAll(async () => {
  f = await setupFixture();
});

afterAll(async () => {
  await f?.stop();
});

const POUCHDB_CANNOT: Expected = {
  couch: [201],
  embedded: [400, 'doc_validation'],
  why: 'CouchDB stores the revision as given; PouchDB would build a broken revision tree from it',
};
const POUCHDB_CANNOT_REV: Expected = {
  couch: [201],
  embedded: [400, 'bad_request'],
  why: 'CouchDB accepts revision 0 and an empty hash; PouchDB cannot store them',
};

const CASES: Array<[name: string, doc: Record<string, unknown>, expected: Expected]> = [
  [
    '_revisions with no ids (stored as 2-undefined before)',
    { _revisions: { start: 1, ids: [] } },
    {
      couch: [500],
      embedded: [400, 'doc_validation'],
      why: 'CouchDB 3.4.3 fails internally on it (500 internal_server_error)',
    },
  ],
  ['_revisions.start 0', { _revisions: { start: 0, ids: ['a'] } }, POUCHDB_CANNOT],
  ['_revisions.start negative', { _revisions: { start: -1, ids: ['a'] } }, POUCHDB_CANNOT],
  ['more ids than start', { _revisions: { start: 1, ids: ['a', 'b', 'c'] } }, POUCHDB_CANNOT],
  ['an empty revision hash in ids', { _revisions: { start: 1, ids: [''] } }, POUCHDB_CANNOT],
  ['_revisions.start a string', { _revisions: { start: '1', ids: ['a'] } }, [400, 'doc_validation']],
  ['_revisions.ids with a number', { _revisions: { start: 1, ids: [5] } }, [400, 'doc_validation']],
  ['_revisions.ids not a list', { _revisions: { start: 1, ids: 'a' } }, [400, 'doc_validation']],
  ['_revisions without ids', { _revisions: { start: 1 } }, [400, 'doc_validation']],
  ['_revisions not an object', { _revisions: 'x' }, [400, 'doc_validation']],
  ['neither _rev nor _revisions', { a: 1 }, [400, 'bad_request']],
  ['_rev without a dash', { _rev: 'abc' }, [400, 'bad_request']],
  ['_rev a number', { _rev: 5 }, [400, 'bad_request']],
  ['_rev 0-abc', { _rev: '0-abc' }, POUCHDB_CANNOT_REV],
  ['_rev with an empty hash', { _rev: '1-' }, POUCHDB_CANNOT_REV],
];

describe('_revisions and _rev on the replication path (hole 3)', () => {
  for (const [i, [name, doc, expected]] of CASES.entries()) {
    it(`${name} → ${describeExpected(expected)}; _changes still answers`, async () => {
      const id = `rv_${i}`;
      const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
        new_edits: false,
        docs: [{ _id: id, ...doc }],
      });
      expectAnswer(r, expected, f.target.embedded, name);
      const changes = await f.as('memberRole', 'GET', `/${f.db}/_changes?style=all_docs`);
      expect(changes.status, changes.text.slice(0, 200)).toBe(200);
      await expectServerAnswers(f);
    });
  }

  it('_revisions wins over a different _rev, as in CouchDB', async () => {
    const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ _id: 'rv_wins', _rev: `2-${HASH}`, _revisions: { start: 1, ids: ['def'] } }],
    });
    expectAnswer(r, [201], f.target.embedded);
    expect((await f.admin('GET', `/${f.db}/rv_wins`)).body._rev).toBe('1-def');
  });

  it('a valid history is stored as given', async () => {
    const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ _id: 'rv_ok', _revisions: { start: 2, ids: ['b', 'a'] }, n: 1 }],
    });
    expectAnswer(r, [201], f.target.embedded);
    const got = await f.admin('GET', `/${f.db}/rv_ok?revs=true`);
    expect(got.body).toMatchObject({ _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] } });
  });
});

describe('_purge (hole 3)', () => {
  it('a member → 401 unauthorized; the document stays', async () => {
    const put = await f.admin('PUT', `/${f.db}/purge_member`, { a: 1 });
    const r = await f.as('memberRole', 'POST', `/${f.db}/_purge`, { purge_member: [put.body.rev] });
    expectAnswer(r, [401, 'unauthorized'], f.target.embedded);
    expect((await f.admin('GET', `/${f.db}/purge_member`)).status).toBe(200);
  });

  it('the server admin purges a document: gone from reads and from _changes', async () => {
    const put = await f.admin('PUT', `/${f.db}/purge_me`, { a: 1 });
    const r = await f.admin('POST', `/${f.db}/_purge`, {
      purge_me: [put.body.rev],
      purge_missing: ['1-abc'],
    });
    expectAnswer(r, [201], f.target.embedded);
    expect(r.body).toEqual({ purge_seq: null, purged: { purge_me: [put.body.rev], purge_missing: [] } });
    expect((await f.admin('GET', `/${f.db}/purge_me`)).status).toBe(404);
    const changes = await f.admin('GET', `/${f.db}/_changes`);
    expect(changes.body.results.map((c: { id: string }) => c.id)).not.toContain('purge_me');
  });

  it('purging one conflicting leaf keeps the other', async () => {
    const docs = ['a', 'b'].map((c) => ({ _id: 'purge_conflict', _rev: `1-${c.repeat(32)}`, side: c }));
    expectAnswer(
      await f.admin('POST', `/${f.db}/_bulk_docs`, { new_edits: false, docs }),
      [201],
      f.target.embedded,
    );
    const r = await f.admin('POST', `/${f.db}/_purge`, { purge_conflict: [`1-${'b'.repeat(32)}`] });
    expect(r.body.purged).toEqual({ purge_conflict: [`1-${'b'.repeat(32)}`] });
    const got = await f.admin('GET', `/${f.db}/purge_conflict?conflicts=true`);
    expect(got.body).toMatchObject({ _rev: `1-${'a'.repeat(32)}`, side: 'a' });
    expect(got.body._conflicts).toBeUndefined();
  });

  it('a malformed purge body → 400 bad_request', async () => {
    expectAnswer(
      await f.admin('POST', `/${f.db}/_purge`, { x: '1-abc' }),
      [400, 'bad_request'],
      f.target.embedded,
    );
  });
});

describe('a data directory already holding a broken document (embedded server)', () => {
  it('the server keeps answering _changes, and the server admin purges the document', async ({ skip }) => {
    if (!f.target.embedded) {
      skippedOnCouch('a data directory written by an older embedded server');
      skip();
    }
    const own = new OwnServer();
    try {
      await own.start();
      expect((await own.request('PUT', '/legacy')).status).toBe(201);
      expect((await own.request('PUT', '/legacy/fine', { a: 1 })).status).toBe(201);
      await own.stop();
      // What the old server stored for `_revisions: {start: 1, ids: []}`.
      await own.direct('legacy', (db) =>
        db.bulkDocs([{ _id: 'broken', _revisions: { start: 1, ids: [] } }], { new_edits: false }),
      );
      await own.start();
      const feed = await own.request('GET', '/legacy/_changes');
      expect(feed.status).toBe(200);
      const broken = (feed.body.results as Array<{ id: string; changes: Array<{ rev: string }> }>).find(
        (c) => c.id === 'broken',
      );
      expect(broken?.changes[0]?.rev).toBe('2-undefined');
      expect((await own.request('GET', '/legacy/_changes?include_docs=true&style=all_docs')).status).toBe(
        200,
      );
      const purge = await own.request('POST', '/legacy/_purge', { broken: ['2-undefined'] });
      expect(purge.status, purge.text).toBe(201);
      expect(purge.body.purged).toEqual({ broken: ['2-undefined'] });
      const after = await own.request('GET', '/legacy/_changes?include_docs=true');
      expect(after.body.results.map((c: { id: string }) => c.id)).toEqual(['fine']);
      expect((await own.request('GET', '/legacy')).body.doc_count).toBe(1);
    } finally {
      await own.dispose();
    }
  });
});
