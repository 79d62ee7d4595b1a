import { CouchHttpError, badRequest, documentTooLarge } from '../errors';
import { checkDesignDoc } from './ddocShape';

/**
 * Shape and size checks of documents, pure. express-pouchdb trusts bodies (a malformed
 * `_attachments` or `_revisions` used to kill the process or store a document that killed every
 * later `_changes`); CouchDB rejects them (couch_doc.erl). Where CouchDB 3.4.3 itself crashes
 * (500) or accepts something PouchDB cannot store, the embedded server answers 400; the answers
 * are recorded next to CouchDB's in tests/conformance.
 * https://docs.couchdb.org/en/stable/config/couchdb.html#couchdb/max_document_size (8 MB, 413)
 */

/** Limits applied by the guard. */
export interface BodyLimits {
  /** Largest document body (JSON, attachments excluded), CouchDB's `max_document_size`. */
  maxDocumentBytes: number;
  /** Largest request body, CouchDB's `max_http_request_size`. */
  maxRequestBytes: number;
  /** Deepest JSON nesting of a request body. */
  maxJsonDepth: number;
  /** Most documents (or ids, keys, revisions lists) per request. */
  maxBulkDocs: number;
}

/** CouchDB 3 defaults for the document size; our caps for requests (see docs/embedded-server.md). */
export const DEFAULT_LIMITS: BodyLimits = {
  maxDocumentBytes: 8_000_000,
  maxRequestBytes: 80 * 1024 * 1024,
  maxJsonDepth: 64,
  maxBulkDocs: 10_000,
};

type Json = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function docValidation(reason: string): CouchHttpError {
  return new CouchHttpError(400, 'doc_validation', reason);
}

/** 400 `illegal_docid`. */
export function illegalDocId(reason: string): CouchHttpError {
  return new CouchHttpError(400, 'illegal_docid', reason);
}

/** Special members CouchDB accepts in a written document (couch_doc:transfer_fields). */
const SPECIAL_MEMBERS = new Set([
  '_id',
  '_rev',
  '_deleted',
  '_attachments',
  '_revisions',
  '_revs_info',
  '_conflicts',
  '_deleted_conflicts',
  '_local_seq',
]);

const REV_RE = /^([1-9]\d{0,14})-(\S+)$/;

/** True for a revision PouchDB can store: `N-hash` with N ≥ 1 (CouchDB also takes `0-x` and `1-`). */
export function isStorableRev(rev: unknown): rev is string {
  return typeof rev === 'string' && REV_RE.test(rev);
}

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * True for standard base64 (whitespace ignored, as CouchDB's decoder does). A plain loop: an
 * attachment reaches 70 MB of base64, where a regular expression overflows the stack or takes
 * seconds.
 */
export function isBase64(data: string): boolean {
  let chars = 0;
  let padding = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (isSpace(c)) continue;
    chars++;
    if (c === 61) padding++;
    else if (padding > 0 || !isBase64Char(c)) return false;
  }
  return chars % 4 === 0 && padding <= 2;
}

/** Throws CouchDB's answers for a malformed `_attachments` (400 where CouchDB 3.4.3 answers 500). */
export function checkAttachments(doc: Json): void {
  const atts = doc._attachments;
  if (atts === undefined) return;
  if (!isObject(atts)) throw docValidation('Bad special document member: _attachments');
  for (const [name, att] of Object.entries(atts)) {
    const invalid = badRequest(`Invalid attachment data for ${name}`);
    if (!isObject(att)) throw invalid;
    if (att.content_type !== undefined && typeof att.content_type !== 'string') throw invalid;
    // `follows` parts exist only in multipart/related uploads, which the embedded server refuses.
    if (att.follows !== undefined) throw invalid;
    if (att.stub === true) continue;
    if (typeof att.data !== 'string' || !isBase64(att.data)) throw invalid;
    // CouchDB's decoder skips whitespace; PouchDB's atob refuses it (500 badarg).
    if (att.data.length < 1_000_000 && /\s/.test(att.data)) att.data = att.data.replace(/\s+/g, '');
  }
}

/** `_revisions` as CouchDB checks it, plus what PouchDB needs to store a sane revision tree. */
function checkRevisions(doc: Json): void {
  const r = doc._revisions;
  if (r === undefined) return;
  if (!isObject(r)) throw docValidation('Bad special document member: _revisions');
  if (typeof r.start !== 'number' || !Number.isInteger(r.start))
    throw docValidation("_revisions.start isn't an integer.");
  if (!Array.isArray(r.ids)) throw docValidation("_revisions.ids isn't a array.");
  if (!r.ids.every((id) => typeof id === 'string')) throw docValidation("RevId isn't a string");
  if (r.ids.length === 0) throw docValidation('_revisions.ids must not be empty');
  if (r.start < 1 || r.start > Number.MAX_SAFE_INTEGER || r.ids.length > r.start)
    throw docValidation('_revisions.start must be at least the number of ids');
  if (r.ids.some((id) => id === '' || /\s/.test(id as string)))
    throw docValidation('_revisions.ids must be revision hashes');
}

/** Where a document is written, for the id rules. */
export interface DocContext {
  /** `_bulk_docs` with `new_edits: false` (replication). */
  newEditsFalse?: boolean;
  /** The request is the server admin's (design documents by id in a body). */
  serverAdmin?: boolean;
}

/** Checks the `_id` of a document in a body (`POST /{db}`, `_bulk_docs`): reserved ids stay at their own URLs. */
export function checkBodyId(doc: Json): void {
  const id = doc._id;
  if (id === undefined) return;
  if (typeof id !== 'string') throw illegalDocId('Document id must be a string');
  if (id === '') throw illegalDocId('Document id must not be empty');
  if (id.startsWith('_local/'))
    throw illegalDocId('Local documents are written at /{db}/_local/{id} only on the embedded server.');
  if (id.startsWith('_') && !id.startsWith('_design/'))
    throw illegalDocId('Only reserved document ids may start with underscore.');
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
export function checkDocument(
  doc: unknown,
  limits: BodyLimits,
  rawBytes?: number,
  ctx: DocContext = {},
): asserts doc is Json {
  if (!isObject(doc)) throw badRequest('Document must be a JSON object');
  for (const key of Object.keys(doc)) {
    if (key.startsWith('_') && !SPECIAL_MEMBERS.has(key))
      throw docValidation(`Bad special document member: ${key}`);
  }
  if (doc._id !== undefined && typeof doc._id !== 'string')
    throw illegalDocId('Document id must be a string');
  if (doc._rev !== undefined && !isStorableRev(doc._rev)) throw badRequest('Invalid rev format');
  if (doc._deleted !== undefined && typeof doc._deleted !== 'boolean')
    throw docValidation('Bad special document member: _deleted');
  checkAttachments(doc);
  checkRevisions(doc);
  if (ctx.newEditsFalse) {
    if (doc._rev === undefined && doc._revisions === undefined)
      throw badRequest('When `new_edits: false`, the document needs `_rev` or `_revisions` specified');
    if (typeof doc._id !== 'string')
      throw illegalDocId('With `new_edits: false` every document needs an _id.');
  }
  if (typeof doc._id === 'string' && doc._id.startsWith('_design/')) checkDesignDoc(doc);
  if (rawBytes !== undefined && rawBytes <= limits.maxDocumentBytes) return;
  if (documentBodyBytes(doc) > limits.maxDocumentBytes)
    throw documentTooLarge(typeof doc._id === 'string' ? doc._id : '');
}

/** 413 for a request carrying more than `max` documents, ids or keys. */
export function tooMany(what: string, max: number): CouchHttpError {
  return new CouchHttpError(
    413,
    'too_large',
    `the request entity is too large: at most ${max} ${what} per request`,
  );
}

/** Validates a `_bulk_docs` body and returns its documents. */
export function checkBulkDocs(body: unknown, limits: BodyLimits, rawBytes?: number): Json[] {
  if (!isObject(body)) throw badRequest('Request body must be a JSON object');
  if (body.docs === undefined) throw badRequest("Missing JSON list of 'docs'");
  if (!Array.isArray(body.docs)) throw badRequest('`docs` parameter must be an array.');
  if (body.new_edits !== undefined && typeof body.new_edits !== 'boolean')
    throw badRequest('`new_edits` parameter must be a boolean.');
  if (body.docs.length > limits.maxBulkDocs) throw tooMany('documents', limits.maxBulkDocs);
  const ctx: DocContext = { newEditsFalse: body.new_edits === false };
  for (const doc of body.docs) {
    if (isObject(doc)) checkBodyId(doc);
    checkDocument(doc, limits, rawBytes, ctx);
  }
  return body.docs as Json[];
}
