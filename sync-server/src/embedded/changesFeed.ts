import type { Request, Response } from 'express';
import { CouchHttpError } from '../errors';
import type { QueryParams } from './params';

/**
 * `_changes?feed=continuous|longpoll` served by the guard itself. express-pouchdb's version never
 * ends a continuous feed (it ignores `timeout`) and never cancels the PouchDB listener when the
 * client goes away; CouchDB ends the feed after `timeout` ms (default 60 s) with `last_seq`
 * (https://docs.couchdb.org/en/stable/api/database/changes.html).
 */

/** The PouchDB changes API used here. */
export interface ChangesDb {
  changes(
    opts: Record<string, unknown>,
  ): ChangesFeed & PromiseLike<{ results: unknown[]; last_seq: number | string }>;
  info(): Promise<{ update_seq: number | string }>;
}

interface ChangesFeed {
  on(event: 'change', fn: (change: { seq: number | string }) => void): ChangesFeed;
  on(event: 'error' | 'complete', fn: (err?: unknown) => void): ChangesFeed;
  cancel(): void;
}

const DEFAULT_TIMEOUT_MS = 60_000;

function feedOptions(q: QueryParams, body: unknown): Record<string, unknown> {
  const opts: Record<string, unknown> = {
    since: q.since === undefined ? 0 : q.since === 'now' ? 'now' : Number(q.since),
    include_docs: q.include_docs === 'true',
    conflicts: q.conflicts === 'true',
    attachments: q.attachments === 'true',
    style: q.style ?? 'main_only',
    return_docs: false,
  };
  if (q.limit !== undefined) opts.limit = Math.max(1, Number(q.limit));
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (q.filter === '_doc_ids') opts.doc_ids = b.doc_ids ?? (q.doc_ids ? JSON.parse(q.doc_ids) : []);
  if (q.filter === '_selector') opts.selector = b.selector;
  if (q.filter === '_design')
    opts.filter = (doc: { _id?: string }) => typeof doc._id === 'string' && doc._id.startsWith('_design/');
  return opts;
}

function write(res: Response, value: unknown): void {
  if (!res.writableEnded) res.write(JSON.stringify(value) + '\n');
}

/**
 * Serves a normal (one-shot) feed. Used for `filter=_selector`: express-pouchdb reads only
 * `doc_ids` from a POST body, so its own handler would look for a design document named
 * `_selector` and answer 404.
 */
export async function serveNormalChanges(
  res: Response,
  db: ChangesDb,
  q: QueryParams,
  body: unknown,
): Promise<void> {
  const opts = feedOptions(q, body);
  if (typeof opts.selector !== 'object' || opts.selector === null || Array.isArray(opts.selector))
    throw new CouchHttpError(400, 'bad_request', 'Selector must be specified in POST payload');
  if (opts.since === 'now') opts.since = (await db.info()).update_seq;
  const r = await db.changes({ ...opts, live: false, return_docs: true });
  res.status(200).type('application/json');
  res.end(JSON.stringify({ results: r.results, last_seq: r.last_seq }) + '\n');
}

/** Serves a continuous or longpoll feed; resolves when the response is finished. */
export async function serveLiveChanges(
  req: Request,
  res: Response,
  db: ChangesDb,
  q: QueryParams,
): Promise<void> {
  const timeoutMs = q.timeout !== undefined ? Number(q.timeout) : DEFAULT_TIMEOUT_MS;
  const heartbeatMs = q.heartbeat === undefined ? 0 : q.heartbeat === 'true' ? 60_000 : Number(q.heartbeat);
  const opts = feedOptions(q, req.body);
  if (opts.since === 'now') opts.since = (await db.info()).update_seq;
  const longpoll = q.feed === 'longpoll';
  res.status(200).type('application/json');

  if (longpoll) {
    const first = await db.changes({ ...opts, live: false, return_docs: true });
    if (first.results.length > 0) {
      res.end(JSON.stringify({ results: first.results, last_seq: first.last_seq, pending: 0 }) + '\n');
      return;
    }
  }

  await new Promise<void>((resolve) => {
    let lastSeq: number | string = opts.since as number | string;
    let count = 0;
    const limit = typeof opts.limit === 'number' ? opts.limit : Infinity;
    const results: unknown[] = [];
    let finished = false;
    let idle: NodeJS.Timeout | undefined;
    const feed = db.changes({ ...opts, live: true });
    const heartbeat =
      heartbeatMs > 0 ? setInterval(() => !res.writableEnded && res.write('\n'), heartbeatMs) : undefined;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(idle);
      if (heartbeat) clearInterval(heartbeat);
      feed.cancel();
      if (!res.writableEnded) {
        if (longpoll) res.end(JSON.stringify({ results, last_seq: lastSeq, pending: 0 }) + '\n');
        else res.end(JSON.stringify({ last_seq: lastSeq, pending: 0 }) + '\n');
      }
      resolve();
    };
    const arm = (): void => {
      clearTimeout(idle);
      idle = setTimeout(finish, timeoutMs);
    };
    arm();
    feed.on('change', (change) => {
      if (finished) return;
      lastSeq = change.seq;
      count += 1;
      if (longpoll) {
        results.push(change);
        finish();
        return;
      }
      write(res, change);
      if (count >= limit) finish();
      else arm();
    });
    feed.on('error', () => finish());
    res.on('close', finish);
    req.on('aborted', finish);
  });
}
