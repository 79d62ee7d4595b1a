/** The API the bench page exposes as `window.bench` (types only; shared by the page and Node). */
import type { DocFingerprint } from './replicas';

/** Local storage adapter under test. */
export type Adapter = 'indexeddb' | 'idb';

/** One local/remote transfer. */
export interface TransferResult {
  ms: number;
  docsRead: number;
  docsWritten: number;
}

/** A seed plus the hand-over to live replication. */
export interface SeedRun {
  ms: number;
  seedMs: number;
  docs: number;
  lastSeq: string | number;
  /** Documents the first live pull read after the seed (should be ~0). */
  liveDocsRead: number;
  progressEvents: number;
  progressMonotonic: boolean;
  lastProgress: { done: number; total: number } | null;
  remoteCheckpointsWritten: boolean;
}

/** A document as compared between replicas. */
export interface DocState {
  id: string;
  rev: string;
  conflicts: string[];
  deleted?: boolean;
}

export interface BenchApi {
  signIn(name: string, password: string): Promise<void>;
  destroy(name: string, adapter: Adapter): Promise<void>;
  info(name: string, adapter: Adapter): Promise<{ docCount: number; updateSeq: string | number }>;
  seed(
    name: string,
    adapter: Adapter,
    remotePath: string,
    batchSize: number | null,
    live: 'oneshot' | 'live' | 'none',
  ): Promise<SeedRun>;
  /** seedFreshReplica$: the progress values the observable emitted and whether it completed. */
  seedObserved(
    name: string,
    adapter: Adapter,
    remotePath: string,
    batchSize: number,
  ): Promise<{ docs: number; done: number[]; totals: number[]; completed: boolean }>;
  pull(
    name: string,
    adapter: Adapter,
    remotePath: string,
    opts: { batchSize?: number; batchesLimit?: number },
  ): Promise<TransferResult>;
  push(
    name: string,
    adapter: Adapter,
    remotePath: string,
    opts: { batchSize?: number; batchesLimit?: number },
  ): Promise<TransferResult>;
  generate(
    name: string,
    adapter: Adapter,
    from: number,
    count: number,
    batch: number,
    prefix: string,
  ): Promise<number>;
  singlePuts(name: string, adapter: Adapter, count: number, prefix: string): Promise<number>;
  createIndex(name: string, adapter: Adapter): Promise<number>;
  queryLatencies(name: string, adapter: Adapter, runs: number): Promise<number[]>;
  scanLatencies(name: string, adapter: Adapter, runs: number): Promise<number[]>;
  snapshot(name: string, adapter: Adapter): Promise<DocState[]>;
  /** Every live document's id, winning revision, conflicts and attachment digests. */
  fingerprint(name: string, adapter: Adapter): Promise<DocFingerprint[]>;
  /** Deleted documents (tombstones) the replica holds. */
  tombstones(name: string, adapter: Adapter): Promise<number>;
  startSync(name: string, adapter: Adapter, remotePath: string): Promise<void>;
  stopSync(name: string): Promise<void>;
  edit(name: string, adapter: Adapter, id: string, n: number): Promise<{ rev: string; at: number }>;
  arrival(id: string, rev: string): number | null;
  /** `db.get(id, opts)` of a local document (null when missing). */
  getDoc(
    name: string,
    adapter: Adapter,
    id: string,
    opts: { rev?: string; revs?: boolean; attachments?: boolean },
  ): Promise<Record<string, unknown> | null>;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
