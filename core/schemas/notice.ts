/**
 * `notice` documents (courtdesk_notices): notices published by leaders and admins, with who must
 * read them, an optional must-read-by date and a pin. Who has read a notice is never a field here
 * (that would make every reader's write conflict): see receipt.ts.
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';
import { optionalFlag, optionalRefs } from './intranetFields';
import { STAFF_ROLES } from '../roles';

/** Who a notice is for: everyone (also when absent), some roles, or some divisions (庭室 codes). */
export type NoticeAudience =
  | { readonly kind: 'everyone' }
  | { readonly kind: 'roles'; readonly roles: readonly string[] }
  | { readonly kind: 'divisions'; readonly divisions: readonly string[] };

function checkAudience(l: IssueList, d: Fields): void {
  const a = d['audience'];
  if (a === undefined) return;
  const bad = () => l.add('audience', 'audience 取值无效', 'audience must be everyone, roles or divisions');
  if (!isRecord(a)) return bad();
  const list = (xs: unknown, allowed?: readonly string[]) =>
    Array.isArray(xs) &&
    xs.length > 0 &&
    xs.every((x) => typeof x === 'string' && x.length > 0 && (!allowed || allowed.includes(x))) &&
    new Set(xs).size === xs.length;
  const keys = Object.keys(a).sort().join(',');
  if (a['kind'] === 'everyone' && keys === 'kind') return;
  if (a['kind'] === 'roles' && keys === 'kind,roles' && list(a['roles'], STAFF_ROLES)) return;
  if (a['kind'] === 'divisions' && keys === 'divisions,kind' && list(a['divisions'])) return;
  bad();
}

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
    l.date(d, 'mustReadBy', { optional: true });
    // Set by the author (or an admin) to remind those who have not read it yet.
    l.time(d, 'remindedAt', { optional: true });
    optionalFlag(l, d, 'pinned');
    optionalRefs(l, d, 'attachments', 'file:', 50);
    checkAudience(l, d);
    return l.issues;
  },
};
