import type { AccessLevel } from './access';
import type { Route } from './routes';
import { USERS_DB, usersDbDecision } from './usersDb';

/**
 * What a request needs before it reaches express-pouchdb, pure. Levels follow CouchDB 3:
 * https://docs.couchdb.org/en/stable/api/database/security.html (members read/write documents,
 * db admins write design documents and `_security`), https://docs.couchdb.org/en/stable/api/server/common.html
 * (`_all_dbs`, `_active_tasks`, `_replicate`, `_config`/`_node` need a server admin;
 * `[chttpd] admin_only_all_dbs = true` since 3.0), https://docs.couchdb.org/en/stable/api/database/common.html
 * (creating/deleting a database needs a server admin).
 */
export type Decision =
  /** No authorisation needed (`/`, `/_session`, `/_uuids`, `/_up`). */
  | { kind: 'open' }
  /** Server-admin-only endpoint: 401 for everyone else, as CouchDB's verify_is_server_admin. */
  | { kind: 'serverAdmin' }
  /** Database-level access; `mustExist` → 404 for a missing database first. */
  | { kind: 'db'; level: AccessLevel; mustExist: boolean }
  /**
   * `_users`, admin-only as in CouchDB 3 (usersDb.ts): everyone but the server admin is refused
   * (`listing`: `_all_docs`/`_changes`, refused with CouchDB's "not a server admin" 401); the
   * server admin gets `forServerAdmin`.
   */
  | { kind: 'usersDb'; listing: boolean; forServerAdmin: Decision }
  /** Refused outright (after membership). */
  | { kind: 'refuse'; status: number; error: string; reason: string; level: AccessLevel }
  | { kind: 'methodNotAllowed'; allowed: string[] };

const READ = new Set(['GET', 'HEAD']);

/** Decides what `method` on `route` requires. */
export function decide(method: string, route: Route): Decision {
  switch (route.kind) {
    case 'root':
    case 'session':
    case 'public':
      return { kind: 'open' };
    case 'serverAdmin':
      return { kind: 'serverAdmin' };
    case 'db': {
      const ordinary = decideDb(method, route.target);
      return route.db === USERS_DB ? usersDbDecision(method, route.target, ordinary) : ordinary;
    }
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

function decideDb(method: string, target: Extract<Route, { kind: 'db' }>['target']): Decision {
  const member = { kind: 'db', level: 'member', mustExist: true } as const;
  const dbAdmin = { kind: 'db', level: 'dbAdmin', mustExist: true } as const;
  switch (target.type) {
    case 'db':
      if (method === 'PUT' || method === 'DELETE') return { kind: 'serverAdmin' };
      if (READ.has(method) || method === 'POST') return member;
      return { kind: 'methodNotAllowed', allowed: ['DELETE', 'GET', 'HEAD', 'POST', 'PUT'] };
    case 'security':
      if (READ.has(method)) return member;
      if (method === 'PUT') return dbAdmin;
      return { kind: 'methodNotAllowed', allowed: ['GET', 'PUT'] };
    case 'endpoint':
      switch (target.name) {
        case '_index':
          return READ.has(method) ? member : dbAdmin;
        case '_purge':
        case '_compact':
        case '_view_cleanup':
          return dbAdmin;
        case '_revs_limit':
          return READ.has(method) ? member : dbAdmin;
        default:
          return member;
      }
    case 'doc':
      return member;
    case 'local':
      if (target.docId === '_local/_security') {
        // Where pouchdb-security keeps `_security`: only the _security endpoint may touch it.
        return READ.has(method)
          ? { kind: 'refuse', status: 404, error: 'not_found', reason: 'missing', level: 'member' }
          : {
              kind: 'refuse',
              status: 403,
              error: 'forbidden',
              reason: 'Use PUT /{db}/_security to change the security object.',
              level: 'member',
            };
      }
      return member;
    case 'design': {
      const fn = target.rest[0];
      if (fn !== undefined && ['_show', '_list', '_update', '_rewrite'].includes(fn)) {
        return {
          kind: 'refuse',
          status: 404,
          error: 'not_found',
          reason: `${fn} functions are not supported by the embedded server`,
          level: 'member',
        };
      }
      if (READ.has(method) || (method === 'POST' && fn === '_view')) return member;
      return dbAdmin;
    }
    case 'unknown':
      return {
        kind: 'refuse',
        status: 400,
        error: 'bad_request',
        reason: 'Only reserved document ids may start with underscore.',
        level: 'member',
      };
    default: {
      const never: never = target;
      throw new Error(`unknown target ${JSON.stringify(never)}`);
    }
  }
}
