/**
 * The contract of the in-memory case catalog (docs/product-rules.md §4.6): one compact
 * summary per case, folded from its documents, and the queries the list screens run over them.
 * Other features (filing's duplicate-party check, the case page) import only these types.
 */
import type { Observable } from 'rxjs';
import type { CaseStatus } from '../../../../../core/domain/caseState';
import type { WarningLevel } from '../../../../../core/domain/deadlines';
import type { PlainDate } from '../../../../../core/domain/plainDate';
import type { CaseFacts } from '../../../../../core/quality/caseFacts';

/** A party as the catalog keeps it (no contact data). */
export interface CaseSummaryParty {
  readonly name: string;
  readonly role: string;
  readonly kind: 'natural' | 'legal';
  readonly idNumber?: string;
}

/** One case as the list shows it. */
export interface CaseSummary {
  /** `case:<uuid>`. */
  readonly id: string;
  /** The official number, else the provisional one. */
  readonly displayNumber: string;
  readonly officialNumber: string | null;
  readonly provisionalNumber: string | null;
  /** Case type code (`民初` …). */
  readonly caseType: string;
  /** Time-limit procedure code (`civilOrdinary` …), or null when unknown. */
  readonly procedure: string | null;
  /** 案由. */
  readonly cause: string;
  readonly division: string | null;
  readonly status: CaseStatus;
  /** Assigned judge (user name), or null before assignment. */
  readonly judge: string | null;
  /** Assigned clerk (user name), when the assignment names one. */
  readonly clerk: string | null;
  /** Assigned assistant (user name), when the assignment names one. */
  readonly assistant: string | null;
  readonly filingDate: PlainDate | null;
  /** Last day of the time limit (null when none applies or the clock is stopped). */
  readonly deadline: PlainDate | null;
  /** Days left on the catalog's "today" (negative: overdue); null when no deadline. */
  readonly remainingDays: number | null;
  /** Warning level; `none` for closed cases and cases without a deadline. */
  readonly warning: WarningLevel;
  /** An extension request awaits a leader's decision. */
  readonly pendingExtension: boolean;
  readonly parties: readonly CaseSummaryParty[];
}

/** Sortable columns. */
export type CaseSortField = 'filingDate' | 'displayNumber' | 'deadline' | 'status';

/** A filtered, sorted page request. Empty/undefined filter lists mean "any". */
export interface CaseQuery {
  readonly types?: readonly string[];
  readonly statuses?: readonly CaseStatus[];
  /** Judge user names; `''` matches unassigned cases. */
  readonly judges?: readonly string[];
  readonly warnings?: readonly WarningLevel[];
  /** Cases where this user is the judge, assistant or clerk ("my cases"). */
  readonly staff?: string;
  /** Only cases with a pending extension request. */
  readonly pendingExtension?: boolean;
  /** Case number (official or provisional, partial) or party name / ID number. */
  readonly search?: string;
  readonly sort: { readonly field: CaseSortField; readonly dir: 'asc' | 'desc' };
  readonly offset: number;
  readonly limit: number;
}

/** A page of results. */
export interface CaseQueryResult {
  readonly total: number;
  readonly rows: readonly CaseSummary[];
}

/** A party of an existing case that matches one being filed. */
export interface DuplicatePartyMatch {
  readonly caseId: string;
  readonly displayNumber: string;
  readonly partyName: string;
  readonly idNumber?: string;
  readonly matchedBy: 'idNumber' | 'name';
}

/** The in-memory index over the local case replica. */
export interface CaseCatalog {
  query(q: CaseQuery): CaseQueryResult;
  get(id: string): CaseSummary | undefined;
  /** Counts by warning level (open cases only), optionally for one staff member. */
  warningCounts(staff?: string): Readonly<Record<WarningLevel, number>>;
  /** Distinct judges named on assignments, sorted. */
  judges(): readonly string[];
  findDuplicateParties(
    parties: readonly { readonly name: string; readonly idNumber?: string }[],
    excludeCaseId?: string,
  ): DuplicatePartyMatch[];
  /** The trial-quality facts of every case (core/quality), for the dashboard; same fold as the list. */
  facts(): readonly CaseFacts[];
  /** Emits a version counter whenever the catalog changed (starts with the current version). */
  readonly changes$: Observable<number>;
}

/** Build progress of the catalog (documents read so far of the replica's total). */
export interface CatalogProgress {
  readonly done: number;
  readonly total: number;
}
