/**
 * Field checks shared by the intranet schemas (notices, receipts, forum): lists of attachment
 * references and yes/no flags. Kept beside fields.ts so the compiled design documents carry them.
 */
import type { Fields, IssueList } from './fields';

/** Optional boolean `field`. */
export function optionalFlag(l: IssueList, d: Fields, field: string): void {
  const v = d[field];
  if (v !== undefined && typeof v !== 'boolean')
    l.add(field, `${field} 必须是是或否`, `${field} must be true or false`);
}

/** Optional list of ids starting with `prefix`, each once, at most `max`. */
export function optionalRefs(l: IssueList, d: Fields, field: string, prefix: string, max: number): void {
  const v = d[field];
  if (v === undefined) return;
  const ok =
    Array.isArray(v) &&
    v.length <= max &&
    v.every((x) => typeof x === 'string' && x.startsWith(prefix) && x.length > prefix.length) &&
    new Set(v).size === v.length;
  if (!ok)
    l.add(
      field,
      `${field} 必须是不重复的“${prefix}”编号列表`,
      `${field} must be a list of distinct "${prefix}" ids (at most ${max})`,
    );
}
