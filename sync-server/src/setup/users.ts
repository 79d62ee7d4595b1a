/**
 * User administration on CouchDB's `_users` database: add, disable, change password.
 *
 * Disabling: CouchDB has no "disabled" flag, so `disableUser` (1) replaces the password with a
 * random 48-byte secret nobody knows, which also changes the password salt and so invalidates
 * every AuthSession cookie already issued (CouchDB signs cookies with the server secret plus the
 * user's salt), (2) moves the roles to `disabledRoles` so even a leaked credential has no access,
 * and (3) records `disabled: true`, `disabledAt` and `disabledBy`. `setPassword(..., { enable: true })`
 * restores the roles and clears the flag. Both return only once the server enforces the change:
 * Apache CouchDB serves credentials from a per-node cache refreshed from `_users/_changes`, so right
 * after the write the old password and cookies still worked (couch/signIn.ts).
 */
import { randomBytes } from 'node:crypto';
import { ROLES, isRole, type Role } from '../../../core/roles';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../../../core/schemas/account';
import type { CouchClient } from '../couch/client';
import { getDocOrUndefined, userDocId, type UserDoc } from '../couch/helpers';
import { waitUntilPasswordWorks } from '../couch/signIn';

const NAME = /^[a-z][a-z0-9._-]{1,63}$/;

/** Throws unless `name` is a valid CourtDesk login name (lower-case ASCII, e.g. `clerk.wang`). */
export function validateUserName(name: string): void {
  if (!NAME.test(name))
    throw new Error(
      `无效的用户名 (invalid user name "${name}"): use 2–64 lower-case letters, digits, ".", "_" or "-", starting with a letter`,
    );
}

/** Throws unless the password follows the rules every password change follows (core/schemas/account.ts). */
export function validatePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem === 'tooShort')
    throw new Error(`密码太短 (password too short): at least ${MIN_PASSWORD_LENGTH} characters`);
  if (problem === 'tooLong')
    throw new Error(`密码太长 (password too long): at most ${MAX_PASSWORD_LENGTH} characters`);
}

/** Parses `judge,assistant` into roles; throws on an empty list or an unknown role. */
export function parseRoles(csv: string): Role[] {
  const parts = csv
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  if (parts.length === 0)
    throw new Error(`至少需要一个角色 (at least one role is required); roles: ${ROLES.join(', ')}`);
  const bad = parts.filter((r) => !isRole(r));
  if (bad.length > 0)
    throw new Error(`未知角色 (unknown role): ${bad.join(', ')}; valid roles: ${ROLES.join(', ')}`);
  const roles = [...new Set(parts as Role[])];
  // A reading PC's account must stay outside every staff database (docs/file-reading.md).
  if (roles.includes('reader') && roles.length > 1)
    throw new Error('阅卷终端账号不能兼有其他角色 (the reader role cannot be combined with another role)');
  return roles;
}

/** Options of {@link addUser}. */
export interface AddUserOptions {
  name: string;
  roles: readonly Role[];
  password: string;
  displayName?: string;
}

/** Creates a user; throws if the name is taken (use {@link setPassword} for existing users). */
export async function addUser(couch: CouchClient, opts: AddUserOptions): Promise<void> {
  validateUserName(opts.name);
  validatePassword(opts.password);
  for (const r of opts.roles) if (!isRole(r)) throw new Error(`未知角色 (unknown role): ${String(r)}`);
  if (await getDocOrUndefined<UserDoc>(couch, '_users', userDocId(opts.name))) {
    throw new Error(`用户已存在 (user already exists): ${opts.name}`);
  }
  const doc: UserDoc = {
    _id: userDocId(opts.name),
    name: opts.name,
    type: 'user',
    roles: [...opts.roles],
    password: opts.password,
  };
  if (opts.displayName) doc.displayName = opts.displayName;
  await couch.use<UserDoc>('_users').insert(doc);
}

async function mustGet(couch: CouchClient, name: string): Promise<UserDoc & { _rev: string }> {
  validateUserName(name);
  const doc = await getDocOrUndefined<UserDoc>(couch, '_users', userDocId(name));
  if (!doc) throw new Error(`没有这个用户 (no such user): ${name}`);
  return doc;
}

/** Disables a user so `_session` and basic auth fail and existing cookies stop working. */
export async function disableUser(
  couch: CouchClient,
  name: string,
  opts: { by: string; now?: Date },
): Promise<void> {
  const doc = await mustGet(couch, name);
  const secret = randomBytes(48).toString('base64url');
  const next: UserDoc = {
    ...doc,
    password: secret,
    roles: [],
    disabledRoles: doc.disabled ? doc['disabledRoles'] : doc.roles,
    disabled: true,
    disabledAt: (opts.now ?? new Date()).toISOString(),
    disabledBy: opts.by,
  };
  await couch.use<UserDoc>('_users').insert(next);
  // The secret is known only here: once it is accepted, the server holds the new salt, so the old
  // password and every cookie signed with the old salt are refused. The session is not kept.
  await waitUntilPasswordWorks(couch.config.url, name, secret);
}

/**
 * The user document with a new password (hashed by the server on write). A disabled user stays
 * disabled unless `enable` is true, which restores the roles kept in `disabledRoles`.
 */
export function withPassword(
  doc: UserDoc,
  password: string,
  opts: { enable?: boolean; now?: Date } = {},
): UserDoc {
  validatePassword(password);
  if (doc.disabled && !opts.enable)
    throw new Error(
      `用户已停用 (user is disabled): ${doc.name}; pass --enable to re-enable it with the new password`,
    );
  const next: UserDoc = { ...doc, password };
  if (doc.disabled) {
    const restored = Array.isArray(doc['disabledRoles'])
      ? (doc['disabledRoles'] as unknown[]).filter(isRole)
      : [];
    next.roles = restored;
    delete next['disabledRoles'];
    delete next.disabled;
    next['enabledAt'] = (opts.now ?? new Date()).toISOString();
  }
  return next;
}

/** Sets a new password (see {@link withPassword}) and waits until the server enforces it. */
export async function setPassword(
  couch: CouchClient,
  name: string,
  password: string,
  opts: { enable?: boolean } = {},
): Promise<void> {
  validatePassword(password);
  const doc = await mustGet(couch, name);
  await couch.use<UserDoc>('_users').insert(withPassword(doc, password, opts));
  await waitUntilPasswordWorks(couch.config.url, name, password);
}
