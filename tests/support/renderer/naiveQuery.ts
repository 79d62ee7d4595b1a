/**
 * The obvious implementation of a case query — filter every summary, sort them all, slice — kept
 * as the reference the index is property-tested against and the baseline of the
 * `case-list-filter-sort-100k` benchmark. Same semantics as `CaseIndex.query`: nulls sort last in
 * both directions, ties by id (reversed with the direction).
 */
import type {
  CaseQuery,
  CaseQueryResult,
  CaseSummary,
} from '../../../renderer/src/features/cases/model/catalogTypes';
import { STATUS_ORDER } from '../../../renderer/src/features/cases/model/caseIndex';
import { caseNumberSortKey, normalizeSearch } from '../../../renderer/src/features/cases/model/caseSearch';

function allows<T>(list: readonly T[] | undefined, v: T): boolean {
  return !list || list.length === 0 || list.includes(v);
}

/** Filters and sorts `rows` from scratch. */
export function naiveQuery(rows: readonly CaseSummary[], q: CaseQuery): CaseQueryResult {
  const needle = q.search ? normalizeSearch(q.search) : '';
  const hits = rows.filter(
    (r) =>
      allows(q.types, r.caseType) &&
      allows(q.statuses, r.status) &&
      allows(q.warnings, r.warning) &&
      allows(q.judges, r.judge ?? '') &&
      (!q.pendingExtension || r.pendingExtension) &&
      (q.staff === undefined || [r.judge, r.clerk, r.assistant].includes(q.staff)) &&
      (!needle ||
        [r.officialNumber, r.provisionalNumber, ...r.parties.flatMap((p) => [p.name, p.idNumber])].some(
          (t) => t && normalizeSearch(t).includes(needle),
        )),
  );
  const key = (r: CaseSummary): string | number | null =>
    q.sort.field === 'filingDate'
      ? r.filingDate
      : q.sort.field === 'deadline'
        ? r.deadline
        : q.sort.field === 'status'
          ? STATUS_ORDER.indexOf(r.status)
          : caseNumberSortKey(r.displayNumber);
  // Keys computed once per hit (decorate–sort–undecorate), as a competent naive version would.
  const keyed = hits.map((r) => ({ r, k: key(r) }));
  const dir = q.sort.dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    const ka = a.k;
    const kb = b.k;
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
      return a.r.id < b.r.id ? -1 : 1;
    }
    if (ka !== kb) return (ka < kb ? -1 : 1) * dir;
    return (a.r.id < b.r.id ? -1 : 1) * dir;
  });
  const sorted = keyed.map((x) => x.r);
  return { total: sorted.length, rows: sorted.slice(q.offset, q.offset + q.limit) };
}
