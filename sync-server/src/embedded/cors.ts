import type { NextFunction, Request, Response } from 'express';

/**
 * CORS for the embedded server, as CouchDB's `[chttpd] enable_cors` + `[cors] credentials = true`
 * (https://docs.couchdb.org/en/stable/config/http.html#cross-origin-resource-sharing): the renderer
 * served on another loopback port (dev server, kiosk, end-to-end tests) signs in with a `_session`
 * cookie. Only listed origins are echoed; the default admits loopback origins only.
 */

/** Allowed origins: exact strings (e.g. `app://courtdesk`) or 'loopback' for http(s)://127.0.0.1|localhost|[::1]:any. */
export type CorsOrigins = ReadonlyArray<string>;

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/** True when `origin` may read responses. */
export function isAllowedOrigin(origin: string, allowed: CorsOrigins): boolean {
  if (allowed.includes(origin)) return true;
  return allowed.includes('loopback') && LOOPBACK_ORIGIN.test(origin);
}

/** The middleware; answers preflight requests itself. */
export function createCors(allowed: CorsOrigins) {
  return function cors(req: Request, res: Response, next: NextFunction): void {
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !isAllowedOrigin(origin, allowed)) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE, COPY');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'accept, authorization, content-type, origin, referer, x-requested-with, if-match, destination',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    res.setHeader(
      'Access-Control-Expose-Headers',
      'content-type, cache-control, etag, accept-ranges, location, server, x-couch-request-id',
    );
    next();
  };
}
