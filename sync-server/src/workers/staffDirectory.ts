/**
 * Staff directory publisher: CouchDB lets a user read only their own `_users` document, so the
 * worker (server admin) copies what the UI shows of every staff account — user name, display
 * name, roles, division, title, disabled — into `directory:staff` of courtdesk_notices, which
 * every staff member replicates (core/schemas/directory.ts). Nothing else of a user document
 * (passwords, salts, derived keys, audit fields) ever leaves `_users`.
 *
 * It rebuilds the whole list from `_users` on start and after every change of a user document
 * (`_users/_changes` through a {@link ChangesFollower}, checkpoint
 * `_local/courtdesk-worker-<name>-staff-directory` in `_users`), and writes only when the list
 * differs from the stored one, so it is idempotent and several workers may run at once (409:
 * re-read and retry).
 *
 * On a cluster `_all_docs` may answer from a shard copy that has not yet received the write the
 * feed just reported (measured on a 3-node CouchDB 3.4.3 under load: a new account missing from
 * the rebuilt list, and no later change to repair it). So every user document the feed delivers
 * is remembered, and the rebuild takes the newer of it and the scanned copy ({@link newestUsers}).
 */
import { databaseByKey } from '../../../core/databases';
import { isRole, STAFF_ROLES } from '../../../core/roles';
import { STAFF_DIRECTORY_ID, type StaffEntry } from '../../../core/schemas/directory';
import { validateForWrite } from '../../../core/schemas/registry';
import { ChangesFollower } from './changesFollower';
import { CouchHttp, CouchHttpError, retryUntilDone, revGeneration, type CouchDoc } from './couchHttp';

const USERS_DB = '_users';
const USER_PREFIX = 'org.couchdb.user:';
/** The database every staff member replicates and reads (not `public`: the kiosk reads that). */
export const DIRECTORY_DB = databaseByKey('notices').name;
const MAX_TEXT = 200;

function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().slice(0, MAX_TEXT);
  return s.length > 0 ? s : undefined;
}

function roleList(v: unknown): string[] {
  return Array.isArray(v) ? [...new Set(v.filter(isRole))].sort() : [];
}

/**
 * The directory entry of a `_users` document, or null for anything that is not a staff account
 * (design documents, the worker's and the kiosk's accounts). A disabled account keeps the roles
 * it had (setup/users.ts moves them to `disabledRoles`) and is marked `disabled`. Built field by
 * field from a fixed list: no other field of the user document can slip through.
 */
export function staffEntryOf(user: CouchDoc): StaffEntry | null {
  if (!user._id.startsWith(USER_PREFIX) || user._deleted) return null;
  const name = typeof user['name'] === 'string' ? user['name'] : user._id.slice(USER_PREFIX.length);
  if (!name) return null;
  const disabled = user['disabled'] === true;
  const roles = roleList(disabled && !roleList(user['roles']).length ? user['disabledRoles'] : user['roles']);
  if (!roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r))) return null;
  const division = text(user['division']);
  const title = text(user['title']);
  return {
    name,
    displayName: text(user['displayName']) ?? name,
    roles,
    ...(division ? { division } : {}),
    ...(title ? { title } : {}),
    ...(disabled ? { disabled: true } : {}),
  };
}

/** The directory entries of `users`, by user name. */
export function buildStaffList(users: Iterable<CouchDoc>): StaffEntry[] {
  const out: StaffEntry[] = [];
  for (const u of users) {
    const e = staffEntryOf(u);
    if (e) out.push(e);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The user documents of a scan, each replaced by the version the changes feed delivered when that
 * one is newer (a higher revision generation), plus those the scan has not seen yet. A deletion
 * from the feed removes the user.
 */
export function newestUsers(
  scanned: Iterable<CouchDoc>,
  fromFeed: ReadonlyMap<string, CouchDoc>,
): CouchDoc[] {
  const byId = new Map<string, CouchDoc>();
  for (const d of scanned) byId.set(d._id, d);
  for (const [id, d] of fromFeed) {
    const s = byId.get(id);
    if (!s || revGeneration(d._rev) > revGeneration(s._rev)) byId.set(id, d);
  }
  return [...byId.values()].filter((d) => !d._deleted);
}

/** What one {@link StaffDirectoryPublisher.publish} did. */
export type PublishOutcome = 'created' | 'updated' | 'unchanged';

/** Options of {@link StaffDirectoryPublisher}. */
export interface StaffDirectoryOptions {
  /** Database of `directory:staff` (default courtdesk_notices). */
  db?: string;
  /** `createdBy` of a new directory (default `worker`). */
  workerName?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

/** Reads `_users` and writes `directory:staff` when its content changed. */
export class StaffDirectoryPublisher {
  private readonly db: string;
  private readonly workerName: string;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  /** The newest version of each user document the changes feed delivered. */
  private readonly fromFeed = new Map<string, CouchDoc>();

  constructor(
    private readonly couch: CouchHttp,
    o: StaffDirectoryOptions = {},
  ) {
    this.db = o.db ?? DIRECTORY_DB;
    this.workerName = o.workerName ?? 'worker';
    this.now = o.now ?? (() => new Date());
    this.log = o.log ?? (() => {});
  }

  /** Remembers a user document delivered by the changes feed (the newer revision wins). */
  noteFromFeed(doc: CouchDoc): void {
    if (!doc._id.startsWith(USER_PREFIX)) return;
    const known = this.fromFeed.get(doc._id);
    if (!known || revGeneration(doc._rev) > revGeneration(known._rev)) this.fromFeed.set(doc._id, doc);
  }

  /** Every staff account in `_users` (with what the feed delivered, see {@link newestUsers}). */
  async readStaff(): Promise<StaffEntry[]> {
    const users: CouchDoc[] = [];
    for await (const u of this.couch.scan(USERS_DB, USER_PREFIX)) users.push(u);
    return buildStaffList(newestUsers(users, this.fromFeed));
  }

  /** Rebuilds the list and stores it unless the stored one is identical. */
  async publish(): Promise<PublishOutcome> {
    const staff = await this.readStaff();
    const wanted = JSON.stringify(staff);
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.couch.get(this.db, STAFF_DIRECTORY_ID);
      // Byte-for-byte: a stored list carrying anything else (an admin's hand edit) is rewritten.
      if (existing && JSON.stringify(existing['staff']) === wanted) return 'unchanged';
      const now = this.now().toISOString();
      const createdAt = existing && typeof existing['createdAt'] === 'string' ? existing['createdAt'] : now;
      const createdBy =
        existing && typeof existing['createdBy'] === 'string' ? existing['createdBy'] : this.workerName;
      const doc: CouchDoc = {
        _id: STAFF_DIRECTORY_ID,
        ...(existing?._rev ? { _rev: existing._rev } : {}),
        type: 'directory',
        schemaVersion: 1,
        createdAt,
        createdBy,
        updatedAt: now,
        staff,
      };
      validateForWrite(doc); // the worker writes as server admin, which validate_doc_update lets through
      const r = await this.couch.put(this.db, doc);
      if (r.ok) {
        this.log(`${STAFF_DIRECTORY_ID}: ${staff.length} staff (${existing ? 'updated' : 'created'})`);
        return existing ? 'updated' : 'created';
      }
      // Another worker wrote meanwhile: re-read and compare again.
    }
    throw new CouchHttpError(`${STAFF_DIRECTORY_ID} kept changing under the worker`, 409);
  }
}

/** Options of {@link startStaffDirectory}. */
export interface StartStaffDirectoryOptions extends StaffDirectoryOptions {
  couch: CouchHttp;
  /** Worker name: the checkpoint is `_local/courtdesk-worker-<name>-staff-directory` in `_users`. */
  name: string;
  /** Called after every publish (tests, status output). */
  onPublish?: (outcome: PublishOutcome) => void;
}

/** A running staff directory publisher. */
export interface RunningStaffDirectory {
  readonly publisher: StaffDirectoryPublisher;
  readonly follower: ChangesFollower;
  stop(): Promise<void>;
}

/**
 * Publishes the directory now (in the background, retrying with backoff until it succeeds or the
 * publisher stops: a missing database must not hold up the rest of the worker) and again after
 * every change of a `_users` document. Changes are coalesced: while more are queued behind a user
 * change, the rebuild waits for the last of them.
 */
export async function startStaffDirectory(o: StartStaffDirectoryOptions): Promise<RunningStaffDirectory> {
  const log = o.log ?? (() => {});
  const publisher = new StaffDirectoryPublisher(o.couch, o);
  const stopped = new AbortController();
  const publish = async () => {
    const outcome = await publisher.publish();
    o.onPublish?.(outcome);
  };
  let dirty = false;
  const follower: ChangesFollower = new ChangesFollower({
    couch: o.couch,
    db: USERS_DB,
    name: `${o.name}-staff-directory`,
    log,
    handle: async (change) => {
      if (change.id.startsWith(USER_PREFIX)) {
        dirty = true;
        if (change.doc) publisher.noteFromFeed(change.doc);
      }
      // `queued` counts the change in hand: a later change in the queue rebuilds for both.
      if (!dirty || follower.queued > 1) return;
      await publish();
      dirty = false;
    },
  });
  const initial = retryUntilDone('staff directory', publish, stopped.signal, log);
  await follower.start();
  return {
    publisher,
    follower,
    stop: async () => {
      stopped.abort();
      await Promise.all([follower.stop(), initial]);
    },
  };
}
