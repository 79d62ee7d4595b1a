import type { NextFunction, Request, Response } from 'express';
import {
  CouchHttpError,
  badRequest,
  queryParseError,
  denied,
  illegalDatabaseName,
  internalError,
  isCouchHttpError,
  methodNotAllowed,
  notFound,
  unauthorized,
} from '../errors';
import { hasAccess, isServerAdmin, type SecurityObject } from './access';
import { identify, type AuthDb, type Identity } from './authn';
import type { BodyLimits } from './bodies';
import { handleBody, planBody } from './guardBody';
import { validateQueryParams, type QueryParams } from './params';
import { classifyRoute, isValidDbName, type Route } from './routes';
import { decide } from './rules';
import { admitToUsersDb } from './usersDb';
import { serveLiveChanges, serveNormalChanges, type ChangesDb } from './changesFeed';

/**
 * The guard: an Express middleware in front of express-pouchdb that makes it answer like CouchDB 3
 * on security (see docs/embedded-server.md for the list of holes it closes). Order per request, as
 * CouchDB: route and query checks → identity → database existence → access level → body checks.
 * Anything it lets through is served by express-pouchdb, with validation.ts on every write.
 */

/** What the guard needs from the server around it. */
export interface GuardDeps {
  authDb: () => Promise<AuthDb>;
  serverAdminNames: ReadonlySet<string>;
  dbExists(name: string): Promise<boolean>;
  getSecurity(name: string): Promise<SecurityObject>;
  limits: BodyLimits;
  logger: (line: string) => void;
  /** Called after a request that may have changed a database's existence or security. */
  onDbChanged(name: string): void;
  /** Stores a `_security` object (express-pouchdb's security part is replaced by the guard). */
  putSecurity(name: string, sec: SecurityObject): Promise<void>;
  /** The database for live `_changes` feeds. */
  changesDb(name: string): ChangesDb;
  /** Removes stale view indexes (express-pouchdb's route never answers on PouchDB 9). */
  viewCleanup(name: string): Promise<void>;
}

/** What GET /{db}/_security shows for a database whose security was never set (CouchDB 3 default). */
export const DEFAULT_SECURITY: SecurityObject = {
  admins: { names: [], roles: ['_admin'] },
  members: { names: [], roles: ['_admin'] },
};

/** Request fields the guard sets. */
export interface GuardedRequest extends Request {
  courtdesk?: { identity: Identity; route: Route };
}

/** Sends a CouchDB-style error (JSON body, `error`/`reason`). */
export function sendCouchError(res: Response, err: CouchHttpError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (err.status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="server"');
  res
    .status(err.status)
    .type('application/json')
    .send(JSON.stringify(err.toBody()) + '\n');
}

/** Creates the guard middleware. */
export function createGuard(deps: GuardDeps) {
  return function guard(req: GuardedRequest, res: Response, next: NextFunction): void {
    run(req, res).then(
      (proceed) => {
        if (proceed) next();
      },
      (err: unknown) => {
        if (isCouchHttpError(err)) {
          sendCouchError(res, err);
          return;
        }
        deps.logger(
          `guard error on ${req.method} ${req.originalUrl}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        sendCouchError(res, internalError());
      },
    );
  };

  async function run(req: GuardedRequest, res: Response): Promise<boolean> {
    const proceed = await authorize(req, res);
    if (!proceed) return false;
    const route = (req.courtdesk as { route: Route }).route;
    if (route.kind === 'db' && route.target.type === 'security') {
      if (req.method === 'PUT') {
        await deps.putSecurity(route.db, req.body as SecurityObject);
        sendJson(res, 200, { ok: true });
      } else {
        const sec = await deps.getSecurity(route.db);
        sendJson(res, 200, Object.keys(sec).length === 0 ? DEFAULT_SECURITY : sec);
      }
      return false;
    }
    if (route.kind === 'db' && route.target.type === 'endpoint' && route.target.name === '_view_cleanup') {
      await deps.viewCleanup(route.db);
      sendJson(res, 202, { ok: true });
      return false;
    }
    if (route.kind === 'db' && route.target.type === 'endpoint' && route.target.name === '_revs_limit') {
      // PouchDB keeps 1000 revisions (CouchDB's default) and cannot change it per database.
      if (req.method === 'GET') res.status(200).type('application/json').send('1000\n');
      else
        throw new CouchHttpError(
          501,
          'not_implemented',
          '_revs_limit cannot be changed on the embedded server',
        );
      return false;
    }
    const q = req.query as QueryParams;
    if (
      route.kind === 'db' &&
      route.target.type === 'endpoint' &&
      route.target.name === '_changes' &&
      (q.feed === 'continuous' || q.feed === 'longpoll')
    ) {
      await serveLiveChanges(req, res, deps.changesDb(route.db), q);
      return false;
    }
    if (
      route.kind === 'db' &&
      route.target.type === 'endpoint' &&
      route.target.name === '_changes' &&
      q.filter === '_selector'
    ) {
      await serveNormalChanges(res, deps.changesDb(route.db), q, req.body);
      return false;
    }
    return true;
  }

  async function authorize(req: GuardedRequest, res: Response): Promise<boolean> {
    const route = classifyRoute(req.path);
    validateQueryParams(req.query as QueryParams);
    normalizeQuery(req.query as QueryParams);
    if (route.kind === 'db' && !isValidDbName(route.db)) throw illegalDatabaseName(route.db);
    if (route.kind === 'public' && route.name === '_uuids') checkUuidCount((req.query as QueryParams).count);

    const identity = await identify(req, await deps.authDb());
    req.courtdesk = { identity, route };
    const admin = isServerAdmin(identity.ctx, deps.serverAdminNames);
    let decision = decide(req.method, route);
    if (decision.kind === 'usersDb') decision = admitToUsersDb(decision, identity.authenticated, admin);

    switch (decision.kind) {
      case 'open':
        break;
      case 'serverAdmin':
        if (!admin) throw unauthorized('You are not a server admin.');
        // Creates, deletes, replications with create_target…: forget what we cached.
        res.on('finish', () => deps.onDbChanged(route.kind === 'db' ? route.db : ''));
        if (route.kind === 'serverAdmin' && route.name === '_node') {
          // CouchDB 3 serves config under /_node/{node}/_config; express-pouchdb under /_config.
          req.url =
            req.url.replace(/^\/_node\/(?:_local|nonode@nohost|node1@127\.0\.0\.1)(?=\/|$)/, '') || '/';
        }
        break;
      case 'methodNotAllowed':
        throw methodNotAllowed(decision.allowed);
      case 'usersDb':
        throw internalError('nested _users decision');
      case 'db':
      case 'refuse': {
        if (route.kind !== 'db') throw internalError('database decision without a database');
        if (!(await deps.dbExists(route.db))) throw notFound('Database does not exist.');
        const sec = await deps.getSecurity(route.db);
        if (!hasAccess(decision.level, identity.ctx, sec, deps.serverAdminNames)) {
          const reason = decision.level === 'member' ? undefined : 'You are not a db or server admin.';
          throw denied(identity.authenticated, reason);
        }
        if (decision.kind === 'refuse')
          throw new CouchHttpError(decision.status, decision.error, decision.reason);
        break;
      }
      default: {
        const never: never = decision;
        throw new Error(`unknown decision ${JSON.stringify(never)}`);
      }
    }

    await handleBody(req, route, planBody(req.method, route, req.headers['content-type']), deps.limits);
    return true;
  }
}

/** `[uuids] max_count` (CouchDB default 1000): anyone may call `_uuids`, so the count is capped. */
function checkUuidCount(count: string | undefined): void {
  if (count === undefined) return;
  if (!/^\d{1,15}$/.test(count) || Number(count) < 1)
    throw queryParseError(`Invalid value for integer: "${count}"`);
  if (Number(count) > 1000) throw badRequest('count parameter too large');
}

function sendJson(res: Response, status: number, body: unknown): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify(body) + '\n');
}

/** Rewrites parameter values PouchDB would misread (CouchDB-style `since=N-opaque` → `N`). */
function normalizeQuery(q: QueryParams): void {
  if (q.since !== undefined && q.since !== 'now') q.since = q.since.replace(/-.*$/, '');
}
