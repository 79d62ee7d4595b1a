import { createRequire } from 'node:module';
import { isDbAdmin, isServerAdmin, type SecurityObject, type UserCtx } from './access';
import { VduSandbox } from './sandbox';
import { checkUsersDbWrite } from './usersDb';

/**
 * Write validation installed on every database in place of express-pouchdb's `validation` part
 * (pouchdb-validation, which ran ddoc code in the server's realm). For each written document:
 *  1. design documents need a database admin (CouchDB rule, per document, so `_bulk_docs` answers
 *     with per-document errors as CouchDB does);
 *  2. in `_users`, the rules of usersDb.ts;
 *  3. every `validate_doc_update` of the database, in a vm sandbox (sandbox.ts), with CouchDB's
 *     arguments: `userCtx.db` set, the real `_security` object (also on the replication path,
 *     `new_edits: false`), and a deletion's `newDoc` = `{_id, _rev, _deleted: true}`.
 * `_local/` documents are never validated (as in CouchDB).
 */

const require = createRequire(import.meta.url);
// pouchdb-wrappers ships with express-pouchdb 4.2.0 (no types).
const wrappers = require('pouchdb-wrappers') as {
  installWrapperMethods(db: unknown, handlers: Record<string, WrapperHandler>): void;
};

type Doc = Record<string, unknown>;
type WrapperArgs = {
  base: PouchLike;
  doc?: Doc;
  docs?: Doc[];
  options: { userCtx?: UserCtx; new_edits?: boolean; [k: string]: unknown };
  docId?: string;
  attachmentId?: string;
  rev?: string | null;
  type?: string;
};
type WrapperHandler = (orig: () => Promise<unknown>, args: WrapperArgs) => Promise<unknown>;

/** The parts of a PouchDB database this module uses. */
export interface PouchLike {
  name: string;
  get(id: string, opts?: object): Promise<Doc>;
  allDocs(opts: object): Promise<{
    rows: Array<{ key: string; doc?: Doc | null; error?: string; value?: { deleted?: boolean } }>;
  }>;
  getSecurity?(): Promise<SecurityObject>;
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

/** Options of {@link createValidationInstaller}. */
export interface ValidationOptions {
  serverAdminNames: ReadonlySet<string>;
  /** Reads a database's `_security` (guard.ts shares its cache). */
  getSecurity(dbName: string): Promise<SecurityObject>;
  vduTimeoutMs?: number;
}

/** Compiled validate_doc_update functions of one database, keyed by ddoc id + rev. */
const sandboxCache = new Map<string, Map<string, VduSandbox>>();
const vduListCache = new Map<string, VduSandbox[]>();

/** Forgets the compiled validators of a database (after a design document changed). */
export function invalidateValidators(dbName: string): void {
  vduListCache.delete(dbName);
}

async function loadValidators(db: PouchLike, timeoutMs: number): Promise<VduSandbox[]> {
  const cached = vduListCache.get(db.name);
  if (cached) return cached;
  const res = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true });
  const byKey = sandboxCache.get(db.name) ?? new Map<string, VduSandbox>();
  const next = new Map<string, VduSandbox>();
  const list: VduSandbox[] = [];
  for (const row of res.rows) {
    const doc = row.doc;
    if (!doc || typeof doc.validate_doc_update !== 'string') continue;
    const key = `${String(doc._id)}@${String(doc._rev)}`;
    const sandbox = byKey.get(key) ?? new VduSandbox(doc, timeoutMs);
    next.set(key, sandbox);
    list.push(sandbox);
  }
  sandboxCache.set(db.name, next);
  vduListCache.set(db.name, list);
  return list;
}

async function loadOldDocs(db: PouchLike, ids: string[]): Promise<Map<string, Doc>> {
  const out = new Map<string, Doc>();
  if (ids.length === 0) return out;
  const res = await db.allDocs({ keys: ids, include_docs: true, conflicts: false });
  for (const row of res.rows) if (row.doc) out.set(row.key, row.doc);
  return out;
}

/** Builds the wrapper that express-pouchdb's dbWrapper installs on every database. */
export function createValidationInstaller(opts: ValidationOptions): (dbName: string, db: unknown) => void {
  const timeoutMs = opts.vduTimeoutMs ?? 1000;

  async function validateDocs(
    base: PouchLike,
    docs: Doc[],
    options: WrapperArgs['options'],
  ): Promise<Array<ValidationRefusal | null>> {
    const dbName = base.name;
    // Every HTTP route passes the caller's userCtx; a write without one is internal (pouchdb-find
    // creating a Mango index, the replicator, pouchdb-auth), already authorised by the guard,
    // and runs with CouchDB's admin context as those do in CouchDB.
    const internal = options.userCtx === undefined;
    const ctxIn = options.userCtx ?? { name: null, roles: ['_admin'] };
    const userCtx: UserCtx = { db: dbName, name: ctxIn.name ?? null, roles: [...(ctxIn.roles ?? [])] };
    const serverAdmin = internal || isServerAdmin(userCtx, opts.serverAdminNames);
    if (!serverAdmin) userCtx.roles = userCtx.roles.filter((r) => r !== '_admin');
    const writable = docs.filter((d) => !String(d._id ?? '').startsWith('_local/'));
    if (writable.length === 0) return docs.map(() => null);
    if (writable.some((d) => String(d._id ?? '').startsWith('_design/'))) invalidateValidators(dbName);
    const isUsers = dbName === '_users';
    const validators = await loadValidators(base, timeoutMs);
    const needsDdocCheck = writable.some((d) => String(d._id ?? '').startsWith('_design/'));
    if (validators.length === 0 && !isUsers && !needsDdocCheck) return docs.map(() => null);
    const secObj = await opts.getSecurity(dbName);
    const dbAdmin = serverAdmin || isDbAdmin(userCtx, secObj, opts.serverAdminNames);
    const oldDocs =
      validators.length > 0
        ? await loadOldDocs(
            base,
            writable.map((d) => String(d._id ?? '')),
          )
        : new Map<string, Doc>();
    return docs.map((doc) => {
      const id = String(doc._id ?? '');
      if (id.startsWith('_local/')) return null;
      if (id.startsWith('_design/')) {
        if (!dbAdmin) {
          return userCtx.name === null
            ? new ValidationRefusal(401, 'unauthorized', 'You are not a db or server admin.', id)
            : new ValidationRefusal(403, 'forbidden', 'You are not a db or server admin.', id);
        }
        return null; // CouchDB does not run validate_doc_update on design documents
      }
      const oldDoc = oldDocs.get(id) ?? null;
      if (isUsers) {
        const refusal = checkUsersDbWrite(doc, userCtx, serverAdmin);
        if (refusal) return new ValidationRefusal(refusal.status, refusal.error, refusal.reason, id);
      }
      for (const v of validators) {
        const outcome = v.validate(doc, oldDoc, userCtx, secObj);
        if (!outcome.ok) return new ValidationRefusal(outcome.status, outcome.error, outcome.reason, id);
      }
      return null;
    });
  }

  async function validateOne(base: PouchLike, doc: Doc, options: WrapperArgs['options']): Promise<void> {
    const [refusal] = await validateDocs(base, [doc], options);
    if (refusal) throw refusal;
  }

  /** Runs the write, then drops cached validators if it touched a design document. */
  async function thenInvalidate<T>(base: PouchLike, docs: Doc[], write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      if (docs.some((d) => String(d._id ?? '').startsWith('_design/'))) invalidateValidators(base.name);
    }
  }

  const handlers: Record<string, WrapperHandler> = {
    async put(orig, args) {
      await validateOne(args.base, args.doc ?? {}, args.options);
      return thenInvalidate(args.base, [args.doc ?? {}], orig);
    },
    async post(orig, args) {
      await validateOne(args.base, args.doc ?? {}, args.options);
      return orig();
    },
    async remove(orig, args) {
      const doc = args.doc ?? {};
      await validateOne(args.base, { _id: doc._id, _rev: doc._rev, _deleted: true }, args.options);
      return thenInvalidate(args.base, [doc], orig);
    },
    async bulkDocs(orig, args) {
      const docs = args.docs ?? [];
      const refusals = await validateDocs(args.base, docs, args.options);
      if (refusals.every((r) => r === null)) return thenInvalidate(args.base, docs, orig);
      const accepted = docs.filter((_d, i) => refusals[i] === null);
      args.docs = accepted;
      const results =
        accepted.length > 0 ? ((await thenInvalidate(args.base, accepted, orig)) as unknown[]) : [];
      const errors = (i: number): object => {
        const r = refusals[i] as ValidationRefusal;
        return { id: r.id, error: true, name: r.name, message: r.message, status: r.status };
      };
      if (args.options.new_edits === false) {
        // CouchDB answers new_edits:false with errors only.
        return [
          ...docs.map((_d, i) => (refusals[i] ? errors(i) : null)).filter((x) => x !== null),
          ...results,
        ];
      }
      let next = 0;
      return docs.map((_d, i) => (refusals[i] ? errors(i) : results[next++]));
    },
    async putAttachment(orig, args) {
      const doc = await args.base
        .get(args.docId ?? '', { rev: args.rev ?? undefined })
        .catch(() => ({ _id: args.docId }) as Doc);
      const atts = {
        ...((doc._attachments as Doc | undefined) ?? {}),
        [args.attachmentId ?? '']: { content_type: args.type, stub: true },
      };
      await validateOne(args.base, { ...doc, _rev: args.rev ?? undefined, _attachments: atts }, args.options);
      return thenInvalidate(args.base, [{ _id: args.docId }], orig);
    },
    async removeAttachment(orig, args) {
      const doc = await args.base.get(args.docId ?? '', { rev: args.rev ?? undefined });
      const atts = { ...((doc._attachments as Doc | undefined) ?? {}) };
      delete atts[args.attachmentId ?? ''];
      await validateOne(args.base, { ...doc, _attachments: atts }, args.options);
      return orig();
    },
  };

  return (_dbName: string, db: unknown): void => {
    wrappers.installWrapperMethods(db, handlers);
  };
}
