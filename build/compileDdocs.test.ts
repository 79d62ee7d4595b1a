import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASES } from '../core/databases';
import { compileDdocs, packageVersion, writeCompiledDdocs } from './compileDdocs';

// ESLint's own parser (always installed with ESLint); used to parse design-document code strictly as ES5.
const { parse } = createRequire(import.meta.url)('espree') as {
  parse(code: string, options: { ecmaVersion: number }): unknown;
};

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ddocs-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('compileDdocs', () => {
  it('compiles the real tree: one courtdesk ddoc per database with a stamped, self-contained vdu', () => {
    const out = compileDdocs();
    expect(out.map((d) => d.db).sort()).toEqual(DATABASES.map((d) => d.name).sort());
    for (const { docs } of out) {
      const [ddoc] = docs;
      expect(ddoc?._id).toBe('_design/courtdesk');
      expect(ddoc?.courtdesk_version).toMatch(
        new RegExp(`^${packageVersion().replace(/\./g, '\\.')}\\+[0-9a-f]{12}$`),
      );
      expect(ddoc?.validate_doc_update).not.toContain('@include');
      expect(ddoc?.validate_doc_update).toContain('function courtdeskValidate(');
      // CouchDB's JS engines (SpiderMonkey 1.8.5 on older installs) need ES5: parse strictly as ES5.
      expect(() => parse(`(${ddoc?.validate_doc_update ?? ''})`, { ecmaVersion: 5 })).not.toThrow();
    }
  });

  it('the ES5 check itself rejects ES2015 syntax', () => {
    expect(() => parse('(function (d) { const x = () => d; })', { ecmaVersion: 5 })).toThrow();
  });

  it('inlines includes, compiles views and stamps a hash that follows the content', () => {
    const files = {
      '_lib/h.js': '  function h(x) { return x; }\n',
      'db1/app/validate_doc_update.js': 'function (n, o, u) {\n  // @include _lib/h.js\n  h(n);\n}\n',
      'db1/app/views/by_type/map.js': 'function (doc) { emit(doc.type, 1); }\n',
      'db1/app/views/by_type/reduce.js': '_count\n',
    };
    const root = tree(files);
    const [first] = compileDdocs({ root, version: '9.9.9' });
    const doc = first?.docs[0];
    expect(first?.db).toBe('db1');
    expect(doc?._id).toBe('_design/app');
    expect(doc?.validate_doc_update).toContain('function h(x)');
    expect(doc?.views).toEqual({
      by_type: { map: 'function (doc) { emit(doc.type, 1); }', reduce: '_count' },
    });
    const stamp = doc?.courtdesk_version;
    expect(compileDdocs({ root, version: '9.9.9' })[0]?.docs[0]?.courtdesk_version).toBe(stamp);
    writeFileSync(join(root, '_lib/h.js'), '  function h(x) { return !x; }\n');
    expect(compileDdocs({ root, version: '9.9.9' })[0]?.docs[0]?.courtdesk_version).not.toBe(stamp);
  });

  it.each([
    ['a syntax error', { 'db/a/validate_doc_update.js': 'function (n) { if ( }' }, /does not parse/],
    ['a statement instead of a function', { 'db/a/validate_doc_update.js': 'var x = 1;' }, /must start with/],
    [
      'a missing include',
      { 'db/a/validate_doc_update.js': 'function (n) {\n  // @include _lib/nope.js\n}' },
      /not found/,
    ],
    [
      'an include outside the tree',
      { 'db/a/validate_doc_update.js': 'function (n) {\n  // @include ../../etc/passwd\n}' },
      /outside/,
    ],
    ['a view without map.js', { 'db/a/views/v/reduce.js': '_sum' }, /missing map\.js/],
  ])('fails loudly on %s', (_l, files, msg) => {
    expect(() => compileDdocs({ root: tree(files), version: '1' })).toThrow(msg);
  });

  it('writes dist JSON that round-trips', () => {
    const out = mkdtempSync(join(tmpdir(), 'ddocs-out-'));
    dirs.push(out);
    const compiled = compileDdocs();
    const files = writeCompiledDdocs(compiled, out);
    expect(files).toHaveLength(compiled.length);
    expect(JSON.parse(readFileSync(join(out, 'courtdesk_cases.json'), 'utf8'))).toEqual(
      compiled.find((c) => c.db === 'courtdesk_cases')?.docs,
    );
  });
});
