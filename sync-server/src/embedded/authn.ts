import type { IncomingMessage } from 'node:http';
import type { UserCtx } from './access';
import { unauthorized } from '../errors';

/**
 * Authentication for the guard: the same `_session` cookie and HTTP Basic credentials
 * express-pouchdb accepts (pouchdb-auth on the `_users` database plus the configured admins), so
 * the guard decides on exactly the identity the routes behind it will see.
 */

/** The pouchdb-auth methods of the authentication database. */
export interface AuthDb {
  multiUserSession(
    sessionId?: string,
  ): Promise<{ userCtx: { name: string | null; roles: string[] }; info: { authenticated?: string } }>;
  multiUserLogIn(name: string, password: string): Promise<{ ok: boolean; name: string; roles: string[] }>;
}

/** Who is calling, and how. */
export interface Identity {
  ctx: UserCtx;
  authenticated: boolean;
}

const ANONYMOUS: Identity = { ctx: { name: null, roles: [] }, authenticated: false };

/** Parses `Authorization: Basic …`; null when absent or not Basic. */
export function parseBasicAuth(header: string | undefined): { name: string; password: string } | null {
  if (!header) return null;
  const m = /^\s*basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  if (!m || m[1] === undefined) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return null;
  return { name: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

/** Reads the `AuthSession` cookie. */
export function readSessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'AuthSession') {
      const value = v.join('=');
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return null;
}

/**
 * Resolves the caller. A valid cookie wins (as in express-pouchdb); otherwise Basic credentials,
 * which must be right (401 `unauthorized` "Name or password is incorrect." like CouchDB);
 * otherwise anonymous. An invalid or expired cookie counts as anonymous.
 */
export async function identify(req: IncomingMessage, authDb: AuthDb): Promise<Identity> {
  const cookie = readSessionCookie(req.headers.cookie);
  if (cookie) {
    try {
      const session = await authDb.multiUserSession(cookie);
      if (session.info.authenticated && session.userCtx.name !== null) {
        return {
          ctx: { name: session.userCtx.name, roles: [...session.userCtx.roles] },
          authenticated: true,
        };
      }
    } catch {
      // malformed cookie: fall through to Basic / anonymous
    }
  }
  const basic = parseBasicAuth(req.headers.authorization);
  if (!basic) return ANONYMOUS;
  try {
    const res = await authDb.multiUserLogIn(basic.name, basic.password);
    return { ctx: { name: res.name, roles: [...res.roles] }, authenticated: true };
  } catch {
    throw unauthorized('Name or password is incorrect.');
  }
}
