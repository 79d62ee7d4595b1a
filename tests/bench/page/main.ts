/**
 * The sync bench page: exposes `window.bench` (lib/benchApi.ts) so Node (playwright-core) can
 * drive seeding, PouchDB replication, local writes and queries in real Chromium IndexedDB.
 */
import PouchDB from 'pouchdb-browser';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import PouchFind from 'pouchdb-find';
import {
  seedFreshReplica,
  seedFreshReplica$,
  type SeedProgress,
} from '../../../renderer/src/db/seed/initialSync';
import { caseDocs, JUDGES } from '../lib/caseDocs';
import type { Adapter, BenchApi, DocState, SeedRun, TransferResult } from '../lib/benchApi';
import type { DocFingerprint } from '../lib/replicas';

PouchDB.plugin(IndexedDbAdapter);
PouchDB.plugin(PouchFind);

const dbs = new Map<string, PouchDB.Database>();
const syncs = new Map<string, { cancel(): void }>();
const arrivals = new Map<string, number>();

function db(name: string, adapter: Adapter): PouchDB.Database {
  const key = `${adapter}:${name}`;
  let d = dbs.get(key);
  if (!d) {
    d = new PouchDB(`${name}-${adapter}`, { adapter });
    dbs.set(key, d);
  }
  return d;
}

function remote(path: string): PouchDB.Database {
  return new PouchDB(new URL(path, location.href).toString(), { skip_setup: true });
}

async function transfer(rep: PouchDB.Replication.Replication<object>): Promise<TransferResult> {
  const t0 = performance.now();
  const res = await rep;
  return { ms: performance.now() - t0, docsRead: res.docs_read, docsWritten: res.docs_written };
}

const api: BenchApi = {
  async signIn(name, password) {
    const res = await fetch('/couch/_session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
    if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  },
  async destroy(name, adapter) {
    const d = db(name, adapter);
    dbs.delete(`${adapter}:${name}`);
    await d.destroy();
  },
  async info(name, adapter) {
    const i = await db(name, adapter).info();
    return { docCount: i.doc_count, updateSeq: i.update_seq };
  },
  async seed(name, adapter, remotePath, batchSize, live) {
    const local = db(name, adapter);
    let events = 0;
    let monotonic = true;
    let last: SeedProgress | null = null;
    const t0 = performance.now();
    const res = await seedFreshReplica(local, remotePath, {
      ...(batchSize ? { batchSize } : {}),
      onProgress: (p) => {
        events++;
        if (last && (p.done < last.done || p.total < last.total)) monotonic = false;
        last = p;
      },
    });
    const seedMs = performance.now() - t0;
    let liveDocsRead = 0;
    if (live === 'oneshot') {
      liveDocsRead = (await local.replicate.from(remote(remotePath))).docs_read;
    } else if (live === 'live') {
      // The hand-over: a live pull that must reach "paused" (caught up) before the clock stops.
      await new Promise<void>((resolve, reject) => {
        const rep = local.replicate.from(remote(remotePath), { live: true, retry: true });
        rep.on('change', (info) => {
          liveDocsRead += info.docs_read;
        });
        rep.on('paused', (err) => {
          rep.cancel();
          if (err) reject(err as Error);
          else resolve();
        });
        rep.on('error', (err) => reject(err as Error));
      });
    }
    const run: SeedRun = {
      ms: performance.now() - t0,
      seedMs,
      docs: res.docs,
      lastSeq: res.lastSeq,
      liveDocsRead,
      progressEvents: events,
      progressMonotonic: monotonic,
      lastProgress: last ? { done: (last as SeedProgress).done, total: (last as SeedProgress).total } : null,
      remoteCheckpointsWritten: res.remoteCheckpointsWritten,
    };
    return run;
  },
  async seedObserved(name, adapter, remotePath, batchSize) {
    const { progress$, result } = seedFreshReplica$(db(name, adapter), remotePath, { batchSize });
    const done: number[] = [];
    const totals: number[] = [];
    const completed = new Promise<boolean>((resolve) => {
      progress$.subscribe({
        next: (p) => (done.push(p.done), totals.push(p.total)),
        complete: () => resolve(true),
        error: () => resolve(false),
      });
    });
    const res = await result;
    return { docs: res.docs, done, totals, completed: await completed };
  },
  async pull(name, adapter, remotePath, opts) {
    const o: PouchDB.Replication.ReplicateOptions = {};
    if (opts.batchSize) o.batch_size = opts.batchSize;
    if (opts.batchesLimit) o.batches_limit = opts.batchesLimit;
    return transfer(db(name, adapter).replicate.from(remote(remotePath), o));
  },
  async push(name, adapter, remotePath, opts) {
    const o: PouchDB.Replication.ReplicateOptions = {};
    if (opts.batchSize) o.batch_size = opts.batchSize;
    if (opts.batchesLimit) o.batches_limit = opts.batchesLimit;
    return transfer(db(name, adapter).replicate.to(remote(remotePath), o));
  },
  async generate(name, adapter, from, count, batch, prefix) {
    const local = db(name, adapter);
    const t0 = performance.now();
    for (let i = 0; i < count; i += batch)
      await local.bulkDocs(caseDocs(from + i, Math.min(batch, count - i), prefix));
    return performance.now() - t0;
  },
  async singlePuts(name, adapter, count, prefix) {
    const local = db(name, adapter);
    const docs = caseDocs(0, count, prefix);
    const t0 = performance.now();
    for (const d of docs) await local.put(d);
    return performance.now() - t0;
  },
  async createIndex(name, adapter) {
    const local = db(name, adapter);
    const t0 = performance.now();
    await local.createIndex({ index: { fields: ['status', 'judge'], ddoc: 'idx-status-judge' } });
    // The first query builds the index; its time belongs to the index, not to the query latency.
    await local.find({ selector: { status: 'pending', judge: JUDGES[0] }, limit: 1 });
    return performance.now() - t0;
  },
  async queryLatencies(name, adapter, runs) {
    const local = db(name, adapter);
    const out: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const res = await local.find({
        selector: { status: 'pending', judge: JUDGES[r % JUDGES.length] },
        limit: 50,
      });
      out.push(performance.now() - t0);
      if (res.docs.length === 0 && r === 0) console.warn('query returned nothing');
    }
    return out;
  },
  async scanLatencies(name, adapter, runs) {
    const local = db(name, adapter);
    const out: number[] = [];
    for (let r = 0; r < runs; r++) {
      const judge = JUDGES[r % JUDGES.length];
      const t0 = performance.now();
      const all = await local.allDocs({ include_docs: true });
      const hits = all.rows.filter((row) => {
        const d = row.doc as { status?: string; judge?: string } | undefined;
        return d?.status === 'pending' && d.judge === judge;
      });
      hits.slice(0, 50);
      out.push(performance.now() - t0);
    }
    return out;
  },
  async snapshot(name, adapter) {
    const all = await db(name, adapter).allDocs({ include_docs: true, conflicts: true });
    return all.rows.map((r): DocState => ({
      id: r.id,
      rev: r.value.rev,
      conflicts: [...((r.doc as { _conflicts?: string[] } | undefined)?._conflicts ?? [])].sort(),
    }));
  },
  async fingerprint(name, adapter) {
    const all = await db(name, adapter).allDocs({ include_docs: true, conflicts: true });
    return all.rows.map((r): DocFingerprint => {
      const doc = r.doc as
        | {
            _conflicts?: string[];
            _attachments?: Record<string, { content_type?: string; length?: number; digest?: string }>;
          }
        | undefined;
      const atts = doc?._attachments;
      return {
        id: r.id,
        rev: r.value.rev,
        conflicts: [...(doc?._conflicts ?? [])].sort(),
        ...(atts
          ? {
              attachments: Object.fromEntries(
                Object.entries(atts).map(([k, a]) => [k, `${a.content_type} ${a.length} ${a.digest}`]),
              ),
            }
          : {}),
      };
    });
  },
  async tombstones(name, adapter) {
    const res = await db(name, adapter).changes({ since: 0, style: 'main_only' });
    return res.results.filter((c) => c.deleted).length;
  },
  async startSync(name, adapter, remotePath) {
    const local = db(name, adapter);
    const rep = local.sync(remote(remotePath), { live: true, retry: true });
    syncs.set(name, rep);
    local.changes({ live: true, since: 'now' }).on('change', (c) => {
      for (const r of c.changes) arrivals.set(`${c.id}@${r.rev}`, Date.now());
    });
    await new Promise<void>((resolve) => rep.once('paused', () => resolve()));
  },
  async stopSync(name) {
    syncs.get(name)?.cancel();
    syncs.delete(name);
  },
  async edit(name, adapter, id, n) {
    const local = db(name, adapter);
    const existing = await local.get(id).catch(() => null);
    const at = Date.now();
    const res = await local.put({ ...(existing ?? { _id: id }), n, editedAt: at });
    return { rev: res.rev, at };
  },
  arrival(id, rev) {
    return arrivals.get(`${id}@${rev}`) ?? null;
  },
  async getDoc(name, adapter, id, opts) {
    try {
      return (await db(name, adapter).get(id, opts)) as unknown as Record<string, unknown>;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw err;
    }
  },
};

window.bench = api;
document.getElementById('status')!.textContent = 'ready';
