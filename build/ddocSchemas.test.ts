/**
 * The collection rules compiled for design documents (build/ddocSchemas.ts) are ES5 and agree with
 * the TypeScript rules they come from: the snippet parses as ECMAScript 5, runs in a VM context
 * stripped of every post-ES5 built-in the rules could touch (as in CouchDB's SpiderMonkey 1.8.5),
 * and gives exactly core's answer for the demo data and for thousands of mutated documents.
 */
import { parse } from 'espree';
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { courtdeskSchemaIssues } from '../core/schemas/serverRules';
import { generateDemo } from '../sync-server/src/setup/demoGenerator';
import { coreSchemasSnippet, lowerUnicodeRegexes } from './ddocSchemas';

/** Deletes what ES5 engines lack, then evaluates the snippet. */
const STRIP = `
  delete this.Map; delete this.Set; delete this.WeakMap; delete this.WeakSet; delete this.Symbol;
  delete this.Promise; delete this.Proxy; delete this.Reflect;
  delete Array.from; delete Array.of;
  ['includes', 'find', 'findIndex', 'fill', 'flat', 'flatMap', 'at', 'findLast', 'entries', 'keys', 'values'].forEach(function (k) { delete Array.prototype[k]; });
  ['startsWith', 'endsWith', 'includes', 'repeat', 'padStart', 'padEnd', 'trimStart', 'trimEnd', 'at', 'replaceAll', 'normalize', 'codePointAt'].forEach(function (k) { delete String.prototype[k]; });
  ['isInteger', 'isSafeInteger', 'isFinite', 'isNaN', 'parseFloat', 'parseInt'].forEach(function (k) { delete Number[k]; });
  ['trunc', 'sign', 'log10', 'hypot'].forEach(function (k) { delete Math[k]; });
  ['assign', 'entries', 'values', 'fromEntries', 'getOwnPropertySymbols', 'is'].forEach(function (k) { delete Object[k]; });
`;

function compiledRules(strip: boolean): (doc: unknown) => string[] {
  const ctx = {};
  if (strip) runInNewContext(STRIP, ctx);
  return runInNewContext(
    `(function () {\n${coreSchemasSnippet()}\nreturn courtdeskSchemaIssues;\n})()`,
    ctx,
  ) as (doc: unknown) => string[];
}

/** Round-trips through JSON as CouchDB hands documents to validate_doc_update. */
const asJson = (doc: unknown): unknown => JSON.parse(JSON.stringify(doc)) as unknown;

const demo = generateDemo({ cases: 120, seed: 7 });
const demoDocs = Object.values(demo.docs).flat();

describe('core schemas compiled for design documents', () => {
  it('is ECMAScript 5', () => {
    expect(() => parse(`function v(newDoc) {\n${coreSchemasSnippet()}\n}`, { ecmaVersion: 5 })).not.toThrow();
  });

  it('runs without the post-ES5 built-ins and accepts every demo document', () => {
    const rules = compiledRules(true);
    expect(demoDocs.length).toBeGreaterThan(300);
    const refused = demoDocs.map((d) => [d._id, rules(asJson(d))] as const).filter(([, i]) => i.length > 0);
    expect(refused).toEqual([]);
  });

  it('gives the same issues as core for known-bad documents', () => {
    const rules = compiledRules(true);
    const aCase = demoDocs.find((d) => d.type === 'case');
    if (!aCase) throw new Error('demo has no case');
    const bad = [
      { ...aCase, caseType: '民九' },
      { ...aCase, parties: [] },
      { ...aCase, filingDate: '2026-02-30' },
      { ...aCase, claimAmount: -5 },
      { ...aCase, court: 'X0402' },
    ];
    for (const doc of bad) {
      const expected = courtdeskSchemaIssues(asJson(doc));
      expect(expected.length).toBeGreaterThan(0);
      expect(rules(asJson(doc))).toEqual(expected);
    }
  });

  it('agrees with core on randomly mutated documents', () => {
    const stripped = compiledRules(true);
    const keys = [...new Set(demoDocs.flatMap((d) => Object.keys(d)))].filter((k) => k !== 'type');
    fc.assert(
      fc.property(
        fc.constantFrom(...demoDocs),
        fc.array(
          fc.tuple(fc.constantFrom(...keys), fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined })),
          { minLength: 1, maxLength: 3 },
        ),
        (base, edits) => {
          const doc: Record<string, unknown> = asJson(base) as Record<string, unknown>;
          for (const [k, v] of edits) {
            if (v === undefined) delete doc[k];
            else doc[k] = v;
          }
          expect(stripped(asJson(doc))).toEqual(courtdeskSchemaIssues(asJson(doc)));
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('lowerUnicodeRegexes', () => {
  it('drops the u flag where it changes nothing and spells out \\p{Script=Han}', () => {
    expect(lowerUnicodeRegexes('var a = /^(\\D+)(.*)$/u.exec(x);')).toBe('var a = /^(\\D+)(.*)$/.exec(x);');
    const han = lowerUnicodeRegexes('var b = /^\\p{Script=Han}\\d{0,4}$/u;');
    expect(han).toContain('\\u4E00-\\u9FFF');
    const re = runInNewContext(`${han}; b`, {}) as RegExp;
    expect(re.test('甘0402')).toBe(true);
    expect(re.test('X0402')).toBe(false);
  });

  it('refuses a regex that really needs the u flag', () => {
    expect(() => lowerUnicodeRegexes('var c = /\\u{1F600}/u;')).toThrow(/needs the u flag/);
    expect(() => lowerUnicodeRegexes('var d = /\\p{L}/u;')).toThrow(/needs the u flag/);
  });
});
