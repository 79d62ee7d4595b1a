import { uiRoles } from '../modules';
import type { Session } from './sessionApi';

/**
 * The last verified session on this PC, so that an offline start (server unreachable) can still
 * open the local workspace as that user, clearly marked "not verified". Holds no secret: the
 * credential is CouchDB's HttpOnly cookie, which JavaScript never sees.
 */

const SESSION_KEY = 'courtdesk.lastSession';
const PENDING_SIGN_OUT_KEY = 'courtdesk.pendingSignOut';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Remembers a verified session. */
export function rememberSession(store: KeyValueStore, session: Session): void {
  const { name, roles } = session;
  store.setItem(SESSION_KEY, JSON.stringify({ name, roles }));
  store.removeItem(PENDING_SIGN_OUT_KEY);
}

/** The remembered session, or null when none or unreadable. */
export function rememberedSession(store: KeyValueStore): Session | null {
  try {
    const raw = JSON.parse(store.getItem(SESSION_KEY) ?? 'null') as {
      name?: unknown;
      roles?: unknown;
    } | null;
    if (!raw || typeof raw.name !== 'string' || !raw.name || !Array.isArray(raw.roles)) return null;
    const roles = raw.roles.filter((r): r is string => typeof r === 'string');
    const session: Session = { name: raw.name, roles, uiRoles: uiRoles(roles) };
    return session.uiRoles.length > 0 ? session : null;
  } catch {
    return null;
  }
}

/**
 * Forgets the session. When the server could not be told (offline sign-out), marks the sign-out as
 * pending so the next start deletes the server session instead of silently resuming it.
 */
export function forgetSession(store: KeyValueStore, serverToldToo: boolean): void {
  store.removeItem(SESSION_KEY);
  if (serverToldToo) store.removeItem(PENDING_SIGN_OUT_KEY);
  else store.setItem(PENDING_SIGN_OUT_KEY, '1');
}

/** True when a sign-out is still owed to the server. */
export function signOutPending(store: KeyValueStore): boolean {
  return store.getItem(PENDING_SIGN_OUT_KEY) === '1';
}

/** Clears the pending sign-out mark once the server session is gone. */
export function clearPendingSignOut(store: KeyValueStore): void {
  store.removeItem(PENDING_SIGN_OUT_KEY);
}
