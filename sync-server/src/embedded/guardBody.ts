import type { Request } from 'express';
import { badContentType, badRequest, CouchHttpError, requestTooLarge } from '../errors';
import { securityObjectProblem } from './access';
import type { Permit } from './allowList';
import { checkBodyId, checkBulkDocs, checkDocument, isObject, tooMany, type BodyLimits } from './bodies';
import {
  checkBulkGet,
  checkChangesBody,
  checkFind,
  checkIndex,
  checkKeysBody,
  checkPurge,
  checkRevsDiff,
  checkSessionBody,
} from './requestBodies';
import type { Route } from './routes';

/**
 * Request bodies in the guard: the content type is checked against the allow-list (JSON routes
 * take `application/json` only, which also closes the `text/plain` cross-site-request path), JSON
 * bodies are read once here within the size and nesting limits, checked per route, and handed on
 * as `req.body` with `req._body = true`, which makes express-pouchdb's body-parser skip them.
 * Attachment uploads are streamed through untouched after a length check.
 */

type BodyRequest = Request & { _body?: boolean; rawBodyLength?: number };

/** True for CouchDB's accepted JSON content type: exactly `application/json`, parameters allowed. */
export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && value.split(';')[0] === 'application/json';
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

/** Limits of {@link readJson}. */
interface ReadLimits {
  maxBytes: number;
  maxDepth: number;
  /** For `{"docs": [...]}` bodies: most documents (values opened at depth 3), counted while reading. */
  maxDocs?: number;
}

/**
 * Streams a JSON body in, refusing it past `maxBytes` (413), `maxDepth` nesting (400) or
 * `maxDocs` documents (413, before the body is even parsed).
 */
function readJson(req: Request, { maxBytes, maxDepth, maxDocs }: ReadLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      reject(requestTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let depth = 0;
    let docs = 0;
    let inString = false;
    let escaped = false;
    let failed: CouchHttpError | null = null;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) failed = requestTooLarge();
      for (let i = 0; !failed && i < chunk.length; i++) {
        const b = chunk[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (b === 0x5c) escaped = true;
          else if (b === 0x22) inString = false;
        } else if (b === 0x22) inString = true;
        else if (b === 0x7b || b === 0x5b) {
          if (++depth > maxDepth) failed = badRequest(`JSON nested deeper than ${maxDepth} levels`);
          else if (depth === 3 && maxDocs !== undefined && ++docs > maxDocs)
            failed = tooMany('documents', maxDocs);
        } else if (b === 0x7d || b === 0x5d) depth--;
      }
      if (failed) reject(failed);
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks as Uint8Array[], size));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** What the body checks need to know about the request. */
export interface BodyContext {
  route: Route;
  permit: Permit;
  limits: BodyLimits;
}

/** Reads, parses and checks the body per the permit; throws CouchDB-style errors. */
export async function handleBody(req: BodyRequest, c: BodyContext): Promise<void> {
  const { permit, limits } = c;
  if (permit.body === 'none' || permit.body === 'raw') return;
  const contentType = req.headers['content-type'];
  if (permit.body === 'attachment') {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limits.maxRequestBytes) throw requestTooLarge();
    if (declared === undefined && req.headers['transfer-encoding'] !== undefined)
      throw new CouchHttpError(
        411,
        'bad_request',
        'Attachment uploads need a Content-Length header on the embedded server.',
      );
    return;
  }
  if (!isJsonContentType(contentType)) {
    if (/^multipart\//i.test(contentType ?? '') && permit.shape === 'document')
      throw badContentType(
        'multipart document uploads are not supported by the embedded server; send JSON with inline attachments',
      );
    throw badContentType('Content-Type must be application/json');
  }
  if (permit.body === 'optionalJson' && !hasBody(req)) {
    req.body = {};
    req._body = true;
    return;
  }
  const bulk = permit.shape === 'bulkDocs' || permit.shape === 'bulkGet';
  const raw = await readJson(req, {
    maxBytes: limits.maxRequestBytes,
    maxDepth: limits.maxJsonDepth,
    ...(bulk ? { maxDocs: limits.maxBulkDocs } : {}),
  });
  req.rawBodyLength = raw.length;
  const text = raw.toString('utf8');
  let body: unknown;
  if (text.trim() === '') {
    if (permit.body !== 'optionalJson') throw badRequest('Missing request body');
    body = {};
  } else {
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest('invalid UTF-8 JSON');
    }
  }
  checkShape(c, req.method, body, raw.length);
  req.body = body;
  req._body = true;
}

function urlDocId(route: Route): string | undefined {
  if (route.kind !== 'db') return undefined;
  const t = route.target;
  return t.type === 'doc' || t.type === 'local' || t.type === 'design' ? t.docId : undefined;
}

function checkShape(c: BodyContext, method: string, body: unknown, rawBytes: number): void {
  const { limits } = c;
  switch (c.permit.shape) {
    case 'document':
    case 'designDocument': {
      const id = urlDocId(c.route);
      // The URL id wins, as in CouchDB: a body `_id` never chooses where a PUT writes.
      if (id !== undefined && isObject(body)) body._id = id;
      else if (isObject(body)) checkBodyId(body);
      checkDocument(body, limits, rawBytes);
      return;
    }
    case 'local':
      if (!isObject(body)) throw badRequest('Document must be a JSON object');
      body._id = urlDocId(c.route);
      return;
    case 'security': {
      const problem = securityObjectProblem(body);
      if (problem) throw badRequest(problem);
      return;
    }
    case 'bulkDocs':
      checkBulkDocs(body, limits, rawBytes);
      return;
    case 'bulkGet':
      checkBulkGet(body, limits);
      return;
    case 'revsDiff':
      checkRevsDiff(body, limits);
      return;
    case 'purge':
      checkPurge(body);
      return;
    case 'changes':
      checkChangesBody(body, limits);
      return;
    case 'keys':
      checkKeysBody(body, limits);
      return;
    case 'find':
      checkFind(body);
      return;
    case 'index':
      if (method === 'POST') checkIndex(body);
      return;
    case 'session':
      checkSessionBody(body);
      return;
    case 'replicate':
      if (!isObject(body)) throw badRequest('Request body must be a JSON object');
      return;
    case 'any':
    case undefined:
      return;
    default: {
      const never: never = c.permit.shape;
      throw new Error(`unknown shape ${String(never)}`);
    }
  }
}
