/**
 * Compiles the design-document file tree `sync-server/ddocs/<db>/<ddoc>/` (docs/product-rules.md §8.1, as in
 * cht-core) into JSON design documents with a version stamp, so provisioning can install them
 * idempotently. Run as a script (`npm run build:ddocs`) it writes `dist/ddocs/<db>.json`;
 * provisioning imports {@link compileDdocs} and compiles in memory.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMAS_INCLUDE, coreSchemasSnippet } from './ddocSchemas';

/** Repository root (this file lives in `build/`). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Default location of the design-document tree. */
export const DDOCS_ROOT = join(REPO_ROOT, 'sync-server', 'ddocs');

/** One view of a compiled design document. */
export interface CompiledView {
  map: string;
  reduce?: string;
}

/** A design document ready to PUT into CouchDB. */
export interface CompiledDesignDoc {
  _id: string;
  language: 'javascript';
  validate_doc_update?: string;
  views?: Record<string, CompiledView>;
  /** `<package version>+<content hash>`: provisioning replaces the installed ddoc only when it differs. */
  courtdesk_version: string;
}

/** Every design document of one database. */
export interface CompiledDatabaseDdocs {
  db: string;
  docs: CompiledDesignDoc[];
}

/** Options of {@link compileDdocs}. */
export interface CompileOptions {
  /** The ddocs tree (default {@link DDOCS_ROOT}). */
  root?: string;
  /** Version prefix of the stamp (default: package.json version). */
  version?: string;
}

const INCLUDE = /^[ \t]*\/\/ @include ([\w./-]+)[ \t]*$/gm;

/** The version in the repository's package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return pkg.version;
}

/**
 * Replaces `// @include <path>` lines (path relative to the ddocs root, inside it) with that file's
 * text, so every database's function shares one engine and still ships as one self-contained source.
 * `// @include _generated/coreSchemas.js` inserts the core collection rules compiled to ES5
 * (build/ddocSchemas.ts).
 */
export function inlineIncludes(source: string, root: string): string {
  return source.replace(INCLUDE, (_line, rel: string) => {
    if (rel === CORE_SCHEMAS_INCLUDE) return coreSchemasSnippet();
    const file = resolve(root, rel);
    if (!file.startsWith(resolve(root) + '/') && !file.startsWith(resolve(root) + '\\')) {
      throw new Error(`@include outside the ddocs tree: ${rel}`);
    }
    if (!existsSync(file)) throw new Error(`@include not found: ${rel}`);
    const text = readFileSync(file, 'utf8');
    if (/^[ \t]*\/\/ @include /m.test(text)) throw new Error(`nested @include is not supported: ${rel}`);
    return text.replace(/\s+$/, '');
  });
}

/** Throws unless `source` is a single JavaScript function expression. */
export function assertFunctionSource(source: string, where: string): void {
  if (!/^function\s*\(/.test(source.trimStart())) throw new Error(`${where}: must start with "function ("`);
  let fn: unknown;
  try {
    fn = new Function(`return (${source}\n);`)();
  } catch (err) {
    throw new Error(`${where}: does not parse: ${(err as Error).message}`, { cause: err });
  }
  if (typeof fn !== 'function') throw new Error(`${where}: is not a function expression`);
}

function readFunction(file: string, root: string, where: string): string {
  const source = inlineIncludes(readFileSync(file, 'utf8'), root).trim();
  assertFunctionSource(source, where);
  return source;
}

function subdirs(dir: string): string[] {
  return readdirSync(dir)
    .filter(
      (name) => !name.startsWith('_') && !name.startsWith('.') && statSync(join(dir, name)).isDirectory(),
    )
    .sort();
}

/** A stable hash of a design document's content (keys sorted, stamp excluded). */
export function contentHash(doc: Omit<CompiledDesignDoc, 'courtdesk_version'>): string {
  const canonical = JSON.stringify(doc, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/** Compiles every `<db>/<ddoc>/` folder of the tree into design documents. */
export function compileDdocs(options: CompileOptions = {}): CompiledDatabaseDdocs[] {
  const root = options.root ?? DDOCS_ROOT;
  const version = options.version ?? packageVersion();
  return subdirs(root).map((db) => {
    const docs = subdirs(join(root, db)).map((name) => {
      const dir = join(root, db, name);
      const doc: Omit<CompiledDesignDoc, 'courtdesk_version'> = {
        _id: `_design/${name}`,
        language: 'javascript',
      };
      const vdu = join(dir, 'validate_doc_update.js');
      if (existsSync(vdu))
        doc.validate_doc_update = readFunction(vdu, root, `${db}/${name}/validate_doc_update.js`);
      const viewsDir = join(dir, 'views');
      if (existsSync(viewsDir)) {
        const views: Record<string, CompiledView> = {};
        for (const view of subdirs(viewsDir)) {
          const map = join(viewsDir, view, 'map.js');
          if (!existsSync(map)) throw new Error(`${db}/${name}/views/${view}: missing map.js`);
          const compiled: CompiledView = {
            map: readFunction(map, root, `${db}/${name}/views/${view}/map.js`),
          };
          const reduce = join(viewsDir, view, 'reduce.js');
          if (existsSync(reduce)) {
            const text = readFileSync(reduce, 'utf8').trim();
            compiled.reduce = /^_(sum|count|stats|approx_count_distinct)$/.test(text)
              ? text
              : readFunction(reduce, root, `${db}/${name}/views/${view}/reduce.js`);
          }
          views[view] = compiled;
        }
        doc.views = views;
      }
      if (!doc.validate_doc_update && !doc.views) throw new Error(`${db}/${name}: empty design document`);
      return { ...doc, courtdesk_version: `${version}+${contentHash(doc)}` };
    });
    return { db, docs };
  });
}

/** Writes `<outDir>/<db>.json` (an array of design documents) for every database; returns the paths. */
export function writeCompiledDdocs(compiled: readonly CompiledDatabaseDdocs[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return compiled.map(({ db, docs }) => {
    const file = join(outDir, `${db}.json`);
    writeFileSync(file, JSON.stringify(docs, null, 2) + '\n');
    return file;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = writeCompiledDdocs(compileDdocs(), join(REPO_ROOT, 'dist', 'ddocs'));
  for (const f of files) console.log(`wrote ${f}`);
}
