import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { setupFixture, type Fixture } from './fixture';

/**
 * Malformed requests get CouchDB's 4xx answers, and none of the requests that used to kill
 * express-pouchdb 4.2.0 (issue 2) takes the server down: after each, the server still answers.
 * CouchDB references: https://docs.couchdb.org/en/stable/api/basics.html#http-status-codes (400 for
 * bad JSON/parameters, 413 for too large), https://docs.couchdb.org/en/stable/config/couchdb.html#couchdb/max_document_size
 * (8 MB default in 3.x → 413 document_too_large), https://docs.couchdb.org/en/stable/api/ddoc/views.html
 * (integer/boolean parameters: 400 query_parse_error).
 */
let f: Fixture;

beforeAll(async () => {
  f = await setupFixture();
  expect((await f.admin('PUT', `/${f.db}/seed`, { kind: 'seed' })).status).toBe(201);
});

afterAll(async () => {
  await f?.stop();
});

async function serverAnswers(): Promise<void> {
  const r = await couchFetch(`${f.target.url}/`);
  expect(r.status).toBe(200);
  const again = await f.as('memberRole', 'GET', `/${f.db}/seed`);
  expect(again.status).toBe(200);
}

describe('malformed requests (CouchDB answers)', () => {
  it('invalid JSON document → 400 bad_request', async () => {
    const r = await f.as('memberRole', 'PUT', `/${f.db}/bad1`, undefined, {
      rawBody: '{"a": ',
      contentType: 'application/json',
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('bad_request');
    await serverAnswers();
  });

  it('a JSON array as a document → 400 bad_request', async () => {
    const r = await f.as('memberRole', 'PUT', `/${f.db}/bad2`, [1, 2, 3]);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('bad_request');
  });

  it('_attachments that is not an object → 400 doc_validation', async () => {
    const r = await f.as('memberRole', 'PUT', `/${f.db}/bad3`, { _attachments: 'not an object' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('doc_validation');
    await serverAnswers();
  });

  it('?limit=abc on _all_docs → 400 query_parse_error', async () => {
    const r = await f.as('memberRole', 'GET', `/${f.db}/_all_docs?limit=abc`);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('query_parse_error');
    await serverAnswers();
  });

  it('?include_docs=maybe on _all_docs → 400 query_parse_error', async () => {
    const r = await f.as('memberRole', 'GET', `/${f.db}/_all_docs?include_docs=maybe`);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('query_parse_error');
  });

  it('_bulk_docs without a docs list → 400 bad_request', async () => {
    const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, { documents: [] });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('bad_request');
  });

  it('a document over max_document_size (8 MB) → 413 document_too_large', async () => {
    const big = { _id: 'too_big', blob: 'x'.repeat(8_500_000) };
    const r = await f.as('memberRole', 'PUT', `/${f.db}/too_big`, big);
    expect(r.status).toBe(413);
    expect(r.body.error).toBe('document_too_large');
    await serverAnswers();
  });

  it('a document over max_document_size inside _bulk_docs → 413 document_too_large', async () => {
    const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
      docs: [{ _id: 'small' }, { _id: 'too_big2', blob: 'x'.repeat(8_500_000) }],
    });
    expect(r.status).toBe(413);
    expect(r.body.error).toBe('document_too_large');
  });

  it('an illegal database name → 400 illegal_database_name', async () => {
    const r = await f.admin('PUT', '/Bad-Name');
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('illegal_database_name');
  });
});

describe('requests that used to kill express-pouchdb 4.2.0: the server keeps answering', () => {
  it('non-admin PUT /{db} → 401 unauthorized', async () => {
    const r = await f.as('memberRole', 'PUT', `/${f.db}_x`);
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('unauthorized');
    await serverAnswers();
  });

  it("a non-member's continuous _changes → 403 forbidden", async () => {
    const r = await f.as('outsider', 'GET', `/${f.db}/_changes?feed=continuous&timeout=200`, undefined, {
      timeoutMs: 5000,
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('forbidden');
    const anon = await f.as('anonymous', 'GET', `/${f.db}/_changes?feed=continuous&timeout=200`, undefined, {
      timeoutMs: 5000,
    });
    expect(anon.status).toBe(401);
    await serverAnswers();
  });

  it('a member whose continuous _changes client goes away mid-feed', async () => {
    const ctrl = new AbortController();
    const auth = f.creds.memberRole!;
    const p = fetch(`${f.target.url}/${f.db}/_changes?feed=continuous&since=now`, {
      headers: { authorization: 'Basic ' + Buffer.from(`${auth.name}:${auth.password}`).toString('base64') },
      signal: ctrl.signal,
    })
      .then(async (res) => {
        expect(res.status).toBe(200);
        await res.body
          ?.getReader()
          .read()
          .catch(() => undefined);
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 150));
    ctrl.abort();
    await p;
    await f.as('memberRole', 'PUT', `/${f.db}/after_abort`, { a: 1 });
    await serverAnswers();
  });

  it('continuous _changes ends after ?timeout with last_seq', async () => {
    const r = await f.as(
      'memberRole',
      'GET',
      `/${f.db}/_changes?feed=continuous&since=now&timeout=150`,
      undefined,
      { timeoutMs: 5000 },
    );
    expect(r.status).toBe(200);
    const lines = r.text.trim().split('\n').filter(Boolean);
    expect(JSON.parse(lines[lines.length - 1] ?? '{}')).toHaveProperty('last_seq');
  });

  it('?limit=abc on _changes (normal, longpoll, continuous)', async () => {
    for (const feed of ['normal', 'longpoll', 'continuous']) {
      const r = await f.as(
        'memberRole',
        'GET',
        `/${f.db}/_changes?feed=${feed}&limit=abc&timeout=100`,
        undefined,
        { timeoutMs: 5000 },
      );
      if (f.target.embedded) {
        expect(r.status).toBe(400);
        expect(r.body.error).toBe('query_parse_error');
      } else {
        expect(r.status).toBeGreaterThanOrEqual(400);
      }
      await serverAnswers();
    }
  });

  // Malformed `_attachments`, `_bulk_get`, `_revs_diff` and Mango bodies: bodyMatrix.ts records
  // both servers' exact answers.

  it('bad query parameters elsewhere (keys, startkey, descending, since, feed)', async () => {
    const paths = [
      `/${f.db}/_all_docs?keys=notjson`,
      `/${f.db}/_all_docs?startkey=notjson`,
      `/${f.db}/_all_docs?descending=2`,
      `/${f.db}/_changes?since=yesterday`,
      `/${f.db}/_changes?feed=sideways`,
      `/${f.db}/_changes?filter=ddoc/evil`,
    ];
    for (const p of paths) {
      const r = await f.as('memberRole', 'GET', p, undefined, { timeoutMs: 5000 });
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      if (f.target.embedded) expect(r.status, p).toBe(400);
      await serverAnswers();
    }
  });

  it('bodies that wedged or crashed PouchDB inside express-pouchdb (index fields, sort, _revisions, broken views)', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', `/${f.db}/_index`, { index: { fields: [{}] } }],
      ['POST', `/${f.db}/_find`, { selector: {}, sort: [{ a: 'sideways' }] }],
      [
        'POST',
        `/${f.db}/_bulk_docs`,
        { new_edits: false, docs: [{ _id: 'rv', _rev: '1-a', _revisions: { start: 'x', ids: 5 } }] },
      ],
      ['PUT', `/${f.db}/_design/broken_map`, { views: { v: { map: 'function( {' } } }],
      [
        'PUT',
        `/${f.db}/_design/broken_reduce`,
        { views: { v: { map: 'function (d) { emit(d._id, 1); }', reduce: '_nonsense' } } },
      ],
      ['PUT', `/${f.db}/_design/broken_views`, { views: 'not an object' }],
    ];
    for (const [method, path, body] of cases) {
      const r = await f.admin(method, path, body);
      expect(r.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      if (f.target.embedded) expect(r.status, `${method} ${path} ${r.text}`).toBe(400);
      await serverAnswers();
    }
    // the database still serves queries and index creation afterwards
    expect((await f.admin('POST', `/${f.db}/_index`, { index: { fields: ['kind'] } })).status).toBe(200);
    expect((await f.admin('POST', `/${f.db}/_view_cleanup`)).status).toBe(202);
  });

  it('/_uuids?count over [uuids] max_count (1000) → 400, not a server-wide stall', async () => {
    const r = await f.as('anonymous', 'GET', '/_uuids?count=100000000');
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('bad_request');
    expect((await f.as('anonymous', 'GET', '/_uuids?count=3')).body.uuids).toHaveLength(3);
  });

  it('a database deleted and recreated does not keep its old validate_doc_update', async () => {
    const name = `${f.db}_recreated`;
    expect((await f.admin('PUT', `/${name}`)).status).toBe(201);
    await f.admin('PUT', `/${name}/_design/v`, {
      validate_doc_update: 'function () { throw({ forbidden: "old rules" }); }',
    });
    expect((await f.admin('PUT', `/${name}/a`, { x: 1 })).status).toBe(403);
    expect((await f.admin('DELETE', `/${name}`)).status).toBe(200);
    expect((await f.admin('PUT', `/${name}`)).status).toBe(201);
    expect((await f.admin('PUT', `/${name}/a`, { x: 1 })).status).toBe(201);
    expect((await f.admin('DELETE', `/${name}`)).status).toBe(200);
  });

  it('a truncated request body and a garbage URL encoding', async () => {
    const r = await f.as('memberRole', 'GET', `/${f.db}/%E0%A4%A`);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    await serverAnswers();
  });
});
