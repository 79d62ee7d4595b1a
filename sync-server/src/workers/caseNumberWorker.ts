/**
 * Official case numbers (案号), consecutive per (收案年度, 法院代字, 类型代字), allocated by the server
 * worker when a `case:` document without one arrives (docs/product-rules.md §4.2). Only worker-owned
 * documents are
 * written, so a clerk editing the case offline never conflicts with the worker (docs/product-rules.md §2.3):
 *
 *  - `caseNumber:counter:<year>:<court>:<type>` — the counter, `{ next, pending: { caseId: n } }`;
 *  - `caseNumber:<caseUuid>` — the number of one case (deterministic id: re-processing is a no-op).
 *
 * Protocol for case X (every counter write is a compare-and-swap on `_rev`):
 *  1. read the counter; if `pending[X]` exists, finish that reservation (step 4);
 *  2. read `caseNumber:X`; if it exists, X is done;
 *  3. write the counter with `next + 1` and `pending[X] = next` (409 → back to 1);
 *  4. create `caseNumber:X` with `pending[X]` (409 → it must already hold that number);
 *  5. remove X from `pending` (batched into this worker's next counter write, or on idle).
 * Why no number is lost or doubled, even with several workers or a kill at any point: see
 * docs in the report and the comment on {@link CaseNumberAllocator.ensureNumber}. Pending
 * reservations left by a killed worker are finished by {@link CaseNumberAllocator.recoverPending}
 * on start and, independently, whenever their case is processed again.
 */
import { DEFAULT_COURT } from '../../../core/court';
import { formatCaseNumber, isCourtCode } from '../../../core/domain/caseNumber';
import { caseTypeByCode } from '../../../core/domain/courtReference';
import { CouchHttp, sleep, type CouchDoc } from './couchHttp';

/** The counter a case number is drawn from. */
export interface CaseNumberKey {
  readonly year: number;
  readonly court: string;
  readonly typeCode: string;
}

/** What {@link CaseNumberAllocator.ensureNumber} did. */
export type EnsureNumberResult =
  | { readonly status: 'existing' | 'allocated'; readonly caseNumber: string; readonly seq: number }
  | { readonly status: 'skipped'; readonly reason: string };

/** Options of {@link CaseNumberAllocator}. */
export interface CaseNumberAllocatorOptions {
  db?: string;
  /** User name written to `createdBy` (the signed-in worker account; `worker` by default). */
  workerName?: string;
  now?: () => Date;
  log?: (line: string) => void;
  /** Fault-injection for tests: pause this long between reserving and writing the number. */
  holdAfterReserveMs?: number;
}

/** Id of the counter of a key. */
export function counterId(key: CaseNumberKey): string {
  return `caseNumber:counter:${key.year}:${key.court}:${key.typeCode}`;
}

/** Id of the number document of a case (`case:<uuid>` → `caseNumber:<uuid>`). */
export function caseNumberDocId(caseId: string): string {
  return `caseNumber:${caseId.slice('case:'.length)}`;
}

function str(doc: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = doc[k];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return undefined;
}

/**
 * The counter key of a case document, or a reason it has none yet. Reads both the schema's field
 * names (`caseType`, `filingDate`) and the demo data's (`caseTypeCode`, `filedAt`, `year`); the
 * year is the 收案年度, i.e. the year of the filing date.
 */
export function caseNumberKeyOf(doc: Record<string, unknown>): CaseNumberKey | { reason: string } {
  const typeCode = str(doc, 'caseTypeCode', 'caseType');
  if (!typeCode || !caseTypeByCode(typeCode)) return { reason: `unknown case type ${String(typeCode)}` };
  const court = str(doc, 'court') ?? DEFAULT_COURT.code;
  if (!isCourtCode(court)) return { reason: `invalid court code ${court}` };
  const filed = str(doc, 'filingDate', 'filedAt');
  const year =
    typeof doc['year'] === 'number'
      ? doc['year']
      : filed && /^\d{4}-/.test(filed)
        ? Number(filed.slice(0, 4))
        : NaN;
  if (!Number.isInteger(year) || year < 1949 || year > 2999) return { reason: 'no filing date' };
  return { year, court, typeCode };
}

function pendingOf(counter: CouchDoc | undefined): Record<string, number> {
  const p = counter?.['pending'];
  return typeof p === 'object' && p !== null ? (p as Record<string, number>) : {};
}

/** Allocates and records official case numbers; see the module comment for the protocol. */
export class CaseNumberAllocator {
  private readonly db: string;
  private readonly by: string;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly hold: number;
  private seeded: Map<string, number> | undefined;
  /** Reservations finished here whose removal from `pending` is still owed (counter id → case ids). */
  private readonly finished = new Map<string, Set<string>>();

  constructor(
    private readonly couch: CouchHttp,
    options: CaseNumberAllocatorOptions = {},
  ) {
    this.db = options.db ?? 'courtdesk_cases';
    this.by = options.workerName ?? 'worker';
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => {});
    this.hold = options.holdAfterReserveMs ?? 0;
  }

  /**
   * Gives case `caseDoc` its official number unless it has one. Correctness: (a) a number is
   * handed out only by the CAS that moves `next` past it, so no two reservations share a number;
   * (b) X is reserved only when a counter revision without `pending[X]` was read *before*
   * `caseNumber:X` was seen missing — X leaves `pending` only after `caseNumber:X` exists, so a
   * second reservation for X would need a revision read after the removal, and then step 2 finds
   * the number: one case never gets two numbers; (c) every number below `next` is either in
   * `pending` or recorded in its `caseNumber:` doc, and pending entries are always finished, so
   * the sequence has no gap.
   */
  async ensureNumber(caseDoc: CouchDoc): Promise<EnsureNumberResult> {
    const caseId = caseDoc._id;
    const key = caseNumberKeyOf(caseDoc);
    if ('reason' in key) return { status: 'skipped', reason: key.reason };
    const id = counterId(key);
    for (let attempt = 0; ; attempt++) {
      const counter = await this.couch.get(this.db, id);
      const reserved = pendingOf(counter)[caseId];
      if (typeof reserved === 'number') return this.finish(caseId, key, reserved, 'allocated');
      const existing = await this.couch.get(this.db, caseNumberDocId(caseId));
      if (existing)
        return {
          status: 'existing',
          caseNumber: String(existing['caseNumber']),
          seq: Number(existing['seq']),
        };
      const next = counter ? Number(counter['next']) : (await this.highestRecorded(key)) + 1;
      const body: CouchDoc = counter
        ? {
            ...counter,
            next: next + 1,
            pending: { ...this.withoutFinished(id, pendingOf(counter)), [caseId]: next },
          }
        : {
            _id: id,
            type: 'caseNumber',
            kind: 'counter',
            schemaVersion: 1,
            createdAt: this.now().toISOString(),
            createdBy: this.by,
            year: key.year,
            court: key.court,
            caseTypeCode: key.typeCode,
            next: next + 1,
            pending: { [caseId]: next },
          };
      const r = await this.couch.put(this.db, body);
      if (r.ok) {
        if (this.hold > 0) await sleep(this.hold);
        return this.finish(caseId, key, next, 'allocated');
      }
      // Lost the race for the counter: re-read and try again, with a little jitter.
      await sleep(Math.min(50, attempt) * Math.random());
    }
  }

  /** Finishes every reservation a killed worker left pending; returns how many it completed. */
  async recoverPending(): Promise<number> {
    let n = 0;
    for await (const counter of this.couch.scan(this.db, 'caseNumber:counter:')) {
      const key = {
        year: Number(counter['year']),
        court: String(counter['court']),
        typeCode: String(counter['caseTypeCode']),
      };
      for (const [caseId, seq] of Object.entries(pendingOf(counter))) {
        await this.finish(caseId, key, seq, 'allocated');
        this.log(`recovered reservation ${formatCaseNumber({ ...key, sequence: seq })} for ${caseId}`);
        n++;
      }
    }
    await this.flush();
    return n;
  }

  /** Steps 4 and 5: record number `seq` for the case, then drop the reservation. */
  private async finish(
    caseId: string,
    key: CaseNumberKey,
    seq: number,
    status: 'allocated',
  ): Promise<EnsureNumberResult> {
    const caseNumber = formatCaseNumber({ ...key, sequence: seq });
    const doc: CouchDoc = {
      _id: caseNumberDocId(caseId),
      type: 'caseNumber',
      schemaVersion: 1,
      createdAt: this.now().toISOString(),
      createdBy: this.by,
      caseId,
      caseNumber,
      year: key.year,
      court: key.court,
      caseTypeCode: key.typeCode,
      seq,
    };
    const w = await this.couch.put(this.db, doc);
    if (!w.ok) {
      const existing = await this.couch.get(this.db, doc._id);
      if (!existing || existing['seq'] !== seq) {
        throw new Error(
          `invariant broken: ${caseId} reserved ${caseNumber} but holds ${String(existing?.['caseNumber'])}`,
        );
      }
    }
    // Step 5 is batched: the reservation is dropped by this worker's next counter write, or by
    // flush() when the worker goes idle. Only reservations whose number doc exists are dropped.
    const finished = this.finished.get(counterId(key)) ?? new Set<string>();
    finished.add(caseId);
    this.finished.set(counterId(key), finished);
    return { status, caseNumber, seq };
  }

  /** Step 5 for every reservation this worker finished: removes them from their counters. */
  async flush(): Promise<void> {
    for (const [id, set] of this.finished) {
      for (;;) {
        const counter = await this.couch.get(this.db, id);
        const pending = pendingOf(counter);
        const keep = this.withoutFinished(id, pending);
        if (!counter || Object.keys(keep).length === Object.keys(pending).length) break;
        if ((await this.couch.put(this.db, { ...counter, pending: keep })).ok) break;
      }
      set.clear();
    }
  }

  private withoutFinished(id: string, pending: Record<string, number>): Record<string, number> {
    const done = this.finished.get(id);
    if (!done || done.size === 0) return pending;
    return Object.fromEntries(Object.entries(pending).filter(([caseId]) => !done.has(caseId)));
  }

  /** Highest sequence already recorded for `key` without a counter (e.g. seeded demo data). */
  private async highestRecorded(key: CaseNumberKey): Promise<number> {
    if (!this.seeded) {
      const seen = new Map<string, number>();
      for await (const d of this.couch.scan(this.db, 'caseNumber:')) {
        if (d['kind'] === 'counter' || typeof d['seq'] !== 'number') continue;
        const k = counterId({
          year: Number(d['year']),
          court: typeof d['court'] === 'string' ? d['court'] : DEFAULT_COURT.code,
          typeCode: String(d['caseTypeCode']),
        });
        seen.set(k, Math.max(seen.get(k) ?? 0, d['seq']));
      }
      this.seeded = seen;
    }
    return this.seeded.get(counterId(key)) ?? 0;
  }
}
