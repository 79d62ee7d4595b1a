import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  couchFetch,
  createDb,
  getCouchTarget,
  uniqueDbName,
  type CouchTarget,
} from '../../../tests/support/couchTarget';
import { CouchHttp } from './couchHttp';

/**
 * Stopping the worker aborts its requests. Node's fetch can leave `response.text()` pending for
 * ever when the signal fires while a body is being read (nodejs/node#56917; seen here with the
 * embedded server's gzip-encoded `_changes`), and then `courtdesk-server start` never exited on
 * Ctrl+C during the worker's first seconds. The response below behaves like that bug.
 */
function responseWhoseBodyNeverSettles(): Response {
  const response = new Response('{"results":[]}', { headers: { 'content-type': 'application/json' } });
  Object.defineProperty(response, 'text', { value: () => new Promise<string>(() => undefined) });
  return response;
}

afterEach(() => vi.unstubAllGlobals());

describe('CouchHttp.request and aborts', () => {
  it('an abort while the body is being read rejects at once, even if the body read never settles', async () => {
    vi.stubGlobal('fetch', async () => responseWhoseBodyNeverSettles());
    const abort = new AbortController();
    const pending = new CouchHttp('http://127.0.0.1:1').request(
      'GET',
      'db/_changes',
      undefined,
      abort.signal,
    );
    await new Promise((r) => setTimeout(r, 10));
    abort.abort();
    const outcome = await Promise.race([
      pending.then(
        () => 'resolved',
        (e: Error) => e.name,
      ),
      new Promise((r) => setTimeout(() => r('still pending after 2 s'), 2000)),
    ]);
    expect(outcome).toBe('AbortError');
  });

  it('without an abort the body is read as before', async () => {
    const body = '{"ok":true}';
    vi.stubGlobal('fetch', async () => new Response(body, { status: 201 }));
    const abort = new AbortController();
    expect(await new CouchHttp('http://127.0.0.1:1').request('PUT', 'db', {}, abort.signal)).toEqual({
      status: 201,
      body: { ok: true },
    });
  });
});

/** CouchHttp.scan against a real server (the embedded one, or COUCH_URL). */
let target: CouchTarget;
const db = uniqueDbName('scan');

beforeAll(async () => {
  target = await getCouchTarget();
  await createDb(target, db);
  const docs = Array.from({ length: 10 }, (_, i) => ({ _id: `assignment:${i}`, n: i }));
  const r = await couchFetch(`${target.url}/${db}/_bulk_docs`, {
    method: 'POST',
    auth: target.admin,
    body: { docs: [...docs, { _id: 'case:1' }, { _id: 'approval:1' }] },
  });
  expect(r.status).toBe(201);
});

afterAll(async () => {
  await target?.stop();
});

describe('CouchHttp.scan', () => {
  it('yields every document of the prefix, in id order, across pages', async () => {
    const ids: string[] = [];
    for await (const d of new CouchHttp(target.adminUrl).scan(db, 'assignment:', 3)) ids.push(d._id);
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `assignment:${i}`));
  });

  it('loses no document when the last id of a page is deleted before the next page is read', async () => {
    // With `startkey=<last id>&skip=1` the next page would start at the following id and skip it.
    const couch = new CouchHttp(target.adminUrl);
    const seen: string[] = [];
    for await (const d of couch.scan(db, 'assignment:', 3)) {
      seen.push(d._id);
      if (seen.length % 3 === 0) {
        const r = await couchFetch(`${target.url}/${db}/${d._id}?rev=${String(d._rev)}`, {
          method: 'DELETE',
          auth: target.admin,
        });
        expect(r.status).toBe(200);
      }
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `assignment:${i}`));
  });
});
