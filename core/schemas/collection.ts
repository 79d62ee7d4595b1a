/**
 * What every collection schema provides: its current `schemaVersion`, the migrations that lift an
 * older document to it, and a structural check. The envelope rules of `base.ts` always apply; the
 * authority rules (who may write) live on the server only (`sync-server/ddocs/`).
 */
import type { DocType, EnvelopeIssue } from './base';
import type { Fields } from './fields';

/** Lifts a document from version `n` to `n + 1` (pure: returns a new object). */
export type Migration = (doc: Fields) => Record<string, unknown>;

/** The schema of one document type. */
export interface CollectionSchema {
  readonly type: DocType;
  /** The version written by this build. */
  readonly version: number;
  /** `migrations[n]` turns version `n` into `n + 1`, for every `1 ≤ n < version`. */
  readonly migrations: Readonly<Record<number, Migration>>;
  /** Fields holding rich text (HTML); the conflict centre shows them as a text diff. */
  readonly richTextFields: readonly string[];
  /** Checks the type-specific fields of a document already at {@link version}. */
  validate(doc: Fields): EnvelopeIssue[];
}

/** A document failed validation; `issues` says which fields and why. */
export class SchemaValidationError extends Error {
  constructor(
    readonly docId: string,
    readonly issues: readonly EnvelopeIssue[],
  ) {
    super(
      `文档 ${docId} 未通过校验 (document ${docId} is invalid): ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    );
    this.name = 'SchemaValidationError';
  }
}
