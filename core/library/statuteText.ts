/**
 * The plain-text form of a library item's structure, for the admin's editor: one heading per line
 * (第二编 审判程序, 第十二章 第一审普通程序, 第三节 开庭审理), an article starts with its label
 * (第一百五十二条 人民法院……), and any other line is a further paragraph of the article above. The
 * result has the shape of resources/library (schema.ts checks it when the document is read).
 */
import { DIVISION_LEVELS, type DivisionLevel } from './schema';

/** An article as stored: label and paragraphs. */
export interface RawArticle {
  label: string;
  paragraphs: string[];
}

/** A division as stored. */
export interface RawDivision {
  label: string;
  title: string;
  divisions?: RawDivision[];
  articles?: RawArticle[];
}

/** The structure of one item. */
export interface StatuteStructure {
  divisions?: RawDivision[];
  articles?: RawArticle[];
}

const N = '[〇零一二三四五六七八九十百千]+';
const HEADING = new RegExp(`^(第${N}(分编|编|章|节))[\\s\\u3000]+(\\S.*)$`, 'u');
const ARTICLE = new RegExp(`^(第${N}条)(?:[\\s\\u3000]+(\\S.*))?$`, 'u');

/**
 * Reads the text; throws with the line number when a paragraph comes before any article. Headings
 * nest by level (编 › 分编 › 章 › 节); an article belongs to the nearest heading above it.
 */
export function parseStatuteText(text: string): StatuteStructure {
  const out: StatuteStructure = {};
  const stack: { level: DivisionLevel; node: RawDivision }[] = [];
  let article: RawArticle | null = null;
  text.split(/\r?\n/u).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const h = HEADING.exec(line);
    if (h?.[1] && h[2] && h[3]) {
      const level = h[2] as DivisionLevel;
      while (
        stack.length > 0 &&
        DIVISION_LEVELS.indexOf(stack[stack.length - 1]!.level) >= DIVISION_LEVELS.indexOf(level)
      )
        stack.pop();
      const node: RawDivision = { label: h[1], title: h[3].trim() };
      const parent = stack[stack.length - 1]?.node;
      if (parent) (parent.divisions ??= []).push(node);
      else (out.divisions ??= []).push(node);
      stack.push({ level, node });
      article = null;
      return;
    }
    const a = ARTICLE.exec(line);
    if (a?.[1]) {
      article = { label: a[1], paragraphs: a[2] ? [a[2].trim()] : [] };
      const parent = stack[stack.length - 1]?.node;
      if (parent) (parent.articles ??= []).push(article);
      else (out.articles ??= []).push(article);
      return;
    }
    if (!article)
      throw new Error(`第 ${i + 1} 行：正文之前须有“第…条” (line ${i + 1}: text before any 第…条)`);
    article.paragraphs.push(line);
  });
  return out;
}

/** The structure written back as text, so {@link parseStatuteText} reads the same structure again. */
export function statuteText(structure: StatuteStructure): string {
  const lines: string[] = [];
  const articles = (list: readonly RawArticle[] | undefined) => {
    for (const a of list ?? []) {
      const [first, ...rest] = a.paragraphs;
      lines.push(first === undefined ? a.label : `${a.label} ${first}`, ...rest);
    }
  };
  const walk = (list: readonly RawDivision[] | undefined) => {
    for (const d of list ?? []) {
      lines.push(`${d.label} ${d.title}`);
      walk(d.divisions);
      articles(d.articles);
    }
  };
  walk(structure.divisions);
  articles(structure.articles);
  return lines.join('\n');
}
