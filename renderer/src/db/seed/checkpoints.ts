import { binaryMd5Base64 } from './md5';

/**
 * PouchDB 9 replication checkpoints, computed the way `pouchdb-generate-replication-id` and
 * `pouchdb-checkpointer` do, so a seeded replica can hand over to an ordinary PouchDB replication
 * that resumes from the seeded sequence instead of replaying history.
 */

/** The replication options that change PouchDB's replication id (everything else does not). */
export interface ReplicationIdOptions {
  doc_ids?: string[];
  /** A filter function or a `ddoc/name` string, as given to `replicate`. */
  filter?: string | ((...args: never[]) => unknown);
  query_params?: Record<string, unknown>;
  view?: string;
  selector?: unknown;
}

/** CouchDB-ish collation of plain strings and numbers, enough for doc ids and query-param keys. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The text PouchDB hashes for a replication id: source id + target id + filter + view + sorted
 * query params + sorted doc ids + selector JSON (see generateReplicationId in PouchDB 9).
 */
export function replicationIdInput(
  sourceId: string,
  targetId: string,
  opts: ReplicationIdOptions = {},
): string {
  const docIds = opts.doc_ids ? [...opts.doc_ids].sort(compareKeys).join(',') : '';
  const filterFun = opts.filter ? opts.filter.toString() : '';
  const selector = opts.selector ? JSON.stringify(opts.selector) : '';
  let queryParams = '';
  if (opts.filter && opts.query_params) {
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(opts.query_params).sort(compareKeys)) sorted[k] = opts.query_params[k];
    queryParams = JSON.stringify(sorted);
  }
  const view = opts.filter && opts.filter === '_view' && opts.view ? opts.view.toString() : '';
  return sourceId + targetId + filterFun + view + queryParams + docIds + selector;
}

/** `_local/<md5>` id of the checkpoint documents of a replication from `sourceId` to `targetId`. */
export function replicationCheckpointId(
  sourceId: string,
  targetId: string,
  opts: ReplicationIdOptions = {},
): string {
  const md5 = binaryMd5Base64(replicationIdInput(sourceId, targetId, opts));
  return '_local/' + md5.replace(/\//g, '.').replace(/\+/g, '_');
}

/** A checkpoint document body as PouchDB's checkpointer writes it (version 1). */
export interface CheckpointDoc {
  _id: string;
  _rev?: string;
  session_id: string;
  last_seq: string | number;
  history: Array<{ last_seq: string | number; session_id: string }>;
  replicator: 'pouchdb';
  version: 1;
}

/**
 * The checkpoint document to store on both sides: PouchDB reads the target's, compares it with the
 * source's by `session_id` (compareReplicationLogs) and resumes from `last_seq`. `previous` keeps
 * up to four older history entries as PouchDB does.
 */
export function checkpointDoc(
  id: string,
  lastSeq: string | number,
  sessionId: string,
  previous?: Partial<CheckpointDoc>,
): CheckpointDoc {
  const older = (previous?.history ?? []).filter((h) => h.session_id !== sessionId);
  const doc: CheckpointDoc = {
    _id: id,
    session_id: sessionId,
    last_seq: lastSeq,
    history: [{ last_seq: lastSeq, session_id: sessionId }, ...older].slice(0, 5),
    replicator: 'pouchdb',
    version: 1,
  };
  if (previous?._rev) doc._rev = previous._rev;
  return doc;
}
