/**
 * Reading the enforcement records from the local `enforcement` replica (live, through its changes
 * feed) and the repository that writes them as the signed-in user. Records of one case are one
 * range of ids (`<type>:<case id>:…`, plus the older `<type>:<uuid>` records by their `caseId`);
 * the closing record's id is derived from the case.
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
import { caseRecordId, closingId } from '../../../../../core/schemas/enforcement';
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
  readonly proposedBy?: string;
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
  readonly createdBy: string;
  readonly proposedBy?: string;
}

/** Every enforcement record of one case. */
export interface CaseRecords {
  readonly inquiries: readonly InquiryDoc[];
  readonly measures: readonly MeasureDoc[];
  readonly payments: readonly PaymentDoc[];
  readonly closing: ClosingDoc | null;
}

async function docsInRange<T>(db: LocalDb, startkey: string, endkey: string): Promise<T[]> {
  const r = await db.allDocs({ startkey, endkey, include_docs: true });
  return r.rows.flatMap((row) => (row.doc ? [row.doc as unknown as T] : []));
}

function docsOfType<T>(db: LocalDb, type: string): Promise<T[]> {
  return docsInRange<T>(db, `${type}:`, `${type}:\ufff0`);
}

/**
 * The records of `type` of one case: the case's own id range (`<type>:<case id>:…`, every record
 * written since per-case ids) plus the records from before them (`<type>:<uuid>`, outside the
 * `<type>:case:` range, filtered by `caseId`). The older set no longer grows, so a case page reads
 * its own records and a fixed remainder, never every record of the type (docs/enforcement.md).
 */
export async function caseDocsOfType<T extends { caseId: string }>(
  db: LocalDb,
  type: string,
  caseId: string,
): Promise<T[]> {
  const own = caseRecordId(type, caseId, '');
  const scoped = `${type}:case:`;
  const [mine, before, after] = await Promise.all([
    docsInRange<T>(db, own, `${own}\ufff0`),
    docsInRange<T>(db, `${type}:`, `${type}:case`),
    docsInRange<T>(db, `${scoped}\ufff0`, `${type}:\ufff0`),
  ]);
  return [...mine, ...[...before, ...after].filter((d) => d.caseId === caseId)];
}

/** Reads one case's records. */
export async function loadCaseRecords(db: LocalDb, caseId: string): Promise<CaseRecords> {
  const [inquiries, measures, payments, closing] = await Promise.all([
    caseDocsOfType<InquiryDoc>(db, 'assetInquiry', caseId),
    caseDocsOfType<MeasureDoc>(db, 'enforcementAction', caseId),
    caseDocsOfType<PaymentDoc>(db, 'enforcementPayment', caseId),
    db.get(closingId(caseId)).then(
      (d) => d as unknown as ClosingDoc,
      () => null,
    ),
  ]);
  return { inquiries, measures, payments, closing };
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
