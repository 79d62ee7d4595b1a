/**
 * The public projection of one case (SPEC §3, §4.6; issue 11 item 4): what `courtdesk_public`
 * holds for it — number, cause, filing date, judge and panel, stage, parties (masked per SPEC §4.4,
 * publicParties.ts), hearings, time-limit changes, service steps and enforcement progress — and
 * one hearing notice per hearing for the lobby board. Pure and total: untrusted documents in, the
 * documents' content out (without `access` and `updatedAt`: the worker hashes the query codes with
 * random salts and stamps the time), or null when the case is not to be public (no official
 * number yet, deleted, unreadable). Only fixed labels and structured fields are copied; no free
 * text a clerk typed (summary, reasons, notes, service recipients) ever reaches the output.
 */
import { foldCaseState, type CaseState, type Hearing } from '../domain/caseState';
import { addDays, type PlainDate } from '../domain/plainDate';
import { parseEventDoc } from '../domain/processEventDocs';
import { beijingDate } from '../domain/processEvents';
import { ENFORCEMENT_CASE_TYPES } from '../enforcement/closing';
import type { CaseFields } from '../schemas/case';
import { migrate } from '../schemas/registry';
import { enforcementProgress } from './enforcementProgress';
import { labelOf, SERVICE_LABELS, stageLabel } from './publicLabels';
import { publicParties } from './publicParties';
import type { HearingNoticeDoc, PublicCaseDoc, PublicHearing } from './publicDocs';

type Rec = Readonly<Record<string, unknown>>;

/** What {@link projectCase} reads; every document is untrusted JSON. */
export interface ProjectionInput {
  readonly caseDoc: Rec;
  readonly caseNumberDoc?: Rec | null;
  readonly assignmentDoc?: Rec | null;
  /** The case's `event:` documents. */
  readonly events: readonly unknown[];
  /** `approval:` documents of the case (extension decisions). */
  readonly approvals?: readonly unknown[];
  /** The case's records in courtdesk_enforcement (执, 执恢, 执保 cases). */
  readonly enforcementRecords?: readonly unknown[];
  /** User name → display name (directory:staff); staff names are public. */
  readonly staffNames?: ReadonlyMap<string, string>;
  readonly now: Date;
}

/** A `publicCase` document's content: everything but the query-code hashes and the stamps. */
export type PublicCaseContent = Omit<PublicCaseDoc, 'access' | 'updatedAt' | 'createdAt' | 'createdBy'>;
/** A `hearingNotice` document's content: everything but the stamps. */
export type HearingNoticeContent = Omit<HearingNoticeDoc, 'updatedAt' | 'createdAt' | 'createdBy'>;

/** The projection of one case. */
export interface CaseProjection {
  readonly publicCase: PublicCaseContent;
  readonly hearingNotices: readonly HearingNoticeContent[];
  /** The parties' query codes (plain; the worker stores only salted hashes of them). */
  readonly queryCodes: readonly string[];
}

/** `publicCase:<uuid>` of `case:<uuid>`. */
export function publicCaseId(caseId: string): string {
  return `publicCase:${caseId.slice(caseId.indexOf(':') + 1)}`;
}

/** The id prefix of a case's hearing notices: `hearingNotice:<uuid>:`. */
export function hearingNoticePrefix(caseId: string): string {
  return `hearingNotice:${caseId.slice(caseId.indexOf(':') + 1)}:`;
}

/** Id part of a 执 case's enforcement-progress notice (`hearingNotice:<uuid>:enforcement-progress`). */
export const ENFORCEMENT_NOTICE_KEY = 'enforcement-progress';

/** A stable id part for a hearing id (event ids carry colons): kept when plain, else hashed. */
export function hearingKey(hearingId: string): string {
  if (/^[A-Za-z0-9_.-]{1,80}$/.test(hearingId)) return hearingId;
  let h = 0x811c9dc5;
  for (let i = 0; i < hearingId.length; i++) {
    h ^= hearingId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `h${h.toString(16).padStart(8, '0')}`;
}

function text(doc: Rec | null | undefined, key: string): string | null {
  const v = doc?.[key];
  return typeof v === 'string' && v.trim().length > 0 ? v.trim() : null;
}

/** Hearing ids scheduled at more than one time (moved: 延期). */
function movedHearings(events: readonly unknown[], caseId: string): Set<string> {
  const times = new Map<string, Set<string>>();
  for (const raw of events) {
    const p = parseEventDoc(raw);
    if (!p.ok || p.event.kind !== 'hearingScheduled' || p.event.caseId !== caseId) continue;
    const set = times.get(p.event.hearingId) ?? new Set<string>();
    set.add(String(Date.parse(p.event.startsAt)));
    times.set(p.event.hearingId, set);
  }
  return new Set([...times].filter(([, s]) => s.size > 1).map(([id]) => id));
}

function hearingStatus(h: Hearing, state: CaseState, moved: Set<string>): PublicHearing['status'] {
  if (h.held) return 'held';
  // A case closed on or before a hearing's day: the hearing will not take place. Closed after it
  // (and not moved since): the case went on past that day, so the hearing is taken as held.
  if (state.closing) return state.closing.date <= beijingDate(h.startsAt) ? 'cancelled' : 'held';
  return moved.has(h.hearingId) ? 'postponed' : 'scheduled';
}

function timeLimitChanges(state: CaseState, enforcement: boolean): PublicCaseDoc['timeLimitChanges'] {
  const out: { on: string; label: string; days?: number }[] = [];
  for (const s of state.suspensions) {
    out.push({ on: s.from, label: enforcement ? '中止执行' : '中止审理' });
    if (s.to !== null) out.push({ on: addDays(s.to, 1), label: enforcement ? '恢复执行' : '恢复审理' });
  }
  for (const r of state.extensionRequests) {
    if (r.status !== 'approved') continue;
    const { months, days } = r.extension;
    const span = `${months > 0 ? `${months}个月` : ''}${days > 0 ? `${days}日` : ''}`;
    out.push({ on: beijingDate(r.requestedAt), label: `延长审限${span}`, ...(days > 0 ? { days } : {}) });
  }
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** The public documents' content of a case, or null when the case is not public (see module comment). */
export function projectCase(input: ProjectionInput): CaseProjection | null {
  if (input.caseDoc['_deleted'] === true || input.caseDoc['type'] !== 'case') return null;
  let doc: CaseFields & { _id: string };
  try {
    doc = migrate({ ...input.caseDoc }) as unknown as CaseFields & { _id: string };
  } catch {
    return null; // newer than this build: left until the worker is upgraded
  }
  const caseId = doc._id;
  if (typeof caseId !== 'string' || !Array.isArray(doc.parties)) return null;
  const numberDoc = input.caseNumberDoc;
  const numberOk = numberDoc && numberDoc['_deleted'] !== true && numberDoc['caseId'] === caseId;
  const assignment = input.assignmentDoc?.['_deleted'] === true ? null : input.assignmentDoc;
  const asOf: PlainDate = beijingDate(input.now.toISOString());
  const state = foldCaseState({
    caseDoc: doc as unknown as Rec,
    caseNumberDoc: numberOk ? numberDoc : null,
    assignmentDoc: assignment ?? null,
    events: input.events,
    approvals: input.approvals ?? [],
    asOf,
  });
  const caseNumber = state.officialNumber;
  if (!caseNumber) return null;
  const caseTypeCode = text(doc as unknown as Rec, 'caseType') ?? '';
  const enforcement = ENFORCEMENT_CASE_TYPES.includes(caseTypeCode);
  const show = (user: string | null): string | null =>
    user === null ? null : (input.staffNames?.get(user) ?? user);
  const { parties, minorInvolved } = publicParties(doc, state, asOf);
  const moved = movedHearings(input.events, caseId);
  const hearings = state.hearings.map((h) => ({ h, status: hearingStatus(h, state, moved) }));
  const judgeInCharge = show(state.judge);
  const panel = [
    ...new Set([judgeInCharge, ...hearings.map(({ h }) => show(h.judge))].filter((n) => n !== null)),
  ];
  const cause = text(doc as unknown as Rec, 'cause') ?? '';
  const publicCase: PublicCaseContent = {
    _id: publicCaseId(caseId),
    type: 'publicCase',
    schemaVersion: 1,
    caseNumber,
    cause,
    caseTypeCode,
    filedOn: state.filedOn ?? '',
    stage: state.status,
    stageLabel: stageLabel(state.status, enforcement),
    judgeInCharge,
    panel,
    parties,
    hearings: hearings.map(({ h, status }) => ({ startsAt: h.startsAt, courtroom: h.courtroom, status })),
    timeLimitChanges: timeLimitChanges(state, enforcement),
    services: state.services.map((s) => ({ on: s.date, label: labelOf(SERVICE_LABELS, s.method) ?? '送达' })),
    enforcement: enforcement ? enforcementProgress(input.enforcementRecords ?? []) : null,
  };
  const hearingNotices: HearingNoticeContent[] = hearings.map(({ h, status }) => ({
    _id: `${hearingNoticePrefix(caseId)}${hearingKey(h.hearingId)}`,
    type: 'hearingNotice',
    schemaVersion: 1,
    kind: 'hearing',
    caseNumber,
    cause,
    startsAt: h.startsAt,
    courtroom: h.courtroom,
    judge: show(h.judge),
    parties,
    status,
    // 刑事诉讼法 第二百八十五条: cases of defendants under 18 are not heard in public.
    label: minorInvolved ? '不公开开庭' : '公开开庭',
  }));
  // The lobby board's enforcement progress (SPEC §4.6): one notice per 执 case with its latest
  // public step, dated that day (the board lists those of today and tomorrow).
  const latest = publicCase.enforcement?.steps.at(-1);
  if (latest)
    hearingNotices.push({
      _id: `${hearingNoticePrefix(caseId)}${ENFORCEMENT_NOTICE_KEY}`,
      type: 'hearingNotice',
      schemaVersion: 1,
      kind: 'enforcement',
      caseNumber,
      cause,
      startsAt: `${latest.on}T00:00:00+08:00`,
      courtroom: '执行局',
      judge: judgeInCharge,
      parties,
      status: 'scheduled',
      label: latest.label,
    });
  const queryCodes = doc.parties
    .map((p) => (typeof p.queryCode === 'string' ? p.queryCode : ''))
    .filter((c) => /^\d{6}$/.test(c));
  return { publicCase, hearingNotices, queryCodes };
}
