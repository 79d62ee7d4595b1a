/**
 * 随机分案为主、指定分案为辅 (docs/product-rules.md §4.3): assigns a judge to each case that has none, writing only
 * worker-owned documents: `assignment:<caseUuid>` in courtdesk_cases (deterministic id, so two
 * workers or a replay cannot assign twice) and an `audit:` record in courtdesk_audit holding the
 * seed, eligible judges, recusals and loads, so {@link verifyAssignment} can re-run the draw.
 *
 * Order: the assignment (carrying its draw and audit id) is created first; the audit is then
 * created from it. A worker killed in between leaves an assignment whose audit is written when
 * the case is next seen. Designated assignment (指定分案) needs `case.designation.approvalId`
 * pointing at an `approval:` document (leader-only by validate_doc_update) with `kind:
 * 'designation'`, the case id, a judge and a reason, whose author holds the leader role;
 * otherwise it is refused and the refusal audited. Reads `_users`, so the worker needs an admin
 * URL.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { drawJudge, eligibleJudges, recusalsOf, type DrawRecord, type StaffMember } from './assignmentDraw';
import { CouchHttp, type CouchDoc } from './couchHttp';

/** What {@link AssignmentWorker.ensureAssignment} did. */
export type AssignResult =
  | { readonly status: 'existing' | 'assigned'; readonly judge: string; readonly method: string }
  | { readonly status: 'waiting' | 'refused' | 'noCandidate'; readonly reason: string };

/** Options of {@link AssignmentWorker}. */
export interface AssignmentWorkerOptions {
  casesDb?: string;
  auditDb?: string;
  workerName?: string;
  now?: () => Date;
  /** Case type code → divisions that hear it (default: resources/demo/caseTypes.json). */
  divisionsByType?: ReadonlyMap<string, readonly string[]>;
  /** Seed source (default: 32 random bits from node:crypto). */
  seed?: () => number;
  /** How long the `_users` roster is cached (default 5 s). */
  staffTtlMs?: number;
}

/** The type → divisions mapping of the reference/demo data (`resources/demo/caseTypes.json`). */
export function loadDivisionsByType(): Map<string, string[]> {
  const raw = JSON.parse(
    readFileSync(new URL('../../../resources/demo/caseTypes.json', import.meta.url), 'utf8'),
  ) as {
    types: { code: string; division: string[] }[];
  };
  return new Map(raw.types.map((t) => [t.code, [...t.division]]));
}

/** Open cases per judge, kept idempotently from assignment documents and closing events. */
export class LoadBook {
  private readonly judgeOf = new Map<string, string>();
  private readonly closed = new Set<string>();
  private readonly counts = new Map<string, number>();

  /** Notes that `caseId` is assigned to `judge` (repeat calls are no-ops). */
  assign(caseId: string, judge: string): void {
    if (this.judgeOf.has(caseId)) return;
    this.judgeOf.set(caseId, judge);
    if (!this.closed.has(caseId)) this.counts.set(judge, (this.counts.get(judge) ?? 0) + 1);
  }

  /** Notes that `caseId` is closed (repeat calls are no-ops). */
  close(caseId: string): void {
    if (this.closed.has(caseId)) return;
    this.closed.add(caseId);
    const judge = this.judgeOf.get(caseId);
    if (judge !== undefined) this.counts.set(judge, (this.counts.get(judge) ?? 1) - 1);
  }

  /** Feeds any courtdesk_cases document (assignments and closing events matter). */
  observe(doc: CouchDoc): void {
    if (doc._deleted) return;
    if (doc['type'] === 'assignment' && typeof doc['caseId'] === 'string' && typeof doc['judge'] === 'string')
      this.assign(doc['caseId'], doc['judge']);
    if (
      doc['type'] === 'event' &&
      typeof doc['caseId'] === 'string' &&
      (doc['kind'] === 'closed' || doc['kind'] === 'closing')
    )
      this.close(doc['caseId']);
  }

  /** Current open-case count of every judge with one. */
  loads(): Map<string, number> {
    return new Map(this.counts);
  }
}

function compactTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** Assigns judges; see the module comment. */
export class AssignmentWorker {
  readonly book = new LoadBook();
  private readonly casesDb: string;
  private readonly auditDb: string;
  private readonly by: string;
  private readonly now: () => Date;
  private readonly divisions: ReadonlyMap<string, readonly string[]>;
  private readonly seed: () => number;
  private readonly ttl: number;
  private staff: { at: number; list: StaffMember[] } | undefined;

  constructor(
    private readonly couch: CouchHttp,
    options: AssignmentWorkerOptions = {},
  ) {
    this.casesDb = options.casesDb ?? 'courtdesk_cases';
    this.auditDb = options.auditDb ?? 'courtdesk_audit';
    this.by = options.workerName ?? 'worker';
    this.now = options.now ?? (() => new Date());
    this.divisions = options.divisionsByType ?? loadDivisionsByType();
    this.seed = options.seed ?? (() => randomBytes(4).readUInt32BE(0));
    this.ttl = options.staffTtlMs ?? 5_000;
  }

  /** Builds the load book from every assignment and closing event already stored. */
  async loadExisting(): Promise<void> {
    for await (const d of this.couch.scan(this.casesDb, 'assignment:')) this.book.observe(d);
    for await (const d of this.couch.scan(this.casesDb, 'event:')) this.book.observe(d);
  }

  /** Assigns `caseDoc` unless it already has an assignment (then makes sure its audit exists). */
  async ensureAssignment(caseDoc: CouchDoc): Promise<AssignResult> {
    const caseId = caseDoc._id;
    const assignmentId = `assignment:${caseId.slice('case:'.length)}`;
    const existing = await this.couch.get(this.casesDb, assignmentId);
    if (existing) {
      this.book.observe(existing);
      await this.ensureAudit(existing);
      return { status: 'existing', judge: String(existing['judge']), method: String(existing['method']) };
    }
    const at = this.now().toISOString();
    const base: CouchDoc = {
      _id: assignmentId,
      type: 'assignment',
      schemaVersion: 1,
      createdAt: at,
      createdBy: this.by,
      caseId,
      auditId: `audit:${compactTime(at)}:assignment-${caseId.slice('case:'.length)}`,
    };
    if (typeof caseDoc['division'] === 'string') base['division'] = caseDoc['division'];
    let doc: CouchDoc;
    const designation = caseDoc['designation'];
    if (designation !== undefined && designation !== null) {
      const d = await this.checkDesignation(caseDoc, designation);
      if (d.status !== 'ok') return d;
      doc = { ...base, judge: d.judge, method: 'designated', designation: d.designation };
    } else {
      const staff = await this.roster();
      const draw = drawJudge({
        caseId,
        seed: this.seed(),
        eligible: eligibleJudges(caseDoc, staff, this.divisions),
        recused: recusalsOf(caseDoc),
        loads: this.book.loads(),
      });
      if (!draw)
        return {
          status: 'noCandidate',
          reason: `no eligible judge for ${String(caseDoc['caseTypeCode'] ?? caseDoc['caseType'])}`,
        };
      doc = { ...base, judge: draw.chosen, method: 'random', draw };
    }
    const w = await this.couch.put(this.casesDb, doc);
    const stored = w.ok ? doc : await this.couch.get(this.casesDb, assignmentId);
    if (!stored) throw new Error(`assignment ${assignmentId} conflicted but cannot be read`);
    this.book.observe(stored);
    await this.ensureAudit(stored);
    return {
      status: w.ok ? 'assigned' : 'existing',
      judge: String(stored['judge']),
      method: String(stored['method']),
    };
  }

  /** Writes the audit record of an assignment unless it exists (deterministic id from the assignment). */
  private async ensureAudit(assignment: CouchDoc): Promise<void> {
    const id = assignment['auditId'];
    if (typeof id !== 'string' || !id.startsWith('audit:')) return; // e.g. demo data: no draw to audit
    if (await this.couch.get(this.auditDb, id)) return;
    const audit: CouchDoc = {
      _id: id,
      type: 'audit',
      kind: 'assignment',
      schemaVersion: 1,
      createdAt: String(assignment['createdAt']),
      createdBy: this.by,
      caseId: assignment['caseId'],
      assignmentId: assignment._id,
      judge: assignment['judge'],
      method: assignment['method'],
    };
    if (assignment['draw'] !== undefined) audit['draw'] = assignment['draw'] as DrawRecord;
    if (assignment['designation'] !== undefined) audit['designation'] = assignment['designation'];
    await this.couch.put(this.auditDb, audit); // 409: written meanwhile by another worker
  }

  private async checkDesignation(
    caseDoc: CouchDoc,
    designation: unknown,
  ): Promise<
    | { status: 'ok'; judge: string; designation: Record<string, unknown> }
    | { status: 'waiting' | 'refused'; reason: string }
  > {
    const approvalId =
      typeof designation === 'object' && designation !== null
        ? (designation as Record<string, unknown>)['approvalId']
        : undefined;
    const refuse = async (reason: string) => {
      const suffix = typeof approvalId === 'string' ? approvalId.replace(/^approval:/, '') : 'none';
      const id = `audit:${compactTime(typeof caseDoc['createdAt'] === 'string' ? caseDoc['createdAt'] : this.now().toISOString())}:designation-refused-${caseDoc._id.slice(5)}-${suffix}`;
      await this.couch.put(this.auditDb, {
        _id: id,
        type: 'audit',
        kind: 'designationRefused',
        schemaVersion: 1,
        createdAt: this.now().toISOString(),
        createdBy: this.by,
        caseId: caseDoc._id,
        approvalId: approvalId ?? null,
        reason,
      });
      return { status: 'refused' as const, reason };
    };
    if (typeof approvalId !== 'string' || !approvalId.startsWith('approval:'))
      return refuse('指定分案缺少院庭长审批 (designation without a leader approval)');
    const approval = await this.couch.get(this.casesDb, approvalId);
    if (!approval) return { status: 'waiting', reason: `approval ${approvalId} not synced yet` };
    if (approval['kind'] !== 'designation' || approval['caseId'] !== caseDoc._id)
      return refuse('审批不是本案的指定分案 (approval is not a designation for this case)');
    const reason = approval['reason'];
    if (typeof reason !== 'string' || reason.trim().length < 2)
      return refuse('指定分案必须写明理由 (designation needs a reason)');
    const staff = await this.roster(true);
    const author = staff.find((s) => s.name === approval['createdBy']);
    if (!author || author.disabled || !author.roles.includes('leader'))
      return refuse('指定分案必须由院庭长批准 (designation must be approved by a court leader)');
    const judge = approval['judge'];
    const target = staff.find((s) => s.name === judge);
    if (typeof judge !== 'string' || !target || target.disabled || !target.roles.includes('judge'))
      return refuse(`指定的审判员无效 (designated judge ${String(judge)} is not an active judge)`);
    if (recusalsOf(caseDoc).includes(judge))
      return refuse(`指定的审判员已回避 (designated judge ${judge} is recused)`);
    return {
      status: 'ok',
      judge,
      designation: {
        approvalId,
        approvedBy: author.name,
        approvedByLeader: true,
        reason: reason.trim(),
        judge,
      },
    };
  }

  /** Judges and leaders from `_users` (cached for a few seconds). */
  private async roster(fresh = false): Promise<StaffMember[]> {
    const t = Date.now();
    if (!fresh && this.staff && t - this.staff.at < this.ttl) return this.staff.list;
    const list: StaffMember[] = [];
    for await (const u of this.couch.scan('_users', 'org.couchdb.user:')) {
      if (typeof u['name'] !== 'string' || !Array.isArray(u['roles'])) continue;
      list.push({
        name: u['name'],
        roles: u['roles'] as string[],
        division: typeof u['division'] === 'string' ? u['division'] : undefined,
        disabled: u['disabled'] === true,
      });
    }
    this.staff = { at: t, list };
    return list;
  }
}
