/**
 * The write paths of case work (docs/product-rules.md §2.3, §4): filing creates the
 * clerk's `case:` document and its `filed` event; every later process node is a new append-only
 * `event:` document; a leader's decision on an extension is an `approval:` document. All writes go
 * through the repository (envelope + core schema validation) and never wait for the network.
 * Reads the screens need before a write (hearing clashes) are here too.
 */
import { formatProvisionalNumber, shortIdFromCaseId } from '../../../../../core/domain/caseNumber';
import { findHearingClashes, type HearingSlot } from '../../../../../core/domain/hearingClashes';
import { parseEventDoc } from '../../../../../core/domain/processEventDocs';
import type { AppealOutcome, AppealRoute, ProcessEventKind } from '../../../../../core/domain/processEvents';
import type { ApprovalLevel } from '../../../../../core/domain/timeLimits';
import { DEFAULT_COURT } from '../../../../../core/court';
import type { Agent, CaseFields, Party } from '../../../../../core/schemas/case';
import type { LocalDb, Repository, StoredDoc } from '../../../db';

/** A party as the filing form collects it (the query code is drawn on filing). */
export type FilingParty = Omit<Party, 'queryCode'> & { readonly agents?: readonly Agent[] };

/**
 * What the filing form submits: the case fields minus what filing draws itself (provisional
 * number, query codes) and the designation (a leader's separate step); the court defaults to
 * this installation's.
 */
export type FilingInput = Omit<CaseFields, 'court' | 'provisionalNumber' | 'parties' | 'designation'> & {
  readonly court?: string;
  readonly parties: readonly FilingParty[];
};

/** Sources of time and randomness (tests fix them). */
export interface CommandEnv {
  readonly now?: () => Date;
  readonly uuid?: () => string;
  /** A uniformly random integer in [0, n). */
  readonly randomInt?: (n: number) => number;
}

/** What {@link fileCase} wrote. */
export interface FiledCase {
  readonly caseId: string;
  readonly provisionalNumber: string;
  readonly caseDoc: StoredDoc;
  readonly filedEvent: StoredDoc;
}

function uuid(env: CommandEnv): string {
  return env.uuid ? env.uuid() : globalThis.crypto.randomUUID();
}

function randomInt(env: CommandEnv, n: number): number {
  if (env.randomInt) return env.randomInt(n);
  // Rejection sampling keeps the draw uniform (2^32 is not a multiple of n).
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    const v = buf[0] as number;
    if (v < limit) return v % n;
  }
}

/** A random six-digit query code (随案告知查询码); leading zeros allowed. */
export function drawQueryCode(env: CommandEnv = {}): string {
  return String(randomInt(env, 1_000_000)).padStart(6, '0');
}

/** `2026-11-25T09:30:00.000Z` → `20261125T093000000Z`, the time part of event ids. */
export function compactTime(iso: string): string {
  return iso.replace(/[-:.]/g, '');
}

function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out as T;
}

/**
 * Files a case offline: `case:<uuid>` at the current schema with a provisional number (the worker
 * allocates the official one after sync), a random query code per party, and a `filed` event.
 */
export async function fileCase(
  repo: Repository,
  input: FilingInput,
  env: CommandEnv = {},
): Promise<FiledCase> {
  const id = uuid(env);
  const court = input.court ?? DEFAULT_COURT.code;
  const year = Number(input.filingDate.slice(0, 4));
  const provisionalNumber = formatProvisionalNumber({
    year,
    court,
    typeCode: input.caseType,
    shortId: shortIdFromCaseId(id),
  });
  const parties = input.parties.map((p) =>
    clean({
      role: p.role,
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumber?.trim().toUpperCase(),
      phone: p.phone,
      address: p.address,
      legalRepresentative: p.kind === 'legal' ? p.legalRepresentative : undefined,
      queryCode: drawQueryCode(env),
      agents:
        p.agents && p.agents.length > 0
          ? p.agents.map((a) => clean({ name: a.name, kind: a.kind, licenseNo: a.licenseNo, phone: a.phone }))
          : undefined,
    }),
  );
  const fields = clean({
    court,
    caseType: input.caseType,
    procedure: input.procedure,
    cause: input.cause,
    division: input.division,
    filingDate: input.filingDate,
    claimAmount: input.claimAmount ?? null,
    summary: input.summary,
    provisionalNumber,
    parties,
    recusals: input.recusals && input.recusals.length > 0 ? [...input.recusals] : undefined,
    sourceCaseId: input.sourceCaseId,
    sourceDocument: input.sourceDocument,
  });
  const caseDoc = await repo.create('case', [id], fields);
  const filedEvent = await recordEvent(repo, caseDoc._id, 'filed', {}, env);
  return { caseId: caseDoc._id, provisionalNumber, caseDoc, filedEvent };
}

/** `data` of each event kind a user records (what core/domain/processEventDocs reads). */
export interface EventData {
  filed: Record<string, never>;
  note: Record<string, never>;
  service: { method: string; recipient: string; date: string };
  hearingScheduled: {
    courtroom: string;
    startsAt: string;
    endsAt: string;
    judge?: string;
    /** Re-scheduling a hearing repeats its id (the latest schedule wins). */
    hearingId?: string;
  };
  hearingHeld: { hearingId?: string; date: string };
  suspended: { from: string; to?: string; reason: string };
  resumed: { date: string };
  extensionRequested: { level: ApprovalLevel; months: number; days: number; reason: string };
  mediation: { outcome: 'agreement' | 'failed' | 'ongoing'; date: string };
  /** `amountRecovered`: 执行到位金额 in yuan (enforcement cases), two decimals, ≥ 0. */
  closed: { disposition: string; method?: string; date: string; amountRecovered?: number };
  /**
   * An appeal or retrial petition; `outcome`/`decidedOn` when the higher court has decided. An
   * event recording only the outcome of an earlier appeal names it in `appealOf`.
   */
  appeal: {
    date: string;
    route: AppealRoute;
    appellant?: string;
    outcome?: AppealOutcome;
    decidedOn?: string;
    appealOf?: string;
  };
}

/** Appends an `event:<caseId>:<time>:<uuid>` document of `kind` with its `data`. */
export async function recordEvent<K extends ProcessEventKind>(
  repo: Repository,
  caseId: string,
  kind: K,
  data: EventData[K],
  env: CommandEnv & { readonly note?: string } = {},
): Promise<StoredDoc> {
  const at = (env.now ? env.now() : new Date()).toISOString();
  const body = clean(data as Record<string, unknown>);
  return repo.create('event', [caseId, compactTime(at), uuid(env)], {
    caseId,
    kind,
    at,
    ...(Object.keys(body).length > 0 ? { data: body } : {}),
    ...(env.note && env.note.trim() ? { note: env.note.trim() } : {}),
  });
}

/** The request decided on (an `extensionRequested` event as the fold reports it). */
export interface ExtensionRequestRef {
  readonly requestId: string;
  readonly caseId: string;
}

/** A leader's decision; level/months/days override the request when approving less or more. */
export interface ExtensionDecisionInput {
  readonly decision: 'approved' | 'rejected';
  readonly level?: ApprovalLevel;
  readonly months?: number;
  readonly days?: number;
  readonly reason?: string;
}

/** Writes a leader's decision on an extension request as an `approval:<uuid>` document. */
export async function decideExtension(
  repo: Repository,
  request: ExtensionRequestRef,
  decision: ExtensionDecisionInput,
  env: CommandEnv = {},
): Promise<StoredDoc> {
  const at = (env.now ? env.now() : new Date()).toISOString();
  return repo.create(
    'approval',
    [uuid(env)],
    clean({
      kind: 'extension',
      caseId: request.caseId,
      requestId: request.requestId,
      decision: decision.decision,
      level: decision.level,
      months: decision.months,
      days: decision.days,
      reason: decision.reason,
      at,
    }),
  );
}

/** A proposed hearing to check before saving. */
export interface HearingProposal {
  readonly caseId: string;
  readonly courtroom: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** Presiding judge; null falls back to nothing (only the courtroom is checked). */
  readonly judge: string | null;
  /** When re-scheduling: the hearing being moved (not a clash with itself). */
  readonly hearingId?: string;
}

/** A hearing in the local replica that clashes with a proposal. */
export interface HearingConflict {
  readonly caseId: string;
  readonly hearingId: string;
  readonly courtroom: string;
  readonly judge: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly sameCourtroom: boolean;
  readonly sameJudge: boolean;
}

const PROPOSAL_ID = '\u0000proposal';

/**
 * Hearings in the local replica that overlap `proposal` in the same courtroom or with the same
 * judge (core/domain/hearingClashes). Reads every hearing event and assignment once; hearings that
 * ended before the proposal starts are skipped early.
 */
export async function findHearingConflicts(
  db: LocalDb,
  proposal: HearingProposal,
): Promise<HearingConflict[]> {
  const [events, assignments] = await Promise.all([
    db.allDocs({ startkey: 'event:', endkey: 'event:\ufff0', include_docs: true }),
    db.allDocs({ startkey: 'assignment:', endkey: 'assignment:\ufff0', include_docs: true }),
  ]);
  const judgeOf = new Map<string, string>();
  for (const r of assignments.rows) {
    const d = r.doc as Record<string, unknown> | undefined;
    if (d && typeof d['caseId'] === 'string' && typeof d['judge'] === 'string')
      judgeOf.set(d['caseId'], d['judge']);
  }
  const latest = new Map<string, HearingSlot & { at: string }>();
  const from = Date.parse(proposal.startsAt);
  for (const r of events.rows) {
    const p = parseEventDoc(r.doc);
    if (!p.ok || p.event.kind !== 'hearingScheduled') continue;
    const e = p.event;
    const prev = latest.get(e.hearingId);
    if (prev && prev.at > e.at) continue;
    latest.set(e.hearingId, {
      hearingId: e.hearingId,
      caseId: e.caseId,
      courtroom: e.courtroom,
      judge: e.judge ?? judgeOf.get(e.caseId) ?? null,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      at: e.at,
    });
  }
  const slots: HearingSlot[] = [...latest.values()].filter(
    (s) => s.hearingId !== proposal.hearingId && Date.parse(s.endsAt) > from,
  );
  const mine: HearingSlot = { ...proposal, hearingId: PROPOSAL_ID };
  const byId = new Map(slots.map((s) => [s.hearingId, s]));
  return findHearingClashes([...slots, mine])
    .filter((c) => c.a === PROPOSAL_ID || c.b === PROPOSAL_ID)
    .map((c) => {
      const other = byId.get(c.a === PROPOSAL_ID ? c.b : c.a) as HearingSlot;
      return { ...other, sameCourtroom: c.courtroom, sameJudge: c.judge };
    });
}
