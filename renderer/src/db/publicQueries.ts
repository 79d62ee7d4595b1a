/**
 * Reads of the local `public` replica (the projection the server worker writes; core/public):
 * one public case by its number, and the hearing notices in a time range. Both go through a
 * Mango index (pouchdb-find), never a scan: a kiosk replica holds tens of thousands of cases.
 * React-free; publicHooks.ts binds them to the running engine.
 */
import type { HearingNoticeDoc, PublicCaseDoc } from '../../../core/public/publicDocs';
import type { LocalDb } from './localDb';

/** Mango index of `publicCase` documents by case number. */
const CASE_NUMBER_INDEX = {
  fields: ['caseNumber'],
  ddoc: 'courtdesk-public-case-number',
  name: 'caseNumber',
};
/** Mango index of hearing notices by start time. */
const NOTICE_INDEX = { fields: ['type', 'startsAt'], ddoc: 'courtdesk-public-notices', name: 'startsAt' };

const ensured = new WeakMap<LocalDb, Promise<unknown>>();

/** Creates the local indexes once per database handle (createIndex is idempotent). */
export function ensurePublicIndexes(db: LocalDb): Promise<unknown> {
  let p = ensured.get(db);
  if (!p) {
    p = Promise.all([db.createIndex({ index: CASE_NUMBER_INDEX }), db.createIndex({ index: NOTICE_INDEX })]);
    // A failed attempt is retried by the next query.
    p.catch(() => ensured.delete(db));
    ensured.set(db, p);
  }
  return p;
}

function isPublicCase(doc: unknown): doc is PublicCaseDoc {
  const d = doc as Partial<PublicCaseDoc> | null;
  return !!d && d.type === 'publicCase' && typeof d.caseNumber === 'string' && Array.isArray(d.access);
}

function isHearingNotice(doc: unknown): doc is HearingNoticeDoc {
  const d = doc as Partial<HearingNoticeDoc> | null;
  return (
    !!d && d.type === 'hearingNotice' && typeof d.startsAt === 'string' && typeof d.caseNumber === 'string'
  );
}

/** The public case with this exact (canonical) number, or null. */
export async function findPublicCase(db: LocalDb, caseNumber: string): Promise<PublicCaseDoc | null> {
  await ensurePublicIndexes(db);
  const res = await db.find({
    selector: { caseNumber },
    use_index: [CASE_NUMBER_INDEX.ddoc, CASE_NUMBER_INDEX.name],
    limit: 5,
  });
  return (res.docs as unknown[]).find(isPublicCase) ?? null;
}

/**
 * Hearing notices whose `startsAt` string lies in [`from`, `to`). The projection writes times
 * with a +08:00 offset, so string order is time order; callers widen the range and filter by
 * parsed time (boardSchedule.ts) so an odd offset cannot hide a notice.
 */
export async function hearingNoticesBetween(
  db: LocalDb,
  from: string,
  to: string,
): Promise<HearingNoticeDoc[]> {
  await ensurePublicIndexes(db);
  const res = await db.find({
    selector: { type: 'hearingNotice', startsAt: { $gte: from, $lt: to } },
    use_index: [NOTICE_INDEX.ddoc, NOTICE_INDEX.name],
    limit: 5000,
  });
  return (res.docs as unknown[]).filter(isHearingNotice);
}
