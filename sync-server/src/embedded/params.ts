import { badRequest, queryParseError } from '../errors';

/**
 * Query-parameter validation. express-pouchdb JSON-parses every parameter and hands the result to
 * PouchDB unchecked (`?limit=abc` used to kill the process); CouchDB rejects wrong types with
 * 400 `query_parse_error` (integers, booleans) or 400 `bad_request` (JSON values, enums).
 * See https://docs.couchdb.org/en/stable/api/ddoc/views.html and .../api/database/changes.html.
 */

/** A parsed query string: one string per parameter (the last one wins, as in CouchDB). */
export type QueryParams = Record<string, string>;

const INTEGER_PARAMS = new Set(['limit', 'skip', 'group_level', 'timeout', 'seq_interval']);
const BOOLEAN_PARAMS = new Set([
  'conflicts',
  'descending',
  'include_docs',
  'inclusive_end',
  'reduce',
  'group',
  'update_seq',
  'sorted',
  'stable',
  'attachments',
  'att_encoding_info',
  'latest',
  'local_seq',
  'meta',
  'revs',
  'revs_info',
  'deleted_conflicts',
  'include_design',
  'partitioned',
]);
const JSON_PARAMS = new Set(['key', 'startkey', 'endkey', 'start_key', 'end_key']);
const JSON_ARRAY_PARAMS = new Set(['keys', 'atts_since', 'doc_ids']);
const ENUMS: Record<string, readonly string[]> = {
  feed: ['normal', 'longpoll', 'continuous', 'eventsource', 'live'],
  style: ['main_only', 'all_docs'],
  update: ['true', 'false', 'lazy'],
  stale: ['ok', 'update_after'],
};
/** `_changes` filters the embedded server runs. Design-document filters are refused (see docs/embedded-server.md). */
export const ALLOWED_FILTERS = new Set(['_doc_ids', '_selector', '_design']);

/** Parses a raw query string into {@link QueryParams} (Express's `query parser` setting). */
export function parseQueryString(raw: string): QueryParams {
  const out: QueryParams = Object.create(null) as QueryParams;
  for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
  return out;
}

function isNonNegativeInteger(v: string): boolean {
  return /^\d{1,15}$/.test(v);
}

function parseJson(name: string, v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    throw badRequest(`invalid_json: the ${name} parameter must be JSON`);
  }
}

/** Throws a CouchDB-style 400 for the first invalid parameter. */
export function validateQueryParams(q: QueryParams): void {
  for (const [name, v] of Object.entries(q)) {
    if (INTEGER_PARAMS.has(name)) {
      if (!isNonNegativeInteger(v)) throw queryParseError(`Invalid value for integer: "${v}"`);
    } else if (BOOLEAN_PARAMS.has(name)) {
      if (v !== 'true' && v !== 'false') throw queryParseError(`Invalid boolean parameter: "${v}"`);
    } else if (JSON_PARAMS.has(name)) {
      parseJson(name, v);
    } else if (JSON_ARRAY_PARAMS.has(name)) {
      if (!Array.isArray(parseJson(name, v))) throw badRequest(`the ${name} parameter must be a JSON array`);
    } else if (name === 'heartbeat') {
      if (v !== 'true' && !isNonNegativeInteger(v)) throw queryParseError(`Invalid heartbeat value: "${v}"`);
    } else if (name === 'since' || name === 'last-event-id') {
      if (v !== 'now' && !/^\d{1,15}(-.*)?$/.test(v)) throw queryParseError(`Invalid since value: "${v}"`);
    } else if (name === 'open_revs') {
      if (v !== 'all' && !Array.isArray(parseJson(name, v)))
        throw badRequest('open_revs must be "all" or a JSON array of revisions');
    } else if (name === 'filter') {
      if (!ALLOWED_FILTERS.has(v)) {
        throw badRequest(
          `filter "${v}" is not supported by the embedded server (only _doc_ids, _selector, _design); use a selector`,
        );
      }
    } else if (name in ENUMS) {
      const allowed = ENUMS[name] ?? [];
      if (!allowed.includes(v)) throw badRequest(`Supported \`${name}\` values: ${allowed.join(', ')}`);
    }
  }
}
