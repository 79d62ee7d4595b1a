/**
 * Integration-test harness page: exposes the real renderer/src/db module on `window.cd` so the
 * Playwright tests drive the sync engine inside Chromium (IndexedDB, fetch, cookies) against a
 * real server through the app host's same-origin `/couch` proxy. Built by Vite (buildHarness.ts).
 */
import type { DatabaseKey } from '../../../core/databases';
import * as db from '../../../renderer/src/db/index';
import type { LocalAdapter, SyncEngine, SyncStatus } from '../../../renderer/src/db/index';
// The attachment API (`window.cdf`) lives on the same page.
import './files';
import { COUCH_BASE, sha256Hex, signIn } from './pageUtil';

type Doc = Record<string, unknown>;

let engine: SyncEngine | null = null;
const history: SyncStatus['state'][] = [];

function need(): SyncEngine {
  if (!engine) throw new Error('engine not started');
  return engine;
}

const cd = {
  signIn,
  async signOut(): Promise<number> {
    return (await fetch(`${COUCH_BASE}/_session`, { method: 'DELETE', credentials: 'include' })).status;
  },
  async start(
    user: string,
    keys: DatabaseKey[],
    opts: { adapter?: LocalAdapter; maxBackoffMs?: number; batchSize?: number } = {},
  ): Promise<void> {
    engine = db.createSyncEngine({
      user,
      couchBaseUrl: COUCH_BASE,
      keys,
      ...(opts.adapter ? { adapter: opts.adapter } : {}),
      backoff: { initialMs: 200, maxMs: opts.maxBackoffMs ?? 2_000 },
      ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    });
    engine.status$.subscribe((s) => {
      if (history.at(-1) !== s.state) history.push(s.state);
    });
    await engine.start();
  },
  status: (): SyncStatus => need().status(),
  db: (key: DatabaseKey, state: SyncStatus['state']) =>
    need()
      .status()
      .databases.find((d) => d.key === key)?.state === state,
  history: () => [...history],
  stop: () => need().stop(),
  confirmDeletions: (key: DatabaseKey) => need().confirmDeletions(key),
  resume: () => need().resume(),
  async close(): Promise<void> {
    await engine?.close();
    engine = null;
  },
  async syncNow(): Promise<{ ok: boolean; error?: string }> {
    try {
      await need().syncNow();
      return { ok: true };
    } catch (e) {
      return { ok: false, error: e instanceof db.SyncFailure ? e.error.kind : String(e) };
    }
  },
  async recount(): Promise<void> {
    await need().recount();
  },
  async bulk(key: DatabaseKey, docs: Doc[]): Promise<number> {
    const res = await need().local(key).bulkDocs(docs);
    return res.filter((r) => !('error' in r && r.error)).length;
  },
  async put(key: DatabaseKey, doc: Doc): Promise<string> {
    return (await need().local(key).put(doc)).rev;
  },
  async get(key: DatabaseKey, id: string): Promise<Doc | null> {
    return need()
      .local(key)
      .get(id, { conflicts: true })
      .then(
        (d) => d as Doc,
        () => null,
      );
  },
  async create(
    key: DatabaseKey,
    user: string,
    type: Parameters<db.Repository['create']>[0],
    idParts: string[],
    fields: Doc,
  ): Promise<Doc> {
    return db
      .createRepository(need().local(key), { user, onWriteError: (e) => need().reportLocalError(key, e) })
      .create(type, idParts, fields);
  },
  async update(key: DatabaseKey, user: string, id: string, fields: Doc): Promise<Doc> {
    return db.createRepository(need().local(key), { user }).update(id, (d) => ({ ...d, ...fields }));
  },
  /** Polls the local replica until `id` exists (or `timeoutMs` passes: null). */
  async waitDoc(key: DatabaseKey, id: string, timeoutMs: number): Promise<Doc | null> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const doc = await need()
        .local(key)
        .get(id)
        .then(
          (d) => d as Doc,
          () => null,
        );
      if (doc || Date.now() > until) return doc;
      await new Promise((r) => setTimeout(r, 20));
    }
  },
  async docCount(key: DatabaseKey): Promise<number> {
    return (await need().local(key).info()).doc_count;
  },
  async conflicts(key: DatabaseKey) {
    return db.listConflicts(need().local(key));
  },
  async watchConflictsOnce(key: DatabaseKey): Promise<number> {
    return new Promise((ok, fail) => {
      const sub = db.watchConflicts(need().local(key)).subscribe({
        next: (v) => {
          ok(v.length);
          queueMicrotask(() => sub.unsubscribe());
        },
        error: fail,
      });
    });
  },
  async revisions(key: DatabaseKey, id: string) {
    const revs = await db.loadRevisions(need().local(key), id);
    return { revs, diff: db.diffRevisions(revs) };
  },
  keep: (key: DatabaseKey, id: string, rev: string) => db.keepRevision(need().local(key), id, rev),
  merge: (key: DatabaseKey, id: string, doc: Doc) => db.mergeRevisions(need().local(key), id, doc),
  /** Attaches `mb` MB of random bytes; returns the sha256 of what was attached. */
  async attachRandom(key: DatabaseKey, id: string, name: string, mb: number): Promise<string> {
    const bytes = new Uint8Array(mb * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 65536)
      crypto.getRandomValues(bytes.subarray(i, Math.min(bytes.length, i + 65536)));
    const local = need().local(key);
    const doc = await local.get(id);
    await local.putAttachment(
      id,
      name,
      doc._rev,
      new Blob([bytes], { type: 'application/pdf' }),
      'application/pdf',
    );
    return sha256Hex(bytes.buffer);
  },
  /** sha256 of a local attachment and the md5 `digest` the replica records for it. */
  async attachmentInfo(
    key: DatabaseKey,
    id: string,
    name: string,
  ): Promise<{ sha256: string; digest: string; length: number } | null> {
    const local = need().local(key);
    try {
      const doc = (await local.get(id)) as {
        _attachments?: Record<string, { digest: string; length: number }>;
      };
      const stub = doc._attachments?.[name];
      if (!stub) return null;
      const blob = (await local.getAttachment(id, name)) as Blob;
      return { sha256: await sha256Hex(await blob.arrayBuffer()), digest: stub.digest, length: stub.length };
    } catch {
      return null;
    }
  },
};

declare global {
  interface Window {
    cd: typeof cd;
  }
}
window.cd = cd;
const ready = document.getElementById('ready');
if (ready) ready.textContent = 'ready';
