/**
 * The collection schemas by document type, with the two operations every write path uses:
 * {@link migrate} (lift an older document to the current version) and {@link validateForWrite}
 * (envelope + collection rules; throws {@link SchemaValidationError}). Types without a collection
 * schema yet are checked against the envelope only.
 */
import { accountKeySchema, passwordChangeResultSchema, passwordChangeSchema } from './account';
import { validateBaseDoc, type DocType, type EnvelopeIssue } from './base';
import { approvalSchema } from './approval';
import { archiveImportSchema, archiveTextSchema, archiveVolumeSchema, caseFilePaperSchema } from './archive';
import { boardSchema } from './board';
import { caseSchema } from './case';
import { SchemaValidationError, type CollectionSchema } from './collection';
import { directorySchema } from './directory';
import { dishonestDebtorSchema } from './dishonestDebtor';
import { draftSchema } from './draft';
import { draftSnapshotSchema, draftUpdateSchema, draftVersionSchema } from './draftData';
import {
  assetInquirySchema,
  enforcementActionSchema,
  enforcementClosingSchema,
  enforcementPaymentSchema,
} from './enforcement';
import { eventSchema } from './event';
import { fileSchema } from './file';
import { downloadSchema, libraryItemSchema } from './libraryItem';
import { isRecord } from './fields';
import { noticeSchema } from './notice';
import { postSchema } from './post';
import { receiptSchema } from './receipt';
import { publicationSchema } from './publication';
import { hearingNoticeSchema, publicCaseSchema } from './publicProjection';
import { readingLogSchema, readingVisitSchema } from './readingVisit';

/** Every collection schema this build knows. */
export const SCHEMAS: Readonly<Partial<Record<DocType, CollectionSchema>>> = {
  case: caseSchema,
  event: eventSchema,
  approval: approvalSchema,
  board: boardSchema,
  post: postSchema,
  notice: noticeSchema,
  receipt: receiptSchema,
  draft: draftSchema,
  draftUpdate: draftUpdateSchema,
  draftSnapshot: draftSnapshotSchema,
  draftVersion: draftVersionSchema,
  publication: publicationSchema,
  file: fileSchema,
  archiveVolume: archiveVolumeSchema,
  caseFilePaper: caseFilePaperSchema,
  archiveText: archiveTextSchema,
  archiveImport: archiveImportSchema,
  libraryItem: libraryItemSchema,
  download: downloadSchema,
  assetInquiry: assetInquirySchema,
  enforcementAction: enforcementActionSchema,
  enforcementPayment: enforcementPaymentSchema,
  enforcementClosing: enforcementClosingSchema,
  dishonestDebtor: dishonestDebtorSchema,
  directory: directorySchema,
  accountKey: accountKeySchema,
  passwordChange: passwordChangeSchema,
  passwordChangeResult: passwordChangeResultSchema,
  publicCase: publicCaseSchema,
  hearingNotice: hearingNoticeSchema,
  readingVisit: readingVisitSchema,
  readingLog: readingLogSchema,
};

/** The schema of a document type, if it has one. */
export function schemaFor(type: unknown): CollectionSchema | undefined {
  return typeof type === 'string' ? SCHEMAS[type as DocType] : undefined;
}

/** The current schemaVersion for a type (1 for types without a collection schema). */
export function currentVersion(type: DocType): number {
  return SCHEMAS[type]?.version ?? 1;
}

/**
 * Returns `doc` lifted to its type's current version (the same object when already current).
 * Throws when the document is newer than this build (written by a newer client: never downgrade)
 * or a migration step is missing.
 */
export function migrate<T extends Record<string, unknown>>(doc: T): T {
  const schema = schemaFor(doc['type']);
  const from = doc['schemaVersion'];
  if (!schema || typeof from !== 'number') return doc;
  if (from > schema.version) {
    throw new Error(
      `文档 ${String(doc['_id'])} 来自更新的版本 (document is at schemaVersion ${from}, this build knows ${schema.version})`,
    );
  }
  let out: Record<string, unknown> = doc;
  for (let v = from; v < schema.version; v++) {
    const step = schema.migrations[v];
    if (!step) throw new Error(`missing migration ${schema.type} v${v} → v${v + 1}`);
    out = step(out);
    out['schemaVersion'] = v + 1;
  }
  return out as T;
}

/** Every issue of a candidate document at its current version (empty: valid). */
export function issuesForWrite(doc: unknown): EnvelopeIssue[] {
  const issues = validateBaseDoc(doc);
  if (!isRecord(doc)) return issues;
  if (doc['_deleted'] === true) return []; // a tombstone carries no body to check
  const schema = schemaFor(doc['type']);
  if (!schema) return issues;
  if (doc['schemaVersion'] !== schema.version) {
    issues.push({
      field: 'schemaVersion',
      message: `schemaVersion 必须是 ${schema.version} (write documents at the current schemaVersion ${schema.version})`,
    });
    return issues;
  }
  return [...issues, ...schema.validate(doc)];
}

/** Throws a {@link SchemaValidationError} unless `doc` may be written as is. */
export function validateForWrite(doc: unknown): void {
  const issues = issuesForWrite(doc);
  if (issues.length > 0) {
    const id = isRecord(doc) && typeof doc['_id'] === 'string' ? doc['_id'] : '?';
    throw new SchemaValidationError(id, issues);
  }
}
