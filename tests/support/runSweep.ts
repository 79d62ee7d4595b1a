/**
 * Leaves a COUCH_URL server as a suite found it, so the suites can be pointed at the same staging
 * CouchDB again and again: {@link markServer} notes, when a test file gets its target, which
 * documents, `_local` documents and users exist; {@link sweepServer}, when it stops, purges every
 * document created since in the databases that stay (the provisioned ones; `_users` included) and
 * deletes the `_local` documents created since (worker and replication checkpoints). Design
 * documents stay (provisioning owns them), and so do documents that existed before but were
 * changed. Purged, not deleted: no tombstone is left for a later fresh replica to pull, and an id
 * can be used again.
 *
 * Everything created while the file ran is the file's: do not run two suites at once against one
 * server, nor against a server anyone else uses (the suites write the production database names).
 */
import { couchFetch, type CouchResponse, type Credentials } from './couchTarget';

/** What existed in one database when the file started. */
interface DbMark {
  ids: Set<string>;
  locals: Set<string>;
  seq: string | number;
}

/** The state of a server when a test file started. */
export type ServerMark = Map<string, DbMark>;

/** Databases never swept: CouchDB's own. */
const SKIP = new Set(['_replicator', '_global_changes']);
/** `_local` documents provisioning keeps (its migration record), never swept. */
const KEEP_LOCAL = new Set(['_local/courtdesk_migrations']);
/** `max_document_id_number` of CouchDB's `[purge]` section (default 100 ids per request). */
const PURGE_BATCH = 100;

async function ok(r: Promise<CouchResponse>, what: string): Promise<CouchResponse> {
  const res = await r;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
  return res;
}

/**
 * One `_purge` request, asked again on a 500: on a cluster whose copies are still catching up
 * (mem3_sync pending changes) CouchDB 3.4.3 can answer 500 `function_clause` from
 * `fabric_doc_purge:append_resps` when a copy replies to fewer requests than it was sent. Purging
 * is idempotent, so the same batch is sent again, then one document at a time.
 */
async function purge(
  url: string,
  admin: Credentials,
  db: string,
  batch: [string, string[]][],
): Promise<void> {
  const send = (part: [string, string[]][]) =>
    couchFetch(`${dbUrl(url, db)}/_purge`, {
      method: 'POST',
      auth: admin,
      body: Object.fromEntries(part),
      timeoutMs: 120_000,
    });
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await send(batch);
    if (res.status < 300) return;
    if (res.status !== 500) throw new Error(`${db}/_purge: ${res.status} ${res.text.slice(0, 200)}`);
    await new Promise((done) => setTimeout(done, 1000 * (attempt + 1)));
  }
  for (const one of batch) await ok(send([one]), `${db}/_purge ${one[0]}`);
}

function dbUrl(url: string, db: string): string {
  return `${url}/${encodeURIComponent(db)}`;
}

async function ids(
  url: string,
  admin: Credentials,
  db: string,
  local: boolean,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const r = await couchFetch(`${dbUrl(url, db)}/${local ? '_local_docs' : '_all_docs'}`, {
    auth: admin,
    timeoutMs: 120_000,
  });
  // Only `_local_docs` unknown to an old server means "nothing to clean"; any other failure must
  // stop the sweep: an empty list of what existed would purge documents the suite never wrote.
  if (local && (r.status === 400 || r.status === 404)) return out;
  if (r.status !== 200)
    throw new Error(`${db}/${local ? '_local_docs' : '_all_docs'}: ${r.status} ${r.text.slice(0, 200)}`);
  for (const row of r.body.rows as { id: string; value: { rev: string } }[]) out.set(row.id, row.value.rev);
  return out;
}

async function allDbs(url: string, admin: Credentials): Promise<string[]> {
  const r = await ok(couchFetch(`${url}/_all_dbs`, { auth: admin }), '_all_dbs');
  return (r.body as string[]).filter((db) => !SKIP.has(db));
}

/** Notes what exists on the server now. */
export async function markServer(url: string, admin: Credentials): Promise<ServerMark> {
  const mark: ServerMark = new Map();
  for (const db of await allDbs(url, admin)) {
    const info = await couchFetch(dbUrl(url, db), { auth: admin });
    if (info.status === 404) continue; // deleted meanwhile
    if (info.status !== 200) throw new Error(`${db}: ${info.status} ${info.text.slice(0, 200)}`);
    mark.set(db, {
      ids: new Set((await ids(url, admin, db, false)).keys()),
      locals: new Set((await ids(url, admin, db, true)).keys()),
      seq: info.body.update_seq,
    });
  }
  return mark;
}

/**
 * Purges the documents created since `mark` (all their leaves) and deletes the new `_local`
 * documents, in every database except `exclude` (the ones the caller deletes anyway).
 */
export async function sweepServer(
  url: string,
  admin: Credentials,
  mark: ServerMark,
  exclude: ReadonlySet<string>,
): Promise<{ purged: number; locals: number }> {
  let purged = 0;
  let locals = 0;
  for (const db of await allDbs(url, admin)) {
    if (exclude.has(db)) continue;
    const before = mark.get(db);
    const since = before ? String(before.seq) : '0';
    const feed = await ok(
      couchFetch(`${dbUrl(url, db)}/_changes?style=all_docs&since=${encodeURIComponent(since)}`, {
        auth: admin,
        timeoutMs: 300_000,
      }),
      `${db}/_changes`,
    );
    const leaves = new Map<string, string[]>();
    for (const c of feed.body.results as { id: string; changes: { rev: string }[] }[]) {
      if (c.id.startsWith('_design/') || before?.ids.has(c.id)) continue;
      leaves.set(
        c.id,
        c.changes.map((x) => x.rev),
      );
    }
    const todo = [...leaves];
    for (let i = 0; i < todo.length; i += PURGE_BATCH) {
      await purge(url, admin, db, todo.slice(i, i + PURGE_BATCH));
      purged += Math.min(PURGE_BATCH, todo.length - i);
    }
    for (const [id, rev] of await ids(url, admin, db, true)) {
      if (before?.locals.has(id) || KEEP_LOCAL.has(id)) continue;
      const name = encodeURIComponent(id.slice('_local/'.length));
      await ok(
        couchFetch(`${dbUrl(url, db)}/_local/${name}?rev=${encodeURIComponent(rev)}`, {
          method: 'DELETE',
          auth: admin,
        }),
        `${db}/${id}`,
      );
      locals++;
    }
  }
  return { purged, locals };
}
