import type { DesignDocTrust } from './ddocTrust';
import { VduSandbox } from './sandbox';

/**
 * The validate_doc_update functions of a database as validation.ts runs them: compiled once per
 * design-document revision, only from design documents the server admin wrote (ddocTrust.ts);
 * an untrusted one stands for a refusal of every write.
 */

/** A document as the validation wrappers see it. */
export type Doc = Record<string, unknown>;

/** The parts of a PouchDB database this module uses. */
export interface PouchLike {
  name: string;
  get(id: string, opts?: object): Promise<Doc>;
  allDocs(opts: object): Promise<{
    rows: Array<{ key: string; doc?: Doc | null; error?: string; value?: { deleted?: boolean } }>;
  }>;
}

/** Error shape express-pouchdb's routes turn into CouchDB responses (`name` → error, `message` → reason). */
export class ValidationRefusal extends Error {
  constructor(
    readonly status: number,
    name: string,
    message: string,
    readonly id?: string,
  ) {
    super(message);
    this.name = name;
  }
}

/** A validator: a trusted, compiled sandbox, or the refusal an untrusted one stands for. */
export type Validator = VduSandbox | ValidationRefusal;

/** Documents handed to PouchDB per call, and ids read per call: both work synchronously per batch. */
export const WRITE_CHUNK = 200;

/** Compiled validators per database name, for one server (a data directory). */
export interface ValidatorCache {
  sandboxes: Map<string, Map<string, VduSandbox>>;
  lists: Map<string, Validator[]>;
}

/** The `_id` of a document, '' when absent. */
export function idOf(doc: Doc): string {
  return typeof doc._id === 'string' ? doc._id : '';
}

/** The validators of `db`, from the cache or compiled from its design documents. */
export async function loadValidators(
  cache: ValidatorCache,
  db: PouchLike,
  trust: DesignDocTrust,
  timeoutMs: number,
): Promise<Validator[]> {
  const cached = cache.lists.get(db.name);
  if (cached) return cached;
  const res = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true });
  const byKey = cache.sandboxes.get(db.name) ?? new Map<string, VduSandbox>();
  const next = new Map<string, VduSandbox>();
  const list: Validator[] = [];
  for (const row of res.rows) {
    const doc = row.doc;
    if (!doc || typeof doc.validate_doc_update !== 'string') continue;
    if (!(await trust.isTrusted(doc))) {
      list.push(
        new ValidationRefusal(
          500,
          'untrusted_design_document',
          `validate_doc_update of ${idOf(doc)} was not written by the server admin; it is not run and the database refuses writes until the server admin writes that design document again`,
        ),
      );
      continue;
    }
    const key = `${idOf(doc)}@${String(doc._rev)}`;
    const sandbox = byKey.get(key) ?? new VduSandbox(doc, timeoutMs);
    next.set(key, sandbox);
    list.push(sandbox);
  }
  cache.sandboxes.set(db.name, next);
  cache.lists.set(db.name, list);
  return list;
}

/** The current documents of `ids`, read in chunks (PouchDB opens one iterator per key at once). */
export async function loadOldDocs(db: PouchLike, ids: string[]): Promise<Map<string, Doc>> {
  const out = new Map<string, Doc>();
  for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
    const res = await db.allDocs({
      keys: ids.slice(i, i + WRITE_CHUNK),
      include_docs: true,
      conflicts: false,
    });
    for (const row of res.rows) if (row.doc) out.set(row.key, row.doc);
  }
  return out;
}
