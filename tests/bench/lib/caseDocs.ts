/**
 * Synthetic ~1 KB case documents shaped like CourtDesk's `case:` documents (type, status, judge,
 * filing date, parties, a Chinese summary). Deterministic in `i`, shared by the Node side (server
 * generation) and the bench page (local generation).
 */

const STATUSES = ['filed', 'accepted', 'pending', 'hearing', 'closed', 'archived'] as const;
const TYPES = ['civil', 'criminal', 'administrative', 'enforcement'] as const;
/** Judges the generator assigns (`judge-00` … `judge-39`). */
export const JUDGES = Array.from({ length: 40 }, (_, j) => `judge-${String(j).padStart(2, '0')}`);
const SUMMARY = '原告诉称被告未按合同约定履行付款义务，请求判令被告支付货款及利息。'.repeat(6);

/** One case document (no `_rev`), about 1 KB as JSON. */
export function caseDoc(i: number, prefix = 'case'): Record<string, unknown> & { _id: string } {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  return {
    _id: `${prefix}:${String(i).padStart(7, '0')}`,
    type: 'case',
    caseType: TYPES[i % TYPES.length],
    status: STATUSES[(i * 7) % STATUSES.length],
    judge: JUDGES[(i * 13) % JUDGES.length],
    filedAt: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00.000Z`,
    caseNumber: `（2026）甘0402民初${i + 1}号`,
    parties: [
      {
        name: `原告${i}`,
        role: 'plaintiff',
        idNumber: `62040219800101${String(i % 10000).padStart(4, '0')}`,
      },
      { name: `被告${i}`, role: 'defendant' },
    ],
    amount: (i * 9973) % 1_000_000,
    summary: SUMMARY,
  };
}

/** Documents `from` … `from + count - 1`. */
export function caseDocs(
  from: number,
  count: number,
  prefix = 'case',
): Array<Record<string, unknown> & { _id: string }> {
  return Array.from({ length: count }, (_, k) => caseDoc(from + k, prefix));
}
