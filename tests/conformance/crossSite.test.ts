import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, type Credentials } from '../support/couchTarget';
import { describeExpected, expectAnswer, type Expected } from './expectations';
import { expectServerAnswers, setupFixture, type Fixture } from './fixture';

/**
 * Issue 8 hole 8: writes were accepted with `Content-Type: text/plain` — what a cross-site HTML
 * form can send without a CORS preflight — while the session cookie had no `SameSite` and CORS
 * echoed any loopback origin with credentials. JSON routes take `application/json` only (415
 * `bad_content_type`, CouchDB's answer for its POST routes), the `AuthSession` cookie is
 * `SameSite=Strict` (the app is same-origin through its `/couch/` proxy) and no origin is
 * answered with CORS headers unless configured.
 */
let f: Fixture;

beforeAll(async () => {
  f = await setupFixture();
  expect((await f.admin('PUT', `/${f.db}/seed`, { kind: 'seed' })).status).toBe(201);
});

afterAll(async () => {
  await f?.stop();
});

const BAD_CT: Expected = [415, 'bad_content_type'];
const STRICTER: Expected = {
  couch: [201],
  embedded: [415, 'bad_content_type'],
  why: 'CouchDB ignores the content type of JSON PUTs; the embedded server takes application/json only on every JSON route',
};

type Who = 'member' | 'dbAdmin' | 'admin';
const ROWS: Array<
  [method: string, path: (db: string) => string, body: string, who: Who, expected: Expected]
> = [
  ['POST', (db) => `/${db}`, '{"forged":true,"_id":"csrf_post"}', 'member', BAD_CT],
  ['POST', (db) => `/${db}/_bulk_docs`, '{"docs":[{"_id":"csrf_bulk","forged":true}]}', 'member', BAD_CT],
  ['POST', (db) => `/${db}/_bulk_get`, '{"docs":[{"id":"seed"}]}', 'member', BAD_CT],
  ['POST', (db) => `/${db}/_revs_diff`, '{"seed":["1-abc"]}', 'member', BAD_CT],
  ['POST', (db) => `/${db}/_all_docs`, '{"keys":["seed"]}', 'member', BAD_CT],
  ['POST', (db) => `/${db}/_changes?filter=_selector`, '{"selector":{}}', 'member', BAD_CT],
  ['POST', (db) => `/${db}/_purge`, '{"seed":["1-abc"]}', 'admin', BAD_CT],
  ['POST', (db) => `/${db}/_find`, '{"selector":{}}', 'admin', BAD_CT],
  ['POST', (db) => `/${db}/_index`, '{"index":{"fields":["a"]}}', 'admin', BAD_CT],
  ['PUT', (db) => `/${db}/csrf_put`, '{"forged":true}', 'member', STRICTER],
  ['PUT', (db) => `/${db}/_local/csrf_local`, '{"forged":true}', 'member', STRICTER],
  ['PUT', (db) => `/${db}/_design/csrf_ddoc`, '{"views":{}}', 'admin', STRICTER],
  [
    'PUT',
    (db) => `/${db}/_security`,
    '{"admins":{"names":[],"roles":[]},"members":{"names":[],"roles":["clerk"]}}',
    'dbAdmin',
    { ...STRICTER, couch: [200] },
  ],
];

function credsOf(who: Who): Credentials | undefined {
  return who === 'admin' ? f.target.admin : who === 'dbAdmin' ? f.creds.dbAdmin : f.creds.memberRole;
}

describe('Content-Type: text/plain (hole 8)', () => {
  for (const [method, path, body, who, expected] of ROWS) {
    it(`${method} ${path('{db}')} as ${who} → ${describeExpected(expected)}`, async () => {
      const r = await couchFetch(`${f.target.url}${path(f.db)}`, {
        method,
        auth: credsOf(who),
        rawBody: body,
        contentType: 'text/plain',
      });
      expectAnswer(r, expected, f.target.embedded);
      await expectServerAnswers(f);
    });
  }

  it('nothing forged through a refused request is stored', async () => {
    for (const id of ['csrf_post', 'csrf_bulk'])
      expect((await f.admin('GET', `/${f.db}/${id}`)).status).toBe(404);
    if (f.target.embedded) expect((await f.admin('GET', `/${f.db}/csrf_put`)).status).toBe(404);
  });

  it('POST /_session as text/plain → 415; as a form → 415 on the embedded server', async () => {
    const { name, password } = f.creds.memberRole!;
    const plain = await couchFetch(`${f.target.url}/_session`, {
      method: 'POST',
      rawBody: JSON.stringify({ name, password }),
      contentType: 'text/plain',
    });
    expectAnswer(plain, BAD_CT, f.target.embedded);
    expect(plain.headers.get('set-cookie') ?? '').not.toMatch(/AuthSession=[^;]+/);
    const form = await couchFetch(`${f.target.url}/_session`, {
      method: 'POST',
      rawBody: new URLSearchParams({ name, password }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    expectAnswer(
      form,
      {
        couch: [200],
        embedded: BAD_CT,
        why: 'a form sign-in is a cross-site login path; the app signs in with JSON',
      },
      f.target.embedded,
    );
  });
});

describe('the session cookie and CORS (hole 8)', () => {
  it('AuthSession is HttpOnly, and SameSite=Strict on the embedded server', async () => {
    const { name, password } = f.creds.memberName!;
    const r = await couchFetch(`${f.target.url}/_session`, { method: 'POST', body: { name, password } });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^AuthSession=[^;]+;/);
    expect(cookie).toMatch(/; HttpOnly/);
    // CouchDB 3.4's [chttpd_auth] same_site is empty by default: no attribute.
    if (f.target.embedded) expect(cookie).toMatch(/; SameSite=Strict/);
    else expect(cookie).not.toMatch(/SameSite/i);
  });

  it('no CORS answer for a loopback or foreign origin, with or without credentials', async () => {
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:8080', 'https://evil.example']) {
      const simple = await couchFetch(`${f.target.url}/${f.db}/seed`, {
        auth: f.creds.memberRole,
        headers: { origin },
      });
      expect(simple.status).toBe(200);
      expect(simple.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(simple.headers.get('access-control-allow-credentials'), origin).toBeNull();
      const preflight = await fetch(`${f.target.url}/${f.db}/_bulk_docs`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});
