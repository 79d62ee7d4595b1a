import { afterEach, describe, expect, it, vi } from 'vitest';
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
