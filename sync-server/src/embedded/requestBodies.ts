import { CouchHttpError, badRequest } from '../errors';
import { isObject, isStorableRev, tooMany, type BodyLimits } from './bodies';
import { checkSelector } from './selector';

/**
 * Shape checks of the non-document request bodies (`_bulk_get`, `_revs_diff`, `_purge`,
 * `_changes`, `_all_docs` keys, Mango), pure. Each answers CouchDB's 400 where CouchDB answers
 * one; where CouchDB 3.4.3 crashes (500 `unknown_error`) or answers 200 with a per-entry error,
 * the embedded server refuses the request with 400 (recorded in tests/conformance/bodyAnswers.ts).
 */

/** Validates a `_bulk_get` body. */
export function checkBulkGet(body: unknown, limits: BodyLimits): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (body.docs === undefined) throw badRequest("Missing JSON list of 'docs'.");
  if (!Array.isArray(body.docs)) throw badRequest('`docs` must be a JSON list');
  if (body.docs.length > limits.maxBulkDocs) throw tooMany('documents', limits.maxBulkDocs);
  for (const d of body.docs) {
    if (!isObject(d)) throw badRequest('document must be a JSON object');
    if (typeof d.id !== 'string' || d.id === '') throw badRequest('document id missed');
    if (d.rev !== undefined && !isStorableRev(d.rev)) throw badRequest('Invalid rev format');
    if (d.atts_since !== undefined && (!Array.isArray(d.atts_since) || !d.atts_since.every(isStorableRev)))
      throw badRequest('att_since value must be array of revs.');
  }
}

/** Validates a `_revs_diff` body: `{ id: [rev, …] }`. */
export function checkRevsDiff(body: unknown, limits: BodyLimits): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  const entries = Object.values(body);
  if (entries.length > limits.maxBulkDocs) throw tooMany('document ids', limits.maxBulkDocs);
  for (const revs of entries) {
    if (!Array.isArray(revs)) throw badRequest('Every value must be a list of revisions');
    if (!revs.every(isStorableRev)) throw badRequest('Invalid rev format');
  }
}

/** CouchDB's `[purge] max_document_id_number` and `max_revisions_number`. */
const PURGE_MAX_IDS = 100;
const PURGE_MAX_REVS = 1000;

/** Validates a `_purge` body: `{ id: [rev, …] }`, CouchDB's limits. */
export function checkPurge(body: unknown): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  const entries = Object.values(body);
  if (entries.length > PURGE_MAX_IDS) throw badRequest('Exceeded maximum number of documents.');
  let revs = 0;
  for (const list of entries) {
    if (!Array.isArray(list) || !list.every((r) => typeof r === 'string'))
      throw badRequest('Invalid list of revisions');
    revs += list.length;
  }
  if (revs > PURGE_MAX_REVS) throw badRequest('Exceeded maximum number of revisions.');
}

const FIND_KEYS = new Set([
  'selector',
  'limit',
  'skip',
  'sort',
  'fields',
  'r',
  'conflicts',
  'bookmark',
  'update',
  'stable',
  'stale',
  'execution_stats',
  'use_index',
  'allow_fallback',
]);

/** A Mango field list entry: `"field"` or `{ "field": "asc" | "desc" }`. */
function isSortField(v: unknown): boolean {
  if (typeof v === 'string') return v.length > 0;
  if (!isObject(v)) return false;
  const entries = Object.entries(v);
  return (
    entries.length === 1 &&
    (entries[0]?.[1] === 'asc' || entries[0]?.[1] === 'desc') &&
    (entries[0]?.[0] ?? '') !== ''
  );
}

/** Validates a `_find`/`_explain` body (CouchDB's mango_opts answers). */
export function checkFind(body: unknown): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  for (const k of Object.keys(body))
    if (!FIND_KEYS.has(k)) throw new CouchHttpError(400, 'invalid_key', `Invalid key ${k} for this request.`);
  if (body.selector === undefined)
    throw new CouchHttpError(400, 'missing_required_key', 'Missing required key: selector');
  checkSelector(body.selector, 'invalid_operator');
  for (const k of ['limit', 'skip'] as const) {
    const v = body[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0))
      throw new CouchHttpError(
        400,
        'invalid_non_neg_integer',
        `${JSON.stringify(v)} is not an integer greater than or equal to zero`,
      );
  }
  if (
    body.fields !== undefined &&
    (!Array.isArray(body.fields) || !body.fields.every((x) => typeof x === 'string'))
  )
    throw new CouchHttpError(400, 'invalid_fields', 'Fields must be an array of strings');
  if (body.sort !== undefined && (!Array.isArray(body.sort) || !body.sort.every(isSortField)))
    throw new CouchHttpError(400, 'invalid_sort_field', 'Invalid sort field');
  if (body.bookmark !== undefined && typeof body.bookmark !== 'string')
    throw badRequest('bookmark must be a string');
  const useIndex = body.use_index;
  if (useIndex !== undefined && typeof useIndex !== 'string' && !Array.isArray(useIndex))
    throw badRequest('use_index must be a string or a list');
}

/** Validates a `POST _index` body. */
export function checkIndex(body: unknown): void {
  if (!isObject(body) || !isObject(body.index))
    throw new CouchHttpError(400, 'missing_required_key', 'Missing required key: index');
  if (
    !Array.isArray(body.index.fields) ||
    body.index.fields.length === 0 ||
    !body.index.fields.every(isSortField)
  )
    throw badRequest('index.fields must be a non-empty list of fields or {field: "asc"|"desc"}');
  if (body.index.partial_filter_selector !== undefined)
    checkSelector(body.index.partial_filter_selector, 'invalid_operator');
  for (const k of ['ddoc', 'name', 'type'] as const) {
    if (body[k] !== undefined && typeof body[k] !== 'string') throw badRequest(`${k} must be a string`);
  }
}

/** Validates a `POST _all_docs` / view body: `keys` a list. */
export function checkKeysBody(body: unknown, limits: BodyLimits): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (body.keys !== undefined && !Array.isArray(body.keys))
    throw badRequest('`keys` body member must be an array.');
  if (Array.isArray(body.keys) && body.keys.length > limits.maxBulkDocs)
    throw tooMany('keys', limits.maxBulkDocs);
}

/** Validates a `POST _changes` body (`doc_ids`, `selector`). */
export function checkChangesBody(body: unknown, limits: BodyLimits): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (body.doc_ids !== undefined) {
    if (!Array.isArray(body.doc_ids) || !body.doc_ids.every((id) => typeof id === 'string'))
      throw badRequest('`doc_ids` filter parameter is not a list of doc ids.');
    if (body.doc_ids.length > limits.maxBulkDocs) throw tooMany('document ids', limits.maxBulkDocs);
  }
  if (body.selector !== undefined) checkSelector(body.selector, 'bad_request');
}

/** Validates a `POST /_session` body. */
export function checkSessionBody(body: unknown): { name: string; password: string } {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (typeof body.name !== 'string' || body.name === '')
    throw badRequest('request body must contain a username');
  return { name: body.name, password: typeof body.password === 'string' ? body.password : '' };
}
