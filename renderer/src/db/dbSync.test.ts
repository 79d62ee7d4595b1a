import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseKey } from '../../../core/databases';
import { createSyncEngine, SyncFailure, type SyncEngine } from './replication';
import type { SyncStatus } from './syncStatus';
import { createTestEngine } from '../../../tests/support/renderer/testEngine';

/**
 * The engine against a second in-memory PouchDB standing in for the server. Server behaviour that
 * PouchDB cannot produce (a validate_doc_update 403, an expired session) is injected on the remote
 * handle; the same scenarios run against a real server in tests/integration/sync.
 */
type Db = ReturnType<typeof memoryDb>;

const engines: SyncEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

function setup(opts: { minDeletions?: number; poll?: boolean } = {}) {
  const local: Db = memoryDb('local');
  const remote: Db = memoryDb('remote');
  const { engine, network } = createTestEngine(local, remote, {
    minDeletions: opts.minDeletions ?? 5,
    ...(opts.poll ? { livePullKeys: [], pollIntervalMs: 100 } : {}),
  });
  engines.push(engine);
  const db = (s: SyncStatus, key: DatabaseKey = 'documents') => {
    const d = s.databases.find((x) => x.key === key);
    if (!d) throw new Error('no status');
    return d;
  };
  return { local, remote, network, engine, db: () => db(engine.status()) };
}

function has(db: Db, id: string): Promise<boolean> {
  return db.get(id).then(
    () => true,
    () => false,
  );
}

function draft(i: number, extra: Record<string, unknown> = {}) {
  return {
    _id: `draft:d${i}`,
    type: 'draft',
    schemaVersion: 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    createdBy: 'judge.li',
    caseId: 'case:c1',
    kind: 'judgment',
    title: `t${i}`,
    body: 'x',
    ...extra,
  };
}

describe('sync engine (memory server)', () => {
  it('pushes and pulls, then counts local changes made offline and drains them when back online', async () => {
    const { local, remote, network, engine, db } = setup();
    await remote.bulkDocs([draft(100), draft(101)]);
    await engine.start();
    await waitFor('online', () => db().state === 'online' && db().lastSyncAt !== null);
    expect((await local.allDocs()).rows.map((r) => r.id)).toEqual(
      expect.arrayContaining(['draft:d100', 'draft:d101']),
    );
    await engine.recount();
    expect(db().unpushed).toBe(0); // pulled documents are on the server: not counted

    network.fire('offline');
    expect(db().state).toBe('offline');
    await local.bulkDocs([draft(1), draft(2), draft(3)]);
    await engine.recount();
    expect(db()).toMatchObject({ unpushed: 3, unpushedMethod: 'since_checkpoint' });
    expect((await remote.allDocs({ keys: ['draft:d1'] })).rows[0]).toHaveProperty('error', 'not_found');

    network.fire('online');
    await waitFor('drained', async () => (await remote.allDocs()).rows.length === 5);
    await engine.recount();
    await waitFor('status online, nothing unpushed', () => db().state === 'online' && db().unpushed === 0);
    expect(db().unpushedMethod).toBe('revs_diff');
  });

  it('counts with _revs_diff when the server is reachable but the push has not run', async () => {
    const { local, remote, engine, db } = setup();
    await engine.start();
    await waitFor('online', () => db().state === 'online');
    // The server refuses writes for a moment (5xx): the push fails, the count asks the server.
    const realBulk = remote.bulkDocs.bind(remote);
    let failing = true;
    (remote as unknown as { bulkDocs: unknown }).bulkDocs = (...args: Parameters<Db['bulkDocs']>) =>
      failing ? Promise.reject(Object.assign(new Error('boom'), { status: 500 })) : realBulk(...args);
    await local.bulkDocs([draft(7), draft(8)]);
    await waitFor('error state', () => db().state === 'error');
    (engine as unknown as { status: () => SyncStatus }).status();
    await engine.recount();
    expect(db().unpushed).toBe(2);
    failing = false;
    await waitFor('pushed after backoff', async () => (await remote.allDocs()).rows.length === 2);
    await waitFor('online', () => db().state === 'online');
    await engine.recount();
    expect(db()).toMatchObject({ unpushed: 0, unpushedMethod: 'revs_diff' });
  });

  it('flags a document the server refuses (403) and still pushes the rest', async () => {
    const { local, remote, engine, db } = setup();
    const realBulk = remote.bulkDocs.bind(remote);
    (remote as unknown as { bulkDocs: unknown }).bulkDocs = async (
      req: { docs: { _id: string; forbidden?: boolean }[] },
      opts?: object,
    ) => {
      const refused = req.docs.filter((d) => d.forbidden);
      const ok = req.docs.filter((d) => !d.forbidden);
      const res = ok.length
        ? ((await realBulk({ ...req, docs: ok } as never, opts as never)) as unknown[])
        : [];
      return [
        ...res,
        ...refused.map((d) => ({
          id: d._id,
          error: 'forbidden',
          name: 'forbidden',
          status: 403,
          reason:
            '只有审判员、法官助理、书记员可以修改文书草稿 (only judge, assistant, clerk may change drafts)',
        })),
      ];
    };
    await local.bulkDocs([draft(1), draft(2, { forbidden: true }), draft(3)]);
    await engine.start();
    await waitFor('rejected flagged', () => db().rejected.length === 1);
    await waitFor('others pushed', async () => (await remote.allDocs()).rows.length === 2);
    expect(db().rejected[0]).toMatchObject({
      id: 'draft:d2',
      kind: 'forbidden',
      reason: expect.stringContaining('文书草稿'),
    });
    expect(db().rejected[0]?.rev).toMatch(/^1-/);
    const stored = (await local.get('_local/rejected')) as unknown as { items: { id: string }[] };
    expect(stored.items.map((i) => i.id)).toEqual(['draft:d2']);
    expect((await local.get('draft:d2'))['title']).toBe('t2'); // the local document is kept
    // The queue is not blocked: a later write still goes through.
    await local.put(draft(4));
    await waitFor('later write pushed', async () => (await remote.allDocs()).rows.length === 3);
    await engine.dismissRejected('documents', 'draft:d2');
    expect(db().rejected).toEqual([]);
  });

  it('on 401 keeps local writes, shows needs-sign-in, and drains after resume()', async () => {
    const { local, remote, engine, db } = setup();
    await engine.start();
    await waitFor('online', () => db().state === 'online');
    let expired = true;
    for (const m of ['revsDiff', 'bulkDocs'] as const) {
      const real = (remote[m] as (...a: unknown[]) => Promise<unknown>).bind(remote);
      (remote as unknown as Record<string, unknown>)[m] = (...a: unknown[]) =>
        expired
          ? Promise.reject(
              Object.assign(new Error('You are not authorized to access this db.'), {
                status: 401,
                name: 'unauthorized',
              }),
            )
          : real(...a);
    }
    await local.bulkDocs([draft(1), draft(2)]);
    await waitFor('needs-sign-in', () => db().state === 'needs-sign-in');
    await expect(engine.syncNow()).rejects.toBeInstanceOf(SyncFailure);
    await local.put(draft(3)); // writing goes on
    await engine.recount();
    expect(db().unpushed).toBe(3);
    expect((await remote.allDocs()).rows).toHaveLength(0);
    expired = false;
    engine.resume();
    await waitFor('drained', async () => (await remote.allDocs()).rows.length === 3);
    await waitFor('online again', () => db().state === 'online');
  });

  it('holds back a pull that would delete more than 20 % of local documents until confirmed', async () => {
    const { local, remote, engine, db } = setup();
    await remote.bulkDocs(Array.from({ length: 50 }, (_, i) => draft(i)));
    await engine.start();
    await waitFor('pulled', async () => (await local.info()).doc_count === 50 && db().state === 'online');
    const toDelete = (await remote.allDocs({ limit: 15 })).rows.map((r) => ({
      _id: r.id,
      _rev: r.value.rev,
      _deleted: true,
    }));
    await remote.bulkDocs(toDelete);
    await waitFor('awaiting-confirmation', () => db().state === 'awaiting-confirmation');
    // Tombstones trickle in; fewer than minDeletions (5) may pass before the share is exceeded.
    const pending = db().pendingDeletion;
    expect(pending?.localDocs).toBe(50);
    expect(pending?.deletions).toBeGreaterThan(10);
    const kept = (await local.info()).doc_count;
    expect(kept).toBeGreaterThanOrEqual(46);
    await new Promise((r) => setTimeout(r, 200));
    expect((await local.info()).doc_count).toBe(kept); // the pull stays held back
    // The push still runs while the pull waits.
    await local.put(draft(99));
    await waitFor('push continues', () => has(remote, 'draft:d99'));
    engine.confirmDeletions('documents');
    await waitFor('deletions applied', async () => (await local.info()).doc_count === 36);
    await waitFor('online', () => db().state === 'online');
  });

  it('looks ahead after an outage: a backlog of mass deletions deletes nothing before confirmation', async () => {
    const { local, remote, network, engine, db } = setup();
    await remote.bulkDocs(Array.from({ length: 50 }, (_, i) => draft(i)));
    await engine.start();
    await waitFor('pulled', async () => (await local.info()).doc_count === 50 && db().state === 'online');
    network.fire('offline');
    const rows = (await remote.allDocs({ limit: 15 })).rows;
    await remote.bulkDocs(rows.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })));
    network.fire('online');
    await waitFor('awaiting-confirmation', () => db().state === 'awaiting-confirmation');
    expect(db().pendingDeletion).toEqual({ deletions: 15, localDocs: 50 });
    expect((await local.info()).doc_count).toBe(50); // not one document deleted
    engine.confirmDeletions('documents');
    await waitFor('deletions applied', async () => (await local.info()).doc_count === 35);
  });

  it('lets small deletions through without asking', async () => {
    const { local, remote, engine, db } = setup();
    await remote.bulkDocs(Array.from({ length: 50 }, (_, i) => draft(i)));
    await engine.start();
    await waitFor('pulled', async () => (await local.info()).doc_count === 50 && db().state === 'online');
    const rows = (await remote.allDocs({ limit: 5 })).rows;
    await remote.bulkDocs(rows.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })));
    await waitFor('deleted locally', async () => (await local.info()).doc_count === 45);
    expect(db().state).not.toBe('awaiting-confirmation');
  });

  it('syncNow resolves on success and rejects with the failure', async () => {
    const { local, remote, engine, db } = setup();
    await engine.start();
    await local.put(draft(1));
    await engine.syncNow();
    expect((await remote.allDocs()).rows).toHaveLength(1);
    expect(db().lastSyncAt).not.toBeNull();
    (remote as unknown as { revsDiff: unknown }).revsDiff = () =>
      Promise.reject(Object.assign(new Error('bad gateway'), { status: 502 }));
    await local.put(draft(2));
    const err = await engine.syncNow().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SyncFailure);
    expect((err as SyncFailure).error.kind).toBe('network');
  });

  it('turns a quota error of a local write into state error with a translated reason', async () => {
    const { engine, db } = setup();
    await engine.start();
    await waitFor('online', () => db().state === 'online');
    engine.reportLocalError(
      'documents',
      Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }),
    );
    expect(db()).toMatchObject({ state: 'error', error: { kind: 'quota', messageKey: 'sync.errors.quota' } });
    expect(engine.status().state).toBe('error');
  });

  it('polls databases that do not get a live pull connection', async () => {
    const { local, remote, engine, db } = setup({ poll: true });
    await engine.start();
    await waitFor('first round', () => db().state === 'online');
    await remote.put(draft(1));
    await waitFor('next poll brings it', () => has(local, 'draft:d1'));
    await local.put(draft(2));
    await waitFor('live push still immediate', () => has(remote, 'draft:d2'));
    await waitFor('online', () => db().state === 'online');
  });

  it('persists the last sync time across restarts', async () => {
    const { local, remote, engine, db } = setup();
    await engine.start();
    await waitFor('synced', () => db().lastSyncAt !== null);
    const first = db().lastSyncAt;
    await new Promise((r) => setTimeout(r, 50));
    engine.stop();
    const again = createSyncEngine({
      user: 'judge.li',
      couchBaseUrl: 'http://unused.invalid/couch',
      keys: ['documents'],
      openLocal: () => local,
      openRemote: () => remote,
      network: null,
      storage: {},
    });
    engines.push(again);
    await again.start();
    expect(again.status().lastSyncAt).not.toBeNull();
    expect(again.status().lastSyncAt! >= first!).toBe(true);
  });
});
