/**
 * `draft` documents (courtdesk_documents): the metadata of a court document being drafted (case,
 * kind, template, title). Its content is not here: it is a Yjs document kept in immutable
 * `draftUpdate` documents and folded `draftSnapshot` documents (./draftData.ts), so two people
 * editing offline merge instead of conflicting. Design: docs/documents.md "Co-drafting".
 *
 * History: v1 held the content as HTML in `body` (one writer at a time, conflicts in the conflict
 * centre). v2 keeps `body` only as the content of a v1 draft, read once into the Yjs document when
 * it is first opened; new drafts have none.
 */
import type { CollectionSchema } from './collection';
import { IssueList, type Fields } from './fields';

/** Kinds of court documents a draft can be. */
export const DRAFT_KINDS = ['judgment', 'ruling', 'mediation', 'summons', 'serviceReceipt', 'other'] as const;
/** A kind of draft. */
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** Longest legacy `body` (HTML of a v1 draft). */
export const MAX_LEGACY_BODY = 2_000_000;

/** Schema of `draft` documents. */
export const draftSchema: CollectionSchema = {
  type: 'draft',
  version: 2,
  richTextFields: ['body'],
  // v1 → v2 keeps every field: `body` becomes the optional legacy content.
  migrations: { 1: (doc) => ({ ...doc }) },
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'caseId', 'case:');
    l.oneOf(d, 'kind', DRAFT_KINDS);
    l.text(d, 'title', 200);
    const body = d['body'];
    if (body !== undefined && typeof body !== 'string')
      l.add('body', 'body 必须是文本', 'body must be a string');
    else if (typeof body === 'string' && body.length > MAX_LEGACY_BODY)
      l.add('body', '正文过长', `body is longer than ${MAX_LEGACY_BODY} characters`);
    l.ref(d, 'templateId', 'template:', { optional: true });
    l.time(d, 'updatedAt', { optional: true });
    l.text(d, 'updatedBy', 64, { optional: true });
    return l.issues;
  },
};
