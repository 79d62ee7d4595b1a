/**
 * The worker's CouchDB client: plain `fetch` over the CouchDB HTTP API (no library), so the worker
 * runs the same against Apache CouchDB 3.x and the embedded server. 404 and 409 are answers the
 * worker acts on; other failures throw {@link CouchHttpError} and are retried by the caller.
 */
import { allDocsPage, allDocsPageQuery } from '../../../core/allDocsPaging';

/** A failed request: network error (status undefined) or an unexpected HTTP status. */
export class CouchHttpError extends Error {
  /** HTTP status, or undefined when the server could not be reached. */
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CouchHttpError';
    this.status = status;
  }
}

/** A document as the worker sees it: open JSON with `_id` and `_rev`. */
export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [key: string]: unknown;
}

/** Outcome of a conditional write. */
export type PutResult = { ok: true; rev: string } | { ok: false; conflict: true };

/** A row of `_all_docs?include_docs=true`. */
export interface AllDocsRow {
  id: string;
  key: string;
  doc?: CouchDoc | null;
}

/**
 * The response body, or the abort's error as soon as `signal` fires: Node's fetch can leave
 * `text()` pending for ever when the abort lands mid-body (nodejs/node#56917), which would hang
 * whoever waits for the request — a stopping worker.
 */
function readText(res: Response, signal: AbortSignal | undefined): Promise<string> {
  if (!signal) return res.text();
  return new Promise<string>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
      void res.body?.cancel().catch(() => undefined);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    res
      .text()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Minimal CouchDB client bound to one server URL (credentials taken from the URL). */
export class CouchHttp {
  /** Base URL without credentials and without a trailing slash. */
  readonly base: string;
  private readonly auth: string | undefined;

  constructor(url: string) {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new Error(`not an http(s) URL: ${u.protocol}`);
    this.auth = u.username
      ? 'Basic ' +
        Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')
      : undefined;
    u.username = '';
    u.password = '';
    this.base = u.toString().replace(/\/$/, '');
  }

  /** One request; resolves with status and parsed body; throws only for network failures. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.auth) headers['authorization'] = this.auth;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.base}/${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new CouchHttpError(`${method} /${path}: ${(err as Error).message}`, undefined, { cause: err });
    }
    const text = await readText(res, signal);
    let parsed: unknown = undefined;
    try {
      parsed = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  }

  /** Like {@link request} but throws unless the status is one of `ok`. */
  async expect(
    method: string,
    path: string,
    ok: readonly number[],
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: unknown }> {
    const r = await this.request(method, path, body, signal);
    if (!ok.includes(r.status)) {
      const b = r.body as { error?: string; reason?: string } | undefined;
      throw new CouchHttpError(
        `${method} /${path}: ${r.status} ${b?.error ?? ''} ${b?.reason ?? ''}`.trim(),
        r.status,
      );
    }
    return r;
  }

  /**
   * A document, or undefined when missing or deleted. `everyCopy`: read it from every copy of a
   * cluster (`r=3`; CouchDB caps r at the database's n, so a single node answers as usual): when
   * the copies disagree CouchDB repairs the lagging one before it answers (fabric_doc_open
   * read_repair), so a write read back this way is on every copy.
   */
  async get(db: string, id: string, opts: { everyCopy?: boolean } = {}): Promise<CouchDoc | undefined> {
    const q = opts.everyCopy ? '?r=3' : '';
    const r = await this.expect('GET', `${enc(db)}/${encId(id)}${q}`, [200, 404]);
    return r.status === 200 ? (r.body as CouchDoc) : undefined;
  }

  /** Writes a document; `{ conflict: true }` when its `_rev` is stale (or it already exists). */
  async put(db: string, doc: CouchDoc): Promise<PutResult> {
    const r = await this.expect('PUT', `${enc(db)}/${encId(doc._id)}`, [200, 201, 202, 409], doc);
    if (r.status === 409) return { ok: false, conflict: true };
    return { ok: true, rev: (r.body as { rev: string }).rev };
  }

  /** Every document whose id starts with `prefix`, in id order, fetched in pages (core/allDocsPaging.ts). */
  async *scan(db: string, prefix: string, pageSize = 1000): AsyncGenerator<CouchDoc> {
    let after: string | undefined;
    do {
      const page = allDocsPageQuery(pageSize, after);
      const q = new URLSearchParams({
        startkey: JSON.stringify(page.startkey ?? prefix),
        endkey: JSON.stringify(`${prefix}\ufff0`),
        include_docs: 'true',
        limit: String(page.limit),
      });
      const r = await this.expect('GET', `${enc(db)}/_all_docs?${q.toString()}`, [200]);
      const { rows, next } = allDocsPage((r.body as { rows: AllDocsRow[] }).rows, pageSize, after);
      for (const row of rows) if (row.doc) yield row.doc;
      after = next;
    } while (after !== undefined);
  }
}

/** The generation (the number before the dash) of a revision; 0 for none. */
export function revGeneration(rev: string | undefined): number {
  return Number.parseInt(rev ?? '0', 10) || 0;
}

function enc(db: string): string {
  return encodeURIComponent(db);
}

/** Encodes a document id for a URL path (`_local/x` and `_design/x` keep their slash). */
export function encId(id: string): string {
  const m = /^(_local|_design)\/(.*)$/.exec(id);
  return m ? `${m[1]}/${encodeURIComponent(m[2] ?? '')}` : encodeURIComponent(id);
}

/** Capped exponential backoff with "equal jitter" (a random delay in the upper half): attempt 0 → up to `initialMs`, doubling to `maxMs`. */
export function backoffDelay(
  attempt: number,
  initialMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** Resolves after `ms`, or early (without rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `fn` until it succeeds or `signal` aborts, backing off after each failure (200 ms → 30 s)
 * and logging it: for start-up work that must not hold up the rest of the worker.
 */
export async function retryUntilDone(
  what: string,
  fn: () => Promise<unknown>,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<void> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      await fn();
      return;
    } catch (err) {
      if (signal.aborted) return;
      log(`${what}: ${(err as Error).message}; retrying`);
      await sleep(backoffDelay(attempt, 200, 30_000), signal);
    }
  }
}
