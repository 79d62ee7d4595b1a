import vm from 'node:vm';
import { CouchHttpError } from '../errors';

/**
 * Design-document checks at write time, as CouchDB 3 does (400 `invalid_design_doc` for a wrong
 * shape, 400 `compilation_error` for JavaScript that does not compile): a broken view or reduce
 * must not be stored and then fail inside PouchDB on every query. Compiling here never runs the
 * code (`vm.Script` only parses).
 */

const BUILTIN_REDUCES = new Set(['_sum', '_count', '_stats', '_approx_count_distinct']);

function invalid(reason: string): CouchHttpError {
  return new CouchHttpError(400, 'invalid_design_doc', reason);
}

function compiles(src: string, what: string): void {
  try {
    new vm.Script(`(${src}\n)`, { filename: what });
  } catch (err) {
    throw new CouchHttpError(
      400,
      'compilation_error',
      `${what}: ${err instanceof Error ? err.message : 'does not compile'}`,
    );
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Throws when a design document would be refused by CouchDB. */
export function checkDesignDoc(doc: Record<string, unknown>): void {
  if (doc._deleted === true) return;
  const language = doc.language ?? 'javascript';
  if (language !== 'javascript' && language !== 'query')
    throw invalid(`unsupported language: ${String(language)}`);
  const js = language === 'javascript';
  if (doc.views !== undefined) {
    if (!isPlainObject(doc.views)) throw invalid('`views` must be an object');
    for (const [name, view] of Object.entries(doc.views)) {
      if (!isPlainObject(view)) throw invalid(`view ${name} must be an object`);
      if (js) {
        if (typeof view.map !== 'string') throw invalid(`view ${name}: map must be a string`);
        compiles(view.map, `views.${name}.map`);
      } else if (!isPlainObject(view.map)) {
        throw invalid(`view ${name}: map must be an object`);
      }
      if (view.reduce !== undefined) {
        if (typeof view.reduce !== 'string') throw invalid(`view ${name}: reduce must be a string`);
        if (view.reduce.startsWith('_')) {
          if (!BUILTIN_REDUCES.has(view.reduce.trim()))
            throw invalid(`view ${name}: unknown builtin reduce ${view.reduce}`);
        } else if (js) {
          compiles(view.reduce, `views.${name}.reduce`);
        }
      }
    }
  }
  if (doc.validate_doc_update !== undefined) {
    if (typeof doc.validate_doc_update !== 'string') throw invalid('validate_doc_update must be a string');
    compiles(doc.validate_doc_update, 'validate_doc_update');
  }
  for (const key of ['filters', 'shows', 'lists', 'updates'] as const) {
    const group = doc[key];
    if (group === undefined) continue;
    if (!isPlainObject(group)) throw invalid(`\`${key}\` must be an object`);
    for (const [name, src] of Object.entries(group)) {
      if (typeof src !== 'string') throw invalid(`${key}.${name} must be a string`);
    }
  }
}
