import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch } from '../support/couchTarget';
import { expectAnswer, type Expected } from './expectations';
import { expectServerAnswers, securityOf, setupFixture, type Fixture } from './fixture';

/**
 * Issue 8 hole 1: a member became database admin by writing `_local/_security` (where
 * pouchdb-security kept the security object) through `_bulk_docs`, `POST /{db}`, a body `_id` or a
 * COPY destination, then replaced the validator and stored forged documents. Reserved ids are
 * reachable only at their own URLs, for the roles CouchDB allows; after every attempt the security
 * object is unchanged, the validator still holds and the server answers.
 */
let f: Fixture;
let before: unknown;
const FORGED_SECURITY = (name: string) => ({
  admins: { names: [name], roles: ['clerk'] },
  members: { names: [name], roles: ['clerk'] },
});
const VALIDATOR = 'function (d) { if (d.forged) throw({ forbidden: "forged documents are refused" }); }';

beforeAll(async () => {
  f = await setupFixture();
  expect((await f.admin('PUT', `/${f.db}/seed`, { kind: 'seed' })).status).toBe(201);
  expect((await f.admin('PUT', `/${f.db}/_design/rules`, { validate_doc_update: VALIDATOR })).status).toBe(
    201,
  );
  before = await securityOf(f);
});

afterAll(async () => {
  await f?.stop();
});

/** What an attacker who became db admin would do next; every step must still fail. */
async function expectNoEscalation(): Promise<void> {
  expect(await securityOf(f)).toEqual(before);
  const ddoc = await f.as('memberRole', 'PUT', `/${f.db}/_design/rules_${Date.now()}`, {
    validate_doc_update: 'function () {}',
  });
  expect(ddoc.status, ddoc.text).toBe(403);
  const forged = await f.as('memberRole', 'PUT', `/${f.db}/forged_${Date.now()}`, { forged: true });
  expect(forged.status, forged.text).toBe(403);
  const secWrite = await f.as('memberRole', 'PUT', `/${f.db}/_security`, FORGED_SECURITY('x'));
  expect(secWrite.status).toBeGreaterThanOrEqual(400);
  expect(await securityOf(f)).toEqual(before);
  await expectServerAnswers(f);
}

const LOCAL_IN_BODY: Expected = {
  couch: [201],
  embedded: [400, 'illegal_docid'],
  why: 'CouchDB stores a _local document from any write path (harmless there: it keeps _security elsewhere); the embedded server accepts _local ids only at /{db}/_local/{id}',
};

describe('reserved ids outside their own URL (hole 1)', () => {
  it(`_bulk_docs with _id "_local/_security" and a guessed _rev → security unchanged`, async () => {
    const name = f.creds.memberRole!.name;
    const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
      docs: [{ _id: '_local/_security', _rev: '0-1', security: FORGED_SECURITY(name) }],
    });
    expectAnswer(r, LOCAL_IN_BODY, f.target.embedded, '_bulk_docs');
    await expectNoEscalation();
  });

  it('_bulk_docs with new_edits:false and a _local/_security document → security unchanged', async () => {
    const name = f.creds.memberRole!.name;
    const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ _id: '_local/_security', _rev: '0-5', security: FORGED_SECURITY(name) }],
    });
    expectAnswer(r, LOCAL_IN_BODY, f.target.embedded, '_bulk_docs new_edits:false');
    await expectNoEscalation();
  });

  it('POST /{db} with _id "_local/_security" → security unchanged', async () => {
    const name = f.creds.memberRole!.name;
    const r = await f.as('memberRole', 'POST', `/${f.db}`, {
      _id: '_local/_security',
      security: FORGED_SECURITY(name),
    });
    expectAnswer(r, LOCAL_IN_BODY, f.target.embedded, 'POST');
    await expectNoEscalation();
  });

  it('PUT /{db}/{id} with body _id "_local/_security": the URL id wins, security unchanged', async () => {
    const name = f.creds.memberRole!.name;
    const id = `urlwins_${Date.now()}`;
    const r = await f.as('memberRole', 'PUT', `/${f.db}/${id}`, {
      _id: '_local/_security',
      security: FORGED_SECURITY(name),
    });
    expectAnswer(r, [201], f.target.embedded, 'PUT');
    expect(r.body.id).toBe(id);
    expect((await f.admin('GET', `/${f.db}/${id}`)).body._id).toBe(id);
    await expectNoEscalation();
  });

  it('PUT /{db}/{id} whose body _id differs stores the URL id only (item 10)', async () => {
    const r = await f.as('memberRole', 'PUT', `/${f.db}/url_id_a`, { _id: 'body_id_a', n: 1 });
    expectAnswer(r, [201], f.target.embedded);
    expect(r.body.id).toBe('url_id_a');
    expect((await f.admin('GET', `/${f.db}/url_id_a`)).body).toMatchObject({ _id: 'url_id_a', n: 1 });
    expect((await f.admin('GET', `/${f.db}/body_id_a`)).status).toBe(404);
  });

  it('COPY to Destination "_local/_security" → security unchanged', async () => {
    const r = await couchFetch(`${f.target.url}/${f.db}/seed`, {
      method: 'COPY',
      auth: f.creds.memberRole,
      headers: { destination: '_local/_security' },
    });
    expectAnswer(
      r,
      {
        couch: [201],
        embedded: [405, 'method_not_allowed'],
        why: 'COPY is used neither by the app nor by replication: the embedded server refuses it',
      },
      f.target.embedded,
      'COPY',
    );
    await expectNoEscalation();
  });

  it('GET and PUT /{db}/_local/_security at its own URL never reach the stored security', async () => {
    const got = await f.as('memberRole', 'GET', `/${f.db}/_local/_security`);
    expect(got.body?.security, got.text).not.toEqual(before);
    const put = await f.as('memberRole', 'PUT', `/${f.db}/_local/_security`, {
      security: FORGED_SECURITY(f.creds.memberRole!.name),
    });
    expectAnswer(
      put,
      {
        couch: [201],
        embedded: [403, 'forbidden'],
        why: 'the embedded server keeps _security as this local document; it is reserved',
      },
      f.target.embedded,
      'PUT _local/_security',
    );
    await expectNoEscalation();
  });
});

describe('design documents outside their own URL need an admin (hole 1)', () => {
  const DDOC_BY_MEMBER: Expected = [403, 'forbidden'];

  it('_bulk_docs with a _design/ document from a member → per-document 403, not stored', async () => {
    const rev = (await f.as('memberRole', 'GET', `/${f.db}/_design/rules`)).body._rev as string;
    const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
      docs: [{ _id: '_design/rules', _rev: rev, validate_doc_update: 'function () {}' }],
    });
    expectAnswer(r, [201], f.target.embedded, '_bulk_docs');
    expect(r.body[0]).toMatchObject({ id: '_design/rules', error: 'forbidden' });
    const stored = await f.admin('GET', `/${f.db}/_design/rules`);
    expect(stored.body.validate_doc_update).toBe(VALIDATOR);
    await expectNoEscalation();
  });

  it('_bulk_docs new_edits:false with a _design/ document from a member → refused, not stored', async () => {
    const r = await f.as('memberRole', 'POST', `/${f.db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ _id: '_design/rules', _rev: '99-abc', validate_doc_update: 'function () {}' }],
    });
    expectAnswer(r, [201], f.target.embedded, '_bulk_docs new_edits:false');
    expect(r.body).toEqual([expect.objectContaining({ id: '_design/rules', error: 'forbidden' })]);
    const stored = await f.admin('GET', `/${f.db}/_design/rules`);
    expect(stored.body.validate_doc_update).toBe(VALIDATOR);
    await expectNoEscalation();
  });

  it('POST /{db} with a _design/ id from a member → 403', async () => {
    const r = await f.as('memberRole', 'POST', `/${f.db}`, {
      _id: '_design/posted',
      validate_doc_update: 'function () {}',
    });
    expectAnswer(r, DDOC_BY_MEMBER, f.target.embedded);
    expect((await f.admin('GET', `/${f.db}/_design/posted`)).status).toBe(404);
  });

  it('an id starting with another underscore → 400 illegal_docid', async () => {
    for (const [method, path, body] of [
      ['POST', `/${f.db}/_bulk_docs`, { docs: [{ _id: '_sneaky', a: 1 }] }],
      ['POST', `/${f.db}`, { _id: '_sneaky', a: 1 }],
    ] as const) {
      const r = await f.as('memberRole', method, path, body);
      expectAnswer(r, [400, 'illegal_docid'], f.target.embedded, `${method} ${path}`);
    }
    await expectServerAnswers(f);
  });
});
