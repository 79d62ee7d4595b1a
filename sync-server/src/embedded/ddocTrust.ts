import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Which design documents may run JavaScript on the embedded server (views in PouchDB's own
 * `vm.runInNewContext`, validate_doc_update in sandbox.ts): only those whose content the server
 * admin wrote. `node:vm` is not a boundary (issue 8 hole 2: a member's map function reached
 * `process`), so the content hash of every design document the server admin writes is recorded in
 * `<dataDir>/trusted-design-docs.json` (mode 0600, outside any database), and anything else (a
 * design document stored before this rule, e.g. by a member through the old `_local/_security`
 * hole) is never run. The design documents this version of CourtDesk ships (and pouchdb-auth's
 * `_users/_design/_auth` of older installs) are trusted by content, so an upgrade keeps working.
 */

const require = createRequire(import.meta.url);

/** A design document body as stored (functions as strings). */
export type DesignDoc = Record<string, unknown>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = canonical((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/** The content hash of a design document: every field but the special ones (`_rev`, `_revisions`, …). */
export function designDocHash(doc: DesignDoc): string {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_') || k === '_id') body[k] = v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

/** Design documents trusted by content: the ones this version ships. Loaded once, when needed. */
export type BuiltInDesignDocs = () => Promise<Iterable<DesignDoc>>;

/** pouchdb-auth's `_design/_auth` as it stored it in `_users` (older installs have it). */
export function pouchdbAuthDesignDoc(): DesignDoc {
  const dd = require('pouchdb-auth/lib/designdoc') as {
    _id: string;
    language: string;
    validate_doc_update: () => void;
  };
  return { _id: dd._id, language: dd.language, validate_doc_update: dd.validate_doc_update.toString() };
}

/** The default built-ins: the compiled CourtDesk design documents and pouchdb-auth's. */
export async function shippedDesignDocs(): Promise<Iterable<DesignDoc>> {
  const { compileDdocs } = await import('../../../build/compileDdocs');
  return [
    pouchdbAuthDesignDoc(),
    ...compileDdocs().flatMap((d) => d.docs.map((doc) => ({ ...doc }) as DesignDoc)),
  ];
}

/** The record of trusted design-document content of one data directory. */
export class DesignDocTrust {
  private trusted = new Set<string>();
  private builtIns: Promise<Set<string>> | null = null;

  constructor(
    private readonly file: string,
    private readonly builtIn: BuiltInDesignDocs = shippedDesignDocs,
  ) {
    if (existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { hashes?: unknown };
      if (Array.isArray(saved.hashes))
        this.trusted = new Set(saved.hashes.filter((h): h is string => typeof h === 'string'));
    }
  }

  /** Records content the server admin wrote (before the write, so a crash cannot lose it). */
  trust(doc: DesignDoc): void {
    const h = designDocHash(doc);
    if (this.trusted.has(h)) return;
    this.trusted.add(h);
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ hashes: [...this.trusted] }) + '\n', { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  /** True when the content was written by the server admin or ships with this version. */
  async isTrusted(doc: DesignDoc): Promise<boolean> {
    const h = designDocHash(doc);
    if (this.trusted.has(h)) return true;
    this.builtIns ??= this.builtIn().then((docs) => new Set([...docs].map(designDocHash)));
    return (await this.builtIns).has(h);
  }
}

/** True when a design document carries JavaScript that PouchDB or the sandbox would run. */
export function hasJavaScript(doc: DesignDoc): boolean {
  if (doc.language !== undefined && doc.language !== 'javascript') return false;
  return doc.validate_doc_update !== undefined || doc.views !== undefined || doc.filters !== undefined;
}
