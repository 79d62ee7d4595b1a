/**
 * Password changes (docs/accounts.md). `_users` is admin-only, so a user cannot change their own
 * password there; they file an encrypted request in courtdesk_accounts instead
 * (core/schemas/account.ts) and this follower, holding the server admin's credentials, carries it
 * out: it decrypts the request (passwordChangeKeys.ts), checks the current password by signing in
 * as the user (the server's own hashing and lockout apply), sets the new password on the user
 * document (the server hashes it; the new salt ends every session of the user), waits until the
 * server enforces it, writes an audit record and `passwordChangeResult:…` for the user to see, and
 * deletes the request. Nothing it writes or logs carries a password.
 *
 * Idempotent, so a restart may replay anything: a result already written is kept (the request is
 * only deleted again, and the audit record exists), and when the current password no longer works
 * but the new one does, the change happened before a crash and is reported as done.
 */
import {
  PASSWORD_CHANGE_EXPIRY_MS,
  passwordChangeResultId,
  passwordChangeUser,
  passwordProblem,
  type PasswordChangeOutcome,
} from '../../../core/schemas/account';
import { validateForWrite } from '../../../core/schemas/registry';
import { userDocId, type UserDoc } from '../couch/helpers';
import { trySignIn, waitUntilPasswordWorks } from '../couch/signIn';
import { withPassword } from '../setup/users';
import { ChangesFollower, type Change } from './changesFollower';
import { CouchHttp, CouchHttpError, encId, retryUntilDone, type CouchDoc } from './couchHttp';
import { ACCOUNTS_DB, PasswordChangeKeys } from './passwordChangeKeys';

const AUDIT_DB = 'courtdesk_audit';

/** Options of {@link startPasswordChanges}. */
export interface PasswordChangeOptions {
  couch: CouchHttp;
  /** Worker name: the checkpoint is `_local/courtdesk-worker-<name>-password-change` in courtdesk_accounts. */
  name: string;
  /** `createdBy` of the worker's documents. */
  workerName: string;
  log?: (line: string) => void;
  now?: () => Date;
  /** Called after every handled request (tests, status output). */
  onResult?: (requestId: string, outcome: PasswordChangeOutcome) => void;
}

/** A running password change follower. */
export interface RunningPasswordChanges {
  readonly keys: PasswordChangeKeys;
  readonly follower: ChangesFollower;
  stop(): Promise<void>;
}

/** Carries out one request; the outcome for the user. Throws only for failures worth retrying. */
async function carryOut(
  o: PasswordChangeOptions,
  keys: PasswordChangeKeys,
  request: CouchDoc,
  user: string,
): Promise<PasswordChangeOutcome> {
  const created = Date.parse(String(request['createdAt']));
  if (!(created > (o.now?.() ?? new Date()).getTime() - PASSWORD_CHANGE_EXPIRY_MS)) return 'expired';
  const payload = await keys.decrypt(request);
  if (!payload) return 'unreadable';
  if (passwordProblem(payload.newPassword)) return 'invalidPassword';
  const account = (await o.couch.get('_users', userDocId(user))) as UserDoc | undefined;
  if (!account || account.disabled === true) return 'notAllowed';
  const current = await trySignIn(o.couch.base, user, payload.currentPassword);
  if (current !== 200) {
    if ((await trySignIn(o.couch.base, user, payload.newPassword)) === 200) return 'changed'; // a replay
    if (current === 401) return 'wrongPassword';
    if (current === 403) return 'lockedOut';
    throw new CouchHttpError(`signing in as ${user}: ${current}`, current);
  }
  const written = await o.couch.put('_users', withPassword(account, payload.newPassword));
  if (!written.ok) throw new CouchHttpError(`${userDocId(user)} changed meanwhile`, 409); // retried
  await waitUntilPasswordWorks(o.couch.base, user, payload.newPassword);
  return 'changed';
}

/** Handles one change of courtdesk_accounts (exported for tests). */
export async function handlePasswordChange(
  o: PasswordChangeOptions,
  keys: PasswordChangeKeys,
  change: Change,
): Promise<PasswordChangeOutcome | null> {
  const request = change.doc;
  if (!request || change.deleted || request._deleted || request['type'] !== 'passwordChange') return null;
  const user = passwordChangeUser(request._id);
  const resultId = passwordChangeResultId(request._id);
  const stored = await o.couch.get(ACCOUNTS_DB, resultId);
  const who = user ?? String(request['createdBy']);
  const outcome: PasswordChangeOutcome =
    (stored?.['outcome'] as PasswordChangeOutcome | undefined) ??
    (user && request['createdBy'] === user ? await carryOut(o, keys, request, user) : 'unreadable');
  const now = (o.now?.() ?? new Date()).toISOString();
  // Audited before the user sees the outcome. Ids derive from the request: a replay gets 409.
  const at = String(request['createdAt']).replace(/[-:]/g, '').replace(/\.\d+/, '');
  await o.couch.put(AUDIT_DB, {
    _id: `audit:${at}:${request._id.replace(/:/g, '-')}`,
    type: 'audit',
    kind: 'passwordChange',
    schemaVersion: 1,
    createdAt: now,
    createdBy: o.workerName,
    user: who,
    requestId: request._id,
    outcome,
  });
  if (!stored) {
    const result: CouchDoc = {
      _id: resultId,
      type: 'passwordChangeResult',
      schemaVersion: 1,
      createdAt: now,
      createdBy: o.workerName,
      requestId: request._id,
      user: who,
      outcome,
      at: now,
    };
    validateForWrite(result);
    await o.couch.put(ACCOUNTS_DB, result);
  }
  const del = `${ACCOUNTS_DB}/${encId(request._id)}?rev=${encodeURIComponent(String(request._rev))}`;
  await o.couch.expect('DELETE', del, [200, 202, 404, 409]);
  o.log?.(`${request._id}: ${outcome}`);
  return outcome;
}

/**
 * Publishes the key (in the background, retrying with backoff: a missing database must not hold up
 * the rest of the worker) and follows courtdesk_accounts/_changes from its checkpoint.
 */
export async function startPasswordChanges(o: PasswordChangeOptions): Promise<RunningPasswordChanges> {
  const log = o.log ?? (() => {});
  const keys = new PasswordChangeKeys(o.couch, o.workerName, log);
  const stopped = new AbortController();
  const publishing = retryUntilDone('password change key', () => keys.ensurePublished(), stopped.signal, log);
  const follower = new ChangesFollower({
    couch: o.couch,
    db: ACCOUNTS_DB,
    name: `${o.name}-password-change`,
    log,
    handle: async (change) => {
      const outcome = await handlePasswordChange(o, keys, change);
      if (outcome) o.onResult?.(change.id, outcome);
    },
  });
  await follower.start();
  return {
    keys,
    follower,
    stop: async () => {
      stopped.abort();
      await Promise.all([follower.stop(), publishing]);
    },
  };
}
