import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Lockout } from './authCaches';
import { Authenticator, readSessionCookie, type Credentials } from './authn';
import { hashAdminPassword, parseAdminHash } from './passwords';

function request(headers: Record<string, string> = {}): IncomingMessage {
  return { headers, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
}

async function setup(now: { t: number }) {
  const bob: Credentials = {
    ...parseAdminHash(await hashAdminPassword('pw', 1000))!,
    name: 'bob',
    roles: ['clerk'],
  };
  const auth = new Authenticator({
    lookup: async (name) => (name === 'bob' ? bob : null),
    saveUserDoc: async () => undefined,
    secret: 'secret',
    lockout: new Lockout(),
    now: () => now.t,
  });
  return { auth };
}

function cookieOf(setCookie: string): string {
  return readSessionCookie(setCookie.split(';')[0]) ?? '';
}

describe('Authenticator (CouchDB 3.4 cookies and Basic)', () => {
  it('a cookie is base64url of name:TIMEHEX:HMAC, HttpOnly, SameSite=Strict, valid 600 s', async () => {
    const now = { t: 1_700_000_000_000 };
    const { auth } = await setup(now);
    const { cookie } = await auth.signIn(request(), 'bob', 'pw');
    expect(cookie).toMatch(
      /^AuthSession=[A-Za-z0-9_-]+; Version=1; Expires=.*; Max-Age=600; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const value = cookieOf(cookie);
    const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    expect(
      decoded.startsWith(
        `bob:${Math.floor(now.t / 1000)
          .toString(16)
          .toUpperCase()}:`,
      ),
    ).toBe(true);
    const id = await auth.identify(request({ cookie: `AuthSession=${value}` }));
    expect(id).toMatchObject({
      ctx: { name: 'bob', roles: ['clerk'] },
      authenticated: true,
      handler: 'cookie',
    });
    expect(id.setCookie).toBeUndefined();
    now.t += 100_000; // more than a tenth of the timeout: refreshed
    expect((await auth.identify(request({ cookie: `AuthSession=${value}` }))).setCookie).toMatch(
      /^AuthSession=/,
    );
    now.t += 600_000; // expired: anonymous
    expect(await auth.identify(request({ cookie: `AuthSession=${value}` }))).toMatchObject({
      authenticated: false,
    });
  });

  it('a tampered, foreign or garbage cookie is anonymous', async () => {
    const now = { t: 1_700_000_000_000 };
    const { auth } = await setup(now);
    const value = cookieOf((await auth.signIn(request(), 'bob', 'pw')).cookie);
    const tampered = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    const last = tampered.length - 1;
    tampered.writeUInt8((tampered.readUInt8(last) ^ 1) & 0xff, last);
    for (const c of [
      tampered.toString('base64url'),
      'garbage',
      Buffer.from('ghost:1:x').toString('base64url'),
    ])
      expect(await auth.identify(request({ cookie: `AuthSession=${c}` }))).toMatchObject({
        authenticated: false,
      });
  });

  it('Basic: the right password identifies, a wrong one or an unknown name is 401', async () => {
    const { auth } = await setup({ t: Date.now() });
    const basic = (u: string, p: string) =>
      request({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });
    expect(await auth.identify(basic('bob', 'pw'))).toMatchObject({
      ctx: { name: 'bob' },
      handler: 'default',
    });
    await expect(auth.identify(basic('bob', 'no'))).rejects.toMatchObject({
      status: 401,
      error: 'unauthorized',
    });
    await expect(auth.identify(basic('ghost', 'no'))).rejects.toMatchObject({ status: 401 });
    expect(await auth.identify(request())).toMatchObject({ authenticated: false, ctx: { name: null } });
  });
});
