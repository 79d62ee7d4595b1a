/**
 * Field checks shared by the enforcement schemas (courtdesk_enforcement): the leader's `approval`
 * stored on a record, amounts in yuan with at most two decimals, and nested issue lists.
 */
import { APPROVAL_DECISIONS } from '../enforcement/approvals';
import { isRecord, IssueList, type Fields } from './fields';

/** Copies `inner`'s issues into `outer` under `prefix.` field names. */
export function nest(outer: IssueList, prefix: string, inner: IssueList): void {
  for (const issue of inner.issues)
    outer.issues.push({ field: `${prefix}.${issue.field}`, message: issue.message });
}

/** A yuan amount > 0 with at most two decimals (optional when `optional`). */
export function yuan(l: IssueList, d: Fields, field: string, opts: { optional?: boolean } = {}): void {
  const v = d[field];
  if (v === undefined && opts.optional) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1e13)
    l.add(field, `${field} 必须是大于 0 的金额`, `${field} must be an amount > 0`);
  else if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6)
    l.add(field, '金额最多两位小数', `${field} has at most 2 decimals`);
}

/** The optional `approval` of a record: `{ decision, by, at, note? }`. */
export function approvalField(l: IssueList, d: Fields): void {
  const a = d['approval'];
  if (a === undefined) return;
  if (!isRecord(a)) {
    l.add('approval', '审批格式无效', 'approval must be { decision, by, at }');
    return;
  }
  const al = new IssueList();
  al.oneOf(a, 'decision', APPROVAL_DECISIONS);
  al.text(a, 'by', 64);
  al.time(a, 'at');
  al.text(a, 'note', 2_000, { optional: true });
  nest(l, 'approval', al);
}
