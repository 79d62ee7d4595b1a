import { describe, expect, it } from 'vitest';
import { AuthError, createSessionClient, errorForStatus } from './sessionApi';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function fakeFetch(handler: Handler) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init });
    return handler(url, init);
  }) as typeof fetch;
  return { fetch: fn, calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const BASE = 'http://127.0.0.1:8080/couch';

async function signInError(handler: Handler): Promise<AuthError> {
  const client = createSessionClient({ baseUrl: BASE, fetch: fakeFetch(handler).fetch, timeoutMs: 200 });
  const err = await client.signIn('zhangmin', 'secret').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthError);
  return err as AuthError;
}

describe('sign-in error mapping', () => {
  it('401 is a wrong user name or password', async () => {
    const err = await signInError(() =>
      json(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' }),
    );
    expect(err.kind).toBe('wrongCredentials');
    expect(err.status).toBe(401);
  });

  it('a network failure is an unreachable server', async () => {
    const err = await signInError(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(err.kind).toBe('unreachable');
    expect(err.status).toBeUndefined();
  });

  it.each([502, 503, 504])('%i from the proxy is an unreachable server', async (status) => {
    const err = await signInError(() => json(status, { error: 'bad_gateway' }));
    expect(err.kind).toBe('unreachable');
  });

  it('a hanging server times out as unreachable', async () => {
    const err = await signInError(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    expect(err.kind).toBe('unreachable');
  });

  it('403 is a disabled account', async () => {
    const err = await signInError(() => json(403, { error: 'forbidden', reason: 'account disabled' }));
    expect(err.kind).toBe('accountDisabled');
  });

  it('500 and garbage bodies are server errors that keep the status', async () => {
    expect((await signInError(() => json(500, { error: 'internal' }))).kind).toBe('server');
    expect((await signInError(() => json(500, { error: 'internal' }))).status).toBe(500);
    expect((await signInError(() => new Response('<html>', { status: 200 }))).kind).toBe('server');
    expect((await signInError(() => json(200, { ok: true, name: 5, roles: 'x' }))).kind).toBe('server');
  });

  it('an account without a CourtDesk role is refused and its cookie dropped', async () => {
    const methods: string[] = [];
    const err = await signInError((url, init) => {
      methods.push(`${init.method} ${url.replace(BASE, '')}`);
      if (url.endsWith('/_session') && init.method === 'POST')
        return json(200, { ok: true, name: 'worker', roles: ['worker'] });
      return json(200, { ok: true });
    });
    expect(err.kind).toBe('noAppRole');
    expect(methods).toContain('DELETE /_session');
  });

  it('errorForStatus covers the table', () => {
    expect(errorForStatus(401).kind).toBe('wrongCredentials');
    expect(errorForStatus(403).kind).toBe('accountDisabled');
    expect(errorForStatus(502).kind).toBe('unreachable');
    expect(errorForStatus(418).kind).toBe('server');
  });
});

describe('session client requests', () => {
  it('signs in with JSON and credentials included, and never reads _users (admin-only)', async () => {
    const { fetch, calls } = fakeFetch((url, init) => {
      if (url === `${BASE}/_session` && init.method === 'POST')
        return json(200, { ok: true, name: 'zhangmin', roles: ['clerk'] });
      return json(403, { error: 'forbidden' });
    });
    const session = await createSessionClient({ baseUrl: BASE, fetch }).signIn('zhangmin', 'pw');
    expect(session).toEqual({ name: 'zhangmin', roles: ['clerk'], uiRoles: ['clerk'] });
    expect(calls).toHaveLength(1);
    const post = calls[0]!;
    expect(post.init.method).toBe('POST');
    expect(post.init.credentials).toBe('include');
    expect(JSON.parse(String(post.init.body))).toEqual({ name: 'zhangmin', password: 'pw' });
    expect((post.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('getSession returns null for an anonymous userCtx and the user for a live cookie', async () => {
    const anon = fakeFetch(() => json(200, { ok: true, userCtx: { name: null, roles: [] } }));
    expect(await createSessionClient({ baseUrl: BASE, fetch: anon.fetch }).getSession()).toBeNull();
    const live = fakeFetch((url) =>
      url.endsWith('/_session')
        ? json(200, { ok: true, userCtx: { name: 'kiosk1', roles: ['kiosk'] } })
        : json(404, {}),
    );
    expect(await createSessionClient({ baseUrl: BASE, fetch: live.fetch }).getSession()).toMatchObject({
      name: 'kiosk1',
      uiRoles: ['kiosk'],
    });
  });

  it('getSession reports an unreachable server instead of "signed out"', async () => {
    const down = fakeFetch(() => json(503, { error: 'service_unavailable' }));
    await expect(
      createSessionClient({ baseUrl: BASE, fetch: down.fetch }).getSession(),
    ).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('signOut deletes the session', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { ok: true }));
    await createSessionClient({ baseUrl: BASE, fetch }).signOut();
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([`DELETE ${BASE}/_session`]);
  });
});
