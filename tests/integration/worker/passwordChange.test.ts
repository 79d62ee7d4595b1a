/**
 * Password changes through the server worker against a real server (embedded or COUCH_URL): the
 * renderer's own code (renderer/src/app/account/passwordChangeApi.ts) files an encrypted request,
 * the worker (sync-server/src/workers/passwordChange.ts) checks the current password, sets the new
 * one, reports the outcome and audits it; old cookies stop working. Users can file only their own
 * request and touch nothing else; no plain password is ever stored; replays are harmless.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD_CHANGE_KEY_ID,
  passwordChangeRequestId,
  passwordChangeResultId,
} from '../../../core/schemas/account';
import { changePassword, encryptPasswordChange } from '../../../renderer/src/app/account/passwordChangeApi';
import { CouchHttp } from '../../../sync-server/src/workers/couchHttp';
import { handlePasswordChange } from '../../../sync-server/src/workers/passwordChange';
import { PasswordChangeKeys } from '../../../sync-server/src/workers/passwordChangeKeys';
import { startWorker, type RunningWorker } from '../../../sync-server/src/workers/worker';
import {
  couchFetch,
  getCouchTarget,
  sessionCookie,
  type CouchTarget,
  type Credentials,
} from '../../support/couchTarget';
import { docsWithPrefix, provisionTarget, putUser, removeUsers, waitFor } from './workerFixture';

const DB = 'courtdesk_accounts';
let target: CouchTarget;
let worker: RunningWorker | undefined;
let clerk: Credentials;
let judge: Credentials;
let key: { kid: string; publicKey: JsonWebKey };
const users: string[] = [];
const s = Date.now().toString(36);

/** `fetch` that keeps the `AuthSession` cookie, as the browser does for the renderer. */
function browserFetch(): typeof fetch {
  let cookie = '';
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(input, { ...init, headers });
    const m = /AuthSession=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (m) cookie = `AuthSession=${m[1]}`;
    return res;
  }) as typeof fetch;
}

async function works(who: Credentials): Promise<boolean> {
  return (await couchFetch(`${target.url}/${DB}`, { auth: who })).status === 200;
}

const docUrl = (id: string) => `${target.url}/${DB}/${encodeURIComponent(id)}`;

/** Files a request as `who` directly (what a modified client could send); resolves with its id. */
async function fileRequest(
  who: Credentials,
  payload: { currentPassword: string; newPassword: string },
  extra: Record<string, unknown> = {},
  forUser = who.name,
): Promise<{ id: string; status: number; text: string }> {
  const id = passwordChangeRequestId(randomUUID(), forUser);
  const sealed = await encryptPasswordChange(key.publicKey, key.kid, id, payload);
  const body = {
    type: 'passwordChange',
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    createdBy: who.name,
  };
  const r = await couchFetch(docUrl(id), {
    method: 'PUT',
    auth: who,
    body: { ...body, ...sealed, ...extra },
  });
  return { id, status: r.status, text: r.text };
}

async function outcomeOf(requestId: string): Promise<string> {
  let outcome = '';
  await waitFor(`the result of ${requestId}`, async () => {
    const r = await couchFetch(docUrl(passwordChangeResultId(requestId)), { auth: target.admin });
    outcome = r.status === 200 ? String(r.body.outcome) : '';
    return outcome !== '';
  });
  return outcome;
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provisionTarget(target);
  clerk = await putUser(target, users, `clerk.pw${s}`, ['clerk'], { displayName: '王书记员' });
  judge = await putUser(target, users, `judge.pw${s}`, ['judge']);
  await putUser(target, users, `kiosk.pw${s}`, ['kiosk']);
  worker = await startWorker({
    couchUrl: target.adminUrl,
    name: `pw-${s}`,
    conflictGuard: false,
    staffDirectory: false,
  });
  await waitFor(
    'the published key',
    async () => (await couchFetch(docUrl(PASSWORD_CHANGE_KEY_ID), { auth: clerk })).status === 200,
  );
  const doc = (await couchFetch(docUrl(PASSWORD_CHANGE_KEY_ID), { auth: clerk })).body;
  key = { kid: doc.kid, publicKey: doc.publicKey };
});

afterAll(async () => {
  await worker?.stop();
  if (!target) return;
  if (!target.embedded) {
    // Leave a shared server as found: this run's results and audit records go with its users.
    const mine = (d: Record<string, unknown>) => users.includes(String(d['user']));
    for (const [db, prefix] of [
      [DB, 'passwordChangeResult:'],
      ['courtdesk_audit', 'audit:'],
    ] as const)
      for (const d of (await docsWithPrefix(target, db, prefix)).filter(mine))
        await couchFetch(
          `${target.url}/${db}/${encodeURIComponent(String(d['_id']))}?rev=${String(d['_rev'])}`,
          {
            method: 'DELETE',
            auth: target.admin,
          },
        );
  }
  await removeUsers(target, users);
  await target.stop();
});

describe(`password change through the worker (${process.env['COUCH_URL'] ? 'COUCH_URL' : 'embedded server'})`, () => {
  it('publishes only a public key; its private half is out of every user’s reach', async () => {
    for (const k of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key.publicKey).not.toHaveProperty(k);
    const local = `${target.url}/_users/_local/${encodeURIComponent(`courtdesk-password-change-key-${key.kid}`)}`;
    expect((await couchFetch(local, { auth: target.admin })).body.privateKey).toHaveProperty('d');
    expect((await couchFetch(local, { auth: clerk })).status).toBe(403);
    expect((await couchFetch(local)).status).toBe(401);
  });

  it('a user changes their password from the app: old password and old cookie die, the new one works', async () => {
    const oldCookie = await sessionCookie(target, clerk.name, clerk.password);
    const steps: string[] = [];
    const result = await changePassword(
      { baseUrl: target.url, fetch: browserFetch(), pollMs: 200 },
      clerk.name,
      clerk.password,
      'brand-new-secret-1',
      (step) => steps.push(step),
    );
    expect(result).toEqual({ kind: 'outcome', outcome: 'changed' });
    expect(steps).toEqual(['verifying', 'sending', 'waiting']);
    expect(await works(clerk)).toBe(false);
    expect((await couchFetch(`${target.url}/${DB}`, { cookie: oldCookie })).status).toBe(401);
    const renewed = { name: clerk.name, password: 'brand-new-secret-1' };
    expect(await works(renewed)).toBe(true);
    // The request is gone, the result and the audit record stay, and no password is stored anywhere.
    const results = (await docsWithPrefix(target, DB, 'passwordChangeResult:')).filter(
      (d) => d['user'] === clerk.name,
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ outcome: 'changed', createdBy: 'worker' });
    const requestId = String(results[0]?.['requestId']);
    // Deleting the request is the worker's last step (after the audit and the result).
    await waitFor(
      'the request to be deleted',
      async () => (await couchFetch(docUrl(requestId), { auth: target.admin })).status === 404,
    );
    const audits = (await docsWithPrefix(target, 'courtdesk_audit', 'audit:')).filter(
      (a) => a['requestId'] === requestId,
    );
    expect(audits).toEqual([
      expect.objectContaining({ kind: 'passwordChange', user: clerk.name, outcome: 'changed' }),
    ]);
    const everything = JSON.stringify([
      ...(await docsWithPrefix(target, DB, '')),
      ...audits,
      (await couchFetch(`${target.url}/_users/org.couchdb.user:${clerk.name}`, { auth: target.admin })).body,
    ]);
    expect(everything).not.toContain('brand-new-secret-1');
    expect(everything).not.toContain(clerk.password);
    clerk = renewed;
  });

  it('refuses a wrong current password, a password that breaks the rules, an expired request', async () => {
    const wrong = await fileRequest(judge, { currentPassword: 'guessing-123', newPassword: 'hijacked-pw-1' });
    expect(wrong.status, wrong.text).toBe(201);
    expect(await outcomeOf(wrong.id)).toBe('wrongPassword');
    const short = await fileRequest(judge, { currentPassword: judge.password, newPassword: 'short' });
    expect(await outcomeOf(short.id)).toBe('invalidPassword');
    const old = await fileRequest(
      judge,
      { currentPassword: judge.password, newPassword: 'too-late-pw-1' },
      { createdAt: new Date(Date.now() - 20 * 60_000).toISOString() },
    );
    expect(await outcomeOf(old.id)).toBe('expired');
    expect(await works(judge)).toBe(true);
  });

  it('a request copied under another id does not open (the id is authenticated)', async () => {
    const original = passwordChangeRequestId(randomUUID(), clerk.name);
    const sealed = await encryptPasswordChange(key.publicKey, key.kid, original, {
      currentPassword: clerk.password,
      newPassword: 'stolen-request-1',
    });
    const copy = passwordChangeRequestId(randomUUID(), judge.name);
    const body = {
      type: 'passwordChange',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: judge.name,
    };
    expect(
      (await couchFetch(docUrl(copy), { method: 'PUT', auth: judge, body: { ...body, ...sealed } })).status,
    ).toBe(201);
    expect(await outcomeOf(copy)).toBe('unreadable');
    expect(await works(clerk)).toBe(true);
  });

  it('users file only their own request and touch nothing else (403)', async () => {
    const payload = { currentPassword: 'x-x-x-x-x', newPassword: 'y-y-y-y-y-y' };
    expect((await fileRequest(judge, payload, {}, clerk.name)).status).toBe(403); // someone else's account
    expect((await fileRequest(judge, payload, { newPassword: 'plain-text-1' })).status).toBe(403); // a plain password
    expect(
      (await fileRequest({ name: `kiosk.pw${s}`, password: `pw-kiosk.pw${s}-123` }, payload)).status,
    ).toBe(403);
    const resultId = passwordChangeResultId(passwordChangeRequestId(randomUUID(), judge.name));
    const forgedResult = {
      type: 'passwordChangeResult',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      createdBy: judge.name,
      requestId: `passwordChange:${resultId.slice('passwordChangeResult:'.length)}`,
      user: judge.name,
      outcome: 'changed',
      at: new Date().toISOString(),
    };
    expect(
      (await couchFetch(docUrl(resultId), { method: 'PUT', auth: judge, body: forgedResult })).status,
    ).toBe(403);
    const keyDoc = (await couchFetch(docUrl(PASSWORD_CHANGE_KEY_ID), { auth: judge })).body;
    expect(
      (
        await couchFetch(docUrl(PASSWORD_CHANGE_KEY_ID), {
          method: 'PUT',
          auth: judge,
          body: { ...keyDoc, kid: 'mine' },
        })
      ).status,
    ).toBe(403);
  });

  it('a replay after a crash reports the change without doing it twice', async () => {
    const o = { couch: new CouchHttp(target.adminUrl), name: 'replay', workerName: 'worker' };
    const keys = new PasswordChangeKeys(o.couch, 'worker');
    const id = passwordChangeRequestId(randomUUID(), judge.name);
    const sealed = await encryptPasswordChange(key.publicKey, key.kid, id, {
      currentPassword: judge.password,
      newPassword: 'judge-new-pw-1',
    });
    // Fed to the handler directly (never stored), as the feed would hand it over again after a crash.
    const change = {
      seq: 0,
      id,
      doc: {
        _id: id,
        _rev: '1-0a',
        type: 'passwordChange',
        schemaVersion: 1,
        createdAt: new Date().toISOString(),
        createdBy: judge.name,
        ...sealed,
      },
    };
    const userUrl = `${target.url}/_users/org.couchdb.user:${judge.name}`;
    expect(await handlePasswordChange(o, keys, change)).toBe('changed');
    const changedRev = (await couchFetch(userUrl, { auth: target.admin })).body._rev;
    // Crash before the result was written: the current password no longer works, the new one does.
    const result = (await couchFetch(docUrl(passwordChangeResultId(id)), { auth: target.admin })).body;
    await couchFetch(`${docUrl(passwordChangeResultId(id))}?rev=${String(result._rev)}`, {
      method: 'DELETE',
      auth: target.admin,
    });
    expect(await handlePasswordChange(o, keys, change)).toBe('changed');
    // Crash after the result: the stored outcome is kept.
    expect(await handlePasswordChange(o, keys, change)).toBe('changed');
    expect((await couchFetch(userUrl, { auth: target.admin })).body._rev).toBe(changedRev); // set once
    expect(await works({ name: judge.name, password: 'judge-new-pw-1' })).toBe(true);
    const audits = (await docsWithPrefix(target, 'courtdesk_audit', 'audit:')).filter(
      (a) => a['requestId'] === id,
    );
    expect(audits).toHaveLength(1);
  });

  it('workers publishing a key at the same time agree on one, and its private half is stored', async () => {
    const couch = new CouchHttp(target.adminUrl);
    const published = (await couchFetch(docUrl(PASSWORD_CHANGE_KEY_ID), { auth: target.admin })).body;
    await couchFetch(`${docUrl(PASSWORD_CHANGE_KEY_ID)}?rev=${String(published._rev)}`, {
      method: 'DELETE',
      auth: target.admin,
    });
    const kids = await Promise.all(
      [0, 1, 2].map(() => new PasswordChangeKeys(couch, 'worker').ensurePublished()),
    );
    expect(new Set(kids).size).toBe(1);
    const now = (await couchFetch(docUrl(PASSWORD_CHANGE_KEY_ID), { auth: clerk })).body;
    expect(now.kid).toBe(kids[0]);
    expect(now.kid).not.toBe(key.kid);
    const local = (kid: string) =>
      `${target.url}/_users/_local/${encodeURIComponent(`courtdesk-password-change-key-${kid}`)}`;
    expect((await couchFetch(local(now.kid), { auth: target.admin })).status).toBe(200);
    // The previous key still opens requests filed with it before the change.
    expect((await couchFetch(local(key.kid), { auth: target.admin })).status).toBe(200);
    key = { kid: now.kid, publicKey: now.publicKey };
    const r = await changePassword(
      { baseUrl: target.url, fetch: browserFetch(), pollMs: 200 },
      clerk.name,
      clerk.password,
      'after-rotation-1',
    );
    expect(r).toEqual({ kind: 'outcome', outcome: 'changed' });
  });
});
