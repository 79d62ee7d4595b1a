/**
 * The in-memory index behind the case list (pure; no database). Each case occupies a slot; the
 * filterable fields are small integers in typed arrays and every sort field keeps a sorted slot
 * array (asc, ties by id) updated incrementally, so a first-page query is one linear pass over
 * typed arrays that stops collecting after `offset + limit` rows, never a sort of 100k objects.
 * Search narrows with a cached match set when the new search string extends the previous one.
 */
import type { CaseStatus } from '../../../../../core/domain/caseState';
import type { WarningLevel } from '../../../../../core/domain/deadlines';
import { toDayNumber } from '../../../../../core/domain/plainDate';
import type {
  CaseQuery,
  CaseQueryResult,
  CaseSortField,
  CaseSummary,
  DuplicatePartyMatch,
} from './catalogTypes';
import { caseNumberSortKey, normalizeSearch, searchHaystack } from './caseSearch';

/** Statuses in their sort order (the course of a case). */
export const STATUS_ORDER: readonly CaseStatus[] = [
  'pendingNumber',
  'filed',
  'assigned',
  'inHearing',
  'suspended',
  'closed',
  'appealed',
];
/** Warning levels from most to least urgent. */
export const WARNING_ORDER: readonly WarningLevel[] = ['overdue', 'd7', 'd15', 'd30', 'none'];

const NULL_DAY = 0x7fffffff;
const SORT_FIELDS: readonly CaseSortField[] = ['filingDate', 'displayNumber', 'deadline', 'status'];

/** Interns strings as small integers (0 is reserved for "none"). */
class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [''];
  code(value: string | null): number {
    if (value === null || value === '') return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(value, c);
      this.values.push(value);
    }
    return c;
  }
  find(value: string): number | undefined {
    return value === '' ? 0 : this.codes.get(value);
  }
}

function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}

function addTo(map: Map<string, Set<number>>, key: string, slot: number): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(slot);
}

function removeFrom(map: Map<string, Set<number>>, key: string, slot: number): void {
  const s = map.get(key);
  if (!s) return;
  s.delete(slot);
  if (s.size === 0) map.delete(key);
}

/** Normalised key of a party name or ID number for duplicate detection. */
function partyKey(text: string): string {
  return normalizeSearch(text);
}

/** The index. Not thread-safe; one writer (the catalog). */
export class CaseIndex {
  private size = 0;
  private readonly slots = new Map<string, number>();
  private readonly free: number[] = [];
  private rows: (CaseSummary | undefined)[] = [];
  private ids: string[] = [];
  private numberKeys: string[] = [];
  private haystacks: string[] = [];
  private typeCode = new Uint8Array(1024);
  private statusCode = new Uint8Array(1024);
  private warningCode = new Uint8Array(1024);
  private pending = new Uint8Array(1024);
  private judgeCode = new Int32Array(1024);
  private clerkCode = new Int32Array(1024);
  private assistantCode = new Int32Array(1024);
  private filingDay = new Int32Array(1024);
  private deadlineDay = new Int32Array(1024);
  private readonly types = new Dictionary();
  private readonly staff = new Dictionary();
  private readonly orders = new Map<CaseSortField, { slots: Int32Array; length: number }>();
  private readonly byIdNumber = new Map<string, Set<number>>();
  private readonly byName = new Map<string, Set<number>>();
  private searchCache: { needle: string; version: number; matches: Uint8Array; count: number } | null = null;
  /** Bumped on every change. */
  version = 0;

  constructor() {
    for (const f of SORT_FIELDS) this.orders.set(f, { slots: new Int32Array(1024), length: 0 });
  }

  /** Number of cases. */
  get count(): number {
    return this.slots.size;
  }

  /** A case by id. */
  get(id: string): CaseSummary | undefined {
    const s = this.slots.get(id);
    return s === undefined ? undefined : this.rows[s];
  }

  /** Every case (no order). */
  *all(): IterableIterator<CaseSummary> {
    for (const s of this.slots.values()) {
      const r = this.rows[s];
      if (r) yield r;
    }
  }

  /** Adds or replaces many cases; sort orders are rebuilt once (the initial build). */
  bulkLoad(rows: readonly CaseSummary[]): void {
    for (const r of rows) {
      const existing = this.slots.get(r.id);
      if (existing !== undefined) this.detach(existing, false);
      this.attach(existing ?? this.allocate(r.id), r, false);
    }
    this.rebuildOrders();
    this.version++;
  }

  /** Adds or replaces one case, keeping the sort orders current. */
  upsert(row: CaseSummary): void {
    const existing = this.slots.get(row.id);
    if (existing !== undefined) this.detach(existing, true);
    this.attach(existing ?? this.allocate(row.id), row, true);
    this.version++;
  }

  /** Removes a case (deleted replica document). */
  remove(id: string): void {
    const s = this.slots.get(id);
    if (s === undefined) return;
    this.detach(s, true);
    this.rows[s] = undefined;
    this.slots.delete(id);
    this.free.push(s);
    this.version++;
  }

  private allocate(id: string): number {
    const s = this.free.pop() ?? this.size++;
    const need = s + 1;
    this.typeCode = grow(this.typeCode, need);
    this.statusCode = grow(this.statusCode, need);
    this.warningCode = grow(this.warningCode, need);
    this.pending = grow(this.pending, need);
    this.judgeCode = grow(this.judgeCode, need);
    this.clerkCode = grow(this.clerkCode, need);
    this.assistantCode = grow(this.assistantCode, need);
    this.filingDay = grow(this.filingDay, need);
    this.deadlineDay = grow(this.deadlineDay, need);
    this.slots.set(id, s);
    this.ids[s] = id;
    return s;
  }

  private attach(s: number, r: CaseSummary, sorted: boolean): void {
    this.rows[s] = r;
    this.numberKeys[s] = caseNumberSortKey(r.displayNumber);
    this.haystacks[s] = searchHaystack([
      r.officialNumber,
      r.provisionalNumber,
      ...r.parties.flatMap((p) => [p.name, p.idNumber]),
    ]);
    this.typeCode[s] = Math.min(255, this.types.code(r.caseType));
    this.statusCode[s] = STATUS_ORDER.indexOf(r.status);
    this.warningCode[s] = WARNING_ORDER.indexOf(r.warning);
    this.pending[s] = r.pendingExtension ? 1 : 0;
    this.judgeCode[s] = this.staff.code(r.judge);
    this.clerkCode[s] = this.staff.code(r.clerk);
    this.assistantCode[s] = this.staff.code(r.assistant);
    this.filingDay[s] = r.filingDate ? toDayNumber(r.filingDate) : NULL_DAY;
    this.deadlineDay[s] = r.deadline ? toDayNumber(r.deadline) : NULL_DAY;
    for (const p of r.parties) {
      if (p.idNumber) addTo(this.byIdNumber, partyKey(p.idNumber), s);
      addTo(this.byName, partyKey(p.name), s);
    }
    if (sorted) for (const f of SORT_FIELDS) this.insertSorted(f, s);
  }

  private detach(s: number, sorted: boolean): void {
    if (sorted) for (const f of SORT_FIELDS) this.removeSorted(f, s);
    const r = this.rows[s];
    if (!r) return;
    for (const p of r.parties) {
      if (p.idNumber) removeFrom(this.byIdNumber, partyKey(p.idNumber), s);
      removeFrom(this.byName, partyKey(p.name), s);
    }
  }

  /** Asc comparison of two slots on a field: nulls last, ties by id. */
  private compare(field: CaseSortField, a: number, b: number): number {
    let ka: number | string;
    let kb: number | string;
    switch (field) {
      case 'filingDate':
        ka = this.filingDay[a] as number;
        kb = this.filingDay[b] as number;
        break;
      case 'deadline':
        ka = this.deadlineDay[a] as number;
        kb = this.deadlineDay[b] as number;
        break;
      case 'status':
        ka = this.statusCode[a] as number;
        kb = this.statusCode[b] as number;
        break;
      case 'displayNumber':
        ka = this.numberKeys[a] as string;
        kb = this.numberKeys[b] as string;
        break;
    }
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ia = this.ids[a] as string;
    const ib = this.ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }

  private rebuildOrders(): void {
    const live = [...this.slots.values()];
    for (const f of SORT_FIELDS) {
      const arr = Int32Array.from(live).sort((a, b) => this.compare(f, a, b));
      const o = this.orders.get(f) as { slots: Int32Array; length: number };
      o.slots = grow(o.slots, arr.length);
      o.slots.set(arr);
      o.length = arr.length;
    }
  }

  /** First position whose slot compares ≥ `s`. */
  private lowerBound(field: CaseSortField, s: number): number {
    const o = this.orders.get(field) as { slots: Int32Array; length: number };
    let lo = 0;
    let hi = o.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(field, o.slots[mid] as number, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insertSorted(field: CaseSortField, s: number): void {
    const o = this.orders.get(field) as { slots: Int32Array; length: number };
    const at = this.lowerBound(field, s);
    o.slots = grow(o.slots, o.length + 1);
    o.slots.copyWithin(at + 1, at, o.length);
    o.slots[at] = s;
    o.length++;
  }

  private removeSorted(field: CaseSortField, s: number): void {
    const o = this.orders.get(field) as { slots: Int32Array; length: number };
    const at = this.lowerBound(field, s);
    if (o.slots[at] !== s) return; // not in the order (should not happen)
    o.slots.copyWithin(at, at + 1, o.length);
    o.length--;
  }

  /** Slots whose haystack contains the normalised needle (1 = match), reusing the last result. */
  private searchMatches(needle: string): Uint8Array {
    const c = this.searchCache;
    if (c && c.version === this.version && c.needle === needle) return c.matches;
    const matches = new Uint8Array(this.size);
    const narrowing = c && c.version === this.version && needle.includes(c.needle);
    let count = 0;
    for (const s of this.slots.values()) {
      if (narrowing && c.matches[s] !== 1) continue;
      if ((this.haystacks[s] as string).includes(needle)) {
        matches[s] = 1;
        count++;
      }
    }
    this.searchCache = { needle, version: this.version, matches, count };
    return matches;
  }

  /** A filtered, sorted page. */
  query(q: CaseQuery): CaseQueryResult {
    const allow = (list: readonly string[] | undefined, code: (v: string) => number | undefined) => {
      if (!list || list.length === 0) return null;
      const set = new Set<number>();
      for (const v of list) {
        const c = code(v);
        if (c !== undefined && c >= 0) set.add(c);
      }
      return set;
    };
    const types = allow(q.types, (v) => this.types.find(v));
    const statuses = allow(q.statuses, (v) => STATUS_ORDER.indexOf(v as CaseStatus));
    const warnings = allow(q.warnings, (v) => WARNING_ORDER.indexOf(v as WarningLevel));
    const judges = allow(q.judges, (v) => this.staff.find(v));
    const staff = q.staff === undefined ? null : (this.staff.find(q.staff) ?? -1);
    const needle = q.search ? normalizeSearch(q.search) : '';
    const matches = needle ? this.searchMatches(needle) : null;
    const pendingOnly = q.pendingExtension === true;
    const typeCode = this.typeCode;
    const statusCode = this.statusCode;
    const warningCode = this.warningCode;
    const judgeCode = this.judgeCode;

    const o = this.orders.get(q.sort.field) as { slots: Int32Array; length: number };
    const keys =
      q.sort.field === 'filingDate' ? this.filingDay : q.sort.field === 'deadline' ? this.deadlineDay : null;
    // Nulls sit at the end of the asc order; descending keeps them last.
    let nonNull = o.length;
    if (keys) {
      let lo = 0;
      let hi = o.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[o.slots[mid] as number] !== NULL_DAY) lo = mid + 1;
        else hi = mid;
      }
      nonNull = lo;
    }
    const end = q.offset + q.limit;
    const rows: CaseSummary[] = [];
    let total = 0;
    const visit = (s: number) => {
      if (matches && matches[s] !== 1) return;
      if (types && !types.has(typeCode[s] as number)) return;
      if (statuses && !statuses.has(statusCode[s] as number)) return;
      if (warnings && !warnings.has(warningCode[s] as number)) return;
      if (judges && !judges.has(judgeCode[s] as number)) return;
      if (pendingOnly && this.pending[s] !== 1) return;
      if (
        staff !== null &&
        judgeCode[s] !== staff &&
        this.clerkCode[s] !== staff &&
        this.assistantCode[s] !== staff
      )
        return;
      if (total >= q.offset && total < end) rows.push(this.rows[s] as CaseSummary);
      total++;
    };
    if (q.sort.dir === 'asc') for (let i = 0; i < o.length; i++) visit(o.slots[i] as number);
    else {
      for (let i = nonNull - 1; i >= 0; i--) visit(o.slots[i] as number);
      for (let i = nonNull; i < o.length; i++) visit(o.slots[i] as number);
    }
    return { total, rows };
  }

  /** Open cases by warning level, optionally only those a staff member works on. */
  warningCounts(staffName?: string): Record<WarningLevel, number> {
    const counts: Record<WarningLevel, number> = { overdue: 0, d7: 0, d15: 0, d30: 0, none: 0 };
    const staff = staffName === undefined ? null : (this.staff.find(staffName) ?? -1);
    for (const s of this.slots.values()) {
      if (
        staff !== null &&
        this.judgeCode[s] !== staff &&
        this.clerkCode[s] !== staff &&
        this.assistantCode[s] !== staff
      )
        continue;
      counts[WARNING_ORDER[this.warningCode[s] as number] as WarningLevel]++;
    }
    return counts;
  }

  /** Distinct assigned judges, sorted. */
  judges(): string[] {
    const seen = new Set<number>();
    for (const s of this.slots.values()) if (this.judgeCode[s]) seen.add(this.judgeCode[s] as number);
    return [...seen].map((c) => this.staff.values[c] as string).sort();
  }

  /** Existing cases with a party of the same ID number or, failing that, the same name. */
  findDuplicateParties(
    parties: readonly { readonly name: string; readonly idNumber?: string }[],
    excludeCaseId?: string,
    max = 50,
  ): DuplicatePartyMatch[] {
    const out: DuplicatePartyMatch[] = [];
    const seen = new Set<string>();
    const push = (
      s: number,
      matchedBy: 'idNumber' | 'name',
      test: (p: CaseSummary['parties'][number]) => boolean,
    ) => {
      const r = this.rows[s];
      if (!r || r.id === excludeCaseId) return;
      for (const p of r.parties) {
        if (!test(p)) continue;
        const key = `${r.id}|${p.name}|${p.idNumber ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          caseId: r.id,
          displayNumber: r.displayNumber,
          partyName: p.name,
          ...(p.idNumber ? { idNumber: p.idNumber } : {}),
          matchedBy,
        });
      }
    };
    for (const q of parties) {
      if (q.idNumber && q.idNumber.trim()) {
        const k = partyKey(q.idNumber);
        for (const s of this.byIdNumber.get(k) ?? []) {
          if (out.length >= max) return out;
          push(s, 'idNumber', (p) => !!p.idNumber && partyKey(p.idNumber) === k);
        }
      }
    }
    for (const q of parties) {
      const k = partyKey(q.name);
      if (!k) continue;
      for (const s of this.byName.get(k) ?? []) {
        if (out.length >= max) return out;
        push(s, 'name', (p) => partyKey(p.name) === k);
      }
    }
    return out;
  }
}
