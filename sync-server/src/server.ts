/**
 * `courtdesk-server start`: the embedded server for one machine, trials and tests, optionally
 * provisioned, seeded with demo data and fronted by the app host. Stops cleanly on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { startAppHost, type AppHost } from './appHost/appHost';
import { installProcessHandlers, listenForStop, type CliIo } from './cli';
import { resolveServerConfig } from './config';
import { createCouchClient } from './couch/client';
import { startEmbeddedServer } from './embedded/embeddedServer';
import { seedDemo } from './setup/demo';
import { startEmbeddedWorker, type EmbeddedWorker } from './workers/embeddedWorker';
import { formatReport, provision } from './setup/provision';

/** Options of {@link runServer} (raw CLI values; validated by resolveServerConfig). */
export interface RunServerOptions {
  dataDir?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  provision: boolean;
  /** Seed this many demo cases (undefined: no demo). */
  demoCases?: number | undefined;
  /** Also serve the renderer on this port (undefined: no app host). */
  appPort?: number | undefined;
  appDir: string;
  /** Run the server worker (case numbers, assignment, staff directory) in this process. */
  worker: boolean;
}

/** Runs until SIGINT/SIGTERM; resolves to the exit code. */
export async function runServer(opts: RunServerOptions, io: CliIo): Promise<number> {
  installProcessHandlers(io.err);
  const config = resolveServerConfig(process.env, {
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host !== undefined ? { host: opts.host } : {}),
  });
  // Listen for the stop signal from the start, so Ctrl+C during provisioning still closes cleanly.
  let signalled: NodeJS.Signals | undefined;
  const stop = listenForStop();
  const stopped = stop.promise.then((sig) => (signalled = sig));
  let app: AppHost | undefined;
  let worker: EmbeddedWorker | undefined;
  let server: Awaited<ReturnType<typeof startEmbeddedServer>> | undefined;
  try {
    server = await startEmbeddedServer({
      dataDir: config.dataDir,
      host: config.host,
      port: config.port,
      admin: config.admin,
      cookieSecret: config.cookieSecret,
      logger: io.err,
    });
    const base = server.url.replace(/\/$/, '');
    io.out(`CourtDesk embedded server: ${base}/  (data ${config.dataDir})`);
    io.out(
      `server admin: ${config.admin.name} (${config.adminSource === 'env' ? 'from COURTDESK_ADMIN_USER/PASSWORD' : `password in ${resolve(config.dataDir, 'server.json')}`})`,
    );
    const admin = new URL(base);
    admin.username = encodeURIComponent(config.admin.name);
    admin.password = encodeURIComponent(config.admin.password);
    if (opts.provision && !signalled) {
      const couch = createCouchClient(admin.toString());
      io.out(formatReport(await provision(couch)));
      if (opts.demoCases !== undefined && !signalled) {
        const r = await seedDemo(couch, { cases: opts.demoCases });
        const written = Object.values(r.docs).reduce((s, t) => s + t.written, 0);
        io.out(
          `demo: ${r.usersCreated.length} users created, ${written} documents written (demo password "courtdesk", e.g. clerk.wang)`,
        );
      }
    }
    if (opts.worker && !signalled) worker = startEmbeddedWorker(admin.toString(), io);
    if (opts.appPort !== undefined && !signalled) {
      app = await startAppHost({ couchUrl: base, staticDir: resolve(opts.appDir), port: opts.appPort });
      io.out(`CourtDesk app: ${app.url}/`);
    }
    if (!signalled) io.out('ready; press Ctrl+C to stop');
    io.out(`${await stopped}: stopping`);
    return 0;
  } finally {
    stop.dispose();
    await worker?.stop();
    await app?.close();
    await server?.close();
  }
}
