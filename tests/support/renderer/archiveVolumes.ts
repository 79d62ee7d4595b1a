/**
 * Test-only: a generated archive for the list's test and bench (renderer/src/db/archiveIndex.ts):
 * three volume documents per case (正卷 1, 正卷 2, 副卷 1), in reverse order of the list.
 */
import { volumeId } from '../../../core/archives/ids';

/** The uuid of generated case `n`. */
export function caseUuid(n: number): string {
  return `0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The case number of generated case `n`: （2019）甘0402民初<n>号. */
export function caseNumber(n: number): string {
  return `（2019）甘0402民初${n}号`;
}

/** The volumes' year of generated case `n` (2015–2019). */
export function yearOf(n: number): number {
  return 2015 + (n % 5);
}

/** A volume document of generated case `n` (parties 当事人<n> and a company). */
export function volumeDoc(
  n: number,
  kind: 'main' | 'secondary',
  seq: number,
): Record<string, unknown> & { _id: string } {
  return {
    _id: volumeId(caseUuid(n), kind, seq),
    type: 'archiveVolume',
    caseId: `case:${caseUuid(n)}`,
    caseNumber: caseNumber(n),
    kind,
    seq,
    title: `卷${n}`,
    year: yearOf(n),
    parties: [`当事人${n}`, '甘肃某某有限公司'],
    pageCount: 10,
    fileId: `file:${n}:${kind}:${seq}`,
    catalogue: [{ title: '起诉状', firstPage: 1, lastPage: 3, confirmed: true }],
    createdBy: 'clerk.wang',
  };
}

/** The volumes of cases 1…`cases` (3 each). */
export function archiveDocs(cases: number): (Record<string, unknown> & { _id: string })[] {
  const docs = [];
  for (let n = 1; n <= cases; n++)
    docs.push(volumeDoc(n, 'secondary', 1), volumeDoc(n, 'main', 2), volumeDoc(n, 'main', 1));
  return docs.reverse();
}
