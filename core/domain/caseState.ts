/**
 * The state of a case as a pure fold (docs/product-rules.md §2.3, §4.4) of its case, number, assignment
 * and event
 * documents and the leaders' approvals. Events are deduplicated by id and applied in (time, id)
 * order, so replication order does not matter; unknown or malformed ones are skipped and reported.
 * Hearing-clash detection over the folded hearings lives in hearingClashes.ts.
 */
import { caseTypeByCode } from './courtReference';
import { computeDeadline, type DeadlineStatus, type Extension, type Suspension } from './deadlines';
import { addDays, isPlainDate, type PlainDate } from './plainDate';
import { parseEventDoc, parseExtensionDecision } from './processEventDocs';
import {
  compareEvents,
  type AppealOutcome,
  type AppealRoute,
  type Disposition,
  type ProcessEvent,
  type ServiceMethod,
} from './processEvents';

/** Where a case stands. */
export type CaseStatus =
  'pendingNumber' | 'filed' | 'assigned' | 'inHearing' | 'suspended' | 'closed' | 'appealed';

/** A scheduled hearing (the latest schedule of each hearing id wins). */
export interface Hearing {
  readonly hearingId: string;
  readonly eventId: string;
  readonly caseId: string;
  readonly courtroom: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The presiding judge: named on the event, else the assigned judge. */
  readonly judge: string | null;
  readonly held: boolean;
}

/** An extension request and what a leader decided. */
export interface ExtensionRequest {
  readonly requestId: string;
  readonly requestedAt: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly extension: Extension;
  readonly approvedBy: string | null;
}

/** What {@link foldCaseState} needs; every document is untrusted JSON. */
export interface CaseStateInput {
  readonly caseDoc: Readonly<Record<string, unknown>>;
  readonly caseNumberDoc?: Readonly<Record<string, unknown>> | null;
  readonly assignmentDoc?: Readonly<Record<string, unknown>> | null;
  readonly events: readonly unknown[];
  /** `approval:` documents (only `kind: 'extension'` ones for this case are used). */
  readonly approvals?: readonly unknown[];
  /** The day the deadline is wanted for. */
  readonly asOf: PlainDate;
}

/** The folded state of one case. */
export interface CaseState {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly officialNumber: string | null;
  readonly provisionalNumber: string | null;
  /** What to show: the official number, else the provisional one. */
  readonly displayNumber: string;
  readonly judge: string | null;
  readonly assignmentMethod: string | null;
  readonly filedOn: PlainDate | null;
  /** Time-limit procedure code (timeLimits.json), or null when unknown. */
  readonly procedure: string | null;
  readonly services: readonly {
    readonly eventId: string;
    readonly method: ServiceMethod | 'other';
    readonly recipient: string;
    readonly date: PlainDate;
  }[];
  readonly hearings: readonly Hearing[];
  readonly suspensions: readonly Suspension[];
  readonly extensionRequests: readonly ExtensionRequest[];
  /** Approved extensions, in request order (what the deadline adds). */
  readonly extensions: readonly Extension[];
  readonly mediations: readonly {
    readonly eventId: string;
    readonly outcome: string;
    readonly date: PlainDate;
  }[];
  readonly closing: {
    readonly disposition: Disposition;
    readonly method: string | null;
    readonly date: PlainDate;
    readonly amountRecovered: number | null;
  } | null;
  /** Appeals and retrial petitions, each with the higher court's outcome once recorded. */
  readonly appeals: readonly {
    readonly eventId: string;
    readonly date: PlainDate;
    readonly appellant: string | null;
    readonly route: AppealRoute;
    readonly outcome: AppealOutcome | null;
    readonly decidedOn: PlainDate | null;
  }[];
  readonly deadline: DeadlineStatus | null;
  readonly deadlineProblem: string | null;
  /** Events (and approvals) not applied, with the reason. */
  readonly ignored: readonly { readonly id: string; readonly reason: string }[];
}

/** Procedure names used on filings (demo data) → time-limit procedure codes, per case type. */
const PROCEDURE_BY_NAME: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  民初: { 普通程序: 'civilOrdinary', 简易程序: 'civilSummary', 小额诉讼程序: 'civilSmallClaims' },
  刑初: { 普通程序: 'criminalFirst', 简易程序: 'criminalSummary', 速裁程序: 'criminalExpedited' },
  行初: { 普通程序: 'administrativeFirst', 简易程序: 'administrativeSummary' },
};

function str(doc: Readonly<Record<string, unknown>> | null | undefined, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = doc?.[k];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return null;
}

/** The time-limit procedure of a case: an explicit code, a procedure name, or the type's default. */
export function procedureOf(caseDoc: Readonly<Record<string, unknown>>): string | null {
  const type = caseTypeByCode(str(caseDoc, 'caseTypeCode', 'caseType') ?? '');
  if (!type) return null;
  const p = str(caseDoc, 'procedureCode', 'procedure');
  if (p && type.procedures.includes(p)) return p;
  const names = Object.prototype.hasOwnProperty.call(PROCEDURE_BY_NAME, type.code)
    ? PROCEDURE_BY_NAME[type.code]
    : undefined;
  if (p && names && Object.prototype.hasOwnProperty.call(names, p)) return names[p] ?? null;
  return type.procedures[0] ?? null;
}

/** Folds a case's documents into its state; pure and total (never throws). */
export function foldCaseState(input: CaseStateInput): CaseState {
  const caseId = str(input.caseDoc, '_id') ?? '';
  const ignored: { id: string; reason: string }[] = [];
  const byId = new Map<string, ProcessEvent>();
  for (const raw of input.events) {
    const p = parseEventDoc(raw);
    if (!p.ok) ignored.push({ id: p.id, reason: p.reason });
    else if (p.event.caseId !== caseId) ignored.push({ id: p.event.id, reason: 'event of another case' });
    else if (!byId.has(p.event.id)) byId.set(p.event.id, p.event);
  }
  const events = [...byId.values()].sort(compareEvents);
  const judge = str(input.assignmentDoc, 'judge');
  const hearings = new Map<string, Hearing>();
  const suspensions: Suspension[] = [];
  const requests = new Map<string, ExtensionRequest>();
  const services: CaseState['services'][number][] = [];
  const mediations: CaseState['mediations'][number][] = [];
  const appeals: CaseState['appeals'][number][] = [];
  let closing: CaseState['closing'] = null;
  let closedAt: string | null = null;
  let lastAppealAt: string | null = null;

  for (const e of events) {
    switch (e.kind) {
      case 'service':
        services.push({ eventId: e.id, method: e.method, recipient: e.recipient, date: e.date });
        break;
      case 'hearingScheduled':
        hearings.set(e.hearingId, {
          hearingId: e.hearingId,
          eventId: e.id,
          caseId,
          courtroom: e.courtroom,
          startsAt: e.startsAt,
          endsAt: e.endsAt,
          judge: e.judge ?? judge,
          held: hearings.get(e.hearingId)?.held ?? false,
        });
        break;
      case 'hearingHeld': {
        const h = e.hearingId
          ? hearings.get(e.hearingId)
          : [...hearings.values()]
              .filter((x) => !x.held)
              .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
        if (h) hearings.set(h.hearingId, { ...h, held: true });
        break;
      }
      case 'suspended':
        suspensions.push({ from: e.from, to: e.to });
        break;
      case 'resumed': {
        let open = suspensions.length - 1;
        while (open >= 0 && suspensions[open]?.to !== null) open--;
        if (open < 0) break;
        const s = suspensions[open] as Suspension;
        const to = addDays(e.date, -1); // the clock runs again on the day of resumption
        if (to < s.from) suspensions.splice(open, 1);
        else suspensions[open] = { from: s.from, to };
        break;
      }
      case 'extensionRequested':
        requests.set(e.id, {
          requestId: e.id,
          requestedAt: e.at,
          status: 'pending',
          extension: { level: e.level, months: e.months, days: e.days },
          approvedBy: null,
        });
        break;
      case 'mediation':
        mediations.push({ eventId: e.id, outcome: e.outcome, date: e.date });
        break;
      case 'closed':
        closing = {
          disposition: e.disposition,
          method: e.method,
          date: e.date,
          amountRecovered: e.amountRecovered,
        };
        closedAt = e.at;
        break;
      case 'appeal': {
        const of = e.appealOf === null ? -1 : appeals.findIndex((a) => a.eventId === e.appealOf);
        const prior = appeals[of];
        // An outcome recorded later for an earlier appeal completes it; it is not a new appeal.
        if (prior && e.outcome) appeals[of] = { ...prior, outcome: e.outcome, decidedOn: e.decidedOn };
        else {
          const { route, outcome, decidedOn, appellant, date } = e;
          appeals.push({ eventId: e.id, date, appellant, route, outcome, decidedOn });
          lastAppealAt = e.at;
        }
        break;
      }
      case 'filed':
      case 'note':
        break;
    }
  }

  // Decisions: applied in (time, id) order, the latest decision on a request wins.
  const decisions = (input.approvals ?? []).flatMap((raw) => {
    const d = parseExtensionDecision(raw);
    return d && d.caseId === caseId ? [d] : [];
  });
  const seen = new Set<string>();
  for (const d of decisions.sort(compareEvents)) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    const r = requests.get(d.requestId);
    if (!r) {
      ignored.push({ id: d.id, reason: `no extension request ${d.requestId}` });
      continue;
    }
    const extension: Extension = {
      level: d.level ?? r.extension.level,
      months: d.months ?? r.extension.months,
      days: d.days ?? r.extension.days,
    };
    requests.set(r.requestId, {
      ...r,
      status: d.decision,
      extension: d.decision === 'approved' ? extension : r.extension,
      approvedBy: d.decision === 'approved' ? d.by : null,
    });
  }
  const extensionRequests = [...requests.values()];
  const extensions = extensionRequests.filter((r) => r.status === 'approved').map((r) => r.extension);

  const officialNumber = str(input.caseNumberDoc, 'caseNumber');
  const provisionalNumber = str(input.caseDoc, 'provisionalNumber');
  const rawFiled = str(input.caseDoc, 'filingDate', 'filedAt');
  const filedOn = rawFiled && isPlainDate(rawFiled) ? rawFiled : null;
  const procedure = procedureOf(input.caseDoc);
  const openSuspension = suspensions.some((s) => s.to === null);
  const hearingList = [...hearings.values()].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.hearingId.localeCompare(b.hearingId),
  );

  let status: CaseStatus;
  if (
    closing &&
    lastAppealAt !== null &&
    closedAt !== null &&
    Date.parse(lastAppealAt) >= Date.parse(closedAt)
  )
    status = 'appealed';
  else if (closing) status = 'closed';
  else if (openSuspension) status = 'suspended';
  else if (hearingList.length > 0) status = 'inHearing';
  else if (judge) status = 'assigned';
  else if (officialNumber) status = 'filed';
  else status = 'pendingNumber';

  let deadline: DeadlineStatus | null = null;
  let deadlineProblem: string | null = null;
  if (!procedure) deadlineProblem = 'no statutory time limit for this case type/procedure';
  else if (!filedOn) deadlineProblem = 'no filing date';
  else {
    const asOf = closing && closing.date < input.asOf ? closing.date : input.asOf;
    const r = computeDeadline({ procedure, filedOn, asOf, suspensions, extensions });
    if (r.ok) deadline = r.value;
    else deadlineProblem = r.error.message;
  }

  return {
    caseId,
    status,
    officialNumber,
    provisionalNumber,
    displayNumber: officialNumber ?? provisionalNumber ?? '',
    judge,
    assignmentMethod: str(input.assignmentDoc, 'method'),
    filedOn,
    procedure,
    services,
    hearings: hearingList,
    suspensions,
    extensionRequests,
    extensions,
    mediations,
    closing,
    appeals,
    deadline,
    deadlineProblem,
    ignored,
  };
}
