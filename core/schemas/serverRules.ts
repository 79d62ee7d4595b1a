/**
 * The collection rules as the server runs them: build/ddocSchemas.ts bundles this module (and the
 * schemas and domain rules it imports) into ES5 and inlines it into every validate_doc_update, so
 * CouchDB refuses a forged write with the very rules the client validated with (docs/product-rules.md §1:
 * one set
 * of rules for renderer, worker and design documents).
 */
import { isRecord } from './fields';
import { migrate, schemaFor } from './registry';

/**
 * Domain rules a design document calls beyond the schemas (as `courtdeskCore.<name>`): the closed
 * round of a dishonest-debtor entry and whether it is closed (courtdesk_enforcement, re-listing).
 */
export {
  closedRound as courtdeskClosedRound,
  roundClosed as courtdeskRoundClosed,
} from '../enforcement/listingRounds';

/**
 * Every collection-rule issue of a document about to be stored, as `field: message` lines (empty:
 * acceptable). Tombstones, types without a collection schema and documents newer than these rules
 * (written by a newer client before the server was upgraded) are left to the envelope checks;
 * older documents are checked after migration, as every reader will see them.
 */
export function courtdeskSchemaIssues(doc: unknown): string[] {
  if (!isRecord(doc) || doc['_deleted'] === true) return [];
  const schema = schemaFor(doc['type']);
  const version = doc['schemaVersion'];
  if (!schema || typeof version !== 'number' || version > schema.version) return [];
  let current: Record<string, unknown>;
  try {
    current = migrate({ ...doc });
  } catch (err) {
    return [`schemaVersion: ${(err as Error).message}`];
  }
  return schema.validate(current).map((issue) => `${issue.field}: ${issue.message}`);
}
