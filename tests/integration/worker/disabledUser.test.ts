/**
 * Disabling an account (`courtdesk-server user disable`) against a real server (embedded or
 * COUCH_URL): the user can no longer sign in, use Basic auth or a cookie issued before, the staff
 * directory marks them disabled, and the judge draw skips them; `user passwd --enable` restores
 * all of it. CouchDB knows no `disabled` flag, so disabling replaces the password (new salt: old
 * cookies die) and moves the roles aside (sync-server/src/setup/users.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_DIRECTORY_ID } from '../../../core/schemas/directory';
import { main } from '../../../sync-server/src/cli';
import { startWorker, type RunningWorker } from '../../../sync-server/src/workers/worker';
import {
  couchFetch,
  getCouchTarget,
  sessionCookie,
  type CouchTarget,
  type Credentials,
} from '../../support/couchTarget';
import {
  caseDoc,
  fileCases,
  getDocs,
  provisionTarget,
  putUser,
  removeUsers,
  testYear,
  waitFor,
  waitWhileBusy,
} from './workerFixture';

let target: CouchTarget;
let worker: RunningWorker | undefined;
let clerk: Credentials;
let active: Credentials;
let leaving: Credentials;
const users: string[] = [];
const s = Date.now().toString(36);
const division = `d${s}`; // unique, so judges already on a COUCH_URL server never take part

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main([...argv, '--couch', target.adminUrl], { out: () => {}, err: (l) => err.push(l) });
  return { code, err: err.join('\n') };
}

async function access(auth: { auth: Credentials } | { cookie: string }): Promise<number> {
  return (await couchFetch(`${target.url}/courtdesk_cases`, auth)).status;
}

async function signIn(who: Credentials): Promise<number> {
  return (await couchFetch(`${target.url}/_session`, { method: 'POST', body: who })).status;
}

async function directoryEntry(name: string): Promise<Record<string, unknown> | undefined> {
  const r = await couchFetch(`${target.url}/courtdesk_notices/${encodeURIComponent(STAFF_DIRECTORY_ID)}`, {
    auth: target.admin,
  });
  return ((r.body?.staff ?? []) as Record<string, unknown>[]).find((e) => e['name'] === name);
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provisionTarget(target);
  clerk = await putUser(target, users, `clerk.dis${s}`, ['clerk']);
  active = await putUser(target, users, `judge.stay${s}`, ['judge'], { division, displayName: '留任法官' });
  leaving = await putUser(target, users, `judge.left${s}`, ['judge'], { division, displayName: '离任法官' });
  worker = await startWorker({
    couchUrl: target.adminUrl,
    name: `dis-${s}`,
    conflictGuard: false,
    divisionsByType: new Map([['民初', [division]]]),
  });
});

afterAll(async () => {
  await worker?.stop();
  if (!target) return;
  await removeUsers(target, users);
  await target.stop();
});

describe(`disabling a user (${process.env['COUCH_URL'] ? 'COUCH_URL' : 'embedded server'})`, () => {
  it('locks the account out at once: sign-in, Basic auth and an old cookie are refused', async () => {
    const cookie = await sessionCookie(target, leaving.name, leaving.password);
    expect(await access({ cookie })).toBe(200);
    expect(await access({ auth: leaving })).toBe(200);
    const r = await cli('user', 'disable', leaving.name);
    expect(r.code, r.err).toBe(0);
    expect(await signIn(leaving)).toBe(401);
    expect(await access({ auth: leaving })).toBe(401);
    expect(await access({ cookie })).toBe(401);
    expect(await access({ auth: active })).toBe(200);
  });

  it('the staff directory shows them as disabled, with the roles they had', async () => {
    await waitFor(
      'the directory to mark the judge',
      async () => (await directoryEntry(leaving.name))?.['disabled'] === true,
    );
    expect(await directoryEntry(leaving.name)).toEqual({
      name: leaving.name,
      displayName: '离任法官',
      roles: ['judge'],
      division,
      disabled: true,
    });
  });

  it('the judge draw skips them', async () => {
    const docs = Array.from({ length: 6 }, () => caseDoc(clerk.name, '民初', testYear(), { division }));
    await fileCases(target, clerk, docs, 3);
    const ids = docs.map((d) => `assignment:${String(d['_id']).slice(5)}`);
    let assigned = new Map<string, Record<string, unknown>>();
    // On a shared CouchDB this worker first replays every earlier test's changes: wait while it moves.
    await waitWhileBusy(
      '6 assignments',
      async () => {
        assigned = await getDocs(target, 'courtdesk_cases', ids);
        return assigned.size === ids.length;
      },
      () => worker?.follower.processed ?? 0,
    );
    for (const a of assigned.values()) expect(a['judge']).toBe(active.name);
    const audits = await getDocs(
      target,
      'courtdesk_audit',
      [...assigned.values()].map((a) => String(a['auditId'])),
    );
    for (const audit of audits.values())
      expect(JSON.stringify(audit['draw'] ?? audit)).not.toContain(leaving.name);
  });

  it('enabling with a new password restores sign-in, roles and the directory entry', async () => {
    const r = await cli('user', 'passwd', leaving.name, '--password', 'back-again-1', '--enable');
    expect(r.code, r.err).toBe(0);
    const back = { name: leaving.name, password: 'back-again-1' };
    expect(await signIn(back)).toBe(200);
    expect(await access({ auth: back })).toBe(200);
    expect(await signIn(leaving)).toBe(401); // the password from before stays dead
    await waitFor('the directory to show the judge again', async () => {
      const e = await directoryEntry(leaving.name);
      return e !== undefined && e['disabled'] === undefined;
    });
  });
});
