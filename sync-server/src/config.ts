import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Default folder of the embedded server's data (LevelDB databases, server.json, log). */
export const DEFAULT_DATA_DIR = '.data/server';
/** Default port of the embedded server (CouchDB's 5984 + 10000, so both can run side by side). */
export const DEFAULT_PORT = 15984;
/** Default bind address: loopback only (the embedded server refuses anything else). */
export const DEFAULT_HOST = '127.0.0.1';

/** The embedded server's resolved configuration. */
export interface ServerConfig {
  /** Absolute data folder. */
  dataDir: string;
  host: string;
  port: number;
  /** Server admin (CouchDB `[admins]`). */
  admin: { name: string; password: string };
  /** HMAC secret of `_session` cookies; fixed so sessions survive restarts. */
  cookieSecret: string;
  /** Where the admin came from: the environment, or generated once and kept in server.json. */
  adminSource: 'env' | 'override' | 'persisted' | 'generated';
}

/** Command-line style overrides (from `courtdesk-server start --data-dir … --port …`). */
export interface ServerConfigOverrides {
  dataDir?: string;
  host?: string;
  port?: number | string;
  adminUser?: string;
  adminPassword?: string;
  /** Base for a relative dataDir (default: process.cwd()). */
  cwd?: string;
}

/** The environment variables read (a subset of `process.env`). */
export interface ServerConfigEnv {
  COURTDESK_ADMIN_USER?: string;
  COURTDESK_ADMIN_PASSWORD?: string;
  COURTDESK_DATA_DIR?: string;
  COURTDESK_PORT?: string;
  [key: string]: string | undefined;
}

/** Contents of `<dataDir>/server.json` (mode 0600). */
interface PersistedServerFile {
  admin?: { name: string; password: string };
  cookieSecret?: string;
}

/** Name of the persisted file inside the data folder. */
export const SERVER_FILE = 'server.json';

/**
 * Resolves the embedded server's configuration: overrides, then environment, then defaults.
 * The admin comes from overrides, `COURTDESK_ADMIN_USER`/`COURTDESK_ADMIN_PASSWORD`, or is generated
 * once and persisted in `<dataDir>/server.json` (mode 0600) with the cookie secret, so restarts
 * keep both. Creates the data folder. Throws on an invalid port or a half-given admin.
 */
export function resolveServerConfig(
  env: ServerConfigEnv = process.env,
  overrides: ServerConfigOverrides = {},
): ServerConfig {
  const base = overrides.cwd ?? process.cwd();
  const dataDir = resolve(base, overrides.dataDir ?? env.COURTDESK_DATA_DIR ?? DEFAULT_DATA_DIR);
  const host = overrides.host ?? DEFAULT_HOST;
  const port = parsePort(overrides.port ?? env.COURTDESK_PORT ?? DEFAULT_PORT);

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SERVER_FILE);
  const persisted = readServerFile(file);
  let changed = false;

  let admin: ServerConfig['admin'];
  let adminSource: ServerConfig['adminSource'];
  if (overrides.adminUser !== undefined || overrides.adminPassword !== undefined) {
    admin = requireBoth(overrides.adminUser, overrides.adminPassword, '--admin-user/--admin-password');
    adminSource = 'override';
  } else if (env.COURTDESK_ADMIN_USER !== undefined || env.COURTDESK_ADMIN_PASSWORD !== undefined) {
    admin = requireBoth(
      env.COURTDESK_ADMIN_USER,
      env.COURTDESK_ADMIN_PASSWORD,
      'COURTDESK_ADMIN_USER/COURTDESK_ADMIN_PASSWORD',
    );
    adminSource = 'env';
  } else if (persisted.admin && isNonEmpty(persisted.admin.name) && isNonEmpty(persisted.admin.password)) {
    admin = { name: persisted.admin.name, password: persisted.admin.password };
    adminSource = 'persisted';
  } else {
    admin = { name: 'admin', password: randomBytes(18).toString('base64url') };
    persisted.admin = admin;
    adminSource = 'generated';
    changed = true;
  }

  if (!isNonEmpty(persisted.cookieSecret)) {
    persisted.cookieSecret = randomBytes(32).toString('hex');
    changed = true;
  }
  if (changed) writeServerFile(file, persisted);

  return { dataDir, host, port, admin, cookieSecret: persisted.cookieSecret as string, adminSource };
}

/** Parses a TCP port (0 = any free port). */
export function parsePort(value: number | string): number {
  const n = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid port: ${String(value)}`);
  return n;
}

function requireBoth(
  name: string | undefined,
  password: string | undefined,
  what: string,
): { name: string; password: string } {
  if (!isNonEmpty(name) || !isNonEmpty(password))
    throw new Error(`${what}: both the admin name and password must be given`);
  if (name.includes(':')) throw new Error(`${what}: the admin name must not contain ':'`);
  return { name, password };
}

function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function readServerFile(file: string): PersistedServerFile {
  if (!existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${file}: not a JSON object`);
  return parsed as PersistedServerFile;
}

function writeServerFile(file: string, content: PersistedServerFile): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
