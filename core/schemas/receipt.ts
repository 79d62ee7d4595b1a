/**
 * `receipt` documents (courtdesk_notices): one per reader per notice, written once when the
 * notice has been open for a moment. Its id is derived from the notice and the reader, so two
 * workstations of the same reader write the same document (never two receipts), and it is never
 * updated, so it never conflicts. Only the reader writes it (validate_doc_update: createdBy is the
 * signed-in user and the id ends with it).
 */
import type { CollectionSchema } from './collection';
import { IssueList, type Fields } from './fields';

/** The id of `user`'s receipt for `noticeId` (`receipt:notice:<uuid>:<user>`). */
export function receiptId(noticeId: string, user: string): string {
  return `receipt:${noticeId}:${user}`;
}

/** Schema of `receipt` documents. */
export const receiptSchema: CollectionSchema = {
  type: 'receipt',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'noticeId', 'notice:');
    l.time(d, 'readAt');
    const notice = d['noticeId'];
    const by = d['createdBy'];
    if (typeof notice === 'string' && typeof by === 'string' && d['_id'] !== receiptId(notice, by))
      l.add('_id', '回执编号必须是“receipt:<通知编号>:<读者>”', '_id must be receipt:<noticeId>:<createdBy>');
    return l.issues;
  },
};
