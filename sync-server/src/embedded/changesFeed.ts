import type { Request, Response } from 'express';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CouchHttpError } from '../errors';
import type { QueryParams } from './params';
import { SelectorFilter } from './selector';

/**
 * `_changes` feeds the guard serves itself:
 *  - live feeds (`continuous`, `longpoll`): express-pouchdb's never ended a continuous feed (it
 *    ignores `timeout`) and never cancelled the PouchDB listener when the client went away; CouchDB
 *    ends the feed after `timeout` ms (default 60 s) with `last_seq`
 *    (https://docs.couchdb.org/en/stable/api/database/changes.html);
 *  - every `filter=_selector` feed: express-pouchdb reads only `doc_ids` from a POST body, and
 *    PouchDB would evaluate the selector in one unbounded synchronous pass; here it is evaluated
 *    page by page, each page under a time bound (selector.ts), yielding between pages.
 */

/** The PouchDB changes API used here. */
export interface ChangesDb {
  changes(
    opts: Record<string, unknown>,
  ): ChangesFeed & PromiseLike<{ results: Change[]; last_seq: number | string }>;
  info(): Promise<{ update_seq: number | string }>;
}

/** One change as PouchDB reports it. */
export interface Change {
  seq: number | string;
  id: string;
  doc?: Record<string, unknown>;
  [k: string]: unknown;
}

interface ChangesFeed {
  on(event: 'change', fn: (change: Change) => void): ChangesFeed;
  on(event: 'error' | 'complete', fn: (err?: unknown) => void): ChangesFeed;
  cancel(): void;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** Changes read per page when the guard filters by selector. */
const PAGE = 200;

interface Plan {
  opts: Record<string, unknown>;
  /** Set for `filter=_selector`: the guard filters, PouchDB reads with include_docs. */
  filter?: SelectorFilter;
  includeDocs: boolean;
}

function plan(q: QueryParams, body: unknown): Plan {
  const includeDocs = q.include_docs === 'true';
  const opts: Record<string, unknown> = {
    since: q.since === undefined ? 0 : q.since === 'now' ? 'now' : Number(q.since),
    include_docs: includeDocs,
    conflicts: q.conflicts === 'true',
    attachments: q.attachments === 'true',
    style: q.style ?? 'main_only',
    return_docs: false,
  };
  if (q.limit !== undefined) opts.limit = Math.max(1, Number(q.limit));
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (q.filter === '_doc_ids') opts.doc_ids = b.doc_ids ?? (q.doc_ids ? JSON.parse(q.doc_ids) : []);
  if (q.filter === '_design')
    opts.filter = (doc: { _id?: string }) => typeof doc._id === 'string' && doc._id.startsWith('_design/');
  if (q.filter !== '_selector') return { opts, includeDocs };
  const selector = b.selector;
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector))
    throw new CouchHttpError(400, 'bad_request', 'Selector must be specified in POST payload');
  opts.include_docs = true;
  return { opts, includeDocs, filter: new SelectorFilter(selector as Record<string, unknown>) };
}

function shaped(change: Change, includeDocs: boolean): Change {
  if (includeDocs) return change;
  const { doc: _doc, ...rest } = change;
  return rest as Change;
}

/** Reads the changes after `since` that pass the selector, page by page, up to `limit`. */
async function readFiltered(
  db: ChangesDb,
  p: Plan,
  since: number | string,
): Promise<{ results: Change[]; lastSeq: number | string }> {
  const filter = p.filter as SelectorFilter;
  const limit = typeof p.opts.limit === 'number' ? p.opts.limit : Infinity;
  const results: Change[] = [];
  let lastSeq: number | string = since;
  for (;;) {
    const page = await db.changes({ ...p.opts, since, limit: PAGE, live: false, return_docs: true });
    const keep = filter.matches(page.results.map((c) => c.doc ?? {}));
    for (const [i, change] of page.results.entries()) {
      lastSeq = change.seq;
      if (!keep[i]) continue;
      results.push(shaped(change, p.includeDocs));
      if (results.length >= limit) return { results, lastSeq };
    }
    if (page.results.length < PAGE) return { results, lastSeq: page.last_seq };
    since = page.last_seq;
    await yieldToEventLoop();
  }
}

/** Serves a normal (one-shot) feed filtered by selector, page by page. */
export async function serveNormalChanges(
  res: Response,
  db: ChangesDb,
  q: QueryParams,
  body: unknown,
): Promise<void> {
  const p = plan(q, body);
  const since = p.opts.since === 'now' ? (await db.info()).update_seq : (p.opts.since as number | string);
  const { results, lastSeq } = await readFiltered(db, p, since);
  res.status(200).type('application/json');
  res.end(JSON.stringify({ results, last_seq: lastSeq, pending: 0 }) + '\n');
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
  const p = plan(q, req.body);
  if (p.opts.since === 'now') p.opts.since = (await db.info()).update_seq;
  const longpoll = q.feed === 'longpoll';
  if (longpoll) {
    // Changes already there are answered at once, all of them (up to `limit`), as CouchDB does.
    const first = p.filter
      ? await readFiltered(db, p, p.opts.since as number | string)
      : await db
          .changes({ ...p.opts, live: false, return_docs: true })
          .then((r) => ({ results: r.results, lastSeq: r.last_seq }));
    if (first.results.length > 0) {
      res.status(200).type('application/json');
      res.end(JSON.stringify({ results: first.results, last_seq: first.lastSeq, pending: 0 }) + '\n');
      return;
    }
    p.opts.since = first.lastSeq;
  }
  res.status(200).type('application/json');

  await new Promise<void>((resolve) => {
    let lastSeq: number | string = p.opts.since as number | string;
    let count = 0;
    const limit = typeof p.opts.limit === 'number' ? p.opts.limit : Infinity;
    const results: Change[] = [];
    const pending: Change[] = [];
    let flushing = false;
    let finished = false;
    let idle: NodeJS.Timeout | undefined;
    const feed = db.changes({ ...p.opts, live: true });
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
    const emit = (change: Change): void => {
      count += 1;
      if (longpoll) {
        results.push(shaped(change, p.includeDocs));
        finish();
        return;
      }
      if (!res.writableEnded) res.write(JSON.stringify(shaped(change, p.includeDocs)) + '\n');
      if (count >= limit) finish();
      else arm();
    };
    const flush = (): void => {
      flushing = false;
      const batch = pending.splice(0, PAGE);
      let keep: boolean[];
      try {
        keep = p.filter ? p.filter.matches(batch.map((c) => c.doc ?? {})) : batch.map(() => true);
      } catch {
        finish();
        return;
      }
      for (const [i, change] of batch.entries()) {
        if (finished) return;
        lastSeq = change.seq;
        if (keep[i]) emit(change);
      }
      if (pending.length > 0 && !finished) schedule();
    };
    const schedule = (): void => {
      if (flushing) return;
      flushing = true;
      setImmediate(flush);
    };
    arm();
    feed.on('change', (change) => {
      if (finished) return;
      pending.push(change);
      schedule();
    });
    feed.on('error', () => finish());
    res.on('close', finish);
    req.on('aborted', finish);
  });
}
