/**
 * `post` documents (courtdesk_forum): one document per thread opening or reply (a reply names its
 * thread). Only the author edits or withdraws a post; admins moderate by hiding it with a reason
 * or locking a thread, and change nothing else (validate_doc_update's moderation rule). A post
 * edited on two workstations offline is a CouchDB conflict for the conflict centre, never a merge.
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';
import { optionalFlag, optionalRefs } from './intranetFields';

/** The fields only moderators (admins) change; everything else is the author's. */
export const POST_MODERATION_FIELDS = ['hidden', 'locked'] as const;

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
    const reply = d['threadId'] !== undefined;
    if (!reply) l.text(d, 'title', 200);
    else l.text(d, 'title', 200, { optional: true });
    l.text(d, 'body', 100_000);
    l.time(d, 'editedAt', { optional: true });
    l.ref(d, 'quotes', 'post:', { optional: true });
    optionalRefs(l, d, 'attachments', 'file:', 20);
    optionalFlag(l, d, 'withdrawn');
    if (d['withdrawn'] === true) l.time(d, 'withdrawnAt');
    optionalFlag(l, d, 'locked');
    if (reply && d['locked'] !== undefined)
      l.add('locked', '只能锁定主题帖', 'only a thread (a post without threadId) can be locked');
    const hidden = d['hidden'];
    if (hidden !== undefined) {
      if (!isRecord(hidden)) l.add('hidden', 'hidden 必须写明原因', 'hidden must be { reason, by, at }');
      else {
        l.text(hidden, 'reason', 500);
        l.text(hidden, 'by', 100);
        l.time(hidden, 'at');
      }
    }
    return l.issues;
  },
};
