/**
 * Waiting until a write reached every shard copy of a clustered database.
 *
 * On an Apache CouchDB cluster `PUT /{db}/_security` returns once a majority of the shard copies
 * took it, and a request is then authorised against the copy on the node that serves it
 * (fabric:get_security reads a local shard first): right after provisioning a judge could still be
 * refused `courtdesk_public` by a node whose copy lagged. CouchDB's shard map
 * (`GET /_node/_local/_dbs/{db}`) names every copy, and `/_node/{node}/shards%2F…` reads one copy
 * directly, so provisioning can check each of them instead of hoping.
 *
 * The embedded server (and a proxy that refuses `/_node`) has no shard map: one copy, nothing to
 * wait for.
 */
import { encId } from '../workers/couchHttp';
import { statusOf, type CouchClient } from './client';

/** One shard copy: the node holding it and the URL-encoded path of the shard database on that node. */
export interface ShardCopy {
  node: string;
  /** `shards%2F<range>%2F<db>.<suffix>`, ready for `_node/<node>/…`. */
  path: string;
}

interface ShardMap {
  shard_suffix?: number[];
  by_range?: Record<string, string[]>;
}

/** GET that answers undefined for a 4xx (no such endpoint here, or not found). */
async function getOrUndefined<T>(couch: CouchClient, path: string): Promise<T | undefined> {
  try {
    return (await couch.request({ path, method: 'GET' })) as T;
  } catch (err) {
    const s = statusOf(err);
    if (s !== undefined && s >= 400 && s < 500) return undefined;
    throw err;
  }
}

/**
 * Every shard copy of `db` (only those of the range holding `docId` when given: a document lives
 * in one range, `GET /{db}/_shards/{docid}`), or null when the server keeps no shard map.
 */
export async function shardCopies(
  couch: CouchClient,
  db: string,
  docId?: string,
): Promise<ShardCopy[] | null> {
  const map = await getOrUndefined<ShardMap>(couch, `_node/_local/_dbs/${encodeURIComponent(db)}`);
  if (!map?.by_range || !Array.isArray(map.shard_suffix)) return null;
  let ranges = Object.keys(map.by_range);
  if (docId !== undefined) {
    const at = await getOrUndefined<{ range?: string }>(
      couch,
      `${encodeURIComponent(db)}/_shards/${encodeURIComponent(docId)}`,
    );
    if (!at?.range) return null;
    ranges = [at.range];
  }
  const suffix = String.fromCharCode(...map.shard_suffix);
  return ranges.flatMap((range) =>
    (map.by_range?.[range] ?? []).map((node) => ({
      node,
      path: encodeURIComponent(`shards/${range}/${db}${suffix}`),
    })),
  );
}

/** Options of {@link untilEveryCopy}. */
export interface UntilEveryCopyOptions {
  /** Give up after this long (default 60 s): then an error names the copies still behind. */
  timeoutMs?: number;
  /** Pause between rounds (default 100 ms, doubling up to 2 s). */
  intervalMs?: number;
}

/**
 * Reads `_security` (`what: { security: true }`) or a document (`{ docId }`) from every shard copy
 * of `db` that holds it until `accept` holds for each; resolves at once when the server has no
 * shard map. Throws after the timeout naming the copies still behind (CouchDB's internal
 * replication brings lagging copies up on its own, so this only happens when a node is down).
 */
export async function untilEveryCopy(
  couch: CouchClient,
  db: string,
  what: { security: true } | { docId: string },
  accept: (body: unknown) => boolean,
  options: UntilEveryCopyOptions = {},
): Promise<void> {
  const docId = 'docId' in what ? what.docId : undefined;
  const subPath = docId === undefined ? '_security' : encId(docId);
  const copies = await shardCopies(couch, db, docId);
  if (!copies) return;
  const end = Date.now() + (options.timeoutMs ?? 60_000);
  let pause = options.intervalMs ?? 100;
  let behind = copies;
  for (;;) {
    const seen = await Promise.all(
      behind.map(async (c) => {
        try {
          return accept(await couch.request({ path: `_node/${c.node}/${c.path}/${subPath}`, method: 'GET' }));
        } catch (err) {
          if (statusOf(err) === 404) return false; // not created on that node yet
          throw err;
        }
      }),
    );
    behind = behind.filter((_, i) => !seen[i]);
    if (behind.length === 0) return;
    if (Date.now() > end)
      throw new Error(
        `${db}/${subPath} not yet on every shard copy: ${behind.map((c) => `${c.node} ${decodeURIComponent(c.path)}`).join(', ')}`,
      );
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(2_000, pause * 2);
  }
}
