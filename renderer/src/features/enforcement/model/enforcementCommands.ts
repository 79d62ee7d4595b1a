/**
 * The writes of the enforcement screens, each one local document through the repository (validated
 * by the core schemas before it is stored; the server checks the same rules and who may write).
 */
import type { AssetControl } from '../../../../../core/enforcement/assetControl';
import type { RecordApproval } from '../../../../../core/enforcement/approvals';
import {
  dishonestEntryId,
  type DishonestEntry,
  type RemovalReason,
} from '../../../../../core/enforcement/dishonest';
import { closingId } from '../../../../../core/schemas/enforcement';
import type { Repository, StoredDoc } from '../../../db';
import type { ClosingDoc, InquiryDoc, MeasureDoc, PaymentDoc } from './enforcementRecords';

function uuid(): string {
  return crypto.randomUUID();
}

/** Drops undefined fields (documents never store `undefined`). */
function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

type New<T> = Omit<T, '_id' | 'createdBy'>;

/** Records a new asset inquiry. */
export function createInquiry(repo: Repository, fields: New<InquiryDoc>): Promise<StoredDoc> {
  return repo.create('assetInquiry', [uuid()], clean({ ...fields }));
}

/** Records the answer of an inquiry. */
export function recordInquiryResult(
  repo: Repository,
  id: string,
  result: Pick<InquiryDoc, 'result' | 'resultDate' | 'amountFound'>,
): Promise<StoredDoc> {
  return repo.update(id, (doc) => clean({ ...doc, ...result }));
}

/** Adds a freeze, seizure or deduction to an inquiry. */
export function addControl(repo: Repository, id: string, control: AssetControl): Promise<StoredDoc> {
  return repo.update(id, (doc) => ({
    ...doc,
    controls: [...((doc['controls'] as AssetControl[] | undefined) ?? []), clean({ ...control })],
  }));
}

/** Proposes (or records) a measure. */
export function createMeasure(repo: Repository, fields: New<MeasureDoc>): Promise<StoredDoc> {
  return repo.create('enforcementAction', [uuid()], clean({ ...fields }));
}

/** A leader's decision on a measure, a closing or a listing (the record's `approval`). */
export function decide(
  repo: Repository,
  id: string,
  user: string,
  decision: RecordApproval['decision'],
  now: Date = new Date(),
): Promise<StoredDoc> {
  return repo.update(id, (doc) => ({ ...doc, approval: { decision, by: user, at: now.toISOString() } }));
}

/** Records money received or disbursed. */
export function recordPayment(repo: Repository, fields: New<PaymentDoc>): Promise<StoredDoc> {
  return repo.create('enforcementPayment', [uuid()], clean({ ...fields }));
}

/** Records how a case closed (one record per case). */
export function closeCase(repo: Repository, fields: New<ClosingDoc>): Promise<StoredDoc> {
  const id = closingId(fields.caseId);
  return repo.create('enforcementClosing', [id.slice(id.indexOf(':') + 1)], clean({ ...fields }));
}

/** Proposes a dishonest-debtor listing under the id derived from respondent and ground. */
export function proposeListing(repo: Repository, fields: Omit<DishonestEntry, '_id'>): Promise<StoredDoc> {
  const id = dishonestEntryId(fields.respondent.idNumber, fields.ground);
  return repo.create('dishonestDebtor', [id.slice(id.indexOf(':') + 1)], clean({ ...fields }));
}

/** Records the publication of an approved listing. */
export function publishListing(repo: Repository, id: string, on: string): Promise<StoredDoc> {
  return repo.update(id, (doc) => ({ ...doc, publishedOn: on }));
}

/** Removes a listing with its reason. */
export function removeListing(
  repo: Repository,
  id: string,
  removal: { reason: RemovalReason; note: string; on: string; by: string },
): Promise<StoredDoc> {
  return repo.update(id, (doc) => ({ ...doc, removal }));
}
