/**
 * `draft` documents (courtdesk_documents): judgment and other drafts. Two judges editing one draft
 * offline end in a visible conflict (the conflict centre diffs `body` as text).
 */
import type { CollectionSchema } from './collection';
import { IssueList, type Fields } from './fields';

/** Kinds of court documents a draft can be. */
export const DRAFT_KINDS = ['judgment', 'ruling', 'mediation', 'summons', 'serviceReceipt', 'other'] as const;

/** Schema of `draft` documents. */
export const draftSchema: CollectionSchema = {
  type: 'draft',
  version: 1,
  richTextFields: ['body'],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'caseId', 'case:');
    l.oneOf(d, 'kind', DRAFT_KINDS);
    l.text(d, 'title', 200);
    if (typeof d['body'] !== 'string') l.add('body', 'body 必须是文本', 'body must be a string');
    else if (d['body'].length > 2_000_000)
      l.add('body', '正文过长', 'body is longer than 2,000,000 characters');
    l.ref(d, 'templateId', 'template:', { optional: true });
    l.time(d, 'updatedAt', { optional: true });
    l.text(d, 'updatedBy', 64, { optional: true });
    return l.issues;
  },
};
