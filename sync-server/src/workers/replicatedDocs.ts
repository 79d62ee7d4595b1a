/**
 * The case-number log's view of a database whose documents may have several copies. On a CouchDB
 * cluster every document lives on n copies (one per node holding its shard range) and the
 * coordinating node answers for a quorum of them only: a create refused by the copies that
 * answered is a 409 even if a copy that did not answer holds something else, and a read returns
 * what the copies that answered hold. Deciding who holds a claim therefore needs two things the
 * plain document API does not give (docs/case-numbers.md):
 *  - a create every copy must acknowledge (`?w=<n>`): 201 means every copy stored this revision;
 *  - each copy's own leaf revisions, read from that copy alone through the node-local API
 *    (`/_node/<node>/shards%2F<range>%2F<db><suffix>/<id>?open_revs=all`), where a copy that cannot
 *    answer is reported as unreachable instead of being left out silently.
 * On a single server (embedded, or a CouchDB single node: `cluster.n` = 1) every answer is
 * conclusive and only the ordinary document API is used.
 */
import { CouchHttp, CouchHttpError, encId, type AllDocsRow, type CouchDoc } from './couchHttp';

/** Outcome of {@link ReplicatedDocs.create}: every copy stored it, some did, or none did (409). */
export type CreateOutcome = 'created' | 'accepted' | 'conflict';

/** One copy's leaf revisions of a document (live and deleted), or why the copy did not answer. */
export type CopyView =
  | { readonly copy: string; readonly leaves: readonly CouchDoc[] }
  | { readonly copy: string; readonly unreachable: string };

/** What the case-number log needs from the database; see the module comment. */
export interface ReplicatedDocs {
  /** Copies of every document: 1 on a single server. */
  copiesPerDoc(): Promise<number>;
  /**
   * Creates `doc` (no `_rev`). With `everyCopy` (default) every copy must acknowledge for
   * `created`; otherwise the server's default quorum does. Throws when no copy answered.
   */
  create(doc: CouchDoc, everyCopy?: boolean): Promise<CreateOutcome>;
  /** The winning revision as the copies that answered see it (undefined: missing or deleted). */
  get(id: string): Promise<CouchDoc | undefined>;
  /** Live documents among `ids`, by id. */
  getMany(ids: readonly string[]): Promise<Map<string, CouchDoc>>;
  /**
   * Up to `limit` live documents with `startId` ≤ id ≤ `endId` in id order, as one copy of each
   * shard range sees them, with `_conflicts` when there are several copies.
   */
  range(startId: string, endId: string, limit: number): Promise<CouchDoc[]>;
  /** Every copy's leaves of `id`, each read from that copy alone (several copies only). */
  readCopies(id: string): Promise<CopyView[]>;
  /** Stores the existing leaf `leaf` (same `_rev`, same body) on every copy that lacks it. */
  spread(leaf: CouchDoc): Promise<void>;
  /** Deletes the leaf revision `rev` of `id` (a losing claim); a leaf already gone is fine. */
  removeLeaf(id: string, rev: string): Promise<void>;
}

/** How long one copy may take to answer a node-local read before it counts as unreachable. */
const COPY_READ_MS = 20_000;

function enc(db: string): string {
  return encodeURIComponent(db);
}

/** {@link ReplicatedDocs} over CouchDB's HTTP API (Apache CouchDB 3.x or the embedded server). */
export class CouchReplicatedDocs implements ReplicatedDocs {
  private copies: number | undefined;
  private suffix: string | undefined;

  constructor(
    private readonly couch: CouchHttp,
    private readonly db: string,
  ) {}

  async copiesPerDoc(): Promise<number> {
    if (this.copies === undefined) {
      const r = await this.couch.expect('GET', enc(this.db), [200]);
      const n = (r.body as { cluster?: { n?: unknown } } | undefined)?.cluster?.n;
      this.copies = typeof n === 'number' && Number.isInteger(n) && n > 1 ? n : 1;
    }
    return this.copies;
  }

  async create(doc: CouchDoc, everyCopy = true): Promise<CreateOutcome> {
    const n = await this.copiesPerDoc();
    const w = n > 1 && everyCopy ? `?w=${n}` : '';
    const r = await this.couch.expect(
      'PUT',
      `${enc(this.db)}/${encId(doc._id)}${w}`,
      [200, 201, 202, 409],
      doc,
    );
    if (r.status === 409) return 'conflict';
    // A single server's 200 (some servers answer so) is as conclusive as its 201.
    return r.status === 202 ? 'accepted' : 'created';
  }

  get(id: string): Promise<CouchDoc | undefined> {
    return this.couch.get(this.db, id);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, CouchDoc>> {
    const out = new Map<string, CouchDoc>();
    for (let k = 0; k < ids.length; k += 500) {
      const r = await this.couch.expect('POST', `${enc(this.db)}/_all_docs?include_docs=true`, [200], {
        keys: ids.slice(k, k + 500),
      });
      for (const row of (r.body as { rows: AllDocsRow[] }).rows) if (row.doc) out.set(row.doc._id, row.doc);
    }
    return out;
  }

  async range(startId: string, endId: string, limit: number): Promise<CouchDoc[]> {
    const q = new URLSearchParams({
      startkey: JSON.stringify(startId),
      endkey: JSON.stringify(endId),
      include_docs: 'true',
      limit: String(limit),
    });
    if ((await this.copiesPerDoc()) > 1) q.set('conflicts', 'true');
    const r = await this.couch.expect('GET', `${enc(this.db)}/_all_docs?${q.toString()}`, [200]);
    return (r.body as { rows: AllDocsRow[] }).rows.flatMap((row) => (row.doc ? [row.doc] : []));
  }

  async readCopies(id: string): Promise<CopyView[]> {
    let range: string, nodes: string[], shard: string;
    try {
      const s = await this.couch.expect('GET', `${enc(this.db)}/_shards/${encId(id)}`, [200]);
      ({ range, nodes } = s.body as { range: string; nodes: string[] });
      shard = encodeURIComponent(`shards/${range}/${this.db}${await this.shardSuffix()}`);
    } catch (err) {
      // No shard map (a worker without server-admin rights, a server restarting): nothing can be
      // decided, which is "wait and retry", not a reason to give up on the case.
      return [{ copy: 'shard map', unreachable: (err as Error).message }];
    }
    return Promise.all(
      nodes.map(async (node): Promise<CopyView> => {
        try {
          const path = `_node/${encodeURIComponent(node)}/${shard}/${encId(id)}?open_revs=all&revs=true`;
          // A node-local request to a node that is starting up can go unanswered for ever
          // (chttpd_node waits for the remote reply without a timeout): give up and retry later.
          const r = await this.couch.request('GET', path, undefined, AbortSignal.timeout(COPY_READ_MS));
          if (r.status === 200 && Array.isArray(r.body)) {
            const leaves = (r.body as { ok?: CouchDoc }[]).flatMap((x) => (x.ok ? [x.ok] : []));
            return { copy: node, leaves };
          }
          // The database may have been re-created under a new shard suffix: look it up again.
          if (r.status === 404) this.suffix = undefined;
          const b = r.body as { error?: string; reason?: string } | undefined;
          return { copy: node, unreachable: `${r.status} ${b?.error ?? ''} ${b?.reason ?? ''}`.trim() };
        } catch (err) {
          return { copy: node, unreachable: (err as Error).message };
        }
      }),
    );
  }

  async spread(leaf: CouchDoc): Promise<void> {
    const { _conflicts: _c, ...body } = leaf;
    // Every copy, so that reading the copies right after finds it everywhere.
    const w = await this.copiesPerDoc();
    await this.couch.expect('POST', `${enc(this.db)}/_bulk_docs?w=${w}`, [201, 202], {
      docs: [body],
      new_edits: false,
    });
  }

  async removeLeaf(id: string, rev: string): Promise<void> {
    // The tombstone has no body, so every worker removing the same leaf writes the same revision.
    await this.couch.expect('PUT', `${enc(this.db)}/${encId(id)}`, [200, 201, 202, 404, 409], {
      _id: id,
      _rev: rev,
      _deleted: true,
    });
  }

  /** The shard file suffix of the database (`.1712345678`), from the node-local `_dbs`. */
  private async shardSuffix(): Promise<string> {
    if (this.suffix === undefined) {
      const r = await this.couch.expect('GET', `_node/_local/_dbs/${enc(this.db)}`, [200]);
      const codes = (r.body as { shard_suffix?: unknown }).shard_suffix;
      if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'number'))
        throw new CouchHttpError(`no shard_suffix for ${this.db} in _dbs`, 500);
      this.suffix = String.fromCharCode(...(codes as number[]));
    }
    return this.suffix;
  }
}
