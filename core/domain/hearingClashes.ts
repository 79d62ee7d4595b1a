/**
 * Hearing clashes (开庭排期冲突): two hearings at overlapping times in the same courtroom or with the
 * same judge. Pure; the hearing list comes from the folded case states (caseState.ts).
 */

/** A hearing as {@link findHearingClashes} needs it. */
export interface HearingSlot {
  readonly hearingId: string;
  readonly caseId: string;
  readonly courtroom: string;
  readonly judge: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** Two hearings that overlap in time in the same courtroom or with the same judge. */
export interface HearingClash {
  readonly a: string;
  readonly b: string;
  readonly courtroom: boolean;
  readonly judge: boolean;
}

/**
 * Finds every pair of hearings whose times overlap (half-open intervals: one ending at 10:00 and
 * one starting at 10:00 do not clash) and that share a courtroom or a judge. Pairs are reported
 * once, with `a` < `b` by hearing id, sorted.
 */
export function findHearingClashes(slots: readonly HearingSlot[]): HearingClash[] {
  const list = slots
    .map((s) => ({ s, start: Date.parse(s.startsAt), end: Date.parse(s.endsAt) }))
    .filter((x) => Number.isFinite(x.start) && Number.isFinite(x.end) && x.end > x.start)
    .sort((x, y) => x.start - y.start);
  const clashes: HearingClash[] = [];
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as (typeof list)[number];
    for (let j = i + 1; j < list.length && (list[j] as (typeof list)[number]).start < x.end; j++) {
      const y = (list[j] as (typeof list)[number]).s;
      if (x.s.hearingId === y.hearingId) continue;
      const courtroom = x.s.courtroom === y.courtroom;
      const judge = x.s.judge !== null && x.s.judge === y.judge;
      if (!courtroom && !judge) continue;
      const [a, b] =
        x.s.hearingId < y.hearingId ? [x.s.hearingId, y.hearingId] : [y.hearingId, x.s.hearingId];
      clashes.push({ a, b, courtroom, judge });
    }
  }
  return clashes.sort((p, q) => p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}
