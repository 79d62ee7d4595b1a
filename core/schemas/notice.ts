/** `notice` documents (courtdesk_notices): notices and bulletins published by IT admins. */
import type { CollectionSchema } from './collection';
import { IssueList, type Fields } from './fields';

/** Schema of `notice` documents. */
export const noticeSchema: CollectionSchema = {
  type: 'notice',
  version: 1,
  richTextFields: ['body'],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.text(d, 'title', 200);
    l.text(d, 'body', 200_000);
    l.oneOf(d, 'priority', ['normal', 'important', 'urgent']);
    l.time(d, 'publishedAt', { optional: true });
    l.date(d, 'expiresOn', { optional: true });
    return l.issues;
  },
};
