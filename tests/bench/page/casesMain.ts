/**
 * The case-catalog bench page: `window.casesBench` seeds a local IndexedDB replica with
 * lib/catalogDocs.ts documents, builds the renderer's case catalog over it and times its queries
 * and the naive filter + sort baseline (tests/support/renderer/naiveQuery.ts) on the same summaries.
 */
import PouchDB from 'pouchdb-browser';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import type { LocalDb } from '../../../renderer/src/db/localDb';
import {
  createCaseCatalog,
  type CaseCatalogHandle,
} from '../../../renderer/src/features/cases/model/caseCatalog';
import type {
  CaseCatalog,
  CaseQuery,
  CaseSummary,
} from '../../../renderer/src/features/cases/model/catalogTypes';
import { SNAPSHOT_HEAD_ID, snapshotHead } from '../../../renderer/src/features/cases/model/catalogSnapshot';
import { naiveQuery } from '../../support/renderer/naiveQuery';
import { benchCaseDocs } from '../lib/catalogDocs';

PouchDB.plugin(IndexedDbAdapter);

/** What Node calls in the page. */
export interface CasesBenchApi {
  seed(cases: number, batch: number): Promise<{ ms: number; docs: number; bytes: number }>;
  build(): Promise<{ ms: number; cases: number; docs: number }>;
  /** Runs every query on one side; latencies in ms and a signature (total + ids) per query. */
  run(queries: CaseQuery[], side: 'catalog' | 'naive'): Promise<{ ms: number[]; signatures: string[] }>;
  change(count: number, round: number): Promise<{ ms: number }>;
  scan(pageSize: number): Promise<{ ms: number; docs: number }>;
  saveSnapshot(): Promise<{ ms: number }>;
  restart(): Promise<{ ms: number; source: string | null; cases: number }>;
  /** The app's own replica `name` (same origin): its catalog snapshot's size, or null without one. */
  appSnapshot(name: string): Promise<{ count: number; seq: number | string } | null>;
  /** Removes the catalog snapshot's head from the app's replica `name`: its next start builds from the documents. */
  dropAppSnapshot(name: string): Promise<boolean>;
}

declare global {
  interface Window {
    casesBench: CasesBenchApi;
  }
}

let local: LocalDb | null = null;
let handle: CaseCatalogHandle | null = null;
let catalog: CaseCatalog | null = null;

window.casesBench = {
  async seed(cases, batch) {
    handle?.dispose();
    await new PouchDB('bench_cases', { adapter: 'indexeddb' }).destroy();
    const fresh = new PouchDB<Record<string, unknown>>('bench_cases', {
      adapter: 'indexeddb',
    }) as unknown as LocalDb;
    local = fresh;
    const seqs = new Map<string, number>();
    const seqOf = (k: string) => {
      const n = (seqs.get(k) ?? 0) + 1;
      seqs.set(k, n);
      return n;
    };
    const t0 = performance.now();
    let docs = 0;
    let bytes = 0;
    let pending: Record<string, unknown>[] = [];
    for (let i = 0; i < cases; i++) {
      for (const d of benchCaseDocs(i, seqOf)) {
        pending.push(d);
        if (d['type'] === 'case' && i % 1000 === 0)
          bytes += new TextEncoder().encode(JSON.stringify(d)).length;
      }
      if (pending.length >= batch || i === cases - 1) {
        await fresh.bulkDocs(pending);
        docs += pending.length;
        pending = [];
      }
    }
    return { ms: performance.now() - t0, docs, bytes: Math.round(bytes / Math.ceil(cases / 1000)) };
  },
  async build() {
    const fresh = local;
    if (!fresh) throw new Error('seed first');
    handle?.dispose();
    const t0 = performance.now();
    handle = createCaseCatalog(fresh, { dateCheckMs: 0, today: () => '2026-11-20' });
    catalog = await handle.ready;
    const info = await fresh.info();
    return {
      ms: performance.now() - t0,
      cases: catalog.query({ sort: { field: 'status', dir: 'asc' }, offset: 0, limit: 0 }).total,
      docs: info.doc_count,
    };
  },
  async run(queries, side) {
    const current = catalog;
    if (!current) throw new Error('build first');
    // The naive side filters and sorts the same summaries the catalog holds (read outside the timing).
    const all: CaseSummary[] =
      side === 'naive'
        ? [...current.query({ sort: { field: 'filingDate', dir: 'asc' }, offset: 0, limit: 1e9 }).rows]
        : [];
    const ms: number[] = [];
    const signatures: string[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      const r = side === 'catalog' ? current.query(q) : naiveQuery(all, q);
      ms.push(performance.now() - t0);
      signatures.push(`${r.total}:${r.rows.map((x) => x.id).join()}`);
      // Let the page breathe between queries (as keystrokes would), so GC lands between them.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { ms, signatures };
  },
  async scan(pageSize) {
    if (!local) throw new Error('seed first');
    const t0 = performance.now();
    let docs = 0;
    let startkey: string | undefined;
    for (;;) {
      const page = await local.allDocs({
        include_docs: true,
        limit: pageSize,
        ...(startkey === undefined ? {} : { startkey, skip: 1 }),
      });
      docs += page.rows.length;
      if (page.rows.length < pageSize) break;
      startkey = page.rows[page.rows.length - 1]?.id;
    }
    return { ms: performance.now() - t0, docs };
  },
  async saveSnapshot() {
    if (!handle) throw new Error('build first');
    const t0 = performance.now();
    await handle.saveSnapshot();
    return { ms: performance.now() - t0 };
  },
  async restart() {
    if (!local || !handle) throw new Error('build first');
    await handle.saveSnapshot();
    handle.dispose();
    const t0 = performance.now();
    handle = createCaseCatalog(local, { dateCheckMs: 0, today: () => '2026-11-20' });
    catalog = await handle.ready;
    await handle.settled();
    return {
      ms: performance.now() - t0,
      source: handle.source,
      cases: catalog.query({ sort: { field: 'status', dir: 'asc' }, offset: 0, limit: 0 }).total,
    };
  },
  async change(count, round) {
    const fresh = local;
    if (!fresh || !handle) throw new Error('build first');
    const t0 = performance.now();
    const rows = await fresh.allDocs({
      startkey: 'case:',
      endkey: 'case:\ufff0',
      limit: count,
      include_docs: true,
    });
    await fresh.bulkDocs(
      rows.rows.map((r) => ({ ...(r.doc as object), cause: `合同纠纷（更正 ${round}）` })),
    );
    await new Promise((r) => setTimeout(r, 100));
    await handle.settled();
    return { ms: performance.now() - t0 };
  },
  async appSnapshot(name) {
    const db = new PouchDB<Record<string, unknown>>(name, { adapter: 'indexeddb' }) as unknown as LocalDb;
    try {
      const head = await snapshotHead(db);
      return head ? { count: head.count, seq: head.seq } : null;
    } finally {
      await db.close();
    }
  },
  async dropAppSnapshot(name) {
    const db = new PouchDB<Record<string, unknown>>(name, { adapter: 'indexeddb' });
    try {
      await db.remove(await db.get(SNAPSHOT_HEAD_ID));
      return true;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return false;
      throw err;
    } finally {
      await db.close();
    }
  },
};
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
