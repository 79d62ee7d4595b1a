/**
 * The local write path every feature uses: it stamps the envelope (id with its type, current
 * schemaVersion, createdAt, createdBy), migrates documents read from older versions, validates
 * with the core schemas before every write, and reports storage errors (quota) to the sync status.
 * It never waits for the network.
 */
import type { DocType } from '../../../core/schemas/base';
import { makeId } from '../../../core/schemas/base';
import { currentVersion, migrate, validateForWrite } from '../../../core/schemas/registry';
import type { LocalDb } from './localDb';

/** A stored document as the repository returns it. */
export type StoredDoc = Record<string, unknown> & {
  readonly _id: string;
  readonly _rev: string;
  readonly type: DocType;
};

/** Options of {@link createRepository}. */
export interface RepositoryOptions {
  /** The signed-in user (becomes `createdBy`). */
  readonly user: string;
  readonly now?: () => Date;
  /** Called with every failed local write (the engine turns quota errors into state `error`). */
  readonly onWriteError?: (err: unknown) => void;
}

/** Typed access to one local database. */
export interface Repository {
  /** Creates a document of `type` with id `<type>:<idParts…>`; returns it with its `_rev`. */
  create(
    type: DocType,
    idParts: readonly string[],
    fields: Readonly<Record<string, unknown>>,
  ): Promise<StoredDoc>;
  /** Reads a document at the current schema version (migrated in memory when older). */
  get(id: string): Promise<StoredDoc>;
  /** Applies `change` to the current winner and writes the result (envelope fields cannot change). */
  update(id: string, change: (doc: StoredDoc) => Record<string, unknown>): Promise<StoredDoc>;
  /** Deletes a document (a tombstone; the server decides whether this user may). */
  remove(id: string): Promise<void>;
}

const ENVELOPE = ['_id', 'type', 'createdAt', 'createdBy'] as const;

/** Creates the repository of a local database. */
export function createRepository(db: LocalDb, options: RepositoryOptions): Repository {
  const now = options.now ?? (() => new Date());
  async function write(doc: Record<string, unknown>): Promise<StoredDoc> {
    validateForWrite(doc);
    try {
      const res = await db.put(doc);
      return { ...doc, _rev: res.rev } as StoredDoc;
    } catch (err) {
      options.onWriteError?.(err);
      throw err;
    }
  }
  return {
    async create(type, idParts, fields) {
      const doc = {
        ...fields,
        _id: makeId(type, ...idParts),
        type,
        schemaVersion: currentVersion(type),
        createdAt: now().toISOString(),
        createdBy: options.user,
      };
      return write(doc);
    },
    async get(id) {
      return migrate((await db.get(id)) as unknown as StoredDoc);
    },
    async update(id, change) {
      const current = migrate((await db.get(id)) as unknown as StoredDoc);
      const next: Record<string, unknown> = { ...change(current), _rev: current._rev };
      for (const f of ENVELOPE) {
        if (next[f] !== current[f]) throw new Error(`${f} cannot change (${id})`);
      }
      next['schemaVersion'] = currentVersion(current.type);
      return write(next);
    },
    async remove(id) {
      const current = await db.get(id);
      try {
        await db.remove(current);
      } catch (err) {
        options.onWriteError?.(err);
        throw err;
      }
    },
  };
}
