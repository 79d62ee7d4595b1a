/**
 * Page API of tests/integration/sync/attachments.test.ts, part of the sync harness page (main.ts
 * imports it): the real engine and the attachment API (attachFile, readFile,
 * watchAttachmentStates) on `window.cdf`, driven by Playwright in Chromium against a real server.
 */
import { of } from 'rxjs';
import type { DatabaseKey } from '../../../core/databases';
import * as db from '../../../renderer/src/db/index';
import { COUCH_BASE, sha256Hex, signIn } from './pageUtil';

let engine: db.SyncEngine | null = null;
const stateLog = new Map<string, string[]>();
const arrivals = new Map<string, number>();
const subs: { unsubscribe(): void }[] = [];
const feeds: { cancel(): void }[] = [];

function need(): db.SyncEngine {
  if (!engine) throw new Error('engine not started');
  return engine;
}

/** `size` pseudo-random bytes from `seed` (xorshift32; the test recomputes nothing, it compares hashes). */
function bytesOf(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  const words = new Uint32Array(out.buffer, 0, Math.floor(size / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  for (let i = words.length * 4; i < size; i++) out[i] = i & 0xff;
  return out;
}

const cdf = {
  signIn,
  async start(user: string, keys: DatabaseKey[], opts: { split?: boolean } = {}): Promise<void> {
    engine = db.createSyncEngine({
      user,
      couchBaseUrl: COUCH_BASE,
      keys,
      backoff: { initialMs: 200, maxMs: 2_000 },
      ...(opts.split === false ? { fileKeys: [] } : {}),
    });
    await engine.start();
  },
  status: (): db.SyncStatus => need().status(),
  dbState: (key: DatabaseKey) =>
    need()
      .status()
      .databases.find((d) => d.key === key)?.state ?? null,
  /** Writes `size` bytes as a new file of `ownerId`; returns its info and the sha256 of the bytes. */
  async attach(
    key: DatabaseKey,
    user: string,
    ownerId: string,
    name: string,
    size: number,
    seed: number,
  ): Promise<{ info: db.FileInfo; sha256: string; ms: number }> {
    const bytes = bytesOf(size, seed);
    const sha = await sha256Hex(bytes);
    const t0 = performance.now();
    const info = await db.attachFile(need().local(key), ownerId, new Blob([bytes as BlobPart]), {
      user,
      name,
      contentType: 'application/pdf',
    });
    return { info, sha256: sha, ms: Math.round(performance.now() - t0) };
  },
  /** readFile (digest checked) → sha256 and length of the bytes, or the error message. */
  async read(
    key: DatabaseKey,
    fileId: string,
  ): Promise<{ sha256: string; size: number; digest: string } | string> {
    try {
      const { info, blob } = await db.readFile(need().local(key), fileId);
      const buf = await blob.arrayBuffer();
      return { sha256: await sha256Hex(buf), size: buf.byteLength, digest: info.digest };
    } catch (e) {
      return String(e);
    }
  },
  /** Records every state change of the files of `ownerIds` (read with {@link states}). */
  watchStates(key: DatabaseKey, ownerIds: string[]): void {
    const e = need();
    subs.push(
      db
        .watchAttachmentStates(e.local(key), e.attachmentQueue$(key), of(new Set<string>()), ownerIds)
        .subscribe((list) => {
          for (const f of list) {
            const log = stateLog.get(f.fileId) ?? [];
            if (log.at(-1) !== f.state) log.push(f.state);
            stateLog.set(f.fileId, log);
          }
        }),
    );
  },
  states: (fileId: string): string[] => [...(stateLog.get(fileId) ?? [])],
  /** Records when each document first appears in the local replica (ms, page clock). */
  trackArrivals(key: DatabaseKey): void {
    feeds.push(
      need()
        .local(key)
        .changes({ since: 'now', live: true, return_docs: false })
        .on('change', (c) => {
          if (!arrivals.has(c.id)) arrivals.set(c.id, performance.now());
        }),
    );
  },
  arrival: (id: string): number | null => arrivals.get(id) ?? null,
  now: () => performance.now(),
  async bulk(key: DatabaseKey, docs: Record<string, unknown>[]): Promise<number> {
    const res = await need().local(key).bulkDocs(docs);
    return res.filter((r) => !('error' in r && r.error)).length;
  },
  async has(key: DatabaseKey, id: string): Promise<boolean> {
    return need()
      .local(key)
      .get(id)
      .then(
        () => true,
        () => false,
      );
  },
  async close(): Promise<void> {
    for (const s of subs.splice(0)) s.unsubscribe();
    for (const f of feeds.splice(0)) f.cancel();
    await engine?.close();
    engine = null;
  },
};

declare global {
  interface Window {
    cdf: typeof cdf;
  }
}
window.cdf = cdf;
