/**
 * The writes of the enforcement screens, each one local document through the repository (validated
 * by the core schemas before it is stored; the server checks the same rules and who may write).
 */
import type { AssetControl, ControlRelease } from '../../../../../core/enforcement/assetControl';
import type { RecordApproval } from '../../../../../core/enforcement/approvals';
import {
  dishonestEntryId,
  type DishonestEntry,
  type RemovalReason,
} from '../../../../../core/enforcement/dishonest';
import { roundClosed, startNextRound } from '../../../../../core/enforcement/listingRounds';
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

/** Records a new asset inquiry (id `assetInquiry:<case id>:<uuid>`, read per case). */
export function createInquiry(repo: Repository, fields: New<InquiryDoc>): Promise<StoredDoc> {
  return repo.create('assetInquiry', [fields.caseId, uuid()], clean({ ...fields }));
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

/** Records the release (解除) of control `index` of an inquiry; the control is fixed from then on. */
export function releaseControl(
  repo: Repository,
  id: string,
  index: number,
  release: ControlRelease,
): Promise<StoredDoc> {
  return repo.update(id, (doc) => ({
    ...doc,
    controls: ((doc['controls'] as AssetControl[] | undefined) ?? []).map((c, i) =>
      i === index ? { ...c, release: clean({ ...release }) } : c,
    ),
  }));
}

/** Proposes (or records) a measure (id `enforcementAction:<case id>:<uuid>`). */
export function createMeasure(repo: Repository, fields: New<MeasureDoc>): Promise<StoredDoc> {
  return repo.create('enforcementAction', [fields.caseId, uuid()], clean({ ...fields }));
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
  return repo.create('enforcementPayment', [fields.caseId, uuid()], clean({ ...fields }));
}

/** Records how a case closed (one record per case). */
export function closeCase(repo: Repository, fields: New<ClosingDoc>): Promise<StoredDoc> {
  const id = closingId(fields.caseId);
  return repo.create('enforcementClosing', [id.slice(id.indexOf(':') + 1)], clean({ ...fields }));
}

/** Thrown (status 409, like a taken id) when the respondent is listed or proposed on the ground. */
function alreadyListed(id: string): Error {
  return Object.assign(new Error(`${id} is already listed or proposed`), { status: 409 });
}

/**
 * Proposes a dishonest-debtor listing under the id derived from respondent and ground. When the
 * respondent was listed on the ground before and that listing was removed (or the proposal
 * rejected), the listing becomes the entry's next round (core/enforcement/listingRounds.ts);
 * while it is pending or listed the proposal is refused with status 409.
 */
export async function proposeListing(
  repo: Repository,
  fields: Omit<DishonestEntry, '_id'>,
  user: string,
): Promise<StoredDoc> {
  const id = dishonestEntryId(fields.respondent.idNumber, fields.ground);
  try {
    return await repo.create('dishonestDebtor', [id.slice(id.indexOf(':') + 1)], clean({ ...fields }));
  } catch (err) {
    if ((err as { status?: number }).status !== 409) throw err;
  }
  return repo.update(id, (doc) => {
    const entry = doc as unknown as DishonestEntry;
    if (!roundClosed(entry)) throw alreadyListed(id);
    const { caseId, caseNumber, listedOn, extendYears, facts, obligation } = fields;
    const terms = { caseId, caseNumber, listedOn, extendYears, facts, obligation };
    const next = startNextRound(entry, { ...terms, respondentName: fields.respondent.name }, user);
    return next as unknown as Record<string, unknown>;
  });
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
