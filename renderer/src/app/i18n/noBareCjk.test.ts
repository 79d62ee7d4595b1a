import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every visible string goes through i18n: no Chinese text may appear as a string literal, template
 * or JSX text in renderer source outside the translation bundles (tests excepted: they assert on
 * translated output).
 */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/;
const SRC = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Bare CJK literals in one source text, as `line: text`. */
function bareCjk(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const hits: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      if (CJK.test(node.text)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        hits.push(`${line + 1}: ${node.text.trim()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return hits;
}

describe('no hard-coded Chinese in renderer source', () => {
  it('the scanner finds string literals, templates and JSX text', () => {
    const sample =
      "const a = '立案';\nconst b = `案号${1}号`;\nexport const C = () => <p>你好</p>;\nconst ok = 'filing';\n";
    expect(bareCjk('sample.tsx', sample)).toEqual(['1: 立案', '2: 案号', '2: 号', '3: 你好']);
    expect(bareCjk('sample.ts', '// 注释可以写中文\nconst x = 1;\n')).toEqual([]);
  });

  it('every .ts/.tsx file under renderer/src is free of bare CJK literals', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) =>
      bareCjk(f, readFileSync(f, 'utf8')).map((h) => `${relative(SRC, f)}:${h}`),
    );
    expect(offenders).toEqual([]);
  });
});
