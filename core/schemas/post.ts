/** `post` documents (courtdesk_forum): one document per post; only its author edits it. */
import type { CollectionSchema } from './collection';
import { IssueList, type Fields } from './fields';

/** Schema of `post` documents. */
export const postSchema: CollectionSchema = {
  type: 'post',
  version: 1,
  richTextFields: ['body'],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'board', 'board:');
    l.ref(d, 'threadId', 'post:', { optional: true });
    if (d['threadId'] === undefined) l.text(d, 'title', 200);
    else l.text(d, 'title', 200, { optional: true });
    l.text(d, 'body', 100_000);
    l.time(d, 'editedAt', { optional: true });
    return l.issues;
  },
};
