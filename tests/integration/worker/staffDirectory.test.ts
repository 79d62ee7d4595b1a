/**
 * The staff directory against a real server: the worker publishes `directory:staff` in
 * courtdesk_notices from `_users` (display name, roles, division, title, disabled — nothing
 * else), follows `_users/_changes` so a new or disabled account shows up, writes only when the
 * list changed, and nobody but the worker may write the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_DIRECTORY_ID } from '../../../core/schemas/directory';
import { createCouchClient } from '../../../sync-server/src/couch/client';
import { disableUser } from '../../../sync-server/src/setup/users';
import { CouchHttp } from '../../../sync-server/src/workers/couchHttp';
import { StaffDirectoryPublisher } from '../../../sync-server/src/workers/staffDirectory';
import type { RunningWorker } from '../../../sync-server/src/workers/worker';
import { couchFetch, getCouchTarget, type CouchTarget, type Credentials } from '../../support/couchTarget';
import { provisionTarget, putUser, removeUsers, startTestWorker, waitFor } from './workerFixture';

let target: CouchTarget;
let worker: RunningWorker | undefined;
const users: string[] = [];
const s = Date.now().toString(36);
const u = (n: string) => `${n}${s}`;
let judge: Credentials;
let itAdmin: Credentials;
let workerUser: Credentials;

const DB = 'courtdesk_notices';
const ALLOWED = ['name', 'displayName', 'roles', 'division', 'title', 'disabled'];
const SECRETS = /password|salt|derived_key|iterations|password_scheme|disabledBy|disabledAt|disabledRoles/;

interface Entry {
  name: string;
  displayName: string;
  roles: string[];
  division?: string;
  title?: string;
  disabled?: boolean;
}

async function directory(): Promise<Record<string, unknown> | null> {
  const r = await couchFetch(`${target.url}/${DB}/${encodeURIComponent(STAFF_DIRECTORY_ID)}`, {
    auth: target.admin,
  });
  return r.status === 200 ? (r.body as Record<string, unknown>) : null;
}

async function entry(name: string): Promise<Entry | undefined> {
  const d = await directory();
  return ((d?.['staff'] ?? []) as Entry[]).find((e) => e.name === name);
}

beforeAll(async () => {
  target = await getCouchTarget();
  await provisionTarget(target);
  judge = await putUser(target, users, u('judge.dir'), ['judge'], {
    displayName: '赵志刚',
    division: 'min1',
    title: '审判员',
  });
  itAdmin = await putUser(target, users, u('it.dir'), ['admin'], { displayName: '孙信息' });
  workerUser = await putUser(target, users, u('worker.dir'), ['worker']);
  await putUser(target, users, u('kiosk.dir'), ['kiosk']);
  worker = await startTestWorker(target, { name: `dir-${s}`, conflictGuard: false });
});

afterAll(async () => {
  await worker?.stop();
  if (!target) return;
  await removeUsers(target, users);
  await target.stop();
});

describe(`staff directory (${process.env['COUCH_URL'] ? 'COUCH_URL' : 'embedded server'})`, () => {
  it('publishes directory:staff with display names, and no secret field of _users', async () => {
    await waitFor('the directory', async () => (await entry(judge.name)) !== undefined);
    const doc = (await directory()) as Record<string, unknown>;
    expect(doc).toMatchObject({ type: 'directory', schemaVersion: 1, createdBy: 'worker' });
    expect(await entry(judge.name)).toEqual({
      name: judge.name,
      displayName: '赵志刚',
      roles: ['judge'],
      division: 'min1',
      title: '审判员',
    });
    expect(await entry(itAdmin.name)).toMatchObject({ displayName: '孙信息', roles: ['admin'] });
    // The worker's and the kiosk's accounts are not staff.
    expect(await entry(workerUser.name)).toBeUndefined();
    expect(await entry(u('kiosk.dir'))).toBeUndefined();
    for (const e of doc['staff'] as Record<string, unknown>[])
      for (const k of Object.keys(e)) expect(ALLOWED, `${String(e['name'])}.${k}`).toContain(k);
    expect(JSON.stringify(doc)).not.toMatch(SECRETS);
  });

  it('shows a user added through _users, without a restart', async () => {
    const name = u('clerk.dir');
    await putUser(target, users, name, ['clerk'], { displayName: '王小青', division: 'lian' });
    await waitFor('the new clerk in the directory', async () => (await entry(name)) !== undefined);
    expect(await entry(name)).toEqual({ name, displayName: '王小青', roles: ['clerk'], division: 'lian' });
  });

  it('marks a disabled user with the roles they had, and leaks nothing of the disabling', async () => {
    const name = u('assistant.dir');
    await putUser(target, users, name, ['assistant'], { displayName: '钱助理' });
    await waitFor('the assistant', async () => (await entry(name)) !== undefined);
    await disableUser(createCouchClient(target.adminUrl), name, { by: 'admin' });
    await waitFor('the assistant marked disabled', async () => (await entry(name))?.disabled === true);
    expect(await entry(name)).toEqual({ name, displayName: '钱助理', roles: ['assistant'], disabled: true });
    expect(JSON.stringify(await directory())).not.toMatch(SECRETS);
  });

  it('writes only when the list changed (a second publisher finds nothing to do)', async () => {
    const before = (await directory())?.['_rev'];
    const again = new StaffDirectoryPublisher(new CouchHttp(target.adminUrl));
    expect(await again.publish()).toBe('unchanged');
    expect((await directory())?.['_rev']).toBe(before);
  });

  it('keeps its checkpoint', async () => {
    await waitFor('the checkpoint', async () => {
      const r = await couchFetch(
        `${target.url}/_users/_local/${encodeURIComponent(`courtdesk-worker-dir-${s}-staff-directory`)}`,
        { auth: target.admin },
      );
      return r.status === 200;
    });
  });

  it('refuses directory:staff from any staff member (403), even an IT admin', async () => {
    const doc = (await directory()) as Record<string, unknown>;
    const forged = { ...doc, staff: [{ name: judge.name, displayName: 'X', roles: ['leader'] }] };
    for (const who of [judge, itAdmin]) {
      const r = await couchFetch(`${target.url}/${DB}/${encodeURIComponent(STAFF_DIRECTORY_ID)}`, {
        method: 'PUT',
        auth: who,
        body: forged,
      });
      expect(r.status, `${who.name}: ${r.text}`).toBe(403);
      expect(r.text).toContain('server worker');
      const del = await couchFetch(
        `${target.url}/${DB}/${encodeURIComponent(STAFF_DIRECTORY_ID)}?rev=${String(doc['_rev'])}`,
        { method: 'DELETE', auth: who },
      );
      expect(del.status, `${who.name} delete: ${del.text}`).toBe(403);
    }
    expect((await directory())?.['_rev']).toBe(doc['_rev']);
  });
});
