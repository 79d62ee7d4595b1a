import { CouchHttpError, badRequest, documentTooLarge } from '../errors';
import { checkDesignDoc } from './ddocShape';

/**
 * Shape and size checks of request bodies, pure. express-pouchdb trusts bodies (a malformed
 * `_attachments` used to kill the process; `max_document_size` was 4 GiB); CouchDB rejects them:
 * https://docs.couchdb.org/en/stable/config/couchdb.html#couchdb/max_document_size (8 MB, 413
 * `document_too_large`) and https://docs.couchdb.org/en/stable/api/document/common.html.
 */

/** Limits applied by the guard. */
export interface BodyLimits {
  /** Largest document body (JSON, attachments excluded), CouchDB's `max_document_size`. */
  maxDocumentBytes: number;
  /** Largest request body, CouchDB's `max_http_request_size`. */
  maxRequestBytes: number;
}

/** CouchDB 3 defaults for the document size, and our request cap for attachments and bulk uploads. */
export const DEFAULT_LIMITS: BodyLimits = { maxDocumentBytes: 8_000_000, maxRequestBytes: 80 * 1024 * 1024 };

type Json = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws 400 `doc_validation` when `_attachments` is malformed. */
export function checkAttachments(doc: Json): void {
  const atts = doc._attachments;
  if (atts === undefined) return;
  if (!isObject(atts)) throw docValidation('Bad special document member: _attachments');
  for (const [name, att] of Object.entries(atts)) {
    if (!isObject(att)) throw badRequest(`Attachment ${name} must be a JSON object`);
    if (att.content_type !== undefined && typeof att.content_type !== 'string')
      throw badRequest(`Attachment ${name}: content_type must be a string`);
    if (att.stub === true || att.follows === true) continue;
    if (typeof att.data !== 'string')
      throw badRequest(`Attachment ${name}: data must be a base64 string (or stub: true)`);
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(att.data))
      throw badRequest(`Attachment ${name}: data is not valid base64`);
  }
}

function docValidation(reason: string): CouchHttpError {
  return new CouchHttpError(400, 'doc_validation', reason);
}

/** `_revisions` (replication) must be `{ start: int, ids: [string] }`. */
function checkRevisions(doc: Json): void {
  const r = doc._revisions;
  if (r === undefined) return;
  if (
    !isObject(r) ||
    typeof r.start !== 'number' ||
    !Number.isInteger(r.start) ||
    r.start < 0 ||
    !Array.isArray(r.ids) ||
    !r.ids.every((id) => typeof id === 'string')
  ) {
    throw docValidation('_revisions must be {start: integer, ids: [string]}');
  }
}

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

/** Byte size of a document body as CouchDB measures it for `max_document_size` (attachments excluded). */
export function documentBodyBytes(doc: Json): number {
  if (doc._attachments === undefined) return Buffer.byteLength(JSON.stringify(doc));
  const { _attachments: _ignored, ...body } = doc;
  return Buffer.byteLength(JSON.stringify(body));
}

/**
 * Validates one document of a write. `rawBytes` is the size of the whole request when known:
 * when it is below the limit no document can exceed it, so the per-document measure is skipped.
 */
export function checkDocument(doc: unknown, limits: BodyLimits, rawBytes?: number): asserts doc is Json {
  if (!isObject(doc)) throw badRequest('Document must be a JSON object');
  if (doc._id !== undefined && typeof doc._id !== 'string') throw badRequest('Document id must be a string');
  if (doc._rev !== undefined && typeof doc._rev !== 'string')
    throw badRequest('Document rev must be a string');
  if (doc._deleted !== undefined && typeof doc._deleted !== 'boolean')
    throw docValidation('_deleted must be a boolean');
  checkAttachments(doc);
  checkRevisions(doc);
  if (typeof doc._id === 'string' && doc._id.startsWith('_design/')) checkDesignDoc(doc);
  if (rawBytes !== undefined && rawBytes <= limits.maxDocumentBytes) return;
  if (documentBodyBytes(doc) > limits.maxDocumentBytes)
    throw documentTooLarge(typeof doc._id === 'string' ? doc._id : '');
}

/** Validates a `_bulk_docs` body and returns its documents. */
export function checkBulkDocs(body: unknown, limits: BodyLimits, rawBytes?: number): Json[] {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (!Array.isArray(body.docs)) throw badRequest("Missing JSON list of 'docs'");
  if (body.new_edits !== undefined && typeof body.new_edits !== 'boolean')
    throw badRequest('`new_edits` parameter must be a boolean.');
  for (const doc of body.docs) checkDocument(doc, limits, rawBytes);
  return body.docs as Json[];
}

/** Validates a `_bulk_get` body. */
export function checkBulkGet(body: unknown): Array<{ id: string }> {
  if (!isObject(body) || !Array.isArray(body.docs))
    throw badRequest('Request body must be a JSON object with a docs list');
  for (const d of body.docs) {
    if (!isObject(d) || typeof d.id !== 'string') throw badRequest('Every entry of docs needs a string id');
    if (d.rev !== undefined && typeof d.rev !== 'string') throw badRequest('rev must be a string');
    if (d.atts_since !== undefined && !Array.isArray(d.atts_since))
      throw badRequest('atts_since must be a list');
  }
  return body.docs as Array<{ id: string }>;
}

/** Validates a `_revs_diff`/`_missing_revs`/`_purge` body: `{ id: [rev, …] }`. */
export function checkRevsMap(body: unknown): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  for (const revs of Object.values(body)) {
    if (!Array.isArray(revs) || !revs.every((r) => typeof r === 'string'))
      throw badRequest('Every value must be a list of revisions');
  }
}

/** Validates a `_find`/`_explain` body. */
export function checkFind(body: unknown): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (!isObject(body.selector)) throw badRequest('selector must be a JSON object');
  for (const k of ['limit', 'skip'] as const) {
    const v = body[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0))
      throw badRequest(`${k} must be a non-negative integer`);
  }
  if (
    body.fields !== undefined &&
    (!Array.isArray(body.fields) || !body.fields.every((x) => typeof x === 'string'))
  )
    throw badRequest('fields must be a list of field names');
  if (body.sort !== undefined && (!Array.isArray(body.sort) || !body.sort.every(isSortField)))
    throw badRequest('sort must be a list of fields or {field: "asc"|"desc"}');
  if (body.bookmark !== undefined && typeof body.bookmark !== 'string')
    throw badRequest('bookmark must be a string');
  const useIndex = body.use_index;
  if (useIndex !== undefined && typeof useIndex !== 'string' && !Array.isArray(useIndex))
    throw badRequest('use_index must be a string or a list');
}

/** Validates a `POST _index` body. */
export function checkIndex(body: unknown): void {
  if (!isObject(body) || !isObject(body.index)) throw badRequest('Missing required key: index');
  if (
    !Array.isArray(body.index.fields) ||
    body.index.fields.length === 0 ||
    !body.index.fields.every(isSortField)
  ) {
    throw badRequest('index.fields must be a non-empty list of fields or {field: "asc"|"desc"}');
  }
  if (body.index.partial_filter_selector !== undefined && !isObject(body.index.partial_filter_selector))
    throw badRequest('partial_filter_selector must be a JSON object');
  for (const k of ['ddoc', 'name', 'type'] as const) {
    if (body[k] !== undefined && typeof body[k] !== 'string') throw badRequest(`${k} must be a string`);
  }
}

/** Validates a `POST _all_docs` / `_design_docs` / `_local_docs` body. */
export function checkKeysBody(body: unknown): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (body.keys !== undefined && !Array.isArray(body.keys))
    throw badRequest('`keys` body member must be an array.');
}

/** Validates a `POST _changes` body. */
export function checkChangesBody(body: unknown): void {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (body.doc_ids !== undefined && !Array.isArray(body.doc_ids))
    throw badRequest('`doc_ids` must be a list');
  if (body.selector !== undefined && !isObject(body.selector))
    throw badRequest('`selector` must be a JSON object');
}
