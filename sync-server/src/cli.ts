/**
 * The `courtdesk-server` command line (bin: sync-server/bin/courtdesk-server.mjs). Every command
 * but `start` works on any CouchDB URL through its HTTP API; `start` runs the embedded server.
 * Errors are printed in one readable line and give a non-zero exit code.
 */
import { setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { startAppHost } from './appHost/appHost';
import { createCouchClient, describeCouchError, redactUrl } from './couch/client';
import { seedDemo } from './setup/demo';
import { formatReport, provision } from './setup/provision';
import { addUser, disableUser, parseRoles, setPassword } from './setup/users';

/** Where the CLI writes (injectable for tests). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Usage text of `--help`. */
export const USAGE = `courtdesk-server — CourtDesk sync server tools (CourtDesk 同步服务器工具)

Usage:
  courtdesk-server start [--data DIR] [--port N] [--host 127.0.0.1] [--provision] [--demo]
                         [--demo-cases N] [--app-port N] [--app-dir dist/renderer] [--no-worker]
      Run the embedded CouchDB-compatible server (loopback only) until Ctrl+C, with the server
      worker (case numbers, judge assignment, staff directory) in the same process, signed in
      as the embedded server's admin (DIR/server.json or COURTDESK_ADMIN_USER/PASSWORD); it
      waits until the databases exist. --no-worker leaves it out (a worker runs elsewhere).
      --provision creates databases/_security/design docs; --demo seeds demo data (implies
      --provision); --app-port also serves the built renderer with /couch proxied.
  courtdesk-server provision --couch URL
      Create/repair every database, its _security and design documents (idempotent).
  courtdesk-server user add NAME --role r1,r2 --password PW [--display-name 张三] --couch URL
  courtdesk-server user disable NAME --couch URL
  courtdesk-server user passwd NAME --password PW [--enable] --couch URL
      disable replaces the password by a random secret and moves the roles aside (every session
      ends); passwd --enable restores them. Both return once the server enforces the change.
  courtdesk-server demo [--cases N] --couch URL
      Provision, then seed demo staff (password "courtdesk", DEMO ONLY) and cases for
      白银区人民法院 (甘0402). Idempotent: existing documents and accounts are left alone.
  courtdesk-server worker --couch URL [--name worker]
      Run the server worker until Ctrl+C: follows courtdesk_cases/_changes from its checkpoint
      (_local/courtdesk-worker-NAME), allocates official case numbers and assigns judges; also
      publishes the staff directory, carries out users' password change requests and keeps the
      public projection (courtdesk_public: kiosk and hearing board) current.
      Several workers may run at once. Needs server-admin credentials (it reads _users).
  courtdesk-server rebuild-public --couch URL
      Rebuild courtdesk_public from scratch: project every case, remove what no case justifies.
      Idempotent: over an up-to-date projection it writes nothing.
  courtdesk-server import-archive --csv LIST --root FOLDER --couch URL [--id RUN] [--concurrency N]
                                  [--duty 0.5]
      Import an existing scan archive (docs/archives.md): each CSV row "case number, volume
      (正卷1 / 副卷2), file path[, year][, parties]" becomes an archive volume with its scan.
      Runs in the background at low priority, saves its progress in archiveImport:RUN and
      resumes there when started again (after a crash); nothing is written twice.
  courtdesk-server serve-app --couch URL [--port N] [--dir dist/renderer] [--host 127.0.0.1]
      Serve the built renderer and proxy /couch to CouchDB.

URL is a CouchDB base URL with server-admin credentials, e.g. http://admin:secret@127.0.0.1:5984.
Prefer COUCH_URL: a password given with --couch is visible to every user of the computer (ps). Roles: judge, assistant, clerk, enforcement, leader, admin, worker, kiosk.`;

/** A usage error: printed with a hint to run --help. */
class UsageError extends Error {}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  couch: { type: 'string' },
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  provision: { type: 'boolean' },
  demo: { type: 'boolean' },
  'demo-cases': { type: 'string' },
  cases: { type: 'string' },
  'app-port': { type: 'string' },
  'app-dir': { type: 'string' },
  dir: { type: 'string' },
  role: { type: 'string' },
  roles: { type: 'string' },
  password: { type: 'string' },
  'display-name': { type: 'string' },
  enable: { type: 'boolean' },
  name: { type: 'string' },
  worker: { type: 'boolean' },
  'no-worker': { type: 'boolean' },
  csv: { type: 'string' },
  root: { type: 'string' },
  id: { type: 'string' },
  concurrency: { type: 'string' },
  duty: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function couchUrl(values: Values, io: CliIo): string {
  const url = values.couch ?? process.env['COUCH_URL'];
  if (!url) throw new UsageError('missing --couch URL (or COUCH_URL)');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`not a URL: ${url}`);
  }
  if (values.couch !== undefined && parsed.password !== '')
    io.err(
      'warning: the password in --couch is visible to other users of this computer; set COUCH_URL instead',
    );
  return url;
}

/** Parses a non-negative integer option. */
export function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

function one(positionals: string[], what: string): string {
  const [name, ...extra] = positionals;
  if (!name) throw new UsageError(`missing ${what}`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  return name;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing --${flag}`);
  return value;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`error: ${(err as Error).message}\nRun courtdesk-server --help for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help' || command === undefined) {
    io.out(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    if (command !== 'user' && rest.length > 0)
      throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
    switch (command) {
      case 'start': {
        if (values.worker && values['no-worker']) throw new UsageError('--worker and --no-worker contradict');
        const { runServer } = await import('./server');
        return await runServer(
          {
            dataDir: values.data,
            port: values.port,
            host: values.host,
            provision: Boolean(values.provision || values.demo),
            demoCases: values.demo ? intOption(values['demo-cases'], 'demo-cases', 3000) : undefined,
            appPort:
              values['app-port'] === undefined ? undefined : intOption(values['app-port'], 'app-port', 0),
            appDir: values['app-dir'] ?? 'dist/renderer',
            worker: !values['no-worker'],
          },
          io,
        );
      }
      case 'provision': {
        const url = couchUrl(values, io);
        io.out(`provisioning ${redactUrl(url)} …`);
        const report = await provision(createCouchClient(url), { log: (l) => io.out(`  ${l}`) });
        io.out(formatReport(report));
        return 0;
      }
      case 'user':
        return await userCommand(rest, values, io);
      case 'demo': {
        const cases = intOption(values.cases, 'cases', 3000);
        const couch = createCouchClient(couchUrl(values, io));
        await provision(couch, { log: (l) => io.out(`  ${l}`) });
        const r = await seedDemo(couch, { cases, log: io.out });
        const docs = Object.entries(r.docs)
          .map(([db, t]) => `${db}: ${t.written} written, ${t.existing} already present`)
          .join('; ');
        io.out(`demo: ${r.usersCreated.length} users created, ${r.usersKept.length} kept; ${docs}`);
        return 0;
      }
      case 'rebuild-public': {
        const { PublicProjector } = await import('./workers/publicProjector');
        const { CouchHttp } = await import('./workers/couchHttp');
        const r = await new PublicProjector(new CouchHttp(couchUrl(values, io))).rebuild();
        io.out(`courtdesk_public: ${r.cases} cases read, ${r.public} public, ${r.writes} documents written`);
        return 0;
      }
      case 'worker':
        return await workerCommand(couchUrl(values, io), values.name ?? 'worker', io);
      case 'import-archive':
        return await importArchiveCommand(couchUrl(values, io), values, io);
      case 'serve-app': {
        const url = couchUrl(values, io);
        const port = intOption(values.port, 'port', 8080);
        installProcessHandlers(io.err);
        const app = await startAppHost({
          couchUrl: url,
          staticDir: values.dir ?? 'dist/renderer',
          port,
          host: values.host ?? '127.0.0.1',
        });
        const stop = listenForStop();
        io.out(`CourtDesk app: ${app.url}/  (CouchDB ${redactUrl(url)} proxied at /couch)`);
        io.out(`${await stop.promise}: stopping`);
        await app.close();
        return 0;
      }
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`error: ${err.message}\nRun courtdesk-server --help for usage.`);
      return 2;
    }
    io.err(
      `error: ${err instanceof Error && !('statusCode' in err) ? err.message : describeCouchError(err)}`,
    );
    return 1;
  }
}

async function workerCommand(url: string, name: string, io: CliIo): Promise<number> {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name))
    throw new UsageError(`--name must be 1–64 lower-case letters, digits, ".", "_" or "-"`);
  const { startWorker } = await import('./workers/worker');
  installProcessHandlers(io.err);
  const stop = listenForStop();
  const abort = new AbortController();
  void stop.promise.then(() => abort.abort());
  // COURTDESK_WORKER_HOLD_MS: fault-injection pause inside an allocation, used by the kill tests.
  const hold = intOption(process.env['COURTDESK_WORKER_HOLD_MS'], 'COURTDESK_WORKER_HOLD_MS', 0);
  io.out(`worker ${name}: connecting to ${redactUrl(url)} …`);
  const worker = await startWorker({
    couchUrl: url,
    name,
    log: (l) => io.out(`[${name}] ${l}`),
    holdAfterReserveMs: hold,
    signal: abort.signal,
  });
  io.out(`worker ${name}: ready`);
  io.out(`${await stop.promise}: stopping worker ${name}`);
  await worker.stop();
  return 0;
}

async function userCommand(args: string[], values: Values, io: CliIo): Promise<number> {
  const [sub, ...names] = args;
  const url = couchUrl(values, io);
  const couch = createCouchClient(url);
  switch (sub) {
    case 'add': {
      const name = one(names, 'user name');
      const roles = parseRoles(required(values.role ?? values.roles, 'role'));
      await addUser(couch, {
        name,
        roles,
        password: required(values.password, 'password'),
        ...(values['display-name'] ? { displayName: values['display-name'] } : {}),
      });
      io.out(`user ${name} added with roles ${roles.join(',')}`);
      return 0;
    }
    case 'disable': {
      const name = one(names, 'user name');
      const by = decodeURIComponent(new URL(url).username) || 'admin';
      await disableUser(couch, name, { by });
      io.out(
        `user ${name} disabled (password replaced by a random secret, roles removed, sessions invalidated)`,
      );
      return 0;
    }
    case 'passwd': {
      const name = one(names, 'user name');
      await setPassword(couch, name, required(values.password, 'password'), {
        enable: Boolean(values.enable),
      });
      io.out(`password of ${name} changed${values.enable ? ' and the user re-enabled' : ''}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown user command: ${sub ?? '(none)'}; use add, disable or passwd`);
  }
}

let handlersInstalled = false;

/** Logs unhandled rejections; exits non-zero on an uncaught exception (docs/product-rules.md §8.4). */
export function installProcessHandlers(log: (line: string) => void): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('unhandledRejection', (reason) =>
    log(`unhandledRejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`),
  );
  process.on('uncaughtException', (err) => {
    log(`uncaughtException: ${err.stack ?? err.message}`);
    process.exit(70);
  });
}

/** A pending stop request: `promise` resolves on the first SIGINT/SIGTERM; `dispose` stops listening. */
export interface StopSignal {
  promise: Promise<NodeJS.Signals>;
  dispose(): void;
}

/** Starts listening for SIGINT/SIGTERM (and stops overriding Node's default once disposed). */
export function listenForStop(): StopSignal {
  let on: (sig: NodeJS.Signals) => void = () => {};
  const dispose = () => {
    process.off('SIGINT', on);
    process.off('SIGTERM', on);
  };
  const promise = new Promise<NodeJS.Signals>((ok) => {
    on = (sig) => {
      dispose();
      ok(sig);
    };
  });
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return { promise, dispose };
}

async function importArchiveCommand(url: string, values: Values, io: CliIo): Promise<number> {
  const duty = values.duty === undefined ? 0.5 : Number(values.duty);
  if (!(duty > 0 && duty <= 1))
    throw new UsageError(`--duty must be a number in (0, 1], got "${values.duty}"`);
  if (values.id !== undefined && !/^[A-Za-z0-9._-]{1,80}$/.test(values.id))
    throw new UsageError('--id may hold letters, digits, . _ - (at most 80)');
  const { importArchive } = await import('./archives/importArchive');
  installProcessHandlers(io.err);
  // Low priority: reading and encoding scans must not take the CPU from a server on the same box.
  try {
    setPriority(10);
  } catch {
    // not permitted here: the duty cycle still bounds the load
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const r = await importArchive({
      couchUrl: url,
      csvPath: required(values.csv, 'csv'),
      root: required(values.root, 'root'),
      ...(values.id !== undefined ? { importId: values.id } : {}),
      concurrency: Math.max(1, intOption(values.concurrency, 'concurrency', 1)),
      duty,
      log: (l) => io.out(l),
      signal: stop.signal,
    });
    io.out(
      `${r.importId}: ${r.done}/${r.total} rows done (${r.written} volumes written now, ${r.existing} already there, ${r.failed} failed) in ${r.seconds.toFixed(1)} s, ${r.volumesPerSecond.toFixed(1)} volumes/s`,
    );
    for (const e of r.errors.slice(0, 20)) io.err(`  ${e}`);
    return stop.signal.aborted ? 130 : r.failed > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
