import vm from 'node:vm';
import { types } from 'node:util';

/**
 * Runs a design document's `validate_doc_update` in a `node:vm` context instead of the server's
 * own realm (express-pouchdb's couchdb-eval compiled it with the host's `Function`, so a ddoc could
 * reach `process` and `require`). Isolation rules:
 *  - the context is created empty (no `process`, `require`, `Buffer`, timers, `console`);
 *  - no host object ever enters it: the ddoc and every argument cross as JSON text and are parsed
 *    inside, so `doc.constructor.constructor('return process')()` finds the context's Function;
 *  - the only thing that comes back is a string, parsed on the host side;
 *  - every call runs under a timeout (microtasks included), so an endless loop costs one request.
 * `require('lib/x')` works as in CouchDB: CommonJS modules taken from the design document itself.
 * A `vm` context is not a security boundary against memory exhaustion; see docs/embedded-server.md.
 */

/** Outcome of one validate_doc_update call. */
export type VduOutcome = { ok: true } | { ok: false; status: 401 | 403 | 500; error: string; reason: string };

const BOOTSTRAP = String.raw`
(function () {
  'use strict';
  var parse = JSON.parse, stringify = JSON.stringify, StringFn = String, Fn = Function;
  var ddoc = parse(__cd_ddoc);
  var log = function () {};
  var isArray = Array.isArray;
  var toJSON = function (v) { return stringify(v); };
  var sum = function (a) { var t = 0; for (var i = 0; i < a.length; i++) t += a[i]; return t; };
  var cache = {};
  function makeRequire(base) {
    return function require(path) {
      var parts = path.charAt(0) === '.' ? base.concat(path.split('/')) : path.split('/');
      var resolved = [];
      for (var i = 0; i < parts.length; i++) {
        if (parts[i] === '..') resolved.pop(); else if (parts[i] !== '.' && parts[i] !== '') resolved.push(parts[i]);
      }
      var key = resolved.join('/');
      if (cache[key]) return cache[key].exports;
      var src = ddoc;
      for (var j = 0; j < resolved.length; j++) {
        if (src === null || typeof src !== 'object') { src = undefined; break; }
        src = src[resolved[j]];
      }
      if (typeof src !== 'string') throw new Error('require(' + stringify(path) + '): no such module in the design document');
      var module = { exports: {}, id: key };
      cache[key] = module;
      new Fn('module', 'exports', 'require', 'log', 'isArray', 'toJSON', 'sum', src)(
        module, module.exports, makeRequire(resolved.slice(0, -1)), log, isArray, toJSON, sum);
      return module.exports;
    };
  }
  var fn = null, compileError = '';
  try {
    fn = new Fn('require', 'log', 'isArray', 'toJSON', 'sum',
      'return (' + StringFn(ddoc.validate_doc_update).replace(/;\s*$/, '') + ');')(makeRequire([]), log, isArray, toJSON, sum);
    if (typeof fn !== 'function') compileError = 'validate_doc_update is not a function';
  } catch (e) {
    try { compileError = 'compilation error: ' + StringFn(e && e.message); } catch (e2) { compileError = 'compilation error'; }
  }
  function run(argsJson) {
    if (compileError !== '') return stringify({ k: 'compile', r: compileError });
    var a = parse(argsJson);
    try {
      fn.call(ddoc, a[0], a[1], a[2], a[3]);
      return '{"ok":true}';
    } catch (e) {
      try {
      var out;
      if (e !== null && typeof e === 'object' && e.forbidden !== undefined) out = { k: 'forbidden', r: StringFn(e.forbidden) };
      else if (e !== null && typeof e === 'object' && e.unauthorized !== undefined) out = { k: 'unauthorized', r: StringFn(e.unauthorized) };
      else out = { k: 'error', r: StringFn(e !== null && typeof e === 'object' && e.message !== undefined ? e.message : e) };
      return stringify({ k: StringFn(out.k), r: StringFn(out.r) });
      } catch (e3) {
        return '{"k":"error","r":"validate_doc_update threw an unreadable value"}';
      }
    }
  }
  Object.defineProperty(globalThis, '__cd_run', { value: run, writable: false, configurable: false });
})();
`;

const CALL = new vm.Script('__cd_run(__cd_args)', { filename: 'validate_doc_update' });

/** One design document's validate_doc_update, compiled once in its own context. */
export class VduSandbox {
  private readonly context: vm.Context;
  private readonly holder: Record<string, unknown>;
  private readonly compileError: string | null = null;

  constructor(
    ddoc: Record<string, unknown>,
    private readonly timeoutMs = 1000,
  ) {
    this.holder = Object.create(null) as Record<string, unknown>;
    this.holder.__cd_ddoc = JSON.stringify(ddoc);
    this.context = vm.createContext(this.holder, {
      name: `ddoc ${String(ddoc._id)}`,
      codeGeneration: { strings: true, wasm: false },
      microtaskMode: 'afterEvaluate',
    });
    try {
      new vm.Script(BOOTSTRAP, { filename: `${String(ddoc._id)}/validate_doc_update` }).runInContext(
        this.context,
        { timeout: timeoutMs },
      );
    } catch (err) {
      this.compileError = describe(err);
    }
    delete this.holder.__cd_ddoc;
  }

  /** Calls validate_doc_update(newDoc, oldDoc, userCtx, secObj). */
  validate(newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown): VduOutcome {
    if (this.compileError !== null)
      return { ok: false, status: 500, error: 'compilation_error', reason: this.compileError };
    this.holder.__cd_args = JSON.stringify([newDoc, oldDoc ?? null, userCtx, secObj]);
    let raw: unknown;
    try {
      raw = CALL.runInContext(this.context, { timeout: this.timeoutMs });
    } catch (err) {
      return { ok: false, status: 500, error: 'validation_error', reason: describe(err) };
    } finally {
      delete this.holder.__cd_args;
    }
    if (typeof raw !== 'string')
      return {
        ok: false,
        status: 500,
        error: 'validation_error',
        reason: 'validate_doc_update returned an invalid result',
      };
    const parsed = JSON.parse(raw) as { ok?: true; k?: string; r?: string };
    if (parsed.ok === true) return { ok: true };
    const reason = typeof parsed.r === 'string' ? parsed.r : '';
    if (parsed.k === 'forbidden') return { ok: false, status: 403, error: 'forbidden', reason };
    if (parsed.k === 'unauthorized') return { ok: false, status: 401, error: 'unauthorized', reason };
    if (parsed.k === 'compile') return { ok: false, status: 500, error: 'compilation_error', reason };
    return { ok: false, status: 500, error: 'validation_error', reason };
  }
}

/** Host-side description of an error thrown by vm (timeout, syntax); never touches sandbox objects' getters. */
function describe(err: unknown): string {
  // No instanceof or property reads that could run sandbox code (Proxy traps, getters).
  if (typeof err !== 'object' || err === null || types.isProxy(err)) return 'validate_doc_update failed';
  const d = Object.getOwnPropertyDescriptor(err, 'message');
  return d !== undefined && typeof d.value === 'string' ? d.value : 'validate_doc_update failed';
}
