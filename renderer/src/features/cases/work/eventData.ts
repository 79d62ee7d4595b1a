/**
 * The `data` of a process event built from the case page's event form values (EventModal.tsx):
 * pure, so that what the form writes is tested against the reader the fold and the trial-quality
 * indicators use (core/domain/processEventDocs.ts, core/quality/caseFacts.ts).
 */
import type { Dayjs } from 'dayjs';
import type { AppealOutcome, AppealRoute } from '../../../../../core/domain/processEvents';
import type { ApprovalLevel } from '../../../../../core/domain/timeLimits';
import type { EventData } from '../model/commands';

/** Kinds a user records from the case page. */
export type RecordableKind =
  | 'service'
  | 'hearingScheduled'
  | 'suspended'
  | 'resumed'
  | 'extensionRequested'
  | 'mediation'
  | 'closed'
  | 'appeal';

/** Values of the event form (antd Form). */
export type EventFormValues = Record<string, unknown> & {
  date?: Dayjs;
  from?: Dayjs;
  start?: Dayjs;
  end?: Dayjs;
  decidedOn?: Dayjs | null;
};

/** The appeal an outcome is recorded for ("登记二审/再审结果"). */
export interface PriorAppeal {
  readonly eventId: string;
  readonly date: string;
  readonly route: AppealRoute;
}

/** What the form needs to know about the case beyond its values. */
export interface EventDataOptions {
  /** An enforcement case (执、执恢、执保 …): the closing records the amount recovered. */
  readonly enforcement?: boolean;
  /** Recording only the outcome of this earlier appeal. */
  readonly outcomeOf?: PriorAppeal;
}

function day(v: unknown): string {
  return (v as Dayjs).format('YYYY-MM-DD');
}

/** Yuan rounded to fen (two decimals), or undefined when not a number ≥ 0. */
export function yuan(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return Math.round(n * 100) / 100;
}

/** The event's `data` for `kind` from the form values. */
export function eventDataFor(
  kind: RecordableKind,
  v: EventFormValues,
  options: EventDataOptions = {},
): EventData[RecordableKind] {
  switch (kind) {
    case 'service':
      return { method: String(v['method']), recipient: String(v['recipient'] ?? ''), date: day(v.date) };
    case 'hearingScheduled':
      return {
        courtroom: String(v['courtroom']).trim(),
        startsAt: (v.start as Dayjs).toISOString(),
        endsAt: (v.end as Dayjs).toISOString(),
        ...(v['judge'] ? { judge: String(v['judge']).trim() } : {}),
      };
    case 'suspended':
      return { from: day(v.from), reason: String(v['reason'] ?? '') };
    case 'resumed':
      return { date: day(v.date) };
    case 'extensionRequested':
      return {
        level: v['level'] as ApprovalLevel,
        months: Number(v['months'] ?? 0),
        days: Number(v['days'] ?? 0),
        reason: String(v['reason'] ?? ''),
      };
    case 'mediation':
      return { outcome: v['outcome'] as 'agreement' | 'failed' | 'ongoing', date: day(v.date) };
    case 'closed': {
      const amount = options.enforcement ? yuan(v['amountRecovered']) : undefined;
      return {
        disposition: String(v['disposition']),
        date: day(v.date),
        ...(amount !== undefined ? { amountRecovered: amount } : {}),
      };
    }
    case 'appeal':
      return appealData(v, options.outcomeOf);
  }
}

function appealData(v: EventFormValues, prior: PriorAppeal | undefined): EventData['appeal'] {
  const outcome = v['appealOutcome'] ? (v['appealOutcome'] as AppealOutcome) : undefined;
  const decided = outcome && v.decidedOn ? { outcome, decidedOn: day(v.decidedOn) } : {};
  if (prior) {
    // A new, immutable event completing the earlier appeal: its date and route are the appeal's.
    if (!outcome || !v.decidedOn) throw new Error('outcome and decidedOn are required');
    return {
      date: prior.date,
      route: prior.route,
      appealOf: prior.eventId,
      outcome,
      decidedOn: day(v.decidedOn),
    };
  }
  const appellant = typeof v['appellant'] === 'string' ? v['appellant'].trim() : '';
  return {
    date: day(v.date),
    route: v['route'] === 'retrial' ? 'retrial' : 'appeal',
    ...(appellant ? { appellant } : {}),
    ...decided,
  };
}
