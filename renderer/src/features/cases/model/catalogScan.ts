/**
 * The full read of the catalog build: one pass over `allDocs` in id order. Ids carry their type,
 * so approvals, assignments, cases and case numbers arrive before the events, and each case's
 * events are contiguous (`event:<caseId>:…`): a case is folded as soon as its event run ends, and
 * only a stripped copy of each case document is held meanwhile.
 */
import { allDocsPage, allDocsPageQuery } from '../../../../../core/allDocsPaging';
import type { PlainDate } from '../../../../../core/domain/plainDate';
import type { LocalDb } from '../../../db/localDb';
import { caseIdOf } from './caseIdOf';
import { summarizeCase, type FoldedCase } from './summarize';

type Doc = Record<string, unknown> & { _id: string };

/** What {@link scanReplica} needs from the catalog. */
export interface ScanOptions {
  readonly today: PlainDate;
  readonly pageSize: number;
  /** Called for every approval document (they come first). */
  readonly rememberApproval: (doc: Doc) => unknown;
  readonly approvalsOf: (caseId: string) => readonly unknown[];
  /** Rows read so far. */
  readonly onProgress?: (done: number) => void;
  readonly cancelled: () => boolean;
}

const CASE_FIELDS = [
  '_id',
  'caseType',
  'caseTypeCode',
  'procedure',
  'procedureCode',
  'cause',
  'division',
  'filingDate',
  'filedAt',
  'provisionalNumber',
] as const;

/** The part of a case document the fold and the summary read. */
function stripCase(doc: Doc): Doc {
  const out: Doc = { _id: doc._id };
  for (const k of CASE_FIELDS) if (k !== '_id' && doc[k] !== undefined) out[k] = doc[k];
  if (Array.isArray(doc['parties']))
    out['parties'] = (doc['parties'] as unknown[]).map((p) => {
      if (typeof p !== 'object' || p === null) return p;
      const { name, role, kind, type, idNumber } = p as Record<string, unknown>;
      return { name, role, kind, type, idNumber };
    });
  return out;
}

/** Reads every document of the replica and folds every case. */
export async function scanReplica(db: LocalDb, o: ScanOptions): Promise<FoldedCase[]> {
  const { today, pageSize } = o;
  const cases = new Map<string, Doc>();
  const numbers = new Map<string, Doc>();
  const assignments = new Map<string, Doc>();
  const out: FoldedCase[] = [];
  let eventCase: string | null = null;
  let events: Doc[] = [];
  const fold = (caseId: string, evs: readonly Doc[]) => {
    const caseDoc = cases.get(caseId);
    if (!caseDoc) return;
    cases.delete(caseId);
    const f = summarizeCase(
      {
        caseDoc,
        caseNumberDoc: numbers.get(caseId) ?? null,
        assignmentDoc: assignments.get(caseId) ?? null,
        events: evs,
        approvals: o.approvalsOf(caseId),
      },
      today,
    );
    out.push(f);
  };
  let done = 0;
  let after: string | undefined;
  do {
    if (o.cancelled()) throw new Error('catalog disposed');
    // core/allDocsPaging.ts: a replicated deletion of a page's last id must not skip the next case.
    const res = await db.allDocs({ include_docs: true, ...allDocsPageQuery(pageSize, after) });
    const page = allDocsPage(res.rows, pageSize, after);
    for (const row of page.rows) {
      const doc = row.doc as Doc | undefined;
      if (!doc) continue;
      const caseId = caseIdOf(doc);
      if (!caseId) continue;
      switch (doc['type']) {
        case 'approval':
          o.rememberApproval(doc);
          break;
        case 'assignment':
          assignments.set(caseId, {
            _id: doc._id,
            judge: doc['judge'],
            clerk: doc['clerk'],
            assistant: doc['assistant'],
            method: doc['method'],
          });
          break;
        case 'case':
          cases.set(caseId, stripCase(doc));
          break;
        case 'caseNumber':
          numbers.set(caseId, { _id: doc._id, caseNumber: doc['caseNumber'] });
          break;
        case 'event':
          if (caseId !== eventCase) {
            if (eventCase) fold(eventCase, events);
            eventCase = caseId;
            events = [];
          }
          events.push(doc);
          break;
      }
    }
    done += page.rows.length;
    o.onProgress?.(done);
    after = page.next;
  } while (after !== undefined);
  if (eventCase) fold(eventCase, events);
  for (const caseId of [...cases.keys()]) fold(caseId, []);
  return out;
}
