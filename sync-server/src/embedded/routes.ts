import { badRequest } from '../errors';

/**
 * Classification of a request path into what the guard must authorise. Pure: no I/O.
 * CouchDB's URL space: `/` and `/_xxx` server endpoints, `/{db}` and `/{db}/…` database endpoints.
 */
export type Route =
  | { kind: 'root' }
  | { kind: 'session' }
  /** Server endpoints any client may call (`/_uuids`, `/_up`). */
  | { kind: 'public'; name: string }
  /** Server endpoints only a server admin may call (`/_all_dbs`, `/_config`, `/_replicate`…). */
  | { kind: 'serverAdmin'; name: string; rest: string[] }
  | { kind: 'db'; db: string; target: DbTarget };

/** What inside a database a request addresses. */
export type DbTarget =
  | { type: 'db' }
  | { type: 'security' }
  /** `_all_docs`, `_changes`, `_bulk_docs`, `_find`… (see {@link DB_ENDPOINTS}). */
  | { type: 'endpoint'; name: DbEndpoint }
  | { type: 'doc'; docId: string; attachment?: string }
  | { type: 'local'; docId: string }
  /** `_design/x`, its attachments and its functions (`_view`, `_info`…). */
  | { type: 'design'; docId: string; rest: string[] }
  | { type: 'unknown'; name: string };

/** Database endpoints the guard knows (anything else starting with `_` is refused). */
export const DB_ENDPOINTS = [
  '_all_docs',
  '_changes',
  '_bulk_docs',
  '_bulk_get',
  '_revs_diff',
  '_missing_revs',
  '_find',
  '_index',
  '_explain',
  '_purge',
  '_compact',
  '_view_cleanup',
  '_revs_limit',
  '_ensure_full_commit',
  '_design_docs',
  '_local_docs',
] as const;
/** One of {@link DB_ENDPOINTS}. */
export type DbEndpoint = (typeof DB_ENDPOINTS)[number];

const PUBLIC_SERVER = new Set(['_uuids', '_up']);

/** CouchDB's database name rule (plus the system databases). */
const DB_NAME_RE = /^[a-z][a-z0-9_$()+/-]*$/;
/** System databases CouchDB knows. */
export const SYSTEM_DBS = new Set(['_users', '_replicator', '_global_changes']);

/** True for a valid CouchDB database name (system databases included). */
export function isValidDbName(name: string): boolean {
  return SYSTEM_DBS.has(name) || (name.length <= 238 && DB_NAME_RE.test(name));
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('Malformed percent-encoding in the URL path.');
  }
}

/** Splits a raw request path (without query) into decoded segments; `/a//b/` → ['a', 'b']. */
export function pathSegments(rawPath: string): string[] {
  const path = rawPath.split('?')[0] ?? '';
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map(decode);
}

/** Classifies a raw request path (e.g. `req.originalUrl`). Throws a 400 for bad encodings. */
export function classifyRoute(rawPath: string): Route {
  const segs = pathSegments(rawPath);
  const first = segs[0];
  if (first === undefined) return { kind: 'root' };
  if (first === '_session') return { kind: 'session' };
  if (first.startsWith('_') && !SYSTEM_DBS.has(first)) {
    if (PUBLIC_SERVER.has(first) && segs.length === 1) return { kind: 'public', name: first };
    return { kind: 'serverAdmin', name: first, rest: segs.slice(1) };
  }
  return { kind: 'db', db: first, target: classifyDbTarget(segs.slice(1)) };
}

function classifyDbTarget(segs: string[]): DbTarget {
  const [a, b, ...rest] = segs;
  if (a === undefined) return { type: 'db' };
  // An encoded slash (`_design%2Fx`) arrives as one segment.
  if (a.startsWith('_design/'))
    return { type: 'design', docId: a, rest: b === undefined ? [] : [b, ...rest] };
  if (a.startsWith('_local/')) return { type: 'local', docId: a };
  if (a === '_design' || a === '_local') {
    if (b === undefined) return { type: 'unknown', name: a };
    if (a === '_design') return { type: 'design', docId: `_design/${b}`, rest };
    return { type: 'local', docId: `_local/${[b, ...rest].join('/')}` };
  }
  if (a === '_security' && b === undefined) return { type: 'security' };
  if (a.startsWith('_')) {
    if ((DB_ENDPOINTS as readonly string[]).includes(a)) {
      return { type: 'endpoint', name: a as DbEndpoint };
    }
    return { type: 'unknown', name: a };
  }
  if (b === undefined) return { type: 'doc', docId: a };
  return { type: 'doc', docId: a, attachment: [b, ...rest].join('/') };
}
