/**
 * Official case numbers (案号), consecutive per (收案年度, 法院代字, 类型代字), allocated by the server
 * worker when a `case:` document without one arrives (docs/case-numbers.md). Only worker-owned
 * documents are written, so a clerk editing a case offline never conflicts with the worker (docs/product-rules.md §2.3):
 *
 *  - `caseNumber:claim:<year>:<court>:<type>:<position>` — the claim log of the key, append-only and
 *    create-only (caseNumberLog.ts states its invariants and why they hold on a cluster);
 *  - `caseNumber:<caseUuid>` — the number of one case, the document clients read. It is derived from
 *    the decided log (number, first position, and the winning claim's createdAt/createdBy), so every
 *    worker that writes it writes the same body, hence the same revision: never a conflict.
 *
 * For case X: if `caseNumber:X` exists, X is done; otherwise decide the log up to its end, claim the
 * next position for X unless X already holds one, and write `caseNumber:X` with X's number. Every
 * step is idempotent, so several workers may process X at once and any may be killed at any point:
 * a claim without its number document is finished when X is processed again (the feed is replayed
 * from the checkpoint) and by {@link CaseNumberAllocator.recoverPending} on start.
 */
import { DEFAULT_COURT } from '../../../core/court';
import { formatCaseNumber, isCourtCode } from '../../../core/domain/caseNumber';
import { caseTypeByCode } from '../../../core/domain/courtReference';
import {
  caseNumberDocId,
  ClaimLog,
  claimPrefix,
  UndecidedPosition,
  type CaseNumberKey,
  type Numbered,
} from './caseNumberLog';
import { CouchHttp, CouchHttpError, sleep, type CouchDoc } from './couchHttp';
import { CouchReplicatedDocs, type ReplicatedDocs } from './replicatedDocs';

export { caseNumberDocId, claimId, type CaseNumberKey } from './caseNumberLog';

/** What {@link CaseNumberAllocator.ensureNumber} did. */
export type EnsureNumberResult =
  | { readonly status: 'existing' | 'allocated'; readonly caseNumber: string; readonly seq: number }
  | { readonly status: 'skipped'; readonly reason: string };

/** Options of {@link CaseNumberAllocator}. */
export interface CaseNumberAllocatorOptions {
  db?: string;
  /** User name written to `createdBy` (the signed-in worker account; `worker` by default). */
  workerName?: string;
  /** Clock for a case whose `createdAt` is unusable (claims otherwise use the case's own). */
  now?: () => Date;
  log?: (line: string) => void;
  /** Fault-injection for tests: pause this long between claiming a position and recording it. */
  holdAfterReserveMs?: number;
}

const CLAIMS = 'caseNumber:claim:';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function str(doc: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = doc[k];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return undefined;
}

function validKey(year: number, court: string, typeCode: string): CaseNumberKey | { reason: string } {
  if (!caseTypeByCode(typeCode)) return { reason: `unknown case type ${typeCode}` };
  if (!isCourtCode(court)) return { reason: `invalid court code ${court}` };
  if (!Number.isInteger(year) || year < 1949 || year > 2999) return { reason: 'no filing date' };
  return { year, court, typeCode };
}

/**
 * The counter key of a case document, or a reason it has none yet. Reads both the schema's field
 * names (`caseType`, `filingDate`) and the demo data's (`caseTypeCode`, `filedAt`, `year`); the
 * year is the 收案年度, i.e. the year of the filing date.
 */
export function caseNumberKeyOf(doc: Record<string, unknown>): CaseNumberKey | { reason: string } {
  const typeCode = str(doc, 'caseTypeCode', 'caseType');
  if (!typeCode || !caseTypeByCode(typeCode)) return { reason: `unknown case type ${String(typeCode)}` };
  const filed = str(doc, 'filingDate', 'filedAt');
  const year =
    typeof doc['year'] === 'number'
      ? doc['year']
      : filed && /^\d{4}-/.test(filed)
        ? Number(filed.slice(0, 4))
        : NaN;
  return validKey(year, str(doc, 'court') ?? DEFAULT_COURT.code, typeCode);
}

/** The number document of a numbered case: a pure function of the decided log. */
export function caseNumberDoc(key: CaseNumberKey, n: Numbered): CouchDoc {
  return {
    _id: caseNumberDocId(n.caseId),
    type: 'caseNumber',
    schemaVersion: 1,
    createdAt: n.createdAt,
    createdBy: n.createdBy,
    caseId: n.caseId,
    caseNumber: formatCaseNumber({ ...key, sequence: n.seq }),
    year: key.year,
    court: key.court,
    caseTypeCode: key.typeCode,
    seq: n.seq,
    position: n.position,
  };
}

/** Allocates and records official case numbers; see the module comment. */
export class CaseNumberAllocator {
  private readonly docs: ReplicatedDocs;
  private readonly by: string;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly hold: number;
  private readonly logs = new Map<string, ClaimLog>();
  private recorded: Promise<Map<string, number>> | undefined;

  /** `couch`: the worker's CouchDB client, or any {@link ReplicatedDocs} (a simulated cluster). */
  constructor(couch: CouchHttp | ReplicatedDocs, options: CaseNumberAllocatorOptions = {}) {
    this.docs =
      couch instanceof CouchHttp ? new CouchReplicatedDocs(couch, options.db ?? 'courtdesk_cases') : couch;
    this.by = options.workerName ?? 'worker';
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => {});
    this.hold = options.holdAfterReserveMs ?? 0;
  }

  /** Gives case `caseDoc` its official number unless it has one (idempotent). */
  async ensureNumber(caseDoc: CouchDoc): Promise<EnsureNumberResult> {
    const key = caseNumberKeyOf(caseDoc);
    if ('reason' in key) return { status: 'skipped', reason: key.reason };
    const existing = await this.docs.get(caseNumberDocId(caseDoc._id));
    if (existing)
      return { status: 'existing', caseNumber: String(existing['caseNumber']), seq: Number(existing['seq']) };
    const created = caseDoc['createdAt'];
    const at = typeof created === 'string' && ISO_TIME.test(created) ? created : this.now().toISOString();
    const numbered = await this.logOf(key).ensure(caseDoc._id, at);
    if (this.hold > 0) await sleep(this.hold);
    return this.record(key, numbered);
  }

  /**
   * Writes the number document of every case whose claim is decided but whose number was never
   * recorded (a worker killed in between); returns how many. Only the logs of this year and later
   * and of last year are read (cases of older years are rare; the feed replay finishes those), so
   * start-up does not read every claim ever made. A log that cannot be decided now (a copy
   * unreachable) is left to the feed too: its cases are numbered when they are processed again.
   */
  async recoverPending(): Promise<number> {
    const since = this.now().getFullYear() - 1;
    let done = 0;
    for (let start = CLAIMS; ;) {
      const [first] = await this.docs.range(start, `${CLAIMS}\ufff0`, 1);
      if (!first) return done;
      const prefix = first._id.slice(0, first._id.lastIndexOf(':') + 1);
      start = `${prefix}\ufff0`;
      const [year, court, typeCode] = prefix.slice(CLAIMS.length, -1).split(':');
      if (Number(year) < since) continue;
      const key = validKey(Number(year), String(court), String(typeCode));
      if ('reason' in key) {
        this.log(`ignoring claims ${prefix}…: ${key.reason}`);
        continue;
      }
      try {
        for (const n of await this.logOf(key).catchUp()) {
          const r = await this.record(key, n);
          if (r.status === 'allocated') this.log(`recovered ${r.caseNumber} for ${n.caseId}`);
          done++;
        }
      } catch (err) {
        if (err instanceof CouchHttpError && !(err instanceof UndecidedPosition)) throw err;
        this.log(`recovery of ${prefix}… deferred: ${(err as Error).message}`);
      }
    }
  }

  private logOf(key: CaseNumberKey): ClaimLog {
    const id = claimPrefix(key);
    let log = this.logs.get(id);
    if (!log) {
      log = new ClaimLog(this.docs, key, {
        baseOf: (k) => this.highestRecorded(k),
        createdBy: this.by,
        log: this.log,
      });
      this.logs.set(id, log);
    }
    return log;
  }

  /**
   * Writes `caseNumber:X` unless it was seen already; a 409 is fine when the stored number is the
   * same. The server's default quorum is enough: every worker writes the same body.
   */
  private async record(key: CaseNumberKey, n: Numbered): Promise<EnsureNumberResult> {
    const doc = caseNumberDoc(key, n);
    const caseNumber = String(doc['caseNumber']);
    if (n.recorded) return { status: 'existing', caseNumber, seq: n.seq };
    if ((await this.docs.create(doc, false)) === 'conflict') {
      const stored = await this.docs.get(doc._id);
      if (!stored) throw new CouchHttpError(`${doc._id}: create refused, yet not readable`, 503);
      if (stored['seq'] !== n.seq)
        throw new Error(
          `invariant broken: ${n.caseId} is ${caseNumber} in the claim log but holds ${String(stored['caseNumber'])}`,
        );
    }
    return { status: 'allocated', caseNumber, seq: n.seq };
  }

  /** Highest sequence recorded for `key` without claims (seeded demo data): the base of a new log. */
  private async highestRecorded(key: CaseNumberKey): Promise<number> {
    this.recorded ??= this.scanRecorded();
    this.recorded.catch(() => (this.recorded = undefined));
    return (await this.recorded).get(claimPrefix(key)) ?? 0;
  }

  private async scanRecorded(): Promise<Map<string, number>> {
    const seen = new Map<string, number>();
    for (let start = 'caseNumber:'; ;) {
      const page = (await this.docs.range(start, 'caseNumber:\ufff0', 1000)).filter((d) => d._id !== start);
      for (const d of page) {
        if (d['kind'] === 'claim' || d['kind'] === 'counter' || typeof d['seq'] !== 'number') continue;
        const court = typeof d['court'] === 'string' ? d['court'] : DEFAULT_COURT.code;
        const k = claimPrefix({ year: Number(d['year']), court, typeCode: String(d['caseTypeCode']) });
        seen.set(k, Math.max(seen.get(k) ?? 0, d['seq']));
      }
      const last = page[page.length - 1];
      if (!last) return seen;
      start = last._id;
    }
  }
}
