import { beforeAll, describe, expect, it } from 'vitest';
import { changePassword, type PasswordChangeStep } from './passwordChangeApi';

/**
 * The renderer's half of a password change against a fake server that plays CouchDB and the worker:
 * it holds an RSA key pair made here, opens each request with the private key (as the worker does),
 * and answers the result document the way a real server does after a successful change (the old
 * cookie gets 401). The real worker is exercised in tests/integration/worker/passwordChange.test.ts.
 */
const BASE = 'http://127.0.0.1:8080/couch';
const KEY = '/courtdesk_accounts/accountKey%3ApasswordChange';
const subtle = globalThis.crypto.subtle;
let pair: CryptoKeyPair;
let publicKey: JsonWebKey;

beforeAll(async () => {
  pair = await subtle.generateKey(
    { name: 'RSA-OAEP', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['encrypt', 'decrypt'],
  );
  publicKey = { ...(await subtle.exportKey('jwk', pair.publicKey)), alg: 'RSA-OAEP-256' };
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function unb64u(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Opens a request as the worker does: RSA-OAEP unwraps the AES key, the id is the additional data. */
async function open(id: string, doc: Record<string, string>): Promise<unknown> {
  const raw = await subtle.decrypt({ name: 'RSA-OAEP' }, pair.privateKey, unb64u(doc['encryptedKey'] ?? ''));
  const aes = await subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
  const plain = await subtle.decrypt(
    { name: 'AES-GCM', iv: unb64u(doc['iv'] ?? ''), additionalData: new TextEncoder().encode(id) },
    aes,
    unb64u(doc['ciphertext'] ?? ''),
  );
  return JSON.parse(new TextDecoder().decode(plain));
}

interface FakeServer {
  fetch: typeof fetch;
  log: string[];
  requests: Map<string, { body: string; opened: unknown }>;
}

/** A fake server; `worker` decides the outcome for each request (undefined: never answers). */
function fakeServer(opts: {
  password?: string;
  key?: boolean;
  worker?: (payload: { currentPassword: string; newPassword: string }) => string | undefined;
}): FakeServer {
  let password = opts.password ?? 'old-secret-1';
  let salt = 1;
  const cookies = new Set<string>();
  const log: string[] = [];
  const requests = new Map<string, { body: string; opened: unknown }>();
  const results = new Map<string, string>();
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input).slice(BASE.length);
    const method = init.method ?? 'GET';
    log.push(`${method} ${path}`);
    expect(init.credentials).toBe('include');
    const cookie = `salt${salt}`;
    if (path === '/_session' && method === 'POST') {
      const body = JSON.parse(String(init.body)) as { password: string };
      if (body.password !== password) return json(401, { error: 'unauthorized' });
      cookies.add(cookie);
      return json(200, { ok: true, name: 'clerk.wang', roles: ['clerk'] });
    }
    if (path === '/_session' && method === 'DELETE') return json(200, { ok: true });
    if (!cookies.has(cookie)) return json(401, { error: 'unauthorized' }); // the salt changed
    if (path === KEY)
      return opts.key === false ? json(404, { error: 'not_found' }) : json(200, { kid: 'k1', publicKey });
    const id = decodeURIComponent(path.slice('/courtdesk_accounts/'.length));
    if (method === 'PUT' && id.startsWith('passwordChange:')) {
      const doc = JSON.parse(String(init.body)) as Record<string, string>;
      const opened = (await open(id, doc)) as { currentPassword: string; newPassword: string };
      requests.set(id, { body: String(init.body), opened });
      const outcome = opts.worker?.(opened);
      if (outcome) results.set(`passwordChangeResult:${id.slice('passwordChange:'.length)}`, outcome);
      if (outcome === 'changed') {
        password = opened.newPassword;
        salt++;
      }
      return json(201, { ok: true, id });
    }
    const outcome = results.get(id);
    return outcome ? json(200, { outcome }) : json(404, { error: 'not_found' });
  }) as typeof fetch;
  return { fetch: fn, log, requests };
}

async function run(server: FakeServer, current = 'old-secret-1', next = 'new-secret-2') {
  const steps: PasswordChangeStep[] = [];
  const result = await changePassword(
    { baseUrl: BASE, fetch: server.fetch, pollMs: 1, timeoutMs: 200 },
    'clerk.wang',
    current,
    next,
    (s) => steps.push(s),
  );
  return { result, steps };
}

describe('changing the password through the worker (renderer side)', () => {
  it('sends only ciphertext that opens to both passwords for this request id, and reports the change', async () => {
    const server = fakeServer({ worker: () => 'changed' });
    const { result, steps } = await run(server);
    expect(result).toEqual({ kind: 'outcome', outcome: 'changed' });
    expect(steps).toEqual(['verifying', 'sending', 'waiting']);
    const [id, request] = [...server.requests][0] ?? ['', { body: '', opened: null }];
    expect(id).toMatch(/^passwordChange:[0-9a-f-]{36}:clerk\.wang$/);
    expect(request.opened).toEqual({ currentPassword: 'old-secret-1', newPassword: 'new-secret-2' });
    expect(request.body).not.toMatch(/old-secret|new-secret/);
    const doc = JSON.parse(request.body) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(
      [
        'alg',
        'ciphertext',
        'createdAt',
        'createdBy',
        'enc',
        'encryptedKey',
        'iv',
        'kid',
        'type',
        'schemaVersion',
      ].sort(),
    );
    expect(doc).toMatchObject({
      type: 'passwordChange',
      createdBy: 'clerk.wang',
      kid: 'k1',
      alg: 'RSA-OAEP-256',
    });
    // The old cookie died with the salt: the new password was confirmed, then that session dropped.
    expect(server.log.slice(-3)).toEqual([
      'POST /_session',
      `GET /courtdesk_accounts/${encodeURIComponent(`passwordChangeResult:${id.slice(15)}`)}`,
      'DELETE /_session',
    ]);
  });

  it('the ciphertext of one request does not open as another (the id is authenticated)', async () => {
    const server = fakeServer({ worker: () => 'wrongPassword' });
    await run(server);
    const [id, request] = [...server.requests][0] ?? ['', { body: '', opened: null }];
    const moved = JSON.parse(request.body) as Record<string, string>;
    await expect(open(id.replace('clerk.wang', 'judge.zhao'), moved)).rejects.toThrow();
  });

  it('a wrong current password stops before anything is sent', async () => {
    const server = fakeServer({});
    const { result, steps } = await run(server, 'not-my-password');
    expect(result).toEqual({ kind: 'failed', reason: 'wrongPassword', status: 401 });
    expect(steps).toEqual(['verifying']);
    expect(server.requests.size).toBe(0);
  });

  it("reports the worker's refusal, read with the session that still works", async () => {
    const { result } = await run(fakeServer({ worker: () => 'invalidPassword' }));
    expect(result).toEqual({ kind: 'outcome', outcome: 'invalidPassword' });
  });

  it('says when the worker has never run (no key), when it does not answer, and when the server is gone', async () => {
    expect((await run(fakeServer({ key: false }))).result).toEqual({
      kind: 'failed',
      reason: 'notReady',
      status: 404,
    });
    expect((await run(fakeServer({ worker: () => undefined }))).result).toEqual({
      kind: 'failed',
      reason: 'timeout',
    });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await run({ fetch: offline, log: [], requests: new Map() })).result).toEqual({
      kind: 'failed',
      reason: 'unreachable',
    });
  });
});
