/**
 * A court leader's decision on an enforcement record (a coercive measure, the dishonest-debtor
 * listing, a closing): stored on the record itself as `approval`, written only by a leader, once,
 * and never changed (sync-server/ddocs/courtdesk_enforcement enforces who and when).
 */

/** Approved or rejected. */
export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;

/** The `approval` field of an enforcement record. */
export interface RecordApproval {
  readonly decision: (typeof APPROVAL_DECISIONS)[number];
  /** The leader's user name (the server checks it is the signed-in leader). */
  readonly by: string;
  /** ISO time of the decision. */
  readonly at: string;
  readonly note?: string;
}

/** Where a record stands: waiting, approved, rejected. */
export type ApprovalState = 'pending' | 'approved' | 'rejected';

/** The approval state of a record's `approval` field. */
export function approvalState(approval: RecordApproval | undefined | null): ApprovalState {
  if (!approval) return 'pending';
  return approval.decision === 'approved' ? 'approved' : 'rejected';
}

/** The fields that say who proposed a record: the officer who last set its terms, else its creator. */
export interface Proposed {
  readonly createdBy?: string;
  /** Set when an officer other than the creator sets the terms (e.g. a new listing round). */
  readonly proposedBy?: string;
}

/** Who proposed a record awaiting a leader's decision (the four-eyes rule compares against it). */
export function proposerOf(record: Proposed): string | undefined {
  return record.proposedBy ?? record.createdBy;
}

/**
 * Four eyes: a leader may decide a record only if they did not propose it themselves (a user who
 * is both officer and leader cannot approve their own measure, listing or closing). The server
 * enforces the same rule (sync-server/ddocs/courtdesk_enforcement).
 */
export function mayDecide(record: Proposed, user: string): boolean {
  return proposerOf(record) !== user;
}
