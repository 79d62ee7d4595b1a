import type { NextFunction, Request, Response } from 'express';
import {
  CouchHttpError,
  badRequest,
  denied,
  forbidden,
  illegalDatabaseName,
  internalError,
  isCouchHttpError,
  methodNotAllowed,
  notFound,
  queryParseError,
  unauthorized,
} from '../errors';
import { hasAccess, isDbAdmin, isServerAdmin, type SecurityObject } from './access';
import { decide, type Permit } from './allowList';
import type { Authenticator, Identity } from './authn';
import type { BodyLimits } from './bodies';
import { handleBody } from './guardBody';
import { serve, type ServedDb } from './guardServe';
import type { DesignDocTrust } from './ddocTrust';
import { validateQueryParams, type QueryParams } from './params';
import { classifyRoute, isValidDbName, type Route } from './routes';
import { admitToUsersDb } from './usersDb';

/**
 * The guard: an Express middleware in front of express-pouchdb that lets through only what the
 * allow-list (allowList.ts) permits, and answers like CouchDB 3 (see docs/embedded-server.md).
 * Order per request, as CouchDB: route and query checks → identity → database existence →
 * access level → method → content type and body checks. Anything it lets through is served by
 * express-pouchdb with the identity the guard decided on, and validation.ts on every write.
 */

/** What the guard needs from the server around it. */
export interface GuardDeps {
  auth: Authenticator;
  serverAdminNames: ReadonlySet<string>;
  dbExists(name: string): Promise<boolean>;
  getSecurity(name: string): Promise<SecurityObject>;
  putSecurity(name: string, sec: SecurityObject): Promise<void>;
  limits: BodyLimits;
  logger: (line: string) => void;
  /** Called after a request that may have changed a database's existence or security. */
  onDbChanged(name: string): void;
  /** Unwrapped database handles (live `_changes`, `_purge`, `_view_cleanup`, design-document reads). */
  rawDb(name: string): ServedDb;
  trust: DesignDocTrust;
  /** The `[admins]` section (name → hash), served at `/_node/{node}/_config/admins`. */
  admins: Readonly<Record<string, string>>;
}

/** Request fields the guard sets (`couchSession` is what express-pouchdb's routes read). */
export interface GuardedRequest extends Request {
  courtdesk?: { identity: Identity; route: Route };
  couchSession?: {
    ok: true;
    userCtx: { name: string | null; roles: string[] };
    info: Record<string, unknown>;
  };
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

const MEMBER_DENIED = {
  anonymous: 'You are not authorized to access this db.',
  authenticated: 'You are not allowed to access this db.',
};

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
    const route = classifyRoute(req.path);
    const q = req.query as QueryParams;
    validateQueryParams(q);
    if (q.since !== undefined && q.since !== 'now') q.since = q.since.replace(/-.*$/, '');
    if (route.kind === 'db' && !isValidDbName(route.db)) throw illegalDatabaseName(route.db);
    if (route.kind === 'public' && route.name === '_uuids') checkUuidCount(q.count);

    const identity = await deps.auth.identify(req);
    if (identity.setCookie) res.setHeader('Set-Cookie', identity.setCookie);
    req.courtdesk = { identity, route };
    req.couchSession = {
      ok: true,
      userCtx: { name: identity.ctx.name, roles: [...identity.ctx.roles] },
      info: { authentication_handlers: ['cookie', 'default'], authenticated: identity.handler ?? undefined },
    };
    const admin = isServerAdmin(identity.ctx, deps.serverAdminNames);
    let decision = decide(req.method, route);
    if (decision.kind === 'usersDb') decision = admitToUsersDb(decision, identity.authenticated, admin);

    if (decision.kind !== 'allow') {
      if (route.kind === 'db') await requireMember(route.db, identity, admin);
      else if (!admin && route.kind === 'serverAdmin') throw unauthorized('You are not a server admin.');
      if (decision.kind === 'methodNotAllowed') throw methodNotAllowed(decision.allowed);
      if (decision.kind === 'usersDb') throw internalError('nested _users decision');
      throw new CouchHttpError(decision.status, decision.error, decision.reason);
    }
    await checkAccess(decision.permit, route, identity, admin);
    if (
      decision.permit.level === 'serverAdmin' &&
      (route.kind === 'serverAdmin' || (route.kind === 'db' && route.target.type === 'db'))
    ) {
      // Creates, deletes, replications with create_target…: forget what we cached.
      res.on('finish', () => deps.onDbChanged(route.kind === 'db' ? route.db : ''));
    }
    if (route.kind === 'serverAdmin' && route.name === '_node') {
      // CouchDB 3 serves config under /_node/{node}/_config; express-pouchdb under /_config.
      req.url = req.url.replace(/^\/_node\/[^/]+(?=\/)/, '');
    }
    await handleBody(req, { route, permit: decision.permit, limits: deps.limits });
    return !(await serve(deps, req, res, route, identity));
  }

  async function requireMember(db: string, identity: Identity, admin: boolean): Promise<void> {
    if (!(await deps.dbExists(db))) throw notFound('Database does not exist.');
    if (admin) return;
    if (!hasAccess('member', identity.ctx, await deps.getSecurity(db), deps.serverAdminNames))
      throw denied(
        identity.authenticated,
        identity.authenticated ? MEMBER_DENIED.authenticated : MEMBER_DENIED.anonymous,
      );
  }

  async function checkAccess(
    permit: Permit,
    route: Route,
    identity: Identity,
    admin: boolean,
  ): Promise<void> {
    const authenticated = identity.authenticated;
    switch (permit.level) {
      case 'open':
        return;
      case 'serverAdmin': {
        const isDbRoute = route.kind === 'db';
        const createsOrDeletesDb = isDbRoute && route.target.type === 'db';
        if (admin) {
          if (isDbRoute && !createsOrDeletesDb && !(await deps.dbExists(route.db)))
            throw notFound('Database does not exist.');
          return;
        }
        const reason = permit.reason ?? 'You are not a server admin.';
        if (permit.denial !== 'forbidden' || !isDbRoute) throw unauthorized(reason);
        await requireMember(route.db, identity, admin);
        throw authenticated ? forbidden(reason) : unauthorized(reason);
      }
      case 'member':
      case 'dbAdmin': {
        if (route.kind !== 'db') throw internalError('database level without a database');
        await requireMember(route.db, identity, admin);
        if (permit.level === 'member' || admin) return;
        if (isDbAdmin(identity.ctx, await deps.getSecurity(route.db), deps.serverAdminNames)) return;
        const reason = permit.reason ?? 'You are not a db or server admin.';
        throw permit.denial === 'unauthorized' || !authenticated ? unauthorized(reason) : forbidden(reason);
      }
      default: {
        const never: never = permit.level;
        throw new Error(`unknown level ${String(never)}`);
      }
    }
  }
}

/** `[uuids] max_count` (CouchDB default 1000): anyone may call `_uuids`, so the count is capped. */
function checkUuidCount(count: string | undefined): void {
  if (count === undefined) return;
  if (!/^\d{1,15}$/.test(count) || Number(count) < 1)
    throw queryParseError(`Invalid value for integer: "${count}"`);
  if (Number(count) > 1000) throw badRequest('count parameter too large');
}
