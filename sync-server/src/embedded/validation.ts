import { createRequire } from 'node:module';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { isServerAdmin, type SecurityObject, type UserCtx } from './access';
import { RESERVED_LOCAL_IDS } from './allowList';
import type { DesignDocTrust } from './ddocTrust';
import { hashUserDocPassword } from './passwords';
import { checkUsersDbWrite } from './usersDb';
import {
  idOf,
  loadOldDocs,
  loadValidators,
  ValidationRefusal,
  WRITE_CHUNK,
  type Doc,
  type PouchLike,
  type ValidatorCache,
} from './validators';

/**
 * Write validation installed on every database in place of express-pouchdb's `validation` part
 * (pouchdb-validation, which ran ddoc code in the server's realm). For each written document:
 *  1. reserved `_local` ids (where `_security` and the purge log live) are refused on every path;
 *  2. design documents need the server admin (per document, so `_bulk_docs` answers per document
 *     as CouchDB does); their content is recorded as trusted before they are stored (ddocTrust.ts);
 *  3. in `_users`, a clear-text `password` is hashed (passwords.ts), then the rules of usersDb.ts;
 *  4. every `validate_doc_update` of the database, in a vm sandbox (sandbox.ts), with CouchDB's
 *     arguments — only if the server admin wrote it: an untrusted validator refuses every write
 *     (fail closed) until the server admin writes the design document again.
 * Long batches yield to the event loop every few milliseconds, so one big `_bulk_docs` does not
 * hold up other clients. `_local/` documents are otherwise never validated (as in CouchDB).
 */

const require = createRequire(import.meta.url);
// pouchdb-wrappers ships with express-pouchdb 4.2.0 (no types).
const wrappers = require('pouchdb-wrappers') as {
  installWrapperMethods(db: unknown, handlers: Record<string, WrapperHandler>): void;
};

export { ValidationRefusal } from './validators';

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

/** Options of {@link createValidationInstaller}. */
export interface ValidationOptions {
  serverAdminNames: ReadonlySet<string>;
  /** Reads a database's `_security`. */
  getSecurity(dbName: string): Promise<SecurityObject>;
  trust: DesignDocTrust;
  /** PBKDF2 iterations for `_users` passwords. */
  iterations: number;
  vduTimeoutMs?: number;
}

/** Longest stretch of synchronous validation before yielding to other requests. */
const SLICE_MS = 8;

/** What {@link createValidationInstaller} returns. */
export interface ValidationInstaller {
  /** express-pouchdb's dbWrapper hook: wraps one database object. */
  install(dbName: string, db: unknown): void;
  /** Forgets the compiled validators of a database (its design documents changed, or it was deleted). */
  invalidate(dbName: string): void;
}

/** Builds the wrapper that express-pouchdb's dbWrapper installs on every database. */
export function createValidationInstaller(opts: ValidationOptions): ValidationInstaller {
  const timeoutMs = opts.vduTimeoutMs ?? 1000;
  const cache: ValidatorCache = { sandboxes: new Map(), lists: new Map() };
  const invalidateValidators = (dbName: string): void => {
    cache.lists.delete(dbName);
  };

  async function validateDocs(
    base: PouchLike,
    docs: Doc[],
    options: WrapperArgs['options'],
    recordTrust = true,
  ): Promise<Array<ValidationRefusal | null>> {
    const dbName = base.name;
    // Every HTTP route passes the caller's userCtx; a write without one is internal (pouchdb-find
    // creating a Mango index for the server admin, the replicator), already authorised by the
    // guard, and runs with CouchDB's admin context as those do in CouchDB.
    const internal = options.userCtx === undefined;
    const ctxIn = options.userCtx ?? { name: null, roles: ['_admin'] };
    const userCtx: UserCtx = { db: dbName, name: ctxIn.name ?? null, roles: [...(ctxIn.roles ?? [])] };
    const serverAdmin = internal || isServerAdmin(userCtx, opts.serverAdminNames);
    if (!serverAdmin) userCtx.roles = userCtx.roles.filter((r) => r !== '_admin');
    if (docs.some((d) => RESERVED_LOCAL_IDS.has(idOf(d)))) {
      return docs.map((d) =>
        RESERVED_LOCAL_IDS.has(idOf(d))
          ? new ValidationRefusal(403, 'forbidden', `${idOf(d)} is reserved`, idOf(d))
          : null,
      );
    }
    const writable = docs.filter((d) => !idOf(d).startsWith('_local/'));
    if (writable.length === 0) return docs.map(() => null);
    const isUsers = dbName === '_users';
    if (isUsers) await Promise.all(writable.map((d) => hashUserDocPassword(d, opts.iterations)));
    if (writable.some((d) => idOf(d).startsWith('_design/'))) invalidateValidators(dbName);
    const validators = await loadValidators(cache, base, opts.trust, timeoutMs);
    const secObj = validators.length > 0 ? await opts.getSecurity(dbName) : {};
    const oldDocs =
      validators.length > 0 ? await loadOldDocs(base, writable.map(idOf)) : new Map<string, Doc>();
    const out: Array<ValidationRefusal | null> = [];
    let sliceStart = performance.now();
    for (const doc of docs) {
      out.push(validateOne(doc));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    return out;

    function validateOne(doc: Doc): ValidationRefusal | null {
      const id = idOf(doc);
      if (id.startsWith('_local/')) return null;
      if (id.startsWith('_design/')) {
        if (!serverAdmin) {
          const reason = 'Only the server admin may write design documents on the embedded server.';
          return userCtx.name === null
            ? new ValidationRefusal(401, 'unauthorized', reason, id)
            : new ValidationRefusal(403, 'forbidden', reason, id);
        }
        if (recordTrust && doc._deleted !== true) opts.trust.trust(doc);
        return null; // CouchDB does not run validate_doc_update on design documents
      }
      const oldDoc = oldDocs.get(id) ?? null;
      if (isUsers) {
        const refusal = checkUsersDbWrite(doc, userCtx, serverAdmin);
        if (refusal) return new ValidationRefusal(refusal.status, refusal.error, refusal.reason, id);
      }
      for (const v of validators) {
        if (v instanceof ValidationRefusal) return new ValidationRefusal(v.status, v.name, v.message, id);
        const outcome = v.validate(doc, oldDoc, userCtx, secObj);
        if (!outcome.ok) return new ValidationRefusal(outcome.status, outcome.error, outcome.reason, id);
      }
      return null;
    }
  }

  async function validateSingle(
    base: PouchLike,
    doc: Doc,
    options: WrapperArgs['options'],
    recordTrust = true,
  ): Promise<void> {
    const [refusal] = await validateDocs(base, [doc], options, recordTrust);
    if (refusal) throw refusal;
  }

  /** Writes `docs` through `orig` in chunks, yielding between them; results in order. */
  async function writeInChunks(
    args: WrapperArgs,
    docs: Doc[],
    orig: () => Promise<unknown>,
  ): Promise<unknown[]> {
    if (docs.length <= WRITE_CHUNK) {
      args.docs = docs;
      return (await orig()) as unknown[];
    }
    const results: unknown[] = [];
    for (let i = 0; i < docs.length; i += WRITE_CHUNK) {
      args.docs = docs.slice(i, i + WRITE_CHUNK);
      results.push(...((await orig()) as unknown[]));
      await yieldToEventLoop();
    }
    return results;
  }

  /** Runs the write, then drops cached validators if it touched a design document. */
  async function thenInvalidate<T>(base: PouchLike, docs: Doc[], write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      if (docs.some((d) => idOf(d).startsWith('_design/'))) invalidateValidators(base.name);
    }
  }

  const handlers: Record<string, WrapperHandler> = {
    async put(orig, args) {
      await validateSingle(args.base, args.doc ?? {}, args.options);
      return thenInvalidate(args.base, [args.doc ?? {}], orig);
    },
    async post(orig, args) {
      await validateSingle(args.base, args.doc ?? {}, args.options);
      return thenInvalidate(args.base, [args.doc ?? {}], orig);
    },
    async remove(orig, args) {
      const doc = args.doc ?? {};
      await validateSingle(args.base, { _id: doc._id, _rev: doc._rev, _deleted: true }, args.options);
      return thenInvalidate(args.base, [doc], orig);
    },
    async bulkDocs(orig, args) {
      const docs = args.docs ?? [];
      const refusals = await validateDocs(args.base, docs, args.options);
      const write = (accepted: Doc[]) =>
        thenInvalidate(args.base, accepted, () => writeInChunks(args, accepted, orig));
      if (refusals.every((r) => r === null)) return write(docs);
      const accepted = docs.filter((_d, i) => refusals[i] === null);
      const results = accepted.length > 0 ? await write(accepted) : [];
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
      // An attachment leaves the design document's code as it was: not a reason to trust it.
      await validateSingle(
        args.base,
        { ...doc, _rev: args.rev ?? undefined, _attachments: atts },
        args.options,
        false,
      );
      return thenInvalidate(args.base, [{ _id: args.docId }], orig);
    },
    async removeAttachment(orig, args) {
      const doc = await args.base.get(args.docId ?? '', { rev: args.rev ?? undefined });
      const atts = { ...((doc._attachments as Doc | undefined) ?? {}) };
      delete atts[args.attachmentId ?? ''];
      await validateSingle(args.base, { ...doc, _attachments: atts }, args.options, false);
      return thenInvalidate(args.base, [{ _id: args.docId }], orig);
    },
  };

  return {
    install(_dbName: string, db: unknown): void {
      wrappers.installWrapperMethods(db, handlers);
    },
    invalidate: invalidateValidators,
  };
}
