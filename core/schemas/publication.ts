/**
 * `publication` documents (courtdesk_documents): the record that a document was published (裁判文书
 * 公开) — which issued version, the anonymised text exactly as published and every replacement made
 * (rule, span, original), so the publication can be checked and explained later. One per draft
 * (`publication:<draft uuid>`), written once by a clerk and never changed or deleted.
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';
import { MAX_LEGACY_BODY } from './draft';
import { bracketPlaceholders } from '../documents/content/placeholders';

/** Most replacements a record may list. */
export const MAX_PUBLICATION_REPLACEMENTS = 20_000;

const RULES = [
  'name',
  'nameInText',
  'idNumber',
  'oldIdNumber',
  'bankAccount',
  'longNumber',
  'mobile',
  'landline',
  'plate',
  'address',
  'manual',
];

function isSpan(r: unknown, textLength: number): boolean {
  if (!isRecord(r)) return false;
  const { start, end, original, replacement, rule } = r;
  return (
    typeof start === 'number' &&
    typeof end === 'number' &&
    Math.floor(start) === start &&
    Math.floor(end) === end &&
    start >= 0 &&
    end >= start &&
    typeof original === 'string' &&
    original.length === end - start &&
    typeof replacement === 'string' &&
    replacement.length <= 200 &&
    typeof rule === 'string' &&
    RULES.indexOf(rule) >= 0 &&
    end <= textLength + 1_000_000
  );
}

/** Schema of `publication` documents. */
export const publicationSchema: CollectionSchema = {
  type: 'publication',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    const draftId = d['draftId'];
    if (typeof draftId !== 'string' || !/^draft:[^:]+$/.test(draftId))
      l.add('draftId', 'draftId 必须是文书草稿编号', 'draftId must be a draft id');
    else if (d['_id'] !== `publication:${draftId.slice('draft:'.length)}`)
      l.add('_id', '文档编号必须是 publication:<草稿编号>', '_id must be publication:<draft uuid>');
    l.ref(d, 'caseId', 'case:');
    l.ref(d, 'versionId', 'draftVersion:');
    l.text(d, 'text', MAX_LEGACY_BODY);
    if (typeof d['text'] === 'string' && bracketPlaceholders(d['text']).length > 0)
      l.add(
        'text',
        '文书尚有待填写内容（【…】），不能公开',
        'a document with places still to fill (【…】) cannot be published',
      );
    l.time(d, 'publishedAt');
    const reps = d['replacements'];
    const textLength = typeof d['text'] === 'string' ? d['text'].length : 0;
    if (
      !Array.isArray(reps) ||
      reps.length > MAX_PUBLICATION_REPLACEMENTS ||
      reps.some((r) => !isSpan(r, textLength))
    )
      l.add(
        'replacements',
        'replacements 格式错误',
        'replacements must list { start, end, original, replacement, rule } spans',
      );
    const exceptions = d['exceptions'];
    if (
      exceptions !== undefined &&
      (!Array.isArray(exceptions) || exceptions.some((e) => typeof e !== 'string' || e.length > 64))
    )
      l.add('exceptions', 'exceptions 必须是编码列表', 'exceptions must list reason codes');
    return l.issues;
  },
};
