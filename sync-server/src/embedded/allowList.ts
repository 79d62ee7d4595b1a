import type { DbTarget, Route } from './routes';
import { USERS_DB, usersDbDecision } from './usersDb';

/**
 * THE allow-list of the embedded server, pure: every request the guard lets through is a method
 * on a route listed here, with the access level, the body it may carry and the check that body
 * gets. Everything else is refused as CouchDB refuses it (405 for a known route with another
 * method, 404 for anything unknown). The list is what the app and CouchDB's replication protocol
 * use (docs/embedded-server.md, "What the guard lets through"), plus the server admin's
 * maintenance endpoints. Levels follow CouchDB 3 (docs.couchdb.org api/database/security.html),
 * except design documents, which only the server admin writes here.
 */

/** Who may make a request. */
export type Level =
  /** Anyone (`/`, `/_session`, `/_uuids`, `/_up`). */
  | 'open'
  /** A member of the database (db admins and the server admin included). */
  | 'member'
  /** A database admin (the server admin included). */
  | 'dbAdmin'
  /** The server admin; 401 `unauthorized` for everyone else, as CouchDB's verify_is_server_admin. */
  | 'serverAdmin';

/** The body a request may carry. */
export type BodyKind =
  /** None is read (GET, HEAD, DELETE, PUT /{db}). */
  | 'none'
  /** `Content-Type: application/json` required (415 otherwise), parsed and checked. */
  | 'json'
  /** `application/json` required, the body may be empty (`POST _compact`, `_ensure_full_commit`). */
  | 'optionalJson'
  /** Any content type (it is the attachment's), streamed through with a length. */
  | 'attachment'
  /** Server admin only, parsed by express-pouchdb itself (`_config` values). */
  | 'raw';

/** The check a JSON body gets (bodies.ts, guardBody.ts). */
export type Shape =
  | 'document'
  | 'designDocument'
  | 'local'
  | 'security'
  | 'bulkDocs'
  | 'bulkGet'
  | 'revsDiff'
  | 'purge'
  | 'changes'
  | 'keys'
  | 'find'
  | 'index'
  | 'session'
  | 'replicate'
  | 'any';

/** What an authenticated caller without the level gets (anonymous callers always get 401). */
export type Denial = 'forbidden' | 'unauthorized';

/** One allowed method on a route. */
export interface Permit {
  level: Level;
  body: BodyKind;
  shape?: Shape;
  /** Default: 403 `forbidden` for member/dbAdmin levels, 401 for serverAdmin. */
  denial?: Denial;
  /** Reason sent with the denial. */
  reason?: string;
}

/** The decision for one request. */
export type Decision =
  | { kind: 'allow'; permit: Permit }
  | { kind: 'methodNotAllowed'; allowed: string[] }
  /** Refused for everyone (after the membership check for database routes). */
  | { kind: 'refuse'; status: number; error: string; reason: string }
  /**
   * `_users`, admin-only as in CouchDB 3 (usersDb.ts): everyone but the server admin is refused
   * (`listing`: `_all_docs`/`_changes`, refused with CouchDB's "not a server admin" 401); the
   * server admin gets `forServerAdmin`.
   */
  | { kind: 'usersDb'; listing: boolean; forServerAdmin: Decision };

type Table = Readonly<Record<string, Permit>>;

const NONE = 'none' as const;
const READ = { level: 'member', body: NONE } as const satisfies Permit;
const ADMIN_ONLY = { level: 'serverAdmin', body: NONE } as const satisfies Permit;
const DDOC_WRITE_REASON = 'Only the server admin may write design documents on the embedded server.';

function json(level: Level, shape: Shape, extra: Partial<Permit> = {}): Permit {
  return { level, body: 'json', shape, ...extra };
}

function getHead(p: Permit): Table {
  return { GET: p, HEAD: p };
}

/** Design documents and their attachments: readable by members, written by the server admin. */
const DDOC_WRITE: Partial<Permit> = { denial: 'forbidden', reason: DDOC_WRITE_REASON };

/** `_local` ids PouchDB keeps for itself (pouchdb-security's `_security`, the purge log). */
export const RESERVED_LOCAL_IDS: ReadonlySet<string> = new Set(['_local/_security', '_local/purges']);

function notAvailable(what: string): Decision {
  return {
    kind: 'refuse',
    status: 404,
    error: 'not_found',
    reason: `${what} is not available on the embedded server`,
  };
}

function serverTable(name: string, rest: string[]): Table | Decision {
  switch (name) {
    case '_all_dbs':
    case '_active_tasks':
      return rest.length === 0 ? getHead(ADMIN_ONLY) : notAvailable(`/${name}/…`);
    case '_replicate':
      return rest.length === 0 ? { POST: json('serverAdmin', 'replicate') } : notAvailable('/_replicate/…');
    case '_node':
      // /_node/{node}/_config[/section[/key]]: configuration, as CouchDB 3.
      if (rest.length >= 2 && rest.length <= 4 && rest[1] === '_config') {
        const raw: Permit = { level: 'serverAdmin', body: 'raw' };
        return rest.length === 4
          ? { ...getHead(ADMIN_ONLY), PUT: raw, DELETE: ADMIN_ONLY }
          : getHead(ADMIN_ONLY);
      }
      return notAvailable(`/_node/${rest.join('/')}`);
    default:
      return notAvailable(`/${name}`);
  }
}

function endpointTable(name: string): Table | Decision {
  switch (name) {
    case '_all_docs':
      return { ...getHead(READ), POST: json('member', 'keys') };
    case '_changes':
      return { ...getHead(READ), POST: json('member', 'changes') };
    case '_bulk_docs':
      return { POST: json('member', 'bulkDocs') };
    case '_bulk_get':
      return { POST: json('member', 'bulkGet') };
    case '_revs_diff':
      return { POST: json('member', 'revsDiff') };
    case '_ensure_full_commit':
      return { POST: { level: 'member', body: 'optionalJson', shape: 'any' } };
    case '_view_cleanup':
      return {
        POST: {
          level: 'dbAdmin',
          body: 'none',
          denial: 'unauthorized',
          reason: 'You are not a server or db admin.',
        },
      };
    case '_revs_limit':
      return { ...getHead(READ), PUT: json('dbAdmin', 'any') };
    case '_compact':
      return {
        POST: {
          level: 'dbAdmin',
          body: 'optionalJson',
          shape: 'any',
          denial: 'unauthorized',
          reason: 'You are not a server or db admin.',
        },
      };
    case '_purge':
      return { POST: json('serverAdmin', 'purge') };
    case '_find':
    case '_explain':
      // Not used by the app; the server admin keeps Mango for maintenance (selectors checked).
      return { POST: json('serverAdmin', 'find') };
    case '_index':
      return { ...getHead(ADMIN_ONLY), POST: json('serverAdmin', 'index'), DELETE: ADMIN_ONLY };
    default:
      return notAvailable(`/{db}/${name}`);
  }
}

function designTable(rest: string[]): Table | Decision {
  const [first, second] = rest;
  if (first === undefined) {
    return {
      ...getHead(READ),
      PUT: json('serverAdmin', 'designDocument', DDOC_WRITE),
      DELETE: { ...ADMIN_ONLY, ...DDOC_WRITE },
    };
  }
  if (!first.startsWith('_')) {
    // An attachment of the design document.
    return {
      ...getHead(READ),
      PUT: { level: 'serverAdmin', body: 'attachment', ...DDOC_WRITE },
      DELETE: { ...ADMIN_ONLY, ...DDOC_WRITE },
    };
  }
  if (first === '_view' && second !== undefined && rest.length === 2) {
    // Views run design-document JavaScript: server admin only, and only code it wrote (ddocTrust.ts).
    return { ...getHead(ADMIN_ONLY), POST: json('serverAdmin', 'keys') };
  }
  if (first === '_info' && rest.length === 1) return getHead(ADMIN_ONLY);
  return notAvailable(`design document function ${first}`);
}

function dbTable(target: DbTarget): Table | Decision {
  switch (target.type) {
    case 'db':
      return { ...getHead(READ), PUT: ADMIN_ONLY, DELETE: ADMIN_ONLY, POST: json('member', 'document') };
    case 'security':
      return { ...getHead(READ), PUT: json('dbAdmin', 'security') };
    case 'endpoint':
      return endpointTable(target.name);
    case 'doc': {
      if (target.attachment !== undefined) {
        return { ...getHead(READ), PUT: { level: 'member', body: 'attachment' }, DELETE: READ };
      }
      return { ...getHead(READ), PUT: json('member', 'document'), DELETE: READ };
    }
    case 'local':
      return { ...getHead(READ), PUT: json('member', 'local'), DELETE: READ };
    case 'design':
      return designTable(target.rest);
    case 'unknown':
      return notAvailable(`/{db}/${target.name}`);
    default: {
      const never: never = target;
      throw new Error(`unknown target ${JSON.stringify(never)}`);
    }
  }
}

function tableFor(route: Route): Table | Decision {
  switch (route.kind) {
    case 'root':
      return getHead({ level: 'open', body: NONE });
    case 'session':
      return {
        ...getHead({ level: 'open', body: NONE }),
        POST: json('open', 'session'),
        DELETE: { level: 'open', body: NONE },
      };
    case 'public':
      return getHead({ level: 'open', body: NONE });
    case 'serverAdmin':
      return serverTable(route.name, route.rest);
    case 'db':
      return dbTable(route.target);
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

/** Decides `method` on `route`: allowed with a {@link Permit}, 405, or refused. */
export function decide(method: string, route: Route): Decision {
  if (route.kind === 'db' && route.db === USERS_DB)
    return usersDbDecision(method, route.target, decideOrdinary(method, route));
  return decideOrdinary(method, route);
}

function decideOrdinary(method: string, route: Route): Decision {
  if (route.kind === 'db' && route.target.type === 'local' && RESERVED_LOCAL_IDS.has(route.target.docId)) {
    return method === 'GET' || method === 'HEAD'
      ? { kind: 'refuse', status: 404, error: 'not_found', reason: 'missing' }
      : { kind: 'refuse', status: 403, error: 'forbidden', reason: `${route.target.docId} is reserved` };
  }
  const table = tableFor(route);
  if (isDecision(table)) return table;
  const permit = table[method];
  if (permit) return { kind: 'allow', permit };
  return { kind: 'methodNotAllowed', allowed: Object.keys(table).sort() };
}

function isDecision(value: Table | Decision): value is Decision {
  return typeof (value as { kind?: unknown }).kind === 'string';
}
