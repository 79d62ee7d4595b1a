/**
 * Reads `event:` and `approval:` documents into the typed events of processEvents.ts. A tolerant
 * reader: kind-specific fields come from `data` (core/schemas/event.ts) or, for older documents
 * such as the demo data, from the top level; kind aliases (`filing`, `suspension`, `closing`,
 * `extension`, `hearing`) are accepted. Never throws: a document it cannot use comes back with a
 * reason.
 */
import { isPlainDate, type PlainDate } from './plainDate';
import {
  APPEAL_OUTCOMES,
  DISPOSITIONS,
  PROCESS_EVENT_KINDS,
  SERVICE_METHODS,
  beijingDate,
  isInstant,
  type AppealOutcome,
  type Disposition,
  type EventCommon,
  type ExtensionDecision,
  type ParsedEvent,
  type ProcessEventKind,
  type ServiceMethod,
} from './processEvents';
import { APPROVAL_LEVELS, type ApprovalLevel } from './timeLimits';

const ALIASES: Readonly<Record<string, ProcessEventKind>> = {
  filing: 'filed',
  suspension: 'suspended',
  closing: 'closed',
  extension: 'extensionRequested',
  hearing: 'hearingScheduled',
};

/** Chinese closing methods of the reference/demo data mapped to {@link Disposition}. */
const DISPOSITION_ZH: Readonly<Record<string, Disposition>> = {
  判决: 'judgment',
  调解: 'mediation',
  撤诉: 'withdrawal',
  裁定准许撤回起诉: 'withdrawal',
  裁定驳回起诉: 'dismissal',
  发出支付令: 'paymentOrder',
  执行完毕: 'enforced',
  终结本次执行程序: 'enforcementEnded',
  终结执行: 'enforcementEnded',
  保全完毕: 'enforced',
  决定给予救助: 'decision',
  决定不予救助: 'decision',
};

type Rec = Record<string, unknown>;

/** A table entry, ignoring inherited properties (`valueOf`, `constructor` …). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field from `data`, else from the top level. */
function field(doc: Rec, ...names: string[]): unknown {
  const data = isRec(doc['data']) ? doc['data'] : {};
  for (const n of names) if (data[n] !== undefined) return data[n];
  for (const n of names) if (doc[n] !== undefined) return doc[n];
  return undefined;
}

function text(doc: Rec, ...names: string[]): string | null {
  const v = field(doc, ...names);
  return typeof v === 'string' && v.trim().length > 0 ? v.trim() : null;
}

function dateOf(doc: Rec, at: string, ...names: string[]): PlainDate | null {
  const v = field(doc, ...names);
  if (v === undefined) return beijingDate(at);
  if (isPlainDate(v)) return v;
  return isInstant(v) ? beijingDate(v) : null;
}

function whole(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/** A money amount in yuan (≥ 0, finite), else null. */
function amount(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/** Reads an `event:` document; never throws. */
export function parseEventDoc(doc: unknown): ParsedEvent {
  if (!isRec(doc)) return { ok: false, id: '', reason: 'not an object', unknownKind: false };
  const id = typeof doc['_id'] === 'string' ? doc['_id'] : '';
  const bad = (reason: string, unknownKind = false): ParsedEvent => ({ ok: false, id, reason, unknownKind });
  const rawKind = doc['kind'];
  const kind =
    typeof rawKind === 'string'
      ? (PROCESS_EVENT_KINDS as readonly string[]).includes(rawKind)
        ? (rawKind as ProcessEventKind)
        : own(ALIASES, rawKind)
      : undefined;
  if (!kind) return bad(`unknown event kind ${JSON.stringify(rawKind)}`, true);
  if (!id || typeof doc['caseId'] !== 'string') return bad('missing _id or caseId');
  const at = isInstant(doc['at']) ? doc['at'] : isInstant(doc['createdAt']) ? doc['createdAt'] : null;
  if (!at) return bad('missing or invalid time (at)');
  const common: EventCommon = {
    id,
    caseId: doc['caseId'],
    at,
    by: typeof doc['createdBy'] === 'string' ? doc['createdBy'] : '',
  };
  const need = <T>(v: T | null, what: string): T | never => {
    if (v === null) throw new Error(what);
    return v;
  };
  try {
    switch (kind) {
      case 'filed':
      case 'note':
        return { ok: true, event: { ...common, kind } };
      case 'service': {
        const m = text(doc, 'method');
        const method =
          m && (SERVICE_METHODS as readonly string[]).includes(m) ? (m as ServiceMethod) : 'other';
        return {
          ok: true,
          event: {
            ...common,
            kind,
            method,
            recipient: text(doc, 'recipient') ?? '',
            date: need(dateOf(doc, at, 'date', 'servedOn'), 'invalid service date'),
          },
        };
      }
      case 'hearingScheduled': {
        const startsAt = field(doc, 'startsAt', 'hearingAt');
        if (!isInstant(startsAt)) return bad('a hearing needs courtroom and startsAt');
        const end = field(doc, 'endsAt');
        const endsAt =
          isInstant(end) && Date.parse(end) > Date.parse(startsAt)
            ? end
            : new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
        const hearingId = text(doc, 'hearingId') ?? id;
        return {
          ok: true,
          event: {
            ...common,
            kind,
            hearingId,
            courtroom: need(text(doc, 'courtroom'), 'a hearing needs a courtroom'),
            startsAt,
            endsAt,
            judge: text(doc, 'judge'),
          },
        };
      }
      case 'hearingHeld':
        return {
          ok: true,
          event: {
            ...common,
            kind,
            hearingId: text(doc, 'hearingId'),
            date: need(dateOf(doc, at, 'date'), 'invalid date'),
          },
        };
      case 'suspended': {
        const from = need(dateOf(doc, at, 'from', 'startDate'), 'invalid suspension start');
        const toRaw = field(doc, 'to', 'endDate');
        const to =
          toRaw === undefined || toRaw === null
            ? null
            : isPlainDate(toRaw) && toRaw >= from
              ? toRaw
              : need(null, 'invalid suspension end');
        return { ok: true, event: { ...common, kind, from, to, reason: text(doc, 'reason') ?? '' } };
      }
      case 'resumed':
        return { ok: true, event: { ...common, kind, date: need(dateOf(doc, at, 'date'), 'invalid date') } };
      case 'extensionRequested': {
        const level = field(doc, 'level') ?? 'president';
        if (!(APPROVAL_LEVELS as readonly unknown[]).includes(level))
          return bad(`unknown approval level ${String(level)}`);
        const months = whole(field(doc, 'months') ?? 0);
        const days = whole(field(doc, 'days') ?? 0);
        if (months === null || days === null || months + days === 0)
          return bad('an extension needs whole months/days > 0');
        return {
          ok: true,
          event: {
            ...common,
            kind,
            level: level as ApprovalLevel,
            months,
            days,
            reason: text(doc, 'reason') ?? '',
          },
        };
      }
      case 'mediation': {
        const o = text(doc, 'outcome');
        const outcome = o === 'agreement' || o === 'failed' ? o : 'ongoing';
        return {
          ok: true,
          event: { ...common, kind, outcome, date: need(dateOf(doc, at, 'date'), 'invalid date') },
        };
      }
      case 'closed': {
        const d = text(doc, 'disposition');
        const method = text(doc, 'method');
        const disposition: Disposition =
          d && (DISPOSITIONS as readonly string[]).includes(d)
            ? (d as Disposition)
            : method
              ? (own(DISPOSITION_ZH, method) ?? (method.startsWith('裁定') ? 'ruling' : 'other'))
              : 'other';
        return {
          ok: true,
          event: {
            ...common,
            kind,
            disposition,
            method,
            date: need(dateOf(doc, at, 'date', 'closedOn'), 'invalid date'),
            amountRecovered: amount(field(doc, 'amountRecovered')),
          },
        };
      }
      case 'appeal': {
        const o = text(doc, 'outcome');
        const outcome = o && (APPEAL_OUTCOMES as readonly string[]).includes(o) ? (o as AppealOutcome) : null;
        const decided = field(doc, 'decidedOn');
        return {
          ok: true,
          event: {
            ...common,
            kind,
            date: need(dateOf(doc, at, 'date'), 'invalid date'),
            appellant: text(doc, 'appellant'),
            route: text(doc, 'route') === 'retrial' ? 'retrial' : 'appeal',
            outcome,
            decidedOn: outcome && isPlainDate(decided) ? decided : null,
            appealOf: text(doc, 'appealOf'),
          },
        };
      }
    }
  } catch (err) {
    return bad((err as Error).message);
  }
}

/** Reads an extension decision from an `approval:` document, or null when it is not one. */
export function parseExtensionDecision(doc: unknown): ExtensionDecision | null {
  if (!isRec(doc) || doc['type'] !== 'approval' || doc['kind'] !== 'extension') return null;
  const { _id: id, caseId, requestId, createdBy: by } = doc;
  const at = isInstant(doc['at']) ? doc['at'] : doc['createdAt'];
  if (
    typeof id !== 'string' ||
    typeof caseId !== 'string' ||
    typeof requestId !== 'string' ||
    typeof by !== 'string' ||
    !isInstant(at)
  )
    return null;
  const decision =
    doc['decision'] === 'rejected' ? 'rejected' : doc['decision'] === 'approved' ? 'approved' : null;
  if (!decision) return null;
  const level = (APPROVAL_LEVELS as readonly unknown[]).includes(doc['level'])
    ? (doc['level'] as ApprovalLevel)
    : null;
  return {
    id,
    caseId,
    requestId,
    decision,
    level,
    months: whole(doc['months']),
    days: whole(doc['days']),
    by,
    at,
  };
}
