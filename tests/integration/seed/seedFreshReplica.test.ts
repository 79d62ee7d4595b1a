/**
 * seedFreshReplica (renderer/src/db/seed) in real Chromium against a real server (embedded, or
 * COUCH_URL): the seeded replica equals the server — same ids, winning revisions and conflicts,
 * losing revisions readable with their history, attachments byte-exact, deleted documents absent —
 * progress rises monotonically to the total, and live replication afterwards transfers only the
 * changes made after the seed, in both directions.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, DocState } from '../../bench/lib/benchApi';
import { call, couchPath, fillServerDb, startBenchEnv, type BenchEnv } from '../../bench/lib/harness';
import { couchFetch, createDb, createUser, uniqueDbName, type CouchTarget } from '../../support/couchTarget';

const DOCS = 300;
const ATTACHMENT = Buffer.from('扫描件 scanned evidence '.repeat(200)).toString('base64');

let env: BenchEnv;
let page: Page;

async function serverSnapshot(target: CouchTarget, db: string): Promise<DocState[]> {
  const r = await couchFetch(`${target.url}/${db}/_all_docs?include_docs=true&conflicts=true`, {
    auth: target.admin,
  });
  expect(r.status).toBe(200);
  return (r.body.rows as Array<{ id: string; value: { rev: string }; doc: { _conflicts?: string[] } }>).map(
    (row) => ({
      id: row.id,
      rev: row.value.rev,
      conflicts: [...(row.doc._conflicts ?? [])].sort(),
    }),
  );
}

async function post(target: CouchTarget, path: string, body: unknown, method = 'POST'): Promise<unknown> {
  const r = await couchFetch(`${target.url}/${path}`, { method, auth: target.admin, body });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return r.body;
}

/**
 * Waits until the server's changes feed lists `count` documents of `db`. On a CouchDB cluster a
 * feed read just after the writes may come from a shard copy that has not received them yet
 * (seen under load: a seed of a just-filled database read 0 of 250); the seed then only reads
 * them later through live replication, which the other tests cover.
 */
async function feedSettled(target: CouchTarget, db: string, count: number): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    const r = await couchFetch(`${target.url}/${db}/_changes`, { auth: target.admin });
    const n = (r.body as { results?: unknown[] }).results?.length ?? 0;
    if (n >= count) return;
    if (Date.now() > until) throw new Error(`${db}: the feed lists ${n} of ${count} documents after 30 s`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** A server database with DOCS case docs, one two-branch conflict, one attachment, one deleted doc. */
async function makeServerDb(target: CouchTarget, db: string): Promise<void> {
  await fillServerDb(target, db, DOCS, { batch: 100 });
  const branch = (leaf: string, body: string): Record<string, unknown> => ({
    _id: 'draft:conflicted',
    _rev: `2-${leaf}`,
    _revisions: { start: 2, ids: [leaf, 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0'] },
    type: 'draft',
    body,
  });
  await post(target, `${db}/_bulk_docs`, {
    new_edits: false,
    docs: [
      branch('b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1', '法官甲的版本'),
      branch('c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2', '法官乙的版本'),
    ],
  });
  await post(
    target,
    `${db}/scan:1`,
    { type: 'scan', _attachments: { 'page1.txt': { content_type: 'text/plain', data: ATTACHMENT } } },
    'PUT',
  );
  const gone = (await post(target, `${db}/gone:1`, { type: 'case' }, 'PUT')) as { rev: string };
  const del = await couchFetch(`${target.url}/${db}/gone:1?rev=${gone.rev}`, {
    method: 'DELETE',
    auth: target.admin,
  });
  expect(del.status).toBeLessThan(300);
}

beforeAll(async () => {
  env = await startBenchEnv();
  page = await env.newPage();
});

afterAll(async () => {
  await env?.close();
});

describe.each(['indexeddb', 'idb'] as Adapter[])('seedFreshReplica on the %s adapter', (adapter) => {
  const db = uniqueDbName(`seed_${adapter}`);
  const local = `seed-${adapter}`;

  it('copies the server exactly, reporting progress monotonically up to the total', async () => {
    await makeServerDb(env.target, db);
    const run = await call(page, 'seed', local, adapter, couchPath(db), 50, 'none');
    const server = await serverSnapshot(env.target, db);
    expect(server.length).toBe(DOCS + 2);
    expect(run.docs).toBe(server.length);
    expect(run.progressMonotonic).toBe(true);
    expect(run.progressEvents).toBeGreaterThan(DOCS / 50);
    expect(run.lastProgress).toEqual({ done: server.length, total: server.length });
    expect(run.remoteCheckpointsWritten).toBe(true);

    expect(await call(page, 'snapshot', local, adapter)).toEqual(server);
    const conflicted = server.find((d) => d.id === 'draft:conflicted');
    expect(conflicted?.conflicts).toHaveLength(1);
    // Both revisions readable locally, each with its history (the revision tree is kept).
    for (const rev of [conflicted!.rev, ...conflicted!.conflicts]) {
      const doc = await call(page, 'getDoc', local, adapter, 'draft:conflicted', { rev, revs: true });
      expect(doc?._rev).toBe(rev);
      expect((doc?._revisions as { ids: string[] }).ids).toHaveLength(2);
    }
    const scan = await call(page, 'getDoc', local, adapter, 'scan:1', { attachments: true });
    expect((scan?._attachments as Record<string, { data: string }>)['page1.txt']?.data).toBe(ATTACHMENT);
    expect(await call(page, 'getDoc', local, adapter, 'gone:1', {})).toBeNull();
  });

  it('hands over to live replication: only the changes after the seed travel, both ways', async () => {
    // Server-side changes after the seed: two new docs, one update, one deletion, a new conflict branch.
    const existing = (await post(env.target, `${db}/_bulk_docs`, {
      docs: [
        { _id: 'case:new-1', type: 'case' },
        { _id: 'case:new-2', type: 'case' },
      ],
    })) as unknown[];
    expect(existing).toHaveLength(2);
    const first = await couchFetch(`${env.target.url}/${db}/case:0000001`, { auth: env.target.admin });
    await post(env.target, `${db}/case:0000001`, { ...first.body, status: 'closed' }, 'PUT');
    const second = await couchFetch(`${env.target.url}/${db}/case:0000002`, { auth: env.target.admin });
    await couchFetch(`${env.target.url}/${db}/case:0000002?rev=${second.body._rev}`, {
      method: 'DELETE',
      auth: env.target.admin,
    });

    const pull = await call(page, 'pull', local, adapter, couchPath(db), {});
    expect(pull.docsRead).toBe(4);
    expect(await call(page, 'snapshot', local, adapter)).toEqual(await serverSnapshot(env.target, db));

    // The push checkpoint covers the seeded docs: a local edit is the only thing pushed.
    await call(page, 'edit', local, adapter, 'case:0000003', 1);
    const push = await call(page, 'push', local, adapter, couchPath(db), {});
    expect(push.docsRead).toBe(1);
    expect(push.docsWritten).toBe(1);
    expect(await call(page, 'snapshot', local, adapter)).toEqual(await serverSnapshot(env.target, db));
  });

  it('refuses to seed a replica that already holds documents', async () => {
    await expect(call(page, 'seed', local, adapter, couchPath(db), 50, 'none')).rejects.toThrow(/not empty/);
  });
});

describe('seedFreshReplica as an ordinary member (a clerk, not a server admin)', () => {
  it('seeds, writes both checkpoints and hands over to live replication', async () => {
    const db = uniqueDbName('seed_member');
    await createDb(env.target, db, { members: { roles: ['clerk'] }, admins: { roles: [] } });
    await fillServerDb(env.target, db, 120, { batch: 60, create: false });
    const name = `seedclerk.${db.slice(-6)}`;
    await createUser(env.target, name, 'clerk-password-1', ['clerk']);
    const clerk = await env.newPage({ name, password: 'clerk-password-1' });
    try {
      // A local pouchdb-find index created before the seed does not make the replica "not fresh".
      await call(clerk, 'createIndex', 'member', 'indexeddb');
      const run = await call(clerk, 'seed', 'member', 'indexeddb', couchPath(db), 50, 'live');
      expect(run.docs).toBe(120);
      expect(run.remoteCheckpointsWritten).toBe(true);
      expect(run.liveDocsRead).toBe(0);
      const local = (await call(clerk, 'snapshot', 'member', 'indexeddb')).filter(
        (d) => !d.id.startsWith('_design/'),
      );
      expect(local).toEqual(await serverSnapshot(env.target, db));
    } finally {
      await clerk.context().close();
    }
  });
});

describe('seedFreshReplica while the server keeps changing', () => {
  it('loses nothing written during the bulk read: live replication from the feed’s last sequence catches up', async () => {
    const db = uniqueDbName('seed_busy');
    await fillServerDb(env.target, db, 600, { batch: 200 });
    const seeding = call(page, 'seed', 'busy', 'indexeddb', couchPath(db), 20, 'none');
    // Meanwhile: updates of early and late ids, new docs at both ends of the key space, deletions.
    for (let i = 0; i < 20; i++) {
      const id = `case:${String((i * 31) % 600).padStart(7, '0')}`;
      const cur = await couchFetch(`${env.target.url}/${db}/${id}`, { auth: env.target.admin });
      if (i % 5 === 4)
        await couchFetch(`${env.target.url}/${db}/${id}?rev=${cur.body._rev}`, {
          method: 'DELETE',
          auth: env.target.admin,
        });
      else await post(env.target, `${db}/${id}`, { ...cur.body, status: `busy-${i}` }, 'PUT');
      await post(env.target, `${db}/_bulk_docs`, {
        docs: [
          { _id: `aaa:${i}`, type: 'case' },
          { _id: `zzz:${i}`, type: 'case' },
        ],
      });
    }
    const run = await seeding;
    expect(run.progressMonotonic).toBe(true);
    const pull = await call(page, 'pull', 'busy', 'indexeddb', couchPath(db), {});
    // The seed reads the feed to its end, so the writes it overtook came with it (how many depends
    // on timing); only what changed after its last page is read again, never the whole database.
    expect(pull.docsRead).toBeLessThanOrEqual(60);
    expect(await call(page, 'snapshot', 'busy', 'indexeddb')).toEqual(await serverSnapshot(env.target, db));
  });
});

describe('seedFreshReplica$ (progress as an observable, for the progress bar)', () => {
  it('emits done/total rising monotonically to the total, then completes', async () => {
    const db = uniqueDbName('seed_observed');
    await fillServerDb(env.target, db, 250, { batch: 250 });
    await feedSettled(env.target, db, 250);
    const run = await call(page, 'seedObserved', 'observed', 'indexeddb', couchPath(db), 40);
    expect(run.docs).toBe(250);
    expect(run.completed).toBe(true);
    expect(run.done.length).toBeGreaterThan(250 / 40);
    expect(run.done).toEqual([...run.done].sort((a, b) => a - b));
    expect(run.totals.every((t, i) => t >= run.done[i]! && (i === 0 || t >= run.totals[i - 1]!))).toBe(true);
    expect(run.done.at(-1)).toBe(250);
    expect(run.totals.at(-1)).toBe(250);
  });
});

describe('seedFreshReplica and archive scans', () => {
  it('leaves on-demand files (archive scans) on the server and copies every other file', async () => {
    const db = uniqueDbName('seed_ondemand');
    await createDb(env.target, db);
    const att = { 'scan.pdf': { content_type: 'application/pdf', data: ATTACHMENT } };
    await post(env.target, `${db}/_bulk_docs`, {
      docs: [
        { _id: 'archiveVolume:v1', type: 'archiveVolume' },
        {
          _id: 'file:archive-1',
          type: 'file',
          ownerId: 'archiveVolume:v1',
          onDemand: true,
          _attachments: att,
        },
        { _id: 'file:evidence-1', type: 'file', ownerId: 'volume:v1', _attachments: att },
      ],
    });
    await feedSettled(env.target, db, 3);
    await call(page, 'seed', 'seed-ondemand', 'indexeddb', couchPath(db), 50, 'none');
    expect(await call(page, 'getDoc', 'seed-ondemand', 'indexeddb', 'archiveVolume:v1', {})).not.toBeNull();
    expect(await call(page, 'getDoc', 'seed-ondemand', 'indexeddb', 'file:evidence-1', {})).not.toBeNull();
    expect(await call(page, 'getDoc', 'seed-ondemand', 'indexeddb', 'file:archive-1', {})).toBeNull();
  });
});
