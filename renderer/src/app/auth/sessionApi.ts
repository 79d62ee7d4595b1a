import { uiRoles, type UiRole } from '../modules';

/**
 * Sign-in against CouchDB's cookie session (`/_session`) through the same-origin proxy
 * `${location.origin}/couch`. Plain `fetch`, no database library: this is HTTP, not data.
 * Every failure becomes an {@link AuthError} with a stable `kind` the UI translates.
 */

/** Why a session request failed; each kind has its own translated message. */
export type AuthErrorKind =
  /** 401 on sign-in: unknown user or wrong password (CouchDB does not say which). */
  | 'wrongCredentials'
  /** The server could not be reached: network error, timeout, or 502/503/504 from the proxy. */
  | 'unreachable'
  /** 403: the account exists but may not sign in (disabled by IT). */
  | 'accountDisabled'
  /** Signed in, but the account has no CourtDesk role (e.g. the server worker's account). */
  | 'noAppRole'
  /** Anything else the server answered (5xx, unexpected body). */
  | 'server';

/** A failed session request. */
export class AuthError extends Error {
  constructor(
    readonly kind: AuthErrorKind,
    readonly status?: number,
    detail?: string,
  ) {
    super(detail ?? kind);
    this.name = 'AuthError';
  }
}

/** A signed-in CouchDB user as the app sees it. */
export interface Session {
  readonly name: string;
  /** The raw CouchDB roles. */
  readonly roles: readonly string[];
  /**
   * Roles the desktop UI understands (derived from {@link roles}). The display name and title
   * come from the staff directory (features/staff): `_users` is admin-only.
   */
  readonly uiRoles: readonly UiRole[];
}

/**
 * True for a reading PC's account (role `reader`, docs/file-reading.md): it sees the reading room
 * and nothing else of the app.
 */
export function isReaderSession(session: Pick<Session, 'roles'>): boolean {
  return session.roles.includes('reader');
}

/** Session operations against CouchDB. */
export interface SessionClient {
  /** The current session, or null when the cookie is missing or expired. */
  getSession(): Promise<Session | null>;
  signIn(name: string, password: string): Promise<Session>;
  signOut(): Promise<void>;
}

/** Options of {@link createSessionClient}. */
export interface SessionClientOptions {
  /** CouchDB base URL without trailing slash, normally `${location.origin}/couch`. */
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  /** Give up and report "unreachable" after this long. */
  readonly timeoutMs?: number;
}

const PROXY_UNREACHABLE = new Set([502, 503, 504]);

/** Maps a non-OK HTTP status of a session request to an error. */
export function errorForStatus(status: number, reason?: string): AuthError {
  if (status === 401) return new AuthError('wrongCredentials', status, reason);
  if (status === 403) return new AuthError('accountDisabled', status, reason);
  if (PROXY_UNREACHABLE.has(status)) return new AuthError('unreachable', status, reason);
  return new AuthError('server', status, reason);
}

async function readReason(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.json()) as { reason?: unknown; error?: unknown };
    return typeof body.reason === 'string'
      ? body.reason
      : typeof body.error === 'string'
        ? body.error
        : undefined;
  } catch {
    return undefined;
  }
}

function parseUserCtx(body: unknown): { name: string | null; roles: string[] } {
  const ctx = (body as { userCtx?: unknown } | null)?.userCtx ?? body;
  const name = (ctx as { name?: unknown } | null)?.name;
  const roles = (ctx as { roles?: unknown } | null)?.roles;
  if (
    (name !== null && typeof name !== 'string') ||
    !Array.isArray(roles) ||
    !roles.every((r) => typeof r === 'string')
  ) {
    throw new AuthError('server', undefined, 'unexpected _session response');
  }
  return { name, roles };
}

/** Creates a session client over `fetch` (injectable for tests). */
export function createSessionClient(options: SessionClientOptions): SessionClient {
  const { baseUrl, timeoutMs = 15_000 } = options;
  const doFetch = options.fetch;

  async function request(path: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(`${baseUrl}${path}`, {
        ...init,
        credentials: 'include',
        headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // fetch rejects only when no HTTP answer arrived: offline, DNS, refused, timeout.
      throw new AuthError('unreachable', undefined, err instanceof Error ? err.message : String(err));
    }
  }

  async function json(res: Response): Promise<unknown> {
    try {
      return await res.json();
    } catch {
      throw new AuthError('server', res.status, 'response is not JSON');
    }
  }

  function toSession(name: string, roles: string[]): Session {
    return { name, roles, uiRoles: uiRoles(roles) };
  }

  /** Staff and kiosk accounts use the shell; a reading PC's account the reading room. */
  function usable(session: Session): boolean {
    return session.uiRoles.length > 0 || isReaderSession(session);
  }

  return {
    async getSession() {
      const res = await request('/_session', { method: 'GET' });
      if (!res.ok) throw errorForStatus(res.status, await readReason(res));
      const { name, roles } = parseUserCtx(await json(res));
      if (!name) return null;
      const session = toSession(name, roles);
      return usable(session) ? session : null;
    },

    async signIn(name, password) {
      const res = await request('/_session', { method: 'POST', body: JSON.stringify({ name, password }) });
      if (!res.ok) throw errorForStatus(res.status, await readReason(res));
      const { name: signedIn, roles } = parseUserCtx(await json(res));
      if (!signedIn) throw new AuthError('server', res.status, 'no user in _session response');
      const session = toSession(signedIn, roles);
      if (!usable(session)) {
        // Do not leave a cookie behind for an account the desktop cannot use.
        await request('/_session', { method: 'DELETE' }).catch(() => undefined);
        throw new AuthError('noAppRole', res.status);
      }
      return session;
    },

    async signOut() {
      const res = await request('/_session', { method: 'DELETE' });
      if (!res.ok) throw errorForStatus(res.status, await readReason(res));
    },
  };
}
