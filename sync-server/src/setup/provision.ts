/**
 * Idempotent provisioning of any CouchDB URL (Apache CouchDB 3.x single node or cluster, or the
 * embedded server) through the HTTP API only: the `_users` database, every database of
 * core/databases.ts with its `_security`, the compiled design documents, and named migrations.
 * Running it twice changes nothing the second time; the report says what changed.
 */
import { compileDdocs, type CompiledDatabaseDdocs } from '../../../build/compileDdocs';
import { DATABASES, type DatabaseSpec } from '../../../core/databases';
import { ROLES } from '../../../core/roles';
import { describeCouchError, type CouchClient } from '../couch/client';
import {
  ensureDb,
  normaliseSecurity,
  putSecurity,
  upsertDesignDoc,
  type SecurityObject,
} from '../couch/helpers';
import { untilEveryCopy } from '../couch/shardCopies';
import { MIGRATIONS, runMigrations, type Migration } from '../migrations/migrations';

/** What {@link provision} did. `changes` is empty on a run that found everything in place. */
export interface ProvisionReport {
  /** Human-readable lines, one per change. */
  changes: string[];
  /** Human-readable lines for things already as wanted. */
  unchanged: string[];
  /** Migrations that ran now. */
  migrations: string[];
}

/** Options of {@link provision}. */
export interface ProvisionOptions {
  /** Precompiled design documents (default: compile `sync-server/ddocs/` now). */
  ddocs?: readonly CompiledDatabaseDdocs[];
  /** Migrations to apply (default: the shipped {@link MIGRATIONS}). */
  migrations?: readonly Migration[];
  /** Progress output. */
  log?: (line: string) => void;
}

/**
 * The `_security` of a database: its member and admin roles from core/databases.ts, no names.
 * Members are never empty (an empty members list makes a CouchDB database public).
 */
export function securityFor(spec: DatabaseSpec): SecurityObject {
  return {
    admins: { names: [], roles: [...spec.adminRoles] },
    members: { names: [], roles: [...spec.memberRoles] },
  };
}

/** Provisions the server behind `couch` (an admin client). Throws with a readable message on failure. */
export async function provision(
  couch: CouchClient,
  options: ProvisionOptions = {},
): Promise<ProvisionReport> {
  const log = options.log ?? (() => {});
  const report: ProvisionReport = { changes: [], unchanged: [], migrations: [] };
  const note = (changed: boolean, line: string) => {
    (changed ? report.changes : report.unchanged).push(line);
    if (changed) log(line);
  };
  const ddocs = options.ddocs ?? compileDdocs();

  try {
    await couch.info();
  } catch (err) {
    throw new Error(`无法连接 CouchDB (cannot reach CouchDB): ${describeCouchError(err)}`, { cause: err });
  }
  await checkAdmin(couch);

  // A fresh single-node CouchDB 3.x has no _users until it is created; sign-in needs it.
  note(await ensureDb(couch, '_users'), 'created database _users');

  for (const spec of DATABASES) {
    const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (err) {
        throw new Error(`${spec.name}: ${what} failed: ${describeCouchError(err)}`, { cause: err });
      }
    };
    note(
      await step('create', () => ensureDb(couch, spec.name)),
      `created database ${spec.name} (${spec.description})`,
    );
    const sec = securityFor(spec);
    note(
      await step('_security', () => putSecurity(couch, spec.name, sec)),
      `set _security of ${spec.name}: members ${sec.members.roles.join(',')}; admins ${sec.admins.roles.join(',') || '(server admin only)'}`,
    );
    // A cluster answers once a majority of copies took it; the others must too before anyone
    // relies on it (couch/shardCopies.ts). Checked on every run: an earlier run may have left a lag.
    const wanted = JSON.stringify(normaliseSecurity(sec));
    await step('_security on every shard copy', () =>
      untilEveryCopy(
        couch,
        spec.name,
        { security: true },
        (b) => JSON.stringify(normaliseSecurity(b as Partial<SecurityObject>)) === wanted,
      ),
    );
    for (const ddoc of ddocs.find((d) => d.db === spec.name)?.docs ?? []) {
      const result = await step(`design document ${ddoc._id}`, () =>
        upsertDesignDoc(couch, spec.name, { ...ddoc }),
      );
      note(
        result !== 'unchanged',
        `${result === 'unchanged' ? 'kept' : result === 'created' ? 'installed' : 'updated'} ${spec.name}/${ddoc._id} ${ddoc.courtdesk_version}`,
      );
      await step(`design document ${ddoc._id} on every shard copy`, () =>
        untilEveryCopy(
          couch,
          spec.name,
          { docId: ddoc._id },
          (b) => (b as { courtdesk_version?: unknown }).courtdesk_version === ddoc.courtdesk_version,
        ),
      );
    }
  }
  const unknownDdocDbs = ddocs.map((d) => d.db).filter((db) => !DATABASES.some((s) => s.name === db));
  if (unknownDdocDbs.length > 0)
    throw new Error(`design documents for unknown databases: ${unknownDdocDbs.join(', ')}`);

  report.migrations = await runMigrations(couch, options.migrations ?? MIGRATIONS, log);
  for (const m of report.migrations) report.changes.push(`ran migration ${m}`);
  report.unchanged.push(`roles in use: ${ROLES.join(', ')} (CouchDB roles are strings on user documents)`);
  return report;
}

async function checkAdmin(couch: CouchClient): Promise<void> {
  let session: { userCtx?: { name?: string | null; roles?: string[] } };
  try {
    session = (await couch.request({ path: '_session', method: 'GET' })) as typeof session;
  } catch (err) {
    throw new Error(`无法读取登录状态 (cannot read _session): ${describeCouchError(err)}`, { cause: err });
  }
  if (!session.userCtx?.roles?.includes('_admin')) {
    throw new Error(
      `需要服务器管理员账号 (provisioning needs a server admin in the URL); signed in as ${session.userCtx?.name ?? 'nobody'}`,
    );
  }
}

/** Formats a report for the CLI. */
export function formatReport(report: ProvisionReport): string {
  if (report.changes.length === 0)
    return `provision: everything already in place (${report.unchanged.length} checks)`;
  return [`provision: ${report.changes.length} change(s)`, ...report.changes.map((c) => `  + ${c}`)].join(
    '\n',
  );
}
