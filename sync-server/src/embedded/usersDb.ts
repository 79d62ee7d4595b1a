import type { UserCtx } from './access';

/**
 * Write rules of the `_users` database, pure. CouchDB's `_design/_auth` lets a user change only
 * their own document and never its roles (https://docs.couchdb.org/en/stable/intro/security.html#users-documents);
 * express-pouchdb 4.2.0 instead grants `_admin` to anyone editing their own document, so any user
 * could give themselves any role. CourtDesk also closes self sign-up: accounts are created by the
 * server admin (`courtdesk-server user add`). A user may still change their own password.
 */

/** A refusal, CouchDB style. */
export interface UsersDbRefusal {
  status: 401 | 403;
  error: 'unauthorized' | 'forbidden';
  reason: string;
}

/** Prefix of user document ids. */
export const USER_DOC_PREFIX = 'org.couchdb.user:';

type Doc = Record<string, unknown>;

function sameRoles(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : []);
  return norm(a) === norm(b);
}

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
 * Decides a write to `_users/<id>`. `isServerAdmin` must come from the configured admin list, not
 * from `userCtx.roles` (see access.ts). Returns null when allowed.
 */
export function checkUsersDbWrite(
  newDoc: Doc,
  oldDoc: Doc | null,
  ctx: UserCtx,
  isServerAdmin: boolean,
): UsersDbRefusal | null {
  const id = typeof newDoc._id === 'string' ? newDoc._id : '';
  if (id.startsWith('_design/')) {
    return isServerAdmin
      ? null
      : ctx.name === null
        ? unauthorizedAdminOnly()
        : forbidden('Only the server admin may change design documents of _users.');
  }
  const shape = userDocShapeProblem(newDoc);
  if (shape !== null) return forbidden(shape);
  if (isServerAdmin) return null;
  if (ctx.name === null) return unauthorizedAdminOnly();
  if (oldDoc === null || oldDoc._deleted === true)
    return forbidden('Only the server admin may create users.');
  if (oldDoc.name !== ctx.name || newDoc.name !== ctx.name)
    return forbidden('You may only update your own user document.');
  if (newDoc._deleted === true) return forbidden('Only the server admin may delete users.');
  if (!sameRoles(oldDoc.roles, newDoc.roles)) return forbidden('Only _admin may edit roles');
  return null;
}

function unauthorizedAdminOnly(): UsersDbRefusal {
  return { status: 401, error: 'unauthorized', reason: 'Only the server admin may create or change users.' };
}
