/**
 * An in-memory stand-in for the small part of nano that `setup/` uses, for unit tests only
 * (integration tests use a real server). Errors carry `statusCode` like nano's.
 */
import type { CouchClient } from './client';

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

function httpError(statusCode: number, error: string): Error {
  return Object.assign(new Error(error), { statusCode, error, reason: error });
}

/** The fake's state, exposed for assertions. */
export interface FakeCouchState {
  dbs: Map<string, { docs: Map<string, Doc>; security: Record<string, unknown> }>;
  writes: string[];
}

/** Creates a fake CouchClient with a signed-in server admin (or `roles`). */
export function createFakeCouch(roles: string[] = ['_admin']): { couch: CouchClient; state: FakeCouchState } {
  const state: FakeCouchState = { dbs: new Map(), writes: [] };
  const db = (name: string) => {
    const d = state.dbs.get(name);
    if (!d) throw httpError(404, 'not_found');
    return d;
  };
  const put = (name: string, doc: Doc): { ok: true; id: string; rev: string } => {
    const d = db(name);
    const cur = d.docs.get(doc._id);
    if (cur && cur._rev !== doc._rev) throw httpError(409, 'conflict');
    if (!cur && doc._rev) throw httpError(409, 'conflict');
    const n = cur?._rev ? Number(cur._rev.split('-')[0]) + 1 : 1;
    const rev = `${n}-fake`;
    d.docs.set(doc._id, { ...structuredClone(doc), _rev: rev });
    state.writes.push(`${name}/${doc._id}`);
    return { ok: true, id: doc._id, rev };
  };
  const get = (name: string, id: string): Doc => {
    const doc = db(name).docs.get(id);
    if (!doc) throw httpError(404, 'not_found');
    return structuredClone(doc);
  };
  const couch = {
    info: async () => ({ couchdb: 'Welcome' }),
    db: {
      get: async (name: string) => ({ db_name: name, doc_count: db(name).docs.size }),
      create: async (name: string) => {
        if (state.dbs.has(name)) throw httpError(412, 'file_exists');
        state.dbs.set(name, { docs: new Map(), security: {} });
        state.writes.push(`create ${name}`);
        return { ok: true };
      },
    },
    use: (name: string) => ({
      get: async (id: string) => get(name, id),
      insert: async (doc: Doc) => put(name, doc),
    }),
    request: async (opts: { db?: string; path?: string; method?: string; body?: unknown }) => {
      const { db: name = '', path = '', method = 'GET', body } = opts;
      if (!name && path === '_session') return { ok: true, userCtx: { name: 'admin', roles } };
      if (path === '_security') {
        if (method === 'GET') return structuredClone(db(name).security);
        db(name).security = structuredClone(body) as Record<string, unknown>;
        state.writes.push(`${name}/_security`);
        return { ok: true };
      }
      if (path === '_all_docs' && method === 'POST') {
        const keys = (body as { keys: string[] }).keys;
        return {
          rows: keys.map((k) =>
            db(name).docs.has(k)
              ? { key: k, id: k, value: { rev: db(name).docs.get(k)?._rev } }
              : { key: k, error: 'not_found' },
          ),
        };
      }
      if (path === '_bulk_docs' && method === 'POST') {
        return (body as { docs: Doc[] }).docs.map((d) => {
          try {
            return put(name, d);
          } catch (err) {
            return { id: d._id, error: (err as { error: string }).error };
          }
        });
      }
      if (method === 'GET') return get(name, path);
      if (method === 'PUT') return put(name, { ...(body as Doc), _id: path });
      throw httpError(400, `fake: unsupported ${method} ${path}`);
    },
  };
  return { couch: couch as unknown as CouchClient, state };
}
