import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import { CouchHttpError } from '../errors';

/**
 * Mango selectors on the embedded server (issue 8 holes 5 and 10):
 *  - checked before PouchDB sees them, as CouchDB's mango_selector normalises them: an unknown
 *    operator or a wrong argument is a 400, never a 500 from deep inside pouchdb-find;
 *  - `$regex` never backtracks catastrophically: V8's linear-time engine takes over from the
 *    backtracking one after too many backtracks (process-wide, so pouchdb-find's and PouchDB's own
 *    `new RegExp(userValue)` benefit too), and patterns that engine cannot run (lookarounds,
 *    backreferences) are refused with 400;
 *  - where the guard evaluates a selector itself (`_changes?filter=_selector`), each slice of
 *    documents runs under a `vm` timeout, so even a linear but costly match over a huge field holds
 *    the event loop for at most {@link SLICE_MS}.
 */

const require = createRequire(import.meta.url);
const selectorCore = require('pouchdb-selector-core') as {
  matchesSelector(doc: unknown, selector: unknown): boolean;
};

/** Installs V8's linear-time fallback for regular expressions (process-wide, idempotent). */
export function installLinearRegexFallback(): void {
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
}
installLinearRegexFallback();

/** Longest `$regex` pattern accepted (the linear engine's cost grows with the pattern). */
export const MAX_REGEX_LENGTH = 512;
/** Longest synchronous selector evaluation before the request is refused. */
export const SLICE_MS = 250;

const CONDITION_OPS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$exists',
  '$type',
  '$in',
  '$nin',
  '$size',
  '$mod',
  '$regex',
  '$all',
  '$elemMatch',
  '$allMatch',
]);
const COMBINATION_OPS = new Set(['$and', '$or', '$nor', '$not']);
const TYPES = new Set(['null', 'boolean', 'number', 'string', 'array', 'object']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Throws CouchDB's 400 for an invalid selector; `error` is `invalid_operator` (`_find`) or `bad_request` (`_changes`). */
export function checkSelector(
  selector: unknown,
  error: 'invalid_operator' | 'bad_request' = 'invalid_operator',
): void {
  if (!isObject(selector))
    throw new CouchHttpError(
      400,
      error === 'bad_request' ? 'bad_request' : 'invalid_selector_json',
      'Selector must be a JSON object',
    );
  const badArg = (op: string, v: unknown): CouchHttpError =>
    new CouchHttpError(
      400,
      error === 'bad_request' ? 'bad_request' : 'bad_arg',
      `Bad argument for operator ${op}: ${JSON.stringify(v)}`,
    );
  const invalidOp = (op: string): CouchHttpError => new CouchHttpError(400, error, `Invalid operator: ${op}`);

  // `level`: 'selector' where fields and combination operators may appear, 'field' inside a
  // field's value (conditions only: PouchDB's matcher has no field-level $and/$or/$nor/$not).
  function walkObject(obj: Record<string, unknown>, level: 'selector' | 'field'): void {
    for (const [key, value] of Object.entries(obj)) {
      if (key.startsWith('$')) operator(key, value, level);
      else if (isObject(value)) walkObject(value, 'field');
    }
  }
  function operator(op: string, v: unknown, level: 'selector' | 'field'): void {
    if (COMBINATION_OPS.has(op)) {
      if (level === 'field')
        throw new CouchHttpError(
          400,
          error,
          `${op} inside a field is not supported by the embedded server; use it at the top level`,
        );
      if (op === '$not') {
        if (!isObject(v)) throw badArg(op, v);
        walkObject(v, 'selector');
        return;
      }
      if (!Array.isArray(v) || !v.every(isObject)) throw badArg(op, v);
      v.forEach((s) => walkObject(s, 'selector'));
      return;
    }
    if (!CONDITION_OPS.has(op)) throw invalidOp(op);
    switch (op) {
      case '$in':
      case '$nin':
      case '$all':
        if (!Array.isArray(v)) throw badArg(op, v);
        return;
      case '$exists':
        if (typeof v !== 'boolean') throw badArg(op, v);
        return;
      case '$type':
        if (typeof v !== 'string' || !TYPES.has(v)) throw badArg(op, v);
        return;
      case '$size':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw badArg(op, v);
        return;
      case '$mod':
        if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => Number.isInteger(n)) || v[0] === 0)
          throw badArg(op, v);
        return;
      case '$regex':
        if (typeof v !== 'string') throw invalidOp(op);
        checkRegex(v, badArg);
        return;
      case '$elemMatch':
      case '$allMatch':
        if (!isObject(v)) throw badArg(op, v);
        walkObject(v, 'selector');
        return;
      default:
        return;
    }
  }
  walkObject(selector, 'selector');
}

function checkRegex(v: unknown, badArg: (op: string, v: unknown) => CouchHttpError): void {
  if (typeof v !== 'string' || v.length > MAX_REGEX_LENGTH) throw badArg('$regex', v);
  // The pattern must compile, then compile for the linear-time engine.
  try {
    new RegExp(v);
  } catch {
    throw badArg('$regex', v);
  }
  try {
    // 'l' (linear) exists once --enable-experimental-regexp-engine is set (installLinearRegexFallback).
    // eslint-disable-next-line no-invalid-regexp
    new RegExp(v, 'l');
  } catch {
    throw new CouchHttpError(
      400,
      'bad_request',
      `$regex ${JSON.stringify(v)} cannot run in linear time (lookarounds and backreferences are not supported by the embedded server)`,
    );
  }
}

/** True when the selector contains a `$regex` anywhere. */
export function hasRegex(selector: unknown): boolean {
  if (Array.isArray(selector)) return selector.some(hasRegex);
  if (!isObject(selector)) return false;
  return Object.entries(selector).some(([k, v]) => k === '$regex' || hasRegex(v));
}

const context = vm.createContext(Object.create(null) as object);
const RUN = new vm.Script('__run()', { filename: 'selector' });

function runBounded<T>(fn: () => T, timeoutMs: number): { ok: true; value: T } | { ok: false } {
  (context as { __run?: () => T }).__run = fn;
  try {
    return { ok: true, value: RUN.runInContext(context, { timeout: timeoutMs }) as T };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { ok: false };
    throw err;
  } finally {
    delete (context as { __run?: () => T }).__run;
  }
}

/** Evaluates a checked selector over documents, each slice under a time bound. */
export class SelectorFilter {
  private readonly bounded: boolean;
  constructor(
    private readonly selector: Record<string, unknown>,
    private readonly sliceMs = SLICE_MS,
  ) {
    this.bounded = hasRegex(selector);
  }

  /** Which of `docs` match; throws 400 when one document alone takes longer than a slice. */
  matches(docs: readonly unknown[]): boolean[] {
    const all = () => docs.map((d) => selectorCore.matchesSelector(d, this.selector));
    if (!this.bounded) return all();
    const whole = runBounded(all, this.sliceMs);
    if (whole.ok) return whole.value;
    return docs.map((d) => {
      const one = runBounded(() => selectorCore.matchesSelector(d, this.selector), this.sliceMs);
      if (!one.ok)
        throw new CouchHttpError(
          400,
          'bad_request',
          `the selector took over ${this.sliceMs} ms on one document; the embedded server refuses it`,
        );
      return one.value;
    });
  }
}
