/**
 * Main's copy of the CouchDB session cookie, per upstream origin. Chromium's cookie support for
 * custom schemes has a history of gaps (electron/electron#27981, #20940), so the couch proxy does
 * not rely on the renderer sending back the `AuthSession` cookie for `app://courtdesk`: it keeps
 * what CouchDB set and adds it to requests that lack it. The jar never leaves main; it lives in
 * memory only, so a restart means signing in again (local work is unaffected).
 */
export class UpstreamCookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  /** Records the Set-Cookie headers of a response from `origin` (expired or empty ones delete). */
  store(origin: string, setCookies: readonly string[], now = Date.now()): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const v = rest.join('=').trim();
        if (/^\s*max-age\s*$/i.test(key) && Number(v) <= 0) expired = true;
        if (/^\s*expires\s*$/i.test(key) && Date.parse(v) <= now) expired = true;
      }
      const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
      if (expired) jar.delete(name);
      else jar.set(name, value);
      this.byOrigin.set(origin, jar);
    }
  }

  /** The Cookie header to send to `origin`: the request's own cookies win, the jar fills the rest. */
  cookieHeader(origin: string, requestCookie: string | null): string | null {
    const merged = new Map<string, string>();
    for (const [name, value] of this.byOrigin.get(origin) ?? []) merged.set(name, value);
    for (const part of (requestCookie ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) merged.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    if (merged.size === 0) return null;
    return [...merged].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
