import { denied, unauthorized } from '../errors';
import type { UserCtx } from './access';
import type { DbTarget } from './routes';
import type { Decision } from './allowList';

/**
 * The `_users` database, pure. CouchDB 3 makes it admin-only (`[couchdb]
 * users_db_security_editable = false`, default security admin_only): a user can neither read nor
 * change any user document, their own included, so nobody edits the profile fields the worker
 * publishes in the staff directory and uses when drawing judges (`division`, `title`,
 * `displayName`, `disabled`). The embedded server answers exactly as Apache CouchDB 3.4.3 does
 * (measured, tests/conformance/usersAndSessions.test.ts). Passwords are changed through the worker
 * (sync-server/src/workers/passwordChange.ts); accounts come from `courtdesk-server user`.
 */

/** The authentication database. */
export const USERS_DB = '_users';

/** Prefix of user document ids. */
export const USER_DOC_PREFIX = 'org.couchdb.user:';

/** What CouchDB answers to PUT `/_users/_security`, whoever asks. */
export const USERS_SECURITY_LOCKED = "You can't edit the security object of the user database.";

/**
 * The decision for a request to `_users`, given the one an ordinary database would get. CouchDB
 * checks `_all_docs` and `_changes` of a system database for a server admin before anything else
 * (401 for everyone else); every other request meets the admin-only security object first.
 */
export function usersDbDecision(method: string, target: DbTarget, ordinary: Decision): Decision {
  const listing = target.type === 'endpoint' && (target.name === '_all_docs' || target.name === '_changes');
  const forServerAdmin: Decision =
    target.type === 'security' && method === 'PUT'
      ? { kind: 'refuse', status: 403, error: 'forbidden', reason: USERS_SECURITY_LOCKED }
      : ordinary;
  return { kind: 'usersDb', listing, forServerAdmin };
}

/**
 * Lets the server admin through to the decision meant for them; throws CouchDB's refusal for
 * anyone else: 401 "You are not a server admin." for listings, otherwise 401 (anonymous) or 403.
 */
export function admitToUsersDb(
  decision: Extract<Decision, { kind: 'usersDb' }>,
  authenticated: boolean,
  serverAdmin: boolean,
): Decision {
  if (serverAdmin) return decision.forServerAdmin;
  if (decision.listing) throw unauthorized('You are not a server admin.');
  throw denied(authenticated);
}

/** A refusal, CouchDB style. */
export interface UsersDbRefusal {
  status: 401 | 403;
  error: 'unauthorized' | 'forbidden';
  reason: string;
}

type Doc = Record<string, unknown>;

function forbidden(reason: string): UsersDbRefusal {
  return { status: 403, error: 'forbidden', reason };
}

/** Structural rules that bind everyone, admins included (as CouchDB's `_auth` design document). */
export function userDocShapeProblem(doc: Doc): string | null {
  if (doc._deleted === true) return null;
  if (typeof doc._id !== 'string' || !doc._id.startsWith(USER_DOC_PREFIX))
    return `Doc ID must be of the form ${USER_DOC_PREFIX}name`;
  if (doc.type !== 'user') return 'doc.type must be user';
  if (typeof doc.name !== 'string' || doc.name.length === 0) return 'doc.name is required';
  if (doc._id !== USER_DOC_PREFIX + doc.name) return `Doc ID must be of the form ${USER_DOC_PREFIX}name`;
  if (doc.name.includes(':')) return 'Character `:` is not allowed in usernames.';
  if (!Array.isArray(doc.roles) || !doc.roles.every((r) => typeof r === 'string'))
    return 'doc.roles must be an array of strings';
  if (doc.roles.some((r) => (r as string).startsWith('_')))
    return 'No system roles (starting with underscore) in users db.';
  return null;
}

/**
 * Decides a write to `_users` on every write path (HTTP, `_bulk_docs`, replication). The guard
 * already keeps everyone but the server admin out; this is the second line, so that no other path
 * (express-pouchdb grants `_admin` to a user editing their own document) can reopen it.
 * `isServerAdmin` must come from the configured admin list, not from `userCtx.roles` (access.ts).
 * Returns null when allowed.
 */
export function checkUsersDbWrite(newDoc: Doc, ctx: UserCtx, isServerAdmin: boolean): UsersDbRefusal | null {
  if (!isServerAdmin) {
    return ctx.name === null
      ? { status: 401, error: 'unauthorized', reason: 'You are not authorized to access this db.' }
      : forbidden('You are not allowed to access this db.');
  }
  const id = typeof newDoc._id === 'string' ? newDoc._id : '';
  if (id.startsWith('_design/')) return null;
  const shape = userDocShapeProblem(newDoc);
  return shape === null ? null : forbidden(shape);
}
