import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import { internalError } from '../errors';
import { Lockout, DEFAULT_LOCKOUT, type LockoutOptions } from './authCaches';
import { Authenticator } from './authn';
import { DEFAULT_LIMITS, type BodyLimits } from './bodies';
import { createExpressPouch } from './expressPouch';
import { createGuard, sendCouchError } from './guard';
import { parseQueryString } from './params';
import { DEFAULT_ITERATIONS } from './passwords';
import { createCors, type CorsOrigins } from './cors';

/**
 * The embedded CouchDB-compatible server: express-pouchdb (PouchDB on LevelDB) inside our own
 * Express app, behind the guard. Loopback only. See docs/embedded-server.md.
 */

/** Options of {@link startEmbeddedServer}. */
export interface EmbeddedServerOptions {
  dataDir: string;
  /** Loopback address only: 127.0.0.1 (default), localhost or ::1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  admin: { name: string; password: string };
  /** `_session` cookie secret; default: a secret persisted in dataDir (via config.ts). */
  cookieSecret?: string;
  logger?: (line: string) => void;
  /** Size limits (default: 8 MB per document, 80 MiB per request, 64 levels, 10,000 documents). */
  limits?: Partial<BodyLimits>;
  /**
   * CORS origins answered with credentials (default none: the app reaches the server through its
   * own origin's `/couch/` proxy). 'loopback' admits any http(s) origin on 127.0.0.1/localhost/::1.
   */
  corsOrigins?: CorsOrigins;
  /** PBKDF2 iterations of new password hashes (CouchDB's `[chttpd_auth] iterations`, 600,000). */
  passwordIterations?: number;
  /** CouchDB's `[chttpd_auth_lockout]` (default: enforce, 5 failures, 5 minutes). */
  lockout?: Partial<LockoutOptions>;
}

/** A running embedded server. */
export interface EmbeddedServer {
  /** `http://127.0.0.1:PORT` (no credentials). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Addresses the server agrees to bind. */
export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

let rejectionLoggerInstalled = false;

/** Logs unhandled promise rejections (once per process) instead of letting them pass silently. */
export function installRejectionLogger(logger: (line: string) => void): void {
  if (rejectionLoggerInstalled) return;
  rejectionLoggerInstalled = true;
  process.on('unhandledRejection', (reason) => {
    logger(
      `unhandledRejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
}

/** Starts the embedded server; throws for a non-loopback host or a missing admin. */
export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(
      `The embedded server only listens on loopback (127.0.0.1, localhost, ::1), not "${host}". A court serving several PCs runs Apache CouchDB.`,
    );
  }
  if (!opts.admin?.name || !opts.admin.password)
    throw new Error(
      'The embedded server needs a server admin (name and password): it never runs as an admin party.',
    );
  const logger = opts.logger ?? ((line: string) => process.stderr.write(`[embedded-server] ${line}\n`));
  installRejectionLogger(logger);

  let cookieSecret = opts.cookieSecret;
  if (!cookieSecret) {
    const { resolveServerConfig } = await import('../config');
    cookieSecret = resolveServerConfig(
      {},
      { dataDir: opts.dataDir, adminUser: opts.admin.name, adminPassword: opts.admin.password },
    ).cookieSecret;
  }
  const serverAdminNames = new Set([opts.admin.name]);
  const iterations = opts.passwordIterations ?? DEFAULT_ITERATIONS;
  const ep = await createExpressPouch({
    dataDir: opts.dataDir,
    admin: opts.admin,
    serverAdminNames,
    iterations,
    logger,
  });
  const limits: BodyLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const auth = new Authenticator({
    lookup: ep.lookupCredentials,
    saveUserDoc: ep.saveUserDoc,
    secret: cookieSecret,
    iterations,
    // CouchDB's `[chttpd_auth] upgrade_hash_on_auth` (off by default there): on here, because
    // existing installs hold pouchdb-auth's 10-iteration SHA-1 hashes.
    upgradeHashOnAuth: true,
    lockout: new Lockout({ ...DEFAULT_LOCKOUT, ...opts.lockout }),
    logger,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', parseQueryString);
  app.use((req, res, next) => {
    // DNS-rebinding defence: a loopback server answers only loopback Host names.
    const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    if (hostHeader !== '' && !LOOPBACK_HOSTS.has(hostHeader)) {
      res.status(400).type('application/json').send('{"error":"bad_request","reason":"Host not allowed"}\n');
      return;
    }
    res.setHeader('Server', 'CourtDesk-Embedded (express-pouchdb 4.2.0; CouchDB 3 compatible)');
    next();
  });
  app.use(createCors(opts.corsOrigins ?? []));
  app.use(
    createGuard({
      auth,
      serverAdminNames,
      dbExists: ep.dbExists,
      getSecurity: ep.getSecurity,
      putSecurity: ep.putSecurity,
      limits,
      logger,
      onDbChanged: ep.forget,
      rawDb: ep.rawDb,
      trust: ep.trust,
      admins: ep.admins,
    }),
  );
  app.use(ep.app);
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    logger(
      `request error ${req.method} ${req.originalUrl}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    sendCouchError(res, internalError());
  });

  const sockets = new Set<Socket>();
  const server: Server = createServer(app);
  // Node closes idle keep-alive sockets after 5 s; a client reusing one at that moment sees
  // ECONNRESET. Loopback clients (the app's proxy, PouchDB) keep connections longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;
  let closed = false;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    async close() {
      if (closed) return;
      closed = true;
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await done;
      await ep.close();
    },
  };
}
