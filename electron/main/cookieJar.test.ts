import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './protocol';
import { UpstreamCookieJar } from './cookieJar';

const COUCH = 'http://127.0.0.1:15984';

describe('UpstreamCookieJar', () => {
  it('stores, merges (request cookies win) and deletes expired cookies', () => {
    const jar = new UpstreamCookieJar();
    jar.store(COUCH, ['AuthSession=abc; Version=1; Path=/; HttpOnly']);
    expect(jar.cookieHeader(COUCH, null)).toBe('AuthSession=abc');
    expect(jar.cookieHeader(COUCH, 'AuthSession=fresh; lang=zh')).toBe('AuthSession=fresh; lang=zh');
    expect(jar.cookieHeader('https://other.example', null)).toBeNull();
    jar.store(COUCH, ['AuthSession=; Version=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/']);
    expect(jar.cookieHeader(COUCH, null)).toBeNull();
    jar.store(COUCH, ['a=1; Max-Age=3600', 'b=2; Expires=Wed, 01 Jan 2020 00:00:00 GMT', 'garbage']);
    expect(jar.cookieHeader(COUCH, null)).toBe('a=1');
  });

  it('the proxy signs in once and keeps sending the session even if the renderer drops the cookie', async () => {
    const seen: Array<string | null> = [];
    const handler = createAppProtocolHandler({
      rootDir: '/nonexistent',
      serverUrl: () => COUCH,
      fetch: async (url, init) => {
        seen.push(new Headers(init.headers).get('cookie'));
        if (url.endsWith('/_session') && init.method === 'POST')
          return new Response('{"ok":true}', {
            headers: { 'Set-Cookie': 'AuthSession=s1; Path=/; HttpOnly' },
          });
        if (url.endsWith('/_session') && init.method === 'DELETE')
          return new Response('{"ok":true}', {
            headers: { 'Set-Cookie': 'AuthSession=; Max-Age=0; Path=/' },
          });
        return new Response('{}');
      },
    });
    await handler(new Request('app://courtdesk/couch/_session', { method: 'POST', body: '{}' }));
    await handler(new Request('app://courtdesk/couch/cases/_changes'));
    await handler(new Request('app://courtdesk/couch/_session', { method: 'DELETE' }));
    await handler(new Request('app://courtdesk/couch/cases/_changes'));
    expect(seen).toEqual([null, 'AuthSession=s1', 'AuthSession=s1', null]);
  });
});
