import type { Request, Response } from 'express';
import { CouchHttpError, forbidden } from '../errors';
import type { SecurityObject } from './access';
import type { Authenticator, Identity } from './authn';
import { serveLiveChanges, serveNormalChanges, type ChangesDb } from './changesFeed';
import type { DesignDocTrust } from './ddocTrust';
import { purgeRevision, type PurgeableDb } from './levelAdapter';
import type { QueryParams } from './params';
import { checkSessionBody } from './requestBodies';
import type { Route } from './routes';

/**
 * The requests the guard answers itself instead of express-pouchdb: `_session` (authn.ts),
 * `/_up`, `_security`, `_purge` (levelAdapter.ts), `_view_cleanup`, `_revs_limit`, live and
 * selector `_changes` feeds (changesFeed.ts), and the trust check before a view runs.
 */

/** A database handle the served requests use (unwrapped: no validation wrappers). */
export interface ServedDb extends ChangesDb, PurgeableDb {
  viewCleanup(): Promise<unknown>;
}

/** What the served requests need. */
export interface ServeDeps {
  auth: Authenticator;
  getSecurity(name: string): Promise<SecurityObject>;
  putSecurity(name: string, sec: SecurityObject): Promise<void>;
  rawDb(name: string): ServedDb;
  trust: DesignDocTrust;
  onDbChanged(name: string): void;
  /** The `[admins]` section: name → password hash (CouchDB 3.4 format). */
  admins: Readonly<Record<string, string>>;
}

/** What GET /{db}/_security shows for a database whose security was never set (CouchDB 3 default). */
export const DEFAULT_SECURITY: SecurityObject = {
  admins: { names: [], roles: ['_admin'] },
  members: { names: [], roles: ['_admin'] },
};

function sendJson(res: Response, status: number, body: unknown): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify(body) + '\n');
}

/** Answers `req` when the guard serves it; false when express-pouchdb should. */
export async function serve(
  deps: ServeDeps,
  req: Request,
  res: Response,
  route: Route,
  identity: Identity,
): Promise<boolean> {
  if (route.kind === 'session') {
    await serveSession(deps.auth, req, res, identity);
    return true;
  }
  if (route.kind === 'public' && route.name === '_up') {
    sendJson(res, 200, { status: 'ok', seeds: {} });
    return true;
  }
  if (
    route.kind === 'serverAdmin' &&
    route.name === '_node' &&
    route.rest[1] === '_config' &&
    route.rest[2] === 'admins'
  ) {
    serveAdmins(deps.admins, req, res, route.rest[3]);
    return true;
  }
  if (route.kind !== 'db') return false;
  const t = route.target;
  const q = req.query as QueryParams;
  if (t.type === 'security') {
    if (req.method === 'PUT') {
      await deps.putSecurity(route.db, req.body as SecurityObject);
      deps.onDbChanged(route.db);
      sendJson(res, 200, { ok: true });
    } else {
      const sec = await deps.getSecurity(route.db);
      sendJson(res, 200, Object.keys(sec).length === 0 ? DEFAULT_SECURITY : sec);
    }
    return true;
  }
  if (t.type === 'design' && t.rest[0] === '_view') {
    await requireTrusted(deps, route.db, t.docId);
    return false;
  }
  if (t.type !== 'endpoint') return false;
  switch (t.name) {
    case '_view_cleanup':
      await deps.rawDb(route.db).viewCleanup();
      sendJson(res, 202, { ok: true });
      return true;
    case '_revs_limit':
      // PouchDB keeps 1000 revisions (CouchDB's default) and cannot change it per database.
      if (req.method === 'PUT')
        throw new CouchHttpError(
          501,
          'not_implemented',
          '_revs_limit cannot be changed on the embedded server',
        );
      res.status(200).type('application/json').send('1000\n');
      return true;
    case '_bulk_get':
      if ((req.body as { docs: unknown[] }).docs.length > 0) return false;
      // express-pouchdb never answers an empty _bulk_get.
      sendJson(res, 200, { results: [] });
      return true;
    case '_purge':
      sendJson(res, 201, {
        purge_seq: null,
        purged: await purge(deps, route.db, req.body as Record<string, string[]>),
      });
      return true;
    case '_changes':
      if (q.feed === 'continuous' || q.feed === 'longpoll') {
        await serveLiveChanges(req, res, deps.rawDb(route.db), q);
        return true;
      }
      if (q.filter === '_selector') {
        await serveNormalChanges(res, deps.rawDb(route.db), q, req.body);
        return true;
      }
      return false;
    default:
      return false;
  }
}

async function serveSession(
  auth: Authenticator,
  req: Request,
  res: Response,
  identity: Identity,
): Promise<void> {
  if (req.method === 'POST') {
    const { name, password } = checkSessionBody(req.body);
    try {
      const { creds, cookie } = await auth.signIn(req, name, password);
      res.setHeader('Set-Cookie', cookie);
      sendJson(res, 200, { ok: true, name: creds.name, roles: creds.roles });
    } catch (err) {
      if (err instanceof CouchHttpError && err.status === 401)
        res.setHeader('Set-Cookie', auth.clearedCookie());
      throw err;
    }
    return;
  }
  if (req.method === 'DELETE') {
    res.setHeader('Set-Cookie', auth.clearedCookie());
    sendJson(res, 200, { ok: true });
    return;
  }
  const info: Record<string, unknown> = { authentication_handlers: ['cookie', 'default'] };
  if (identity.handler) info.authenticated = identity.handler;
  if (identity.authenticated) info.authentication_db = '_users';
  sendJson(res, 200, { ok: true, userCtx: { name: identity.ctx.name, roles: identity.ctx.roles }, info });
}

/**
 * `/_node/{node}/_config/admins[/name]`: read from the server's own admin record (express-pouchdb's
 * config would re-hash the value with pouchdb-auth's scheme); admins are set with the CLI.
 */
function serveAdmins(
  admins: Readonly<Record<string, string>>,
  req: Request,
  res: Response,
  name: string | undefined,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw forbidden('The embedded server’s admin is configured with courtdesk-server, not through _config.');
  if (name === undefined) {
    sendJson(res, 200, admins);
    return;
  }
  const hash = admins[name];
  if (hash === undefined) throw new CouchHttpError(404, 'not_found', 'unknown_config_value');
  sendJson(res, 200, hash);
}

/** 403 before a view runs when the server admin did not write its design document (ddocTrust.ts). */
async function requireTrusted(deps: ServeDeps, db: string, ddocId: string): Promise<void> {
  let ddoc: Record<string, unknown>;
  try {
    ddoc = await deps.rawDb(db).get(ddocId);
  } catch {
    return; // missing: express-pouchdb answers 404
  }
  if (!(await deps.trust.isTrusted(ddoc)))
    throw forbidden(
      `${ddocId} was not written by the server admin; the embedded server does not run its views`,
    );
}

/** CouchDB's `_purge`: each listed leaf revision removed; unknown ones are not reported as purged. */
async function purge(
  deps: ServeDeps,
  dbName: string,
  body: Record<string, string[]>,
): Promise<Record<string, string[]>> {
  const db = deps.rawDb(dbName);
  const purged: Record<string, string[]> = {};
  for (const [id, revs] of Object.entries(body)) {
    purged[id] = [];
    for (const rev of revs) {
      try {
        await purgeRevision(db, id, rev);
        purged[id].push(rev);
      } catch {
        // not a leaf, or no such revision: CouchDB leaves it out of `purged` too
      }
    }
  }
  deps.onDbChanged(dbName);
  return purged;
}
