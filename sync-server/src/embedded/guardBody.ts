import type { Request } from 'express';
import { badContentType, badRequest, requestTooLarge, CouchHttpError } from '../errors';
import type { Route } from './routes';
import {
  checkBulkDocs,
  checkBulkGet,
  checkChangesBody,
  checkDocument,
  checkFind,
  checkIndex,
  checkKeysBody,
  checkRevsMap,
  isObject,
  type BodyLimits,
} from './bodies';
import { securityObjectProblem } from './access';
import { checkDesignDoc } from './ddocShape';

/**
 * Request bodies in the guard: JSON bodies are read once here (with the request size limit), checked
 * (bodies.ts), and handed on as `req.body` with `req._body = true`, which makes express-pouchdb's
 * body-parser skip them. Attachment uploads are streamed through untouched after a length check.
 */

type BodyRequest = Request & { _body?: boolean; rawBodyLength?: number };

/** How the guard treats the body of a request. */
export type BodyPlan = 'none' | 'json' | 'jsonIfPresent' | 'upload' | 'passthrough';

/** Which body handling `method` on `route` gets. */
export function planBody(method: string, route: Route, contentType: string | undefined): BodyPlan {
  if (method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'COPY') return 'none';
  const isJsonType =
    contentType === undefined || /^application\/json\b/i.test(contentType) || contentType === '';
  switch (route.kind) {
    case 'root':
    case 'public':
      return 'none';
    case 'session':
      return isJsonType ? 'jsonIfPresent' : 'passthrough';
    case 'serverAdmin':
      // Admin-only; express-pouchdb parses these itself (`PUT /_config/…` reads the raw body).
      return 'passthrough';
    case 'db': {
      const t = route.target;
      if (t.type === 'doc' || t.type === 'design') {
        const isAttachment =
          t.type === 'doc'
            ? t.attachment !== undefined
            : t.rest.length > 0 && !(t.rest[0] ?? '').startsWith('_');
        if (isAttachment) return 'upload';
        if (t.type === 'design' && t.rest[0] === '_view') return 'jsonIfPresent';
        if (/^multipart\//i.test(contentType ?? '')) return 'upload';
        return 'json';
      }
      if (t.type === 'db') return method === 'POST' ? 'json' : 'jsonIfPresent';
      if (t.type === 'local' || t.type === 'security') return 'json';
      if (t.type === 'endpoint') {
        if (t.name === '_compact' || t.name === '_view_cleanup' || t.name === '_ensure_full_commit')
          return 'jsonIfPresent';
        if (t.name === '_revs_limit') return 'json';
        return 'json';
      }
      return 'jsonIfPresent';
    }
    default:
      return 'none';
  }
}

function readRaw(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      reject(requestTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(requestTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks as Uint8Array[], size));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** Reads, parses and checks the body per `plan`; throws CouchDB-style errors. */
export async function handleBody(
  req: BodyRequest,
  route: Route,
  plan: BodyPlan,
  limits: BodyLimits,
): Promise<void> {
  if (plan === 'none' || plan === 'passthrough') return;
  if (plan === 'upload') {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limits.maxRequestBytes) throw requestTooLarge();
    if (declared === undefined && req.headers['transfer-encoding'] !== undefined) {
      throw new CouchHttpError(
        411,
        'bad_request',
        'Attachment uploads need a Content-Length header on the embedded server.',
      );
    }
    if (route.kind === 'db' && route.target.type === 'doc' && route.target.attachment === undefined) {
      throw badContentType(
        'multipart document uploads are not supported by the embedded server; send JSON with inline attachments',
      );
    }
    return;
  }
  const raw = await readRaw(req, limits.maxRequestBytes);
  req.rawBodyLength = raw.length;
  let body: unknown;
  if (raw.length === 0 || raw.toString('utf8').trim() === '') {
    if (
      plan === 'json' &&
      !(
        route.kind === 'db' &&
        route.target.type === 'endpoint' &&
        ['_compact', '_view_cleanup', '_ensure_full_commit'].includes(route.target.name)
      )
    ) {
      throw badRequest('invalid_json');
    }
    body = {};
  } else {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw badRequest('invalid_json');
    }
  }
  checkShape(route, req.method, body, limits, raw.length);
  req.body = body;
  req._body = true;
}

function checkShape(route: Route, method: string, body: unknown, limits: BodyLimits, rawBytes: number): void {
  if (route.kind !== 'db') return;
  const t = route.target;
  switch (t.type) {
    case 'doc':
    case 'design':
      if (t.type === 'design' && t.rest[0] === '_view') {
        checkKeysBody(body);
        return;
      }
      checkDocument(body, limits, rawBytes);
      if (t.type === 'design' && t.rest.length === 0) checkDesignDoc(body as Record<string, unknown>);
      return;
    case 'local':
      if (!isObject(body)) throw badRequest('Document must be a JSON object');
      return;
    case 'db':
      if (method === 'POST') checkDocument(body, limits, rawBytes);
      return;
    case 'security': {
      const problem = securityObjectProblem(body);
      if (problem) throw badRequest(problem);
      return;
    }
    case 'endpoint':
      switch (t.name) {
        case '_bulk_docs':
          checkBulkDocs(body, limits, rawBytes);
          return;
        case '_bulk_get':
          checkBulkGet(body);
          return;
        case '_revs_diff':
        case '_missing_revs':
        case '_purge':
          checkRevsMap(body);
          return;
        case '_find':
        case '_explain':
          checkFind(body);
          return;
        case '_index':
          if (method === 'POST') checkIndex(body);
          return;
        case '_all_docs':
        case '_design_docs':
        case '_local_docs':
          checkKeysBody(body);
          return;
        case '_changes':
          checkChangesBody(body);
          return;
        default:
          return;
      }
    default:
      return;
  }
}
