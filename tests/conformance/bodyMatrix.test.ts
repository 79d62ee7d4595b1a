import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { BODY_ROWS as DOCUMENT_ROWS } from './bodyMatrix';
import { SELECTOR_ROWS } from './bodyMatrixDocuments';

const BODY_ROWS = [...DOCUMENT_ROWS, ...SELECTOR_ROWS];
import { describeExpected, expectAnswer } from './expectations';
import { expectServerAnswers, setupFixture, type Fixture } from './fixture';

// The malformed-body matrix (bodyMatrix.ts), against the embedded server or COUCH_URL.
let f: Fixture;

beforeAll(async () => {
  f = await setupFixture();
  expect((await f.admin('PUT', `/${f.db}/seed`, { kind: 'seed' })).status).toBe(201);
  // A number for `$mod` to divide (CouchDB fails only when it meets one).
  expect((await f.admin('PUT', `/${f.db}/seed_number`, { a: 7 })).status).toBe(201);
});

afterAll(async () => {
  await f?.stop();
});

describe('malformed bodies: CouchDB 3.4.3 and the embedded server', () => {
  for (const [i, row] of BODY_ROWS.entries()) {
    it(`${row.method} ${row.path || '/{db}'}: ${row.name} → ${describeExpected(row.expected)}`, async () => {
      const path =
        row.path === 'doc' ? `/${f.db}/bm_${i}` : row.path === '' ? `/${f.db}` : `/${f.db}/${row.path}`;
      const r = await couchFetch(`${f.target.url}${path}`, {
        method: row.method,
        auth: row.admin ? f.target.admin : f.creds.memberRole,
        ...(typeof row.body === 'string'
          ? { rawBody: row.body, contentType: 'application/json' }
          : { body: row.body }),
      });
      expectAnswer(r, row.expected, f.target.embedded, row.name);
      await expectServerAnswers(f);
    });
  }

  it('a document refused for its base64 is not stored; one with whitespace in base64 stores the bytes', async () => {
    const i = BODY_ROWS.findIndex((r) => r.name === 'base64 with a space (decoded)');
    const att = await couchFetch(`${f.target.url}/${f.db}/bm_${i}/a.txt`, { auth: f.target.admin });
    expect(att.text).toBe('hello');
    const bad = BODY_ROWS.findIndex((r) => r.name === 'attachment data that is not base64');
    expect((await f.admin('GET', `/${f.db}/bm_${bad}`)).status).toBe(404);
  });
});

describe('server basics (item 10)', () => {
  it('GET /_up → 200 {"status":"ok"}', async () => {
    const r = await couchFetch(`${f.target.url}/_up`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok' });
  });

  it('no X-Powered-By on any answer', async () => {
    for (const [path, auth] of [
      ['/', undefined],
      [`/${f.db}`, f.creds.memberRole],
      [`/${f.db}/_all_docs`, f.creds.memberRole],
      [`/${f.db}/missing_doc`, f.creds.memberRole],
      ['/_all_dbs', f.creds.memberRole],
    ] as const) {
      const r = await couchFetch(`${f.target.url}${path}`, { auth });
      expect(r.headers.get('x-powered-by'), path).toBeNull();
    }
  });
});
