/**
 * Idempotent CouchDB building blocks used by provisioning, user management and demo seeding.
 * Each returns whether it changed anything, so `provision` can report exactly what it did.
 */
import { statusOf, type CouchClient } from './client';

/** A CouchDB `_security` object. */
export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/** A design document carrying CourtDesk's version stamp. */
export interface StampedDesignDoc {
  _id: string;
  _rev?: string;
  courtdesk_version: string;
  [key: string]: unknown;
}

/** Creates the database unless it exists; true when it was created. Tolerates a concurrent creator. */
export async function ensureDb(couch: CouchClient, name: string): Promise<boolean> {
  try {
    await couch.db.get(name);
    return false;
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
  try {
    await couch.db.create(name);
    return true;
  } catch (err) {
    if (statusOf(err) === 412) return false; // file_exists: someone else created it meanwhile
    throw err;
  }
}

/** Reads `_security`, normalised (CouchDB returns `{}` for a database that never had one). */
export async function getSecurity(couch: CouchClient, db: string): Promise<SecurityObject> {
  const raw = (await couch.request({
    db,
    path: '_security',
    method: 'GET',
  })) as Partial<SecurityObject> | null;
  return normaliseSecurity(raw ?? {});
}

/** Fills missing parts of a `_security` object and sorts name/role lists for comparison. */
export function normaliseSecurity(raw: Partial<SecurityObject>): SecurityObject {
  const part = (p: Partial<SecurityObject['admins']> | undefined) => ({
    names: [...(p?.names ?? [])].sort(),
    roles: [...(p?.roles ?? [])].sort(),
  });
  return { admins: part(raw.admins), members: part(raw.members) };
}

/** Writes `_security` when it differs from `wanted`; true when it was written. */
export async function putSecurity(couch: CouchClient, db: string, wanted: SecurityObject): Promise<boolean> {
  const target = normaliseSecurity(wanted);
  if (target.members.names.length === 0 && target.members.roles.length === 0) {
    throw new Error(`${db}: refusing an empty members list (it would make the database public)`);
  }
  const current = await getSecurity(couch, db);
  if (JSON.stringify(current) === JSON.stringify(target)) return false;
  await couch.request({ db, path: '_security', method: 'PUT', body: target });
  return true;
}

/** The outcome of {@link upsertDesignDoc}. */
export type DesignDocChange = 'created' | 'updated' | 'unchanged';

/** Installs a design document unless the installed one carries the same `courtdesk_version`. */
export async function upsertDesignDoc(
  couch: CouchClient,
  db: string,
  ddoc: StampedDesignDoc,
): Promise<DesignDocChange> {
  const scope = couch.use<StampedDesignDoc>(db);
  let existing: StampedDesignDoc | undefined;
  try {
    existing = await scope.get(ddoc._id);
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
  if (existing && existing.courtdesk_version === ddoc.courtdesk_version) return 'unchanged';
  const { _rev: _ignored, ...body } = ddoc;
  await scope.insert(existing?._rev ? { ...body, _rev: existing._rev } : body);
  return existing ? 'updated' : 'created';
}

/** Reads a document, or undefined when it does not exist (deleted counts as missing). */
export async function getDocOrUndefined<T extends object>(
  couch: CouchClient,
  db: string,
  id: string,
): Promise<(T & { _id: string; _rev: string }) | undefined> {
  try {
    return (await couch.use<T>(db).get(id)) as T & { _id: string; _rev: string };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** The `_users` document id of a user name. */
export function userDocId(name: string): string {
  return `org.couchdb.user:${name}`;
}

/** A `_users` document as CourtDesk writes it (CouchDB keeps unknown fields). */
export interface UserDoc {
  _id: string;
  _rev?: string;
  name: string;
  type: 'user';
  roles: string[];
  password?: string;
  displayName?: string;
  disabled?: boolean;
  disabledAt?: string;
  disabledBy?: string;
  [key: string]: unknown;
}

/** What {@link ensureUser} should make true. */
export interface EnsureUserOptions {
  name: string;
  roles: readonly string[];
  /** Set (or reset) the password; omitted: an existing user's password is kept. */
  password?: string;
  displayName?: string;
  /** Extra fields to merge into the user document. */
  extra?: Record<string, unknown>;
}

/**
 * Creates or updates a `_users` document; returns 'created', 'updated' or 'unchanged'. Only writes
 * when roles/display name/extra differ or a password is given (CouchDB hashes it on write).
 */
export async function ensureUser(couch: CouchClient, opts: EnsureUserOptions): Promise<DesignDocChange> {
  const id = userDocId(opts.name);
  const existing = await getDocOrUndefined<UserDoc>(couch, '_users', id);
  const roles = [...opts.roles];
  const next: UserDoc = {
    ...(existing ?? {}),
    ...(opts.extra ?? {}),
    _id: id,
    name: opts.name,
    type: 'user',
    roles,
  };
  if (opts.displayName !== undefined) next.displayName = opts.displayName;
  if (opts.password !== undefined) next.password = opts.password;
  if (existing && opts.password === undefined) {
    const same =
      JSON.stringify(existing.roles) === JSON.stringify(roles) &&
      existing.displayName === next.displayName &&
      Object.entries(opts.extra ?? {}).every(([k, v]) => JSON.stringify(existing[k]) === JSON.stringify(v));
    if (same) return 'unchanged';
  }
  await couch.use<UserDoc>('_users').insert(next);
  return existing ? 'updated' : 'created';
}
