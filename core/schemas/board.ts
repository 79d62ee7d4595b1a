/** `board` documents (courtdesk_forum): forum boards (审判业务, 执行工作, 综合事务, 法院文苑 …), kept by admins. */
import type { CollectionSchema } from './collection';
import { IssueList, type Fields } from './fields';
import { optionalFlag } from './intranetFields';

/** Schema of `board` documents (`board:<code>`, code in lower-case letters, digits and -). */
export const boardSchema: CollectionSchema = {
  type: 'board',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    const id = d['_id'];
    if (typeof id !== 'string' || !/^board:[a-z0-9-]{1,40}$/.test(id))
      l.add('_id', '版块编号只能用小写字母、数字和连字符', '_id must be board:<code> in a-z, 0-9 and -');
    l.text(d, 'name', 50);
    l.text(d, 'description', 500, { optional: true });
    const order = d['order'];
    if (order !== undefined && (typeof order !== 'number' || !Number.isInteger(order) || order < 0))
      l.add('order', 'order 必须是不小于 0 的整数', 'order must be an integer ≥ 0');
    optionalFlag(l, d, 'archived');
    return l.issues;
  },
};
