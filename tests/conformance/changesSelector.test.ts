/**
 * `_changes?filter=_selector` as CouchDB 3 answers it (the size-aware attachment replication pulls
 * `file:` documents with it): a POSTed selector filters normal and longpoll feeds, and a feed
 * without a selector is a 400. Runs against the embedded server or COUCH_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, createDb, getCouchTarget, uniqueDbName, type CouchTarget } from '../support/couchTarget';

let target: CouchTarget;
const db = uniqueDbName('selector');

beforeAll(async () => {
  target = await getCouchTarget();
  await createDb(target, db);
  const docs = [
    { _id: 'file:a', type: 'file', size: 10 },
    { _id: 'post:b', type: 'post' },
    { _id: 'file:c', type: 'file', size: 20 },
    { _id: 'post:d', type: 'post' },
  ];
  const r = await couchFetch(`${target.url}/${db}/_bulk_docs`, {
    method: 'POST',
    auth: target.admin,
    body: { docs },
  });
  expect(r.status).toBe(201);
});

afterAll(async () => {
  await target.stop();
});

const ids = (body: { results: { id: string }[] }) => body.results.map((c) => c.id).sort();

describe('_changes filter=_selector', () => {
  it('filters a normal feed by the POSTed selector', async () => {
    const r = await couchFetch(`${target.url}/${db}/_changes?filter=_selector`, {
      method: 'POST',
      auth: target.admin,
      body: { selector: { type: 'file' } },
    });
    expect(r.status).toBe(200);
    expect(ids(r.body)).toEqual(['file:a', 'file:c']);
    expect(r.body.last_seq).toBeDefined();
  });

  it('filters with the negation too, and honours include_docs', async () => {
    const r = await couchFetch(`${target.url}/${db}/_changes?filter=_selector&include_docs=true`, {
      method: 'POST',
      auth: target.admin,
      body: { selector: { type: { $ne: 'file' } } },
    });
    expect(r.status).toBe(200);
    expect(ids(r.body)).toEqual(['post:b', 'post:d']);
    expect(r.body.results.every((c: { doc?: { type?: string } }) => c.doc?.type === 'post')).toBe(true);
  });

  it('filters a longpoll feed that has changes ready', async () => {
    const r = await couchFetch(`${target.url}/${db}/_changes?filter=_selector&feed=longpoll&timeout=2000`, {
      method: 'POST',
      auth: target.admin,
      body: { selector: { size: { $gt: 15 } } },
    });
    expect(r.status).toBe(200);
    expect(ids(r.body)).toEqual(['file:c']);
  });

  it('a longpoll feed answers every ready change at once, not one per request', async () => {
    const r = await couchFetch(`${target.url}/${db}/_changes?filter=_selector&feed=longpoll&timeout=2000`, {
      method: 'POST',
      auth: target.admin,
      body: { selector: { type: 'file' } },
    });
    expect(r.status).toBe(200);
    expect(ids(r.body)).toEqual(['file:a', 'file:c']);
  });

  it('refuses a selector feed without a selector', async () => {
    const r = await couchFetch(`${target.url}/${db}/_changes?filter=_selector`, { auth: target.admin });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('bad_request');
  });
});
