/**
 * `libraryItem` documents (courtdesk_library): one excerpt of a law or interpretation on one shelf
 * of the e-library, with its 编/分编/章/节/条 structure as in resources/library (core/library/schema.ts
 * reads the same shape), and `download` documents: one entry of the download centre whose files are
 * `file:` documents pointing back at it. Admins write both (validate_doc_update); the deep text
 * checks (canonical numerals, article order) run in the app before a write
 * (core/library/itemDoc.ts), the server checks the shape here.
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';

/** The shelves of the e-library (core/library/schema.ts reads them from here; no zod in the ddoc). */
export const LIBRARY_ITEM_CATEGORIES = ['法律法规', '司法解释', '量刑规范', '审判参考', '法院文苑'] as const;

/** What a download centre entry is. */
export const DOWNLOAD_CATEGORIES = ['form', 'style', 'guide', 'other'] as const;

const MAX_DEPTH = 4;

function checkArticles(l: IssueList, where: string, list: unknown): number {
  if (!Array.isArray(list) || list.length === 0) {
    l.add(where, `${where} 必须是非空的条文列表`, `${where} must be a non-empty list of articles`);
    return 0;
  }
  for (const a of list) {
    const ok =
      isRecord(a) &&
      typeof a['label'] === 'string' &&
      /^第[〇零一二三四五六七八九十百千]+条$/.test(a['label']) &&
      Array.isArray(a['paragraphs']) &&
      a['paragraphs'].length > 0 &&
      a['paragraphs'].every((p) => typeof p === 'string' && p.trim().length > 0 && p.length <= 5000);
    if (!ok) {
      l.add(
        where,
        `${where} 中的条文须有“第…条”和正文`,
        `${where}: every article needs a 第…条 label and text`,
      );
      return 0;
    }
  }
  return list.length;
}

function checkDivisions(l: IssueList, where: string, list: unknown, depth: number): number {
  if (!Array.isArray(list) || list.length === 0 || depth > MAX_DEPTH) {
    l.add(where, `${where} 的编章节结构无效`, `${where}: invalid division structure`);
    return 0;
  }
  let count = 0;
  for (const d of list) {
    if (
      !isRecord(d) ||
      typeof d['label'] !== 'string' ||
      !/^第[〇零一二三四五六七八九十百千]+(分编|编|章|节)$/.test(d['label']) ||
      typeof d['title'] !== 'string'
    ) {
      l.add(where, `${where} 中的编章节须有标签和标题`, `${where}: every division needs a label and a title`);
      return count;
    }
    if (d['divisions'] !== undefined) count += checkDivisions(l, where, d['divisions'], depth + 1);
    if (d['articles'] !== undefined) count += checkArticles(l, where, d['articles']);
  }
  return count;
}

/** Schema of `libraryItem` documents. */
export const libraryItemSchema: CollectionSchema = {
  type: 'libraryItem',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    const law = d['law'];
    if (typeof law !== 'string' || !/^[a-z][a-z0-9-]{0,60}$/.test(law))
      l.add('law', 'law 必须是小写字母编号', 'law must be a lower-case slug');
    l.text(d, 'lawTitle', 200);
    l.text(d, 'title', 200);
    l.oneOf(d, 'category', LIBRARY_ITEM_CATEGORIES);
    const source = d['source'];
    if (!isRecord(source))
      l.add('source', 'source 必须写明出处', 'source must name where the text comes from');
    else {
      l.text(source, 'issuer', 200);
      l.text(source, 'version', 500);
      l.text(source, 'document', 200, { optional: true });
      l.date(source, 'promulgated');
      l.date(source, 'effective');
    }
    let articles = 0;
    if (d['divisions'] !== undefined) articles += checkDivisions(l, 'divisions', d['divisions'], 1);
    if (d['articles'] !== undefined) articles += checkArticles(l, 'articles', d['articles']);
    if (articles === 0 && l.issues.length === 0)
      l.add('articles', '资料至少要有一条条文', 'an item needs at least one article');
    return l.issues;
  },
};

/** Schema of `download` documents (the files are `file:` documents with `ownerId` = this id). */
export const downloadSchema: CollectionSchema = {
  type: 'download',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.text(d, 'title', 200);
    l.text(d, 'description', 2000, { optional: true });
    l.oneOf(d, 'category', DOWNLOAD_CATEGORIES);
    return l.issues;
  },
};
