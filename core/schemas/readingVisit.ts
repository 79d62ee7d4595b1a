/**
 * File reading (阅卷, docs/file-reading.md). A clerk admits a party or an agent of one case to read
 * that case's archive volumes on a dedicated reading PC for one visit: `readingVisit:<uuid>` in
 * courtdesk_cases, written by the clerk (closing it sets `closedAt`/`closedBy`). The server worker
 * answers with `readingLog:<uuid>` (same uuid, worker only): the state of the visit's own database
 * and every page the reader viewed or printed, so the clerk can print the access log while the
 * authoritative records stay in courtdesk_audit. The reader itself writes `pageView` documents,
 * in the visit's database only (sync-server/src/workers/readingRoomDb.ts checks them there).
 */
import { validateCreditCode, validateResidentId } from '../domain/identity';
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';

/** Who the reader is in the case: a party, or an agent (诉讼代理人) of a party. */
export const READER_CAPACITIES = ['party', 'agent'] as const;
/** One of {@link READER_CAPACITIES}. */
export type ReaderCapacity = (typeof READER_CAPACITIES)[number];

/** Longest visit a clerk may grant (a working day). */
export const MAX_VISIT_MINUTES = 8 * 60;

/** A `readingVisit` document's own fields. */
export interface ReadingVisitFields {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly readerName: string;
  /** Resident ID (or, for a legal person's representative, the party's credit code), checksum-valid. */
  readonly readerIdNumber: string;
  readonly capacity: ReaderCapacity;
  /** The party the reader is, or whose agent the reader is. */
  readonly partyName: string;
  readonly allowPrint: boolean;
  /** The reading PC's account (role `reader`) the visit's database admits. */
  readonly readerAccount: string;
  readonly expiresAt: string;
  readonly closedAt?: string;
  readonly closedBy?: string;
}

/** One page the reader viewed or printed, as the worker copied it into the log. */
export interface ReadingLogEntry {
  readonly volumeId: string;
  readonly volumeTitle: string;
  readonly page: number;
  readonly action: 'view' | 'print';
  /** When the reading PC recorded it. */
  readonly at: string;
  /** The courtdesk_audit record holding it. */
  readonly auditId: string;
}

/** A `readingLog` document's own fields (worker only). */
export interface ReadingLogFields {
  readonly visitId: string;
  readonly caseId: string;
  readonly state: 'open' | 'closed';
  readonly db: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly closedReason?: 'clerk' | 'expired';
  readonly volumes: number;
  readonly entries: readonly ReadingLogEntry[];
}

/**
 * A visit's id: `readingVisit:<lower-case UUID>`. Exactly this form, so that two visits can never
 * map to one database name ({@link readingDbName} drops the dashes).
 */
export const READING_VISIT_ID = /^readingVisit:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The visit's own database: `courtdesk_reading_<uuid without dashes>`. */
export function readingDbName(visitId: string): string {
  return `courtdesk_reading_${visitId.replace(/^readingVisit:/, '').replace(/[^a-z0-9]/g, '')}`;
}

/** True for a name {@link readingDbName} can produce. */
export function isReadingDbName(db: string): boolean {
  return /^courtdesk_reading_[a-z0-9]{1,64}$/.test(db);
}

/**
 * The reading PC's lobby database (`courtdesk_readingpc_<hex of the account name>`): one
 * worker-written document `current` tells the PC which visit, if any, is open for it.
 */
export function readingLobbyDbName(account: string): string {
  // UTF-8 bytes in hex, through encodeURIComponent (core has no TextEncoder in every runtime).
  const escaped = encodeURIComponent(account);
  let hex = '';
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '%') {
      hex += escaped.slice(i + 1, i + 3).toLowerCase();
      i += 2;
    } else hex += escaped.charCodeAt(i).toString(16).padStart(2, '0');
  }
  return `courtdesk_readingpc_${hex}`;
}

/** The log id of a visit. */
export function readingLogId(visitId: string): string {
  return `readingLog:${visitId.replace(/^readingVisit:/, '')}`;
}

/** The reader's ID number problem, or null: a resident ID (or a credit code) with a valid checksum. */
export function readerIdProblem(idNumber: string): string | null {
  const value = idNumber.trim().toUpperCase();
  if (validateResidentId(value).ok || validateCreditCode(value).ok) return null;
  return '证件号码校验不通过 (the ID number fails its checksum)';
}

/** Schema of `readingVisit` documents. */
export const readingVisitSchema: CollectionSchema = {
  type: 'readingVisit',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    if (typeof d['_id'] !== 'string' || !READING_VISIT_ID.test(d['_id']))
      l.add('_id', '阅卷登记编号必须是 readingVisit:<UUID>', '_id must be readingVisit:<lower-case UUID>');
    l.ref(d, 'caseId', 'case:');
    l.text(d, 'caseNumber', 64);
    l.text(d, 'readerName', 64);
    l.text(d, 'partyName', 128);
    l.text(d, 'readerAccount', 128);
    l.oneOf(d, 'capacity', READER_CAPACITIES);
    l.time(d, 'expiresAt');
    l.time(d, 'closedAt', { optional: true });
    l.text(d, 'closedBy', 128, { optional: true });
    if (typeof d['allowPrint'] !== 'boolean')
      l.add('allowPrint', 'allowPrint 必须是是或否', 'allowPrint must be a boolean');
    const id = d['readerIdNumber'];
    if (typeof id !== 'string' || readerIdProblem(id) !== null)
      l.add('readerIdNumber', '证件号码校验不通过', 'readerIdNumber fails its checksum');
    const created = Date.parse(String(d['createdAt']));
    const expires = Date.parse(String(d['expiresAt']));
    if (expires <= created || expires - created > MAX_VISIT_MINUTES * 60_000)
      l.add(
        'expiresAt',
        `阅卷时长须在 1 到 ${MAX_VISIT_MINUTES} 分钟之间`,
        `a visit lasts between 1 and ${MAX_VISIT_MINUTES} minutes`,
      );
    return l.issues;
  },
};

/** Schema of `readingLog` documents (written by the worker). */
export const readingLogSchema: CollectionSchema = {
  type: 'readingLog',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'visitId', 'readingVisit:');
    l.ref(d, 'caseId', 'case:');
    l.oneOf(d, 'state', ['open', 'closed']);
    l.text(d, 'db', 128);
    const entries = d['entries'];
    if (!Array.isArray(entries) || !entries.every((e) => isRecord(e) && typeof e['page'] === 'number'))
      l.add('entries', '阅卷记录格式无效', 'entries must be a list of page records');
    return l.issues;
  },
};
