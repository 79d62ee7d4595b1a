import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from './replication';
import type { InitialSyncProgress } from './syncStatus';
import { createTestEngine } from '../../../tests/support/renderer/testEngine';

/**
 * Initial sync through the engine: a fresh replica is seeded in bulk, then live replication
 * continues from the seed's checkpoints. The "server" is an in-memory PouchDB given the small
 * http surface the seed reads (`fetch` of `''`, `_all_docs`, `_bulk_get`, `_local/…`), so a
 * failure can be injected at any request; tests/integration/sync runs it against a real server.
 */
type Db = ReturnType<typeof memoryDb>;

/** Answers the seed's requests from `db`; `fail` may throw or answer instead (by request count). */
function httpServer(db: Db, fail?: (path: string, n: number) => Response | Error | null) {
  let n = 0;
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
  const fetch = async (path: string, init?: RequestInit): Promise<Response> => {
    const injected = fail?.(path, n++);
    if (injected instanceof Error) throw injected;
    if (injected) return injected;
    const [p = '', qs = ''] = path.split('?');
    const q = new URLSearchParams(qs);
    if (p === '') {
      const info = await db.info();
      return json(200, { update_seq: info.update_seq, doc_count: info.doc_count });
    }
    if (p === '_changes') {
      const since = q.get('since') ?? '0';
      return json(
        200,
        await db.changes({
          include_docs: true,
          conflicts: true,
          style: (q.get('style') ?? 'main_only') as 'all_docs',
          limit: Number(q.get('limit')),
          since: /^\d+$/.test(since) ? Number(since) : since,
        }),
      );
    }
    if (p === '_bulk_get') {
      const body = JSON.parse(String(init?.body)) as { docs: { id: string; rev?: string }[] };
      return json(200, await db.bulkGet({ docs: body.docs, revs: true, attachments: true }));
    }
    if (p.startsWith('_local/')) {
      const id = '_local/' + decodeURIComponent(p.slice('_local/'.length));
      if (init?.method === 'PUT') return json(201, await db.put(JSON.parse(String(init.body)) as never));
      return db.get(id).then(
        (d) => json(200, d),
        () => json(404, { error: 'not_found' }),
      );
    }
    return json(404, { error: 'not_found', reason: path });
  };
  Object.assign(db, { fetch });
  return db;
}

const engines: SyncEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

function setup(remote: Db, local: Db = memoryDb('local')) {
  const { engine, network } = createTestEngine(local, remote, { seedBatchSize: 40 });
  engines.push(engine);
  const progress: InitialSyncProgress[] = [];
  engine.status$.subscribe((s) => {
    if (s.initialSync) progress.push(s.initialSync);
  });
  const db = () => {
    const d = engine.status().databases[0];
    if (!d) throw new Error('no status');
    return d;
  };
  return { local, remote, network, engine, progress, db };
}

function drafts(n: number, tag = 'd') {
  return Array.from({ length: n }, (_, i) => ({
    _id: `draft:${tag}${String(i).padStart(4, '0')}`,
    type: 'draft',
    schemaVersion: 1,
    title: `t${i}`,
  }));
}

/** Counts the documents a live pull fetches from the server. */
function countPulls(remote: Db): () => number {
  let fetched = 0;
  const real = remote.bulkGet.bind(remote);
  (remote as unknown as { bulkGet: unknown }).bulkGet = (opts: { docs: unknown[] }) => {
    fetched += opts.docs.length;
    return real(opts as never);
  };
  return () => fetched;
}

describe('initial sync of a fresh replica', () => {
  it('seeds in bulk with progress, then live replication reads almost nothing and counts nothing unpushed', async () => {
    const remote = httpServer(memoryDb('remote'));
    await remote.bulkDocs(drafts(200));
    const pulled = countPulls(remote);
    const { local, network, engine, progress, db } = setup(remote);
    await engine.start();
    await waitFor('online', () => db().state === 'online');
    expect((await local.info()).doc_count).toBe(200);
    expect(progress.some((p) => p.active && p.done > 0 && p.done < 200)).toBe(true);
    expect(db().initialSync).toEqual({ done: 200, total: 200, active: false });
    expect(engine.status().initialSync).toEqual({ done: 200, total: 200, active: false });
    expect(pulled()).toBe(0); // the live pull started at the seeded sequence

    network.fire('offline');
    await engine.recount();
    expect(db()).toMatchObject({ unpushed: 0, unpushedMethod: 'since_checkpoint' });
    network.fire('online');

    // Live replication goes on both ways from the checkpoints.
    await remote.put({ _id: 'draft:new', type: 'draft', schemaVersion: 1, title: 'n' });
    await waitFor('live pull', async () => (await local.get('draft:new').catch(() => null)) !== null);
    expect(pulled()).toBe(1);
    await local.put({ _id: 'draft:mine', type: 'draft', schemaVersion: 1, title: 'm' });
    await waitFor('live push', async () => (await remote.get('draft:mine').catch(() => null)) !== null);
    await engine.syncNow();
    await engine.recount();
    expect(db().unpushed).toBe(0);
  });

  it('does not seed a replica that holds documents', async () => {
    const remote = httpServer(memoryDb('remote'));
    await remote.bulkDocs(drafts(30));
    const local = memoryDb('local');
    await local.put({ _id: 'draft:local', type: 'draft', schemaVersion: 1, title: 'l' });
    const { engine, db } = setup(remote, local);
    await engine.start();
    await waitFor('online', () => db().state === 'online');
    await engine.syncNow();
    expect(db().initialSync).toBeNull();
    expect((await local.info()).doc_count).toBe(31);
    expect((await remote.get('draft:local'))._id).toBe('draft:local');
  });

  it('retries a seed that failed before writing anything, and asks for sign-in on 401', async () => {
    const remote = httpServer(memoryDb('remote'), (path, n) => {
      if (n === 0) return new TypeError('Failed to fetch');
      if (n === 1) return new Response('{"error":"unauthorized"}', { status: 401 });
      return null;
    });
    await remote.bulkDocs(drafts(100));
    const { engine, progress, db } = setup(remote);
    const states: string[] = [];
    engine.status$.subscribe((s) => states.push(s.state));
    await engine.start();
    await waitFor('needs sign-in', () => db().state === 'needs-sign-in');
    expect(states).toContain('offline'); // the network failure, retried with backoff
    engine.resume();
    await waitFor('online', () => db().state === 'online');
    expect(db().initialSync).toEqual({ done: 100, total: 100, active: false });
    expect(progress.some((p) => p.active)).toBe(true);
  });

  it('falls back to ordinary replication when the seed breaks off midway', async () => {
    let pages = 0;
    const remote = httpServer(memoryDb('remote'), (path) => {
      if (path.startsWith('_changes') && ++pages === 3) return new TypeError('network dropped');
      return null;
    });
    await remote.bulkDocs(drafts(200));
    const { local, engine, db } = setup(remote);
    await engine.start();
    await waitFor('online', () => db().state === 'online');
    await engine.syncNow();
    expect(db().initialSync).toMatchObject({ active: false });
    expect(db().initialSync?.done).toBeLessThan(200);
    expect((await local.info()).doc_count).toBe(200);
    const all = await local.allDocs();
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(200);
    await engine.recount();
    expect(db()).toMatchObject({ unpushed: 0, unpushedMethod: 'revs_diff' });
    expect((await remote.info()).doc_count).toBe(200);
  });

  it('applies what colleagues change during the read: deletions, updates, new documents, no stray branch', async () => {
    const remote = httpServer(memoryDb('remote'));
    await remote.bulkDocs(drafts(200));
    const serve = (remote as unknown as { fetch: (p: string, i?: RequestInit) => Promise<Response> }).fetch;
    let pages = 0;
    Object.assign(remote, {
      fetch: async (path: string, init?: RequestInit) => {
        if (path.startsWith('_changes') && ++pages === 3) {
          // Between pages: delete and edit documents already copied, add one.
          const gone = await remote.get('draft:d0039');
          await remote.remove(gone._id, gone._rev);
          const edited = await remote.get('draft:d0001');
          await remote.put({ ...edited, title: 'edited during the seed' });
          await remote.put({ _id: 'draft:a-new', type: 'draft', schemaVersion: 1, title: 'new' });
        }
        return serve(path, init);
      },
    });
    const { local, engine, db } = setup(remote);
    await engine.start();
    await waitFor('online', () => db().state === 'online');
    await engine.syncNow();
    expect(pages).toBeGreaterThanOrEqual(3);
    const ids = (await local.allDocs()).rows.map((r) => r.id);
    expect(ids).toEqual((await remote.allDocs()).rows.map((r) => r.id));
    expect(ids).not.toContain('draft:d0039');
    expect(ids).toContain('draft:a-new');
    const mine = await local.get('draft:d0001', { conflicts: true });
    expect(mine).toMatchObject({
      title: 'edited during the seed',
      _rev: (await remote.get('draft:d0001'))._rev,
    });
    expect(mine._conflicts).toBeUndefined();
  });

  it('never asks _all_docs: a lagging copy answering it cannot hide a document from the replica', async () => {
    // A cluster answers each request from the copy that responds first: `update_seq` from a copy
    // that has a write and `_all_docs` from one that lacks it lost that document for good.
    const remote = httpServer(memoryDb('remote'));
    await remote.bulkDocs(drafts(100));
    const asked: string[] = [];
    const serve = (remote as unknown as { fetch: (p: string, i?: RequestInit) => Promise<Response> }).fetch;
    Object.assign(remote, {
      fetch: async (path: string, init?: RequestInit) => {
        asked.push(path.split('?')[0] ?? '');
        return serve(path, init);
      },
    });
    const { local, engine, db } = setup(remote);
    await engine.start();
    await waitFor('online', () => db().state === 'online');
    expect(asked).toContain('_changes');
    expect(asked).not.toContain('_all_docs');
    expect((await local.info()).doc_count).toBe(100);
  });

  it('pushes a local write made while the seed ran', async () => {
    const remote = httpServer(memoryDb('remote'));
    await remote.bulkDocs(drafts(200));
    const local = memoryDb('local');
    let wrote = false;
    // The app writes a document while the seed is between pages.
    const realBulk = local.bulkDocs.bind(local);
    (local as unknown as { bulkDocs: unknown }).bulkDocs = async (...args: Parameters<Db['bulkDocs']>) => {
      const res = await realBulk(...args);
      if (!wrote) {
        wrote = true;
        await local.put({ _id: 'draft:during', type: 'draft', schemaVersion: 1, title: 'w' });
      }
      return res;
    };
    const { engine, db } = setup(remote, local);
    await engine.start();
    await waitFor('pushed', async () => (await remote.get('draft:during').catch(() => null)) !== null);
    await waitFor('online', () => db().state === 'online');
    expect(db().initialSync).toEqual({ done: 200, total: 200, active: false });
  });
});
