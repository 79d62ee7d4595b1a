/**
 * A case as the documents screens need it, from the local cases replica (live): its number, type
 * and procedure, the record templates merge with (core/documents/templates), and the record the
 * checker and the anonymiser read (core/documents/record.ts).
 */
import { useMemo } from 'react';
import { foldCaseState, type CaseState } from '../../../../../core/domain/caseState';
import type { DocumentRecord } from '../../../../../core/documents/record';
import { documentRecordOf } from '../../../../../core/documents/record';
import {
  templateRecordOf,
  type TemplateRecord,
} from '../../../../../core/documents/templates/templateRecord';
import type { CaseFields } from '../../../../../core/schemas/case';
import { migrate } from '../../../../../core/schemas/registry';
import { todayInBeijing, useCaseBundle } from '../../cases/work/caseWorkHooks';
import { useStaffDirectory } from '../../staff/useStaffDirectory';

/** One case for the documents screens. */
export interface CaseRecord {
  readonly caseId: string;
  /** Official number, else the provisional one. */
  readonly displayNumber: string;
  readonly caseType: string;
  readonly procedure: string | null;
  readonly cause: string;
  readonly state: CaseState;
  readonly template: TemplateRecord;
  readonly document: DocumentRecord;
}

/** The record of `caseId`: undefined while loading, null when the case is not in the replica. */
export function useCaseRecord(caseId: string | null): CaseRecord | null | undefined {
  const bundle = useCaseBundle(caseId ?? 'case:none');
  const staff = useStaffDirectory();
  return useMemo(() => {
    if (!caseId || bundle === undefined) return undefined;
    if (!bundle.caseDoc) return null;
    const caseDoc = migrate({ ...bundle.caseDoc }) as unknown as CaseFields & Record<string, unknown>;
    const state = foldCaseState({
      caseDoc,
      caseNumberDoc: bundle.caseNumberDoc,
      assignmentDoc: bundle.assignmentDoc,
      events: bundle.events,
      approvals: bundle.approvals,
      asOf: todayInBeijing(),
    });
    const clerk = bundle.assignmentDoc?.['clerk'];
    return {
      caseId,
      displayNumber: state.displayNumber,
      caseType: caseDoc.caseType,
      procedure: state.procedure,
      cause: caseDoc.cause,
      state,
      template: templateRecordOf({
        caseDoc,
        state,
        clerkUser: typeof clerk === 'string' ? clerk : null,
        displayName: staff.displayName,
      }),
      document: documentRecordOf(caseDoc, state),
    };
  }, [caseId, bundle, staff]);
}
