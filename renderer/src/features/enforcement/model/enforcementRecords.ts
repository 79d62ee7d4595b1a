/**
 * Reading the enforcement records from the local `enforcement` replica (live, through its changes
 * feed) and the repository that writes them as the signed-in user. Records of one case are found
 * by their `caseId`; the closing record's id is derived from the case.
 */
import { useMemo } from 'react';
import type {
  AssetControl,
  AssetKind,
  InquiryChannel,
  InquiryResult,
} from '../../../../../core/enforcement/assetControl';
import type { RecordApproval } from '../../../../../core/enforcement/approvals';
import type { ClosingMode, TerminationConfirmation } from '../../../../../core/enforcement/closing';
import type { DishonestEntry } from '../../../../../core/enforcement/dishonest';
import type { MeasureKind } from '../../../../../core/enforcement/measures';
import type { Payment } from '../../../../../core/enforcement/ledger';
import { closingId } from '../../../../../core/schemas/enforcement';
import { createRepository, type LocalDb, type Repository } from '../../../db';
import { useLiveQuery, useSyncEngine } from '../../../db/hooks';
import { useSession } from '../../cases/work/caseWorkHooks';

/** An asset inquiry record as stored. */
export interface InquiryDoc {
  readonly _id: string;
  readonly caseId: string;
  readonly channel: InquiryChannel;
  readonly assetKind: AssetKind;
  readonly institution: string;
  readonly requestDate: string;
  readonly result: InquiryResult;
  readonly resultDate?: string;
  readonly amountFound?: number;
  readonly controls?: readonly AssetControl[];
  readonly note?: string;
}

/** A measure as stored. */
export interface MeasureDoc {
  readonly _id: string;
  readonly caseId: string;
  readonly kind: MeasureKind;
  readonly target: string;
  readonly targetKind: 'natural' | 'legal';
  readonly decidedOn: string;
  readonly reason: string;
  readonly amount?: number;
  readonly days?: number;
  readonly approval?: RecordApproval;
  readonly createdBy: string;
}

/** A payment as stored. */
export interface PaymentDoc extends Payment {
  readonly caseId: string;
  readonly party: string;
  readonly source?: string;
  readonly note?: string;
}

/** A closing record as stored. */
export interface ClosingDoc {
  readonly _id: string;
  readonly caseId: string;
  readonly mode: ClosingMode;
  readonly closedOn: string;
  readonly reason: string;
  readonly confirmations?: readonly TerminationConfirmation[];
  readonly approval?: RecordApproval;
}

/** Every enforcement record of one case. */
export interface CaseRecords {
  readonly inquiries: readonly InquiryDoc[];
  readonly measures: readonly MeasureDoc[];
  readonly payments: readonly PaymentDoc[];
  readonly closing: ClosingDoc | null;
}

async function docsOfType<T>(db: LocalDb, type: string): Promise<T[]> {
  const r = await db.allDocs({ startkey: `${type}:`, endkey: `${type}:\ufff0`, include_docs: true });
  return r.rows.flatMap((row) => (row.doc ? [row.doc as unknown as T] : []));
}

/** Reads one case's records. */
export async function loadCaseRecords(db: LocalDb, caseId: string): Promise<CaseRecords> {
  const [inquiries, measures, payments, closing] = await Promise.all([
    docsOfType<InquiryDoc>(db, 'assetInquiry'),
    docsOfType<MeasureDoc>(db, 'enforcementAction'),
    docsOfType<PaymentDoc>(db, 'enforcementPayment'),
    db.get(closingId(caseId)).then(
      (d) => d as unknown as ClosingDoc,
      () => null,
    ),
  ]);
  const mine = <T extends { caseId: string }>(list: T[]) => list.filter((d) => d.caseId === caseId);
  return { inquiries: mine(inquiries), measures: mine(measures), payments: mine(payments), closing };
}

/** {@link loadCaseRecords}, live. */
export function useCaseRecords(caseId: string): CaseRecords | undefined {
  return useLiveQuery('enforcement', (db) => loadCaseRecords(db, caseId), [caseId]);
}

/** Every asset inquiry (for the lapse warnings of all cases), live. */
export function useAllInquiries(): readonly InquiryDoc[] | undefined {
  return useLiveQuery('enforcement', (db) => docsOfType<InquiryDoc>(db, 'assetInquiry'), []);
}

/** Every closing record (for the list's status column and the closure rate), live. */
export function useAllClosings(): readonly ClosingDoc[] | undefined {
  return useLiveQuery('enforcement', (db) => docsOfType<ClosingDoc>(db, 'enforcementClosing'), []);
}

/** Every dishonest-debtor entry, live. */
export function useDishonestEntries(): readonly DishonestEntry[] | undefined {
  return useLiveQuery('enforcement', (db) => docsOfType<DishonestEntry>(db, 'dishonestDebtor'), []);
}

/** The repository of the local `enforcement` replica writing as the signed-in user; null while starting. */
export function useEnforcementRepo(): {
  readonly repo: Repository;
  readonly user: string;
  readonly roles: readonly string[];
} | null {
  const engine = useSyncEngine();
  const session = useSession();
  return useMemo(() => {
    if (!engine || !session) return null;
    return {
      repo: createRepository(engine.local('enforcement'), { user: session.name }),
      user: session.name,
      roles: session.uiRoles,
    };
  }, [engine, session]);
}
