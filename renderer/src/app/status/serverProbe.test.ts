import { describe, expect, it } from 'vitest';
import { probeServer } from './serverProbe';

const BASE = 'http://127.0.0.1:8080/couch';
const now = () => 1_700_000_000_000;
const answer = (res: Response | Error) =>
  (async () => {
    if (res instanceof Error) throw res;
    return res;
  }) as unknown as typeof fetch;

describe('probeServer', () => {
  it('is online when CouchDB answers its welcome', async () => {
    const res = new Response(JSON.stringify({ couchdb: 'Welcome', version: '3.4.2' }), { status: 200 });
    expect(await probeServer(answer(res), BASE, 100, now)).toEqual({ kind: 'online', checkedAt: now() });
  });

  it('is online when the embedded express-pouchdb server answers its welcome', async () => {
    const res = new Response(JSON.stringify({ 'express-pouchdb': 'Welcome!', version: '4.2.0' }), {
      status: 200,
    });
    expect((await probeServer(answer(res), BASE, 100, now)).kind).toBe('online');
  });

  it('is offline on a network error and on 502/503/504 from the proxy', async () => {
    expect((await probeServer(answer(new TypeError('Failed to fetch')), BASE, 100, now)).kind).toBe(
      'offline',
    );
    for (const status of [502, 503, 504]) {
      expect((await probeServer(answer(new Response('', { status })), BASE, 100, now)).kind).toBe('offline');
    }
  });

  it('is an error, not online, when something other than CouchDB answers', async () => {
    expect(
      await probeServer(answer(new Response('<!doctype html>', { status: 200 })), BASE, 100, now),
    ).toEqual({
      kind: 'error',
      status: 200,
      checkedAt: now(),
    });
    expect(await probeServer(answer(new Response('{}', { status: 500 })), BASE, 100, now)).toMatchObject({
      kind: 'error',
      status: 500,
    });
  });

  it('probes the CouchDB root through the proxy', async () => {
    const urls: string[] = [];
    const spy = (async (url: string) => {
      urls.push(url);
      return new Response('{"couchdb":"Welcome"}');
    }) as unknown as typeof fetch;
    await probeServer(spy, BASE, 100, now);
    expect(urls).toEqual([`${BASE}/`]);
  });
});
