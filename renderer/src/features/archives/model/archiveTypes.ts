/**
 * The archive as the screens see it (docs/archives.md), read tolerantly from synced documents,
 * and the search over it (case number, party, year). Pure: no database.
 */

/** One catalogue (目录) entry. */
export interface CatalogueEntry {
  readonly title: string;
  readonly firstPage: number;
  readonly lastPage: number;
  readonly docDate?: string;
  readonly confirmed: boolean;
}

/** A volume (卷宗) or an electronic case-file paper. */
export interface ArchiveEntry {
  readonly id: string;
  readonly type: 'archiveVolume' | 'caseFilePaper';
  readonly caseId: string;
  readonly caseNumber: string;
  readonly kind: 'main' | 'secondary';
  readonly seq: number;
  readonly title: string;
  readonly year: number | null;
  readonly parties: readonly string[];
  readonly pageCount: number;
  readonly fileId: string;
  readonly catalogue: readonly CatalogueEntry[];
  readonly createdBy: string;
  readonly receivedOn?: string;
}

/** A bulk import run. */
export interface ImportRun {
  readonly id: string;
  readonly csvName: string;
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly state: string;
  readonly updatedAt: string;
  readonly errors: readonly string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function catalogueOf(v: unknown): CatalogueEntry[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e: unknown) => {
    if (!e || typeof e !== 'object') return [];
    const r = e as Record<string, unknown>;
    const docDate = str(r['docDate']);
    return [
      {
        title: str(r['title']),
        firstPage: num(r['firstPage']),
        lastPage: num(r['lastPage']),
        ...(docDate ? { docDate } : {}),
        confirmed: r['confirmed'] === true,
      },
    ];
  });
}

/** Reads a volume or paper document; null for anything else. */
export function archiveEntryOf(d: Readonly<Record<string, unknown>>): ArchiveEntry | null {
  const type = d['type'];
  if ((type !== 'archiveVolume' && type !== 'caseFilePaper') || d['_deleted'] === true) return null;
  const receivedOn = str(d['receivedOn']);
  const year = typeof d['year'] === 'number' ? d['year'] : receivedOn ? Number(receivedOn.slice(0, 4)) : null;
  return {
    id: str(d['_id']),
    type,
    caseId: str(d['caseId']),
    caseNumber: str(d['caseNumber']),
    kind: d['kind'] === 'secondary' ? 'secondary' : 'main',
    seq: num(d['seq']),
    title: str(d['title']),
    year,
    parties: Array.isArray(d['parties']) ? (d['parties'] as unknown[]).map(str).filter(Boolean) : [],
    pageCount: num(d['pageCount']),
    fileId: str(d['fileId']),
    catalogue: catalogueOf(d['catalogue']),
    createdBy: str(d['createdBy']),
    ...(receivedOn ? { receivedOn } : {}),
  };
}

/** Reads an import progress document. */
export function importRunOf(d: Readonly<Record<string, unknown>>): ImportRun {
  return {
    id: str(d['_id']),
    csvName: str(d['csvName']),
    total: num(d['total']),
    done: num(d['done']),
    failed: num(d['failed']),
    state: str(d['state']),
    updatedAt: str(d['updatedAt']),
    errors: Array.isArray(d['errors']) ? (d['errors'] as unknown[]).map(str) : [],
  };
}

/** What the archive search asks. */
export interface ArchiveQuery {
  readonly caseNumber?: string;
  readonly party?: string;
  readonly year?: number | null;
}

/** NFKC, lower case, no spaces: （2019） and (2019) match, as in the case list. */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The entries in list order: by case number (digit runs compared as numbers), then volumes before
 * papers, 正卷 before 副卷, number. Sorted once per change of the archive, not per search.
 */
export function sortArchive(entries: Iterable<ArchiveEntry>): ArchiveEntry[] {
  return [...entries].sort(
    (a, b) =>
      collator.compare(a.caseNumber, b.caseNumber) ||
      (a.type === b.type ? 0 : a.type === 'archiveVolume' ? -1 : 1) ||
      (a.kind === b.kind ? 0 : a.kind === 'main' ? -1 : 1) ||
      a.seq - b.seq ||
      collator.compare(a.receivedOn ?? '', b.receivedOn ?? ''),
  );
}

/**
 * The entries of `sorted` matching every given field (case number and party as substrings, year
 * exactly), in the same order.
 */
export function searchArchive(sorted: readonly ArchiveEntry[], q: ArchiveQuery): ArchiveEntry[] {
  const cn = fold(q.caseNumber ?? '');
  const party = fold(q.party ?? '');
  if (cn === '' && party === '' && q.year == null) return sorted as ArchiveEntry[];
  return sorted.filter(
    (e) =>
      (cn === '' || fold(e.caseNumber).includes(cn)) &&
      (party === '' || e.parties.some((p) => fold(p).includes(party))) &&
      (q.year == null || e.year === q.year),
  );
}

/** Problems of a catalogue before it is saved (empty: fine): titles, ranges inside the page count. */
export function catalogueProblems(catalogue: readonly CatalogueEntry[], pageCount: number): string[] {
  const out: string[] = [];
  catalogue.forEach((e, i) => {
    if (e.title.trim() === '') out.push(`${i}:title`);
    if (!(
      Number.isInteger(e.firstPage) &&
      e.firstPage >= 1 &&
      Number.isInteger(e.lastPage) &&
      e.lastPage >= e.firstPage
    ))
      out.push(`${i}:range`);
    else if (pageCount > 0 && e.lastPage > pageCount) out.push(`${i}:pastEnd`);
  });
  return out;
}
