/**
 * Compiles core/schemas/serverRules.ts — the collection schemas and the domain rules they use —
 * into one self-contained ES5 snippet for design documents: bundled with esbuild, lowered to ES5
 * by the TypeScript compiler, preceded by polyfills for the few post-ES5 built-ins the bundle
 * calls (installed only where missing). Any CouchDB JavaScript engine runs it: SpiderMonkey 1.8.5
 * (ES5), later SpiderMonkey and QuickJS. `inlineIncludes` in compileDdocs.ts inserts it for
 * `// @include _generated/coreSchemas.js`, defining `courtdeskSchemaIssues(doc)` and the other
 * exports of serverRules.ts (as `courtdeskCore.<name>`) inside the validate_doc_update function.
 */
import { buildSync } from 'esbuild';
import { tokenize } from 'espree';
import ts from 'typescript';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The virtual include path that stands for the generated snippet. */
export const CORE_SCHEMAS_INCLUDE = '_generated/coreSchemas.js';

/**
 * Post-ES5 built-ins the bundle may call, defined only when the engine lacks them. Deliberately
 * small and literal (without `Symbol` the TypeScript ES5 iteration helpers read arrays and strings by index).
 */
const POLYFILLS = `
    function courtdeskDefine(obj, name, fn) { if (typeof obj[name] !== 'function') { try { Object.defineProperty(obj, name, { value: fn, configurable: true, writable: true }); } catch (e) { obj[name] = fn; } } }
    courtdeskDefine(Array.prototype, 'includes', function (x) { for (var i = 0; i < this.length; i++) { if (this[i] === x || (x !== x && this[i] !== this[i])) { return true; } } return false; });
    courtdeskDefine(Array.prototype, 'find', function (f, t) { for (var i = 0; i < this.length; i++) { if (f.call(t, this[i], i, this)) { return this[i]; } } return undefined; });
    courtdeskDefine(Array.prototype, 'findIndex', function (f, t) { for (var i = 0; i < this.length; i++) { if (f.call(t, this[i], i, this)) { return i; } } return -1; });
    courtdeskDefine(Array.prototype, 'fill', function (v) { for (var i = 0; i < this.length; i++) { this[i] = v; } return this; });
    courtdeskDefine(Array.prototype, 'flatMap', function (f, t) { var out = []; for (var i = 0; i < this.length; i++) { var r = f.call(t, this[i], i, this); if (Object.prototype.toString.call(r) === '[object Array]') { for (var j = 0; j < r.length; j++) { out.push(r[j]); } } else { out.push(r); } } return out; });
    courtdeskDefine(Array, 'from', function (src, f) { var out = []; if (src && typeof src.forEach === 'function' && typeof src.length !== 'number') { src.forEach(function (v) { out.push(v); }); } else { for (var i = 0; i < src.length; i++) { out.push(src[i]); } } if (f) { for (var k = 0; k < out.length; k++) { out[k] = f(out[k], k); } } return out; });
    courtdeskDefine(Array, 'of', function () { return Array.prototype.slice.call(arguments); });
    courtdeskDefine(String.prototype, 'startsWith', function (s, p) { p = p || 0; return this.substr(p, s.length) === s; });
    courtdeskDefine(String.prototype, 'endsWith', function (s) { return s.length <= this.length && this.substr(this.length - s.length) === s; });
    courtdeskDefine(String.prototype, 'includes', function (s, p) { return this.indexOf(s, p || 0) !== -1; });
    courtdeskDefine(String.prototype, 'repeat', function (n) { var out = ''; for (var i = 0; i < n; i++) { out += this; } return out; });
    courtdeskDefine(String.prototype, 'padStart', function (n, c) { var s = String(this); c = c === undefined ? ' ' : String(c); while (s.length < n) { s = c + s; } return s.length > n ? s.slice(s.length - n) : s; });
    courtdeskDefine(String.prototype, 'padEnd', function (n, c) { var s = String(this); c = c === undefined ? ' ' : String(c); while (s.length < n) { s = s + c; } return s.slice(0, Math.max(n, this.length)); });
    courtdeskDefine(String.prototype, 'trimStart', function () { return String(this).replace(/^\\s+/, ''); });
    courtdeskDefine(String.prototype, 'trimEnd', function () { return String(this).replace(/\\s+$/, ''); });
    courtdeskDefine(Number, 'isInteger', function (v) { return typeof v === 'number' && isFinite(v) && Math.floor(v) === v; });
    courtdeskDefine(Number, 'isSafeInteger', function (v) { return Number.isInteger(v) && Math.abs(v) <= 9007199254740991; });
    courtdeskDefine(Number, 'isFinite', function (v) { return typeof v === 'number' && isFinite(v); });
    courtdeskDefine(Number, 'isNaN', function (v) { return typeof v === 'number' && v !== v; });
    courtdeskDefine(Math, 'trunc', function (v) { return v < 0 ? Math.ceil(v) : Math.floor(v); });
    courtdeskDefine(Math, 'sign', function (v) { return v > 0 ? 1 : v < 0 ? -1 : v; });
    courtdeskDefine(Object, 'assign', function (t) { for (var i = 1; i < arguments.length; i++) { var s = arguments[i]; if (s) { for (var k in s) { if (Object.prototype.hasOwnProperty.call(s, k)) { t[k] = s[k]; } } } } return t; });
    courtdeskDefine(Object, 'entries', function (o) { var out = []; for (var k in o) { if (Object.prototype.hasOwnProperty.call(o, k)) { out.push([k, o[k]]); } } return out; });
    courtdeskDefine(Object, 'values', function (o) { var out = []; for (var k in o) { if (Object.prototype.hasOwnProperty.call(o, k)) { out.push(o[k]); } } return out; });
    courtdeskDefine(Object, 'fromEntries', function (list) { var o = {}; for (var i = 0; i < list.length; i++) { o[list[i][0]] = list[i][1]; } return o; });
    var CourtdeskMap = typeof Map === 'function' ? Map : (function () {
      function M(init) { this._k = []; this._v = []; this.size = 0; if (init) { for (var i = 0; i < init.length; i++) { this.set(init[i][0], init[i][1]); } } }
      M.prototype._i = function (k) { for (var i = 0; i < this._k.length; i++) { if (this._k[i] === k || (k !== k && this._k[i] !== this._k[i])) { return i; } } return -1; };
      M.prototype.get = function (k) { var i = this._i(k); return i < 0 ? undefined : this._v[i]; };
      M.prototype.has = function (k) { return this._i(k) >= 0; };
      M.prototype.set = function (k, v) { var i = this._i(k); if (i < 0) { this._k.push(k); this._v.push(v); this.size++; } else { this._v[i] = v; } return this; };
      M.prototype['delete'] = function (k) { var i = this._i(k); if (i < 0) { return false; } this._k.splice(i, 1); this._v.splice(i, 1); this.size--; return true; };
      M.prototype.forEach = function (f, t) { for (var i = 0; i < this._k.length; i++) { f.call(t, this._v[i], this._k[i], this); } };
      M.prototype.keys = function () { return this._k.slice(); };
      M.prototype.values = function () { return this._v.slice(); };
      M.prototype.entries = function () { var out = []; for (var i = 0; i < this._k.length; i++) { out.push([this._k[i], this._v[i]]); } return out; };
      return M;
    })();
    var CourtdeskSet = typeof Set === 'function' ? Set : (function () {
      function S(init) { this._m = new CourtdeskMap(); this.size = 0; if (init) { for (var i = 0; i < init.length; i++) { this.add(init[i]); } } }
      S.prototype.add = function (v) { this._m.set(v, v); this.size = this._m.size; return this; };
      S.prototype.has = function (v) { return this._m.has(v); };
      S.prototype['delete'] = function (v) { var r = this._m['delete'](v); this.size = this._m.size; return r; };
      S.prototype.forEach = function (f, t) { var self = this; this._m.forEach(function (v) { f.call(t, v, v, self); }); };
      S.prototype.values = function () { return this._m.keys(); };
      S.prototype.keys = S.prototype.values;
      return S;
    })();`;

/** The BMP Han ranges `\\p{Script=Han}` stands for in the rules (CJK, Ext. A, compatibility). */
const HAN = '[\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF]';

/**
 * ES5 has no `u` regex flag. Regex literals that use it only for BMP text are rewritten without it
 * (`\\p{Script=Han}` becomes the BMP Han ranges); anything else that needs `u` is refused, so a
 * rule that cannot run in CouchDB fails the build instead of the server.
 */
export function lowerUnicodeRegexes(code: string): string {
  const tokens = tokenize(code, { ecmaVersion: 2018, range: true }) as {
    type: string;
    range: [number, number];
    regex?: { pattern: string; flags: string };
  }[];
  let out = code;
  for (const tok of [...tokens].reverse()) {
    if (tok.type !== 'RegularExpression' || !tok.regex || !tok.regex.flags.includes('u')) continue;
    const pattern = tok.regex.pattern.replaceAll('\\p{Script=Han}', HAN);
    if (/\\[pP]\{|\\u\{|[\u{10000}-\u{10FFFF}]/u.test(pattern))
      throw new Error(
        `ddocSchemas: /${tok.regex.pattern}/${tok.regex.flags} needs the u flag, which ES5 lacks`,
      );
    const literal = `/${pattern}/${tok.regex.flags.replace('u', '')}`;
    out = out.slice(0, tok.range[0]) + literal + out.slice(tok.range[1]);
  }
  return out;
}

let cached: string | undefined;

/** The generated snippet (memoised per process). */
export function coreSchemasSnippet(): string {
  if (cached) return cached;
  const bundled = buildSync({
    entryPoints: [join(ROOT, 'core', 'schemas', 'serverRules.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'courtdeskCore',
    platform: 'neutral',
    target: 'es2018',
    charset: 'utf8',
    legalComments: 'none',
    minifySyntax: true,
    logLevel: 'silent',
  });
  const es2018 = bundled.outputFiles[0]?.text;
  if (!es2018) throw new Error('ddocSchemas: esbuild produced no output');
  // Map/Set/Symbol are looked up through our names, so ES5 engines use the small polyfills.
  const renamed = lowerUnicodeRegexes(es2018)
    .replace(/\bnew Map\b/g, 'new CourtdeskMap')
    .replace(/\bnew Set\b/g, 'new CourtdeskSet');
  const lowered = ts.transpileModule(renamed, {
    fileName: 'coreSchemas.js',
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES5,
      module: ts.ModuleKind.CommonJS,
      allowJs: true,
      downlevelIteration: true,
      removeComments: true,
      noEmitHelpers: false,
      importHelpers: false,
    },
  });
  const errors = (lowered.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0)
    throw new Error(
      `ddocSchemas: ES5 lowering failed: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`,
    );
  cached = [
    '    // ---- core/schemas compiled to ES5 by build/ddocSchemas.ts: do not edit ----',
    '    var courtdeskCore = (function () {',
    POLYFILLS,
    lowered.outputText.replace(/^"use strict";\s*/m, ''),
    '      return courtdeskCore;',
    '    })();',
    '    var courtdeskSchemaIssues = courtdeskCore.courtdeskSchemaIssues;',
  ].join('\n');
  return cached;
}
