/**
 * Named one-time migrations (cht-core's pattern): each `{ name, created, run }` runs once per
 * CouchDB server, in `created` order, and its name is recorded in a `_local` document so a
 * re-run of provisioning skips it. `_local` documents never replicate to workstations.
 */
import { statusOf, type CouchClient } from '../couch/client';
import { libraryStarterSet } from './libraryStarterSet';
import { forumBoardsMigration } from './forumBoards';

/** One named migration. `run` must be safe to repeat if it crashed before being recorded. */
export interface Migration {
  /** Unique, stable name, e.g. `2026-11-25-move-drafts`. */
  readonly name: string;
  /** ISO date the migration was written; orders the run. */
  readonly created: string;
  run(ctx: MigrationContext): Promise<void>;
}

/** What a migration gets to work with. */
export interface MigrationContext {
  readonly couch: CouchClient;
  readonly log: (line: string) => void;
}

/** Where the record of applied migrations lives: `<db>/_local/<id>`. */
export const MIGRATION_LOG = { db: 'courtdesk_cases', id: '_local/courtdesk_migrations' } as const;

/** The shipped migrations, oldest first. */
export const MIGRATIONS: readonly Migration[] = [forumBoardsMigration, libraryStarterSet];

interface LogDoc {
  _id: string;
  _rev?: string;
  applied: { name: string; at: string }[];
}

/** Names of the migrations already applied on this server. */
export async function appliedMigrations(couch: CouchClient): Promise<string[]> {
  return (await readLog(couch)).applied.map((a) => a.name);
}

async function readLog(couch: CouchClient): Promise<LogDoc> {
  try {
    const doc = (await couch.request({
      db: MIGRATION_LOG.db,
      path: MIGRATION_LOG.id,
      method: 'GET',
    })) as LogDoc;
    return { ...doc, applied: Array.isArray(doc.applied) ? doc.applied : [] };
  } catch (err) {
    if (statusOf(err) === 404) return { _id: MIGRATION_LOG.id, applied: [] };
    throw err;
  }
}

/**
 * Runs every migration not yet recorded, oldest first, recording each as soon as it succeeds.
 * Returns the names it ran. Throws (after recording the ones that succeeded) on the first failure.
 */
export async function runMigrations(
  couch: CouchClient,
  migrations: readonly Migration[],
  log: (line: string) => void = () => {},
  now: () => Date = () => new Date(),
): Promise<string[]> {
  const names = new Set<string>();
  for (const m of migrations) {
    if (names.has(m.name)) throw new Error(`duplicate migration name: ${m.name}`);
    if (Number.isNaN(Date.parse(m.created)))
      throw new Error(`migration ${m.name}: invalid created date ${m.created}`);
    names.add(m.name);
  }
  const doc = await readLog(couch);
  const done = new Set(doc.applied.map((a) => a.name));
  const pending = [...migrations]
    .filter((m) => !done.has(m.name))
    .sort((a, b) => Date.parse(a.created) - Date.parse(b.created) || a.name.localeCompare(b.name));
  const ran: string[] = [];
  for (const m of pending) {
    log(`migration ${m.name}: running`);
    await m.run({ couch, log });
    doc.applied.push({ name: m.name, at: now().toISOString() });
    const res = (await couch.request({
      db: MIGRATION_LOG.db,
      path: MIGRATION_LOG.id,
      method: 'PUT',
      body: doc,
    })) as { rev?: string };
    if (res.rev) doc._rev = res.rev;
    ran.push(m.name);
  }
  return ran;
}
