/**
 * The document envelope every CourtDesk document carries (docs/product-rules.md §2.8, §8.2).
 * Per-collection schemas extend it in later issues; the design documents in
 * `sync-server/ddocs/` mirror these structural rules in ES5 so CouchDB enforces the same thing.
 */

/** Document types known to the envelope, with the id layout each one uses. */
export const DOC_TYPES = [
  'case', // case:<uuid>
  'event', // event:<caseId>:<time>:<uuid>
  'caseNumber', // caseNumber:<caseId> (worker)
  'assignment', // assignment:<caseId> (worker)
  'approval', // approval:<uuid> (leader)
  'draft', // draft:<uuid>
  'draftUpdate', // draftUpdate:<draftId>:<session>:<seq>:<author>
  'draftSnapshot', // draftSnapshot:<draftId>:<key>:<author>
  'draftVersion', // draftVersion:<draftId>:<key>:<author>
  'publication', // publication:<draft uuid>
  'template', // template:<code>
  'volume', // volume:<uuid>
  'archiveVolume', // archiveVolume:<caseUuid>:<main|secondary>:<nn> (docs/archives.md)
  'caseFilePaper', // caseFilePaper:<caseUuid>:<uuid> (electronic case file)
  'archiveText', // archiveText:<ownerId> (OCR text of a volume or paper)
  'archiveImport', // archiveImport:<id> (bulk import progress)
  'enforcementAction', // enforcementAction:<caseId>:<uuid> (older: enforcementAction:<uuid>)
  'assetInquiry', // assetInquiry:<caseId>:<uuid> (older: assetInquiry:<uuid>)
  'enforcementPayment', // enforcementPayment:<caseId>:<uuid> (older: enforcementPayment:<uuid>)
  'enforcementClosing', // enforcementClosing:<case uuid>
  'dishonestDebtor', // dishonestDebtor:<identity number>:<ground>
  'board', // board:<code>
  'post', // post:<uuid>
  'notice', // notice:<uuid>
  'receipt', // receipt:<noticeId>:<userName>
  'libraryItem', // libraryItem:<uuid>
  'download', // download:<uuid>
  'file', // file:<uuid> (attachment carrier)
  'publicCase', // publicCase:<caseId> (worker)
  'hearingNotice', // hearingNotice:<uuid> (worker)
  'audit', // audit:<time>:<uuid> (worker)
  'directory', // directory:staff (worker)
  'accountKey', // accountKey:passwordChange (worker)
  'passwordChange', // passwordChange:<uuid>:<userName>
  'passwordChangeResult', // passwordChangeResult:<uuid>:<userName> (worker)
  'readingVisit', // readingVisit:<uuid> (clerk; courtdesk_cases)
  'readingLog', // readingLog:<visit uuid> (worker; courtdesk_cases)
] as const;

/** One of {@link DOC_TYPES}. */
export type DocType = (typeof DOC_TYPES)[number];

/** Fields every CourtDesk document has. */
export interface BaseDoc {
  /** `<type>:<rest>`; the prefix before the first colon equals `type`. */
  readonly _id: string;
  readonly _rev?: string;
  readonly type: DocType;
  /** Integer ≥ 1; bumped by a collection's migration when its shape changes. */
  readonly schemaVersion: number;
  /** ISO-8601 timestamp with time zone, set once when the document is created. */
  readonly createdAt: string;
  /** CouchDB user name of the author; the server checks it equals the signed-in user on creation. */
  readonly createdBy: string;
}

/** One problem found by {@link validateBaseDoc}: which field, and a bilingual message. */
export interface EnvelopeIssue {
  readonly field: string;
  readonly message: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `value` is one of {@link DOC_TYPES}. */
export function isDocType(value: unknown): value is DocType {
  return typeof value === 'string' && (DOC_TYPES as readonly string[]).includes(value);
}

/** The type prefix of a document id (`case:abc` → `case`), or null when the id has none. */
export function idPrefix(id: string): string | null {
  const i = id.indexOf(':');
  return i > 0 ? id.slice(0, i) : null;
}

/** Builds a document id from its type and the parts that follow it (`makeId('case', uuid)`). */
export function makeId(type: DocType, ...parts: readonly string[]): string {
  if (parts.length === 0 || parts.some((p) => p.length === 0))
    throw new Error(`makeId(${type}): empty id part`);
  return [type, ...parts].join(':');
}

/**
 * Checks the envelope of a candidate document. Returns every issue found (empty: valid). The
 * messages are Chinese with English in brackets, the same wording the design documents use.
 */
export function validateBaseDoc(doc: unknown): EnvelopeIssue[] {
  const issues: EnvelopeIssue[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return [{ field: '', message: '文档必须是对象 (document must be an object)' }];
  }
  const d = doc as Record<string, unknown>;
  const id = d['_id'];
  const type = d['type'];
  if (typeof id !== 'string' || id.length === 0)
    issues.push({ field: '_id', message: '缺少文档编号 (missing _id)' });
  if (!isDocType(type)) {
    issues.push({ field: 'type', message: `未知的文档类型 (unknown document type: ${String(type)})` });
  } else if (typeof id === 'string' && (idPrefix(id) !== type || id.length <= type.length + 1)) {
    issues.push({ field: '_id', message: `文档编号必须以“${type}:”开头 (_id must start with "${type}:")` });
  }
  const v = d['schemaVersion'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    issues.push({
      field: 'schemaVersion',
      message: 'schemaVersion 必须是不小于 1 的整数 (schemaVersion must be an integer ≥ 1)',
    });
  }
  const at = d['createdAt'];
  if (typeof at !== 'string' || !ISO_TIME.test(at) || Number.isNaN(Date.parse(at))) {
    issues.push({
      field: 'createdAt',
      message: 'createdAt 必须是带时区的 ISO 时间 (createdAt must be an ISO-8601 time)',
    });
  }
  const by = d['createdBy'];
  if (typeof by !== 'string' || by.length === 0)
    issues.push({ field: 'createdBy', message: '缺少创建人 (missing createdBy)' });
  return issues;
}

/** Type guard form of {@link validateBaseDoc}. */
export function isBaseDoc(doc: unknown): doc is BaseDoc {
  return validateBaseDoc(doc).length === 0;
}

/** Creates a fresh envelope for a new document (the caller supplies the id parts and clock). */
export function newEnvelope(
  type: DocType,
  idParts: readonly string[],
  createdBy: string,
  now: Date,
): BaseDoc {
  return { _id: makeId(type, ...idParts), type, schemaVersion: 1, createdAt: now.toISOString(), createdBy };
}
