/**
 * `approval` documents (courtdesk_cases): a court leader's decision (docs/product-rules.md §3.2: leaders
 * approve
 * deadline extensions). Two kinds:
 * - `extension`: a decision on an `extensionRequested` event, read by
 *   core/domain/processEventDocs.ts `parseExtensionDecision` (requestId, decision, optional
 *   level/months/days overriding the request);
 * - `designation`: designated assignment (指定分案) of a case to a judge, with a reason, read by
 *   sync-server/src/workers/assignmentWorker.ts (the case points at it via `designation.approvalId`).
 * Authority (leader role) is checked on the server only.
 */
import { APPROVAL_LEVELS } from '../domain/timeLimits';
import type { CollectionSchema } from './collection';
import { IssueList, type Fields } from './fields';

/** Kinds of approvals. */
export const APPROVAL_KINDS = ['extension', 'designation'] as const;

function wholeOptional(d: Fields, field: string, l: IssueList): void {
  const v = d[field];
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    l.add(field, `${field} 必须是不小于 0 的整数`, `${field} must be a whole number ≥ 0`);
}

/** Schema of `approval` documents. */
export const approvalSchema: CollectionSchema = {
  type: 'approval',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.oneOf(d, 'kind', APPROVAL_KINDS);
    l.ref(d, 'caseId', 'case:');
    l.time(d, 'at', { optional: true });
    if (d['kind'] === 'extension') {
      l.ref(d, 'requestId', 'event:');
      l.oneOf(d, 'decision', ['approved', 'rejected']);
      if (d['level'] !== undefined && d['level'] !== null) l.oneOf(d, 'level', APPROVAL_LEVELS);
      wholeOptional(d, 'months', l);
      wholeOptional(d, 'days', l);
      l.text(d, 'reason', 2_000, { optional: true });
    } else if (d['kind'] === 'designation') {
      l.text(d, 'judge', 64);
      const reason = d['reason'];
      if (typeof reason !== 'string' || reason.trim().length < 2)
        l.add('reason', '指定分案必须写明理由', 'a designation needs a reason (at least 2 characters)');
      else if (reason.length > 2_000)
        l.add('reason', 'reason 超过 2000 个字符', 'reason is longer than 2000 characters');
    }
    return l.issues;
  },
};
