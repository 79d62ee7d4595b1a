/**
 * Process events (流程节点) of a case — the append-only `event:` documents of docs/product-rules.md §2.3, §4.4
 * — and the
 * leader-authored `approval:` decisions on them: kinds, typed shapes, and time helpers. Reading
 * the documents (a tolerant reader) is in processEventDocs.ts.
 */
import type { PlainDate } from './plainDate';
import type { ApprovalLevel } from './timeLimits';

/** Event kinds the fold understands. */
export const PROCESS_EVENT_KINDS = [
  'filed',
  'service',
  'hearingScheduled',
  'hearingHeld',
  'suspended',
  'resumed',
  'extensionRequested',
  'mediation',
  'closed',
  'appeal',
  'note',
] as const;

/** One of {@link PROCESS_EVENT_KINDS}. */
export type ProcessEventKind = (typeof PROCESS_EVENT_KINDS)[number];

/** 送达方式 (民事诉讼法 第八十七条至第九十五条). */
export const SERVICE_METHODS = [
  'direct',
  'lodged',
  'electronic',
  'entrusted',
  'mail',
  'transferred',
  'public',
] as const;
/** One of {@link SERVICE_METHODS}. */
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** How a case was closed (结案方式). */
export const DISPOSITIONS = [
  'judgment',
  'ruling',
  'mediation',
  'withdrawal',
  'dismissal',
  'paymentOrder',
  'enforced',
  'enforcementEnded',
  'decision',
  'other',
] as const;
/** One of {@link DISPOSITIONS}. */
export type Disposition = (typeof DISPOSITIONS)[number];

/** Fields every parsed event has. */
export interface EventCommon {
  readonly id: string;
  readonly caseId: string;
  /** ISO-8601 instant the event happened (sort key, with `id` as tie-break). */
  readonly at: string;
  /** Author (`createdBy`). */
  readonly by: string;
}

/** How the higher court decided an appeal or retrial (二审/再审结果), for 发回改判率. */
export const APPEAL_OUTCOMES = ['upheld', 'reversed', 'remanded', 'withdrawn', 'other'] as const;
/** One of {@link APPEAL_OUTCOMES}. */
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** An appeal (上诉/抗诉) or a petition for retrial (申请再审/申诉). */
export type AppealRoute = 'appeal' | 'retrial';

/** A process event (discriminated by `kind`). */
export type ProcessEvent = EventCommon &
  (
    | { readonly kind: 'filed' | 'note' }
    | {
        readonly kind: 'service';
        readonly method: ServiceMethod | 'other';
        readonly recipient: string;
        readonly date: PlainDate;
      }
    | {
        readonly kind: 'hearingScheduled';
        readonly hearingId: string;
        readonly courtroom: string;
        readonly startsAt: string;
        readonly endsAt: string;
        readonly judge: string | null;
      }
    | { readonly kind: 'hearingHeld'; readonly hearingId: string | null; readonly date: PlainDate }
    | {
        readonly kind: 'suspended';
        readonly from: PlainDate;
        readonly to: PlainDate | null;
        readonly reason: string;
      }
    | { readonly kind: 'resumed'; readonly date: PlainDate }
    | {
        readonly kind: 'extensionRequested';
        readonly level: ApprovalLevel;
        readonly months: number;
        readonly days: number;
        readonly reason: string;
      }
    | {
        readonly kind: 'mediation';
        readonly outcome: 'agreement' | 'failed' | 'ongoing';
        readonly date: PlainDate;
      }
    | {
        readonly kind: 'closed';
        readonly disposition: Disposition;
        readonly method: string | null;
        readonly date: PlainDate;
        /** 执行到位金额 (yuan) recorded when an enforcement case is closed; null when not given. */
        readonly amountRecovered: number | null;
      }
    | {
        readonly kind: 'appeal';
        readonly date: PlainDate;
        readonly appellant: string | null;
        readonly route: AppealRoute;
        /** The higher court's decision, when known. */
        readonly outcome: AppealOutcome | null;
        /** Date of that decision. */
        readonly decidedOn: PlainDate | null;
        /** An event recording only the outcome of an earlier appeal names that appeal's event id. */
        readonly appealOf: string | null;
      }
  );

/** A leader's decision on an extension request (`approval:` document, `kind: 'extension'`). */
export interface ExtensionDecision {
  readonly id: string;
  readonly caseId: string;
  /** Id of the `extensionRequested` event decided on. */
  readonly requestId: string;
  readonly decision: 'approved' | 'rejected';
  readonly level: ApprovalLevel | null;
  readonly months: number | null;
  readonly days: number | null;
  readonly by: string;
  readonly at: string;
}

/** Result of {@link parseEventDoc}. */
export type ParsedEvent =
  | { readonly ok: true; readonly event: ProcessEvent }
  | { readonly ok: false; readonly id: string; readonly reason: string; readonly unknownKind: boolean };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const BEIJING_MS = 8 * 3_600_000;

/** True for an ISO-8601 instant with a time zone. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value));
}

/** The calendar date of an instant in Beijing time (the court's time zone). */
export function beijingDate(instant: string): PlainDate {
  return new Date(Date.parse(instant) + BEIJING_MS).toISOString().slice(0, 10);
}

/** Orders events by time, then id: the order the fold applies them in. */
export function compareEvents(a: EventCommon, b: EventCommon): number {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
