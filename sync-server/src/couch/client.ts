/**
 * A thin nano-based CouchDB client for provisioning and administration. It speaks only the
 * CouchDB HTTP API, so the same code works against Apache CouchDB 3.x (single node or cluster)
 * and the embedded server.
 */
import nano from 'nano';

/** The nano server scope used throughout `setup/`. */
export type CouchClient = nano.ServerScope;

/** Creates a client for a CouchDB URL that carries the admin's credentials (`http://u:p@host:port`). */
export function createCouchClient(adminUrl: string): CouchClient {
  const url = new URL(adminUrl); // throws a clear TypeError on a malformed URL
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`not an http(s) URL: ${redactUrl(adminUrl)}`);
  return nano({ url: url.toString().replace(/\/$/, '') });
}

/** The URL without user and password, safe to print or show a browser. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '<invalid URL>';
  }
}

/** The HTTP status of a nano error, or undefined for a network-level failure. */
export function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** A short, readable description of a nano/network error (status, CouchDB error, reason). */
export function describeCouchError(err: unknown): string {
  const e = err as {
    statusCode?: number;
    error?: string;
    reason?: string;
    description?: string;
    message?: string;
    code?: string;
  } | null;
  if (!e) return String(err);
  if (typeof e.statusCode === 'number')
    return `${e.statusCode} ${e.error ?? ''}: ${e.reason ?? e.description ?? e.message ?? ''}`.trim();
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return `${e.message ?? String(err)}${cause?.code ? ` (${cause.code})` : e.code ? ` (${e.code})` : ''}`;
}
