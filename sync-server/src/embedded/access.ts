/**
 * CouchDB's authorisation rules, pure. See https://docs.couchdb.org/en/stable/api/database/security.html
 * and https://docs.couchdb.org/en/stable/intro/security.html: a server admin (`_admin` role) may do
 * anything; a database admin (`admins.names`/`admins.roles`) may also write design documents and
 * `_security`; a member (`members.names`/`members.roles`) may read and write ordinary documents.
 * Since CouchDB 3.0 a database whose `members` lists nobody is readable by admins only
 * (`[couchdb] default_security = admin_only`), which is what we enforce.
 */

/** The authenticated identity of a request, as CouchDB's `userCtx`. */
export interface UserCtx {
  name: string | null;
  roles: string[];
  /** Database the request addresses (CouchDB sets it in validate_doc_update). */
  db?: string;
}

/** One half of a security object. */
export interface SecurityGroup {
  names?: unknown;
  roles?: unknown;
}

/** A database's `_security` object. */
export interface SecurityObject {
  admins?: SecurityGroup;
  members?: SecurityGroup;
  [key: string]: unknown;
}

/** The level of access a request needs on a database. */
export type AccessLevel = 'member' | 'dbAdmin' | 'serverAdmin';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * True for a server admin. `serverAdminNames` are the configured admins: express-pouchdb adds
 * `_admin` to a user's roles in-request when they edit their own `_users` document, so a role
 * alone is never trusted.
 */
export function isServerAdmin(ctx: UserCtx, serverAdminNames: ReadonlySet<string>): boolean {
  return ctx.name !== null && ctx.roles.includes('_admin') && serverAdminNames.has(ctx.name);
}

function inGroup(ctx: UserCtx, group: SecurityGroup | undefined): boolean {
  if (!group) return false;
  if (ctx.name !== null && strings(group.names).includes(ctx.name)) return true;
  const roles = strings(group.roles);
  return ctx.roles.some((r) => roles.includes(r));
}

function groupIsEmpty(group: SecurityGroup | undefined): boolean {
  return !group || (strings(group.names).length === 0 && strings(group.roles).length === 0);
}

/** True for a database admin (server admins included). */
export function isDbAdmin(ctx: UserCtx, sec: SecurityObject, serverAdminNames: ReadonlySet<string>): boolean {
  return isServerAdmin(ctx, serverAdminNames) || inGroup(ctx, sec.admins);
}

/** True for a member (database admins and server admins included). Empty members: admins only (CouchDB 3). */
export function isMember(ctx: UserCtx, sec: SecurityObject, serverAdminNames: ReadonlySet<string>): boolean {
  if (isDbAdmin(ctx, sec, serverAdminNames)) return true;
  if (groupIsEmpty(sec.members)) return false;
  return inGroup(ctx, sec.members);
}

/** True when `ctx` has `level` on a database with security `sec`. */
export function hasAccess(
  level: AccessLevel,
  ctx: UserCtx,
  sec: SecurityObject,
  serverAdminNames: ReadonlySet<string>,
): boolean {
  switch (level) {
    case 'member':
      return isMember(ctx, sec, serverAdminNames);
    case 'dbAdmin':
      return isDbAdmin(ctx, sec, serverAdminNames);
    case 'serverAdmin':
      return isServerAdmin(ctx, serverAdminNames);
    default: {
      const never: never = level;
      throw new Error(`unknown access level ${String(never)}`);
    }
  }
}

/**
 * Checks the shape of a `_security` object before it is stored (CouchDB rejects non-objects and
 * non-list names/roles with 400). Returns an error reason, or null when valid.
 */
export function securityObjectProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'Security object must be a JSON object';
  for (const key of ['admins', 'members'] as const) {
    const group = (value as Record<string, unknown>)[key];
    if (group === undefined) continue;
    if (typeof group !== 'object' || group === null || Array.isArray(group))
      return `${key} must be a JSON object`;
    for (const field of ['names', 'roles'] as const) {
      const list = (group as Record<string, unknown>)[field];
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string'))
        return `${key}.${field} must be a JSON list of strings`;
    }
  }
  return null;
}
