/**
 * CouchDB-style HTTP errors. CouchDB answers every failure with a status and a JSON body
 * `{ "error": <short name>, "reason": <text> }`; clients (PouchDB, nano, our renderer) branch on
 * the status and the `error` field, so the embedded server must produce the same pair.
 */

/** The JSON body CouchDB sends with an error status. */
export interface CouchErrorBody {
  error: string;
  reason: string;
}

/** An error that knows its CouchDB status and body; thrown inside the guard, sent by its handler. */
export class CouchHttpError extends Error {
  /** HTTP status code. */
  readonly status: number;
  /** CouchDB `error` field. */
  readonly error: string;

  constructor(status: number, error: string, reason: string) {
    super(reason);
    this.name = 'CouchHttpError';
    this.status = status;
    this.error = error;
  }

  /** The body to send. */
  toBody(): CouchErrorBody {
    return { error: this.error, reason: this.message };
  }
}

/** 400 `bad_request` (malformed body or request). */
export function badRequest(reason: string): CouchHttpError {
  return new CouchHttpError(400, 'bad_request', reason);
}

/** 400 `query_parse_error` (a query parameter of the wrong type), as CouchDB's view/changes parsers. */
export function queryParseError(reason: string): CouchHttpError {
  return new CouchHttpError(400, 'query_parse_error', reason);
}

/** 400 `illegal_database_name`. */
export function illegalDatabaseName(name: string): CouchHttpError {
  return new CouchHttpError(
    400,
    'illegal_database_name',
    `Name: '${name}'. Only lowercase characters (a-z), digits (0-9), and any of the characters _, $, (, ), +, -, and / are allowed. Must begin with a letter.`,
  );
}

/** 401 `unauthorized`: no (valid) credentials, or a server-admin-only resource. */
export function unauthorized(reason = 'You are not authorized to access this db.'): CouchHttpError {
  return new CouchHttpError(401, 'unauthorized', reason);
}

/** 403 `forbidden`: authenticated but not allowed. */
export function forbidden(reason = 'You are not allowed to access this db.'): CouchHttpError {
  return new CouchHttpError(403, 'forbidden', reason);
}

/** 404 `not_found`. */
export function notFound(reason = 'missing'): CouchHttpError {
  return new CouchHttpError(404, 'not_found', reason);
}

/** 405 `method_not_allowed`. */
export function methodNotAllowed(allowed: readonly string[]): CouchHttpError {
  return new CouchHttpError(405, 'method_not_allowed', `Only ${allowed.join(',')} allowed`);
}

/** 413 `document_too_large` (a document body over `max_document_size`). */
export function documentTooLarge(docId: string): CouchHttpError {
  return new CouchHttpError(413, 'document_too_large', docId);
}

/** 413 `too_large` (the whole request over the request size limit). */
export function requestTooLarge(): CouchHttpError {
  return new CouchHttpError(413, 'too_large', 'the request entity is too large');
}

/** 415 `bad_content_type`. */
export function badContentType(reason: string): CouchHttpError {
  return new CouchHttpError(415, 'bad_content_type', reason);
}

/** 500 `internal_server_error` for anything unexpected (never leaks a stack trace). */
export function internalError(reason = 'An unexpected error occurred.'): CouchHttpError {
  return new CouchHttpError(500, 'internal_server_error', reason);
}

/** Denial with CouchDB's split: anonymous → 401 unauthorized, authenticated → 403 forbidden. */
export function denied(authenticated: boolean, reason?: string): CouchHttpError {
  return authenticated
    ? forbidden(reason ?? 'You are not allowed to access this db.')
    : unauthorized(reason ?? 'You are not authorized to access this db.');
}

/** True when `value` is a {@link CouchHttpError}. */
export function isCouchHttpError(value: unknown): value is CouchHttpError {
  return value instanceof CouchHttpError;
}
