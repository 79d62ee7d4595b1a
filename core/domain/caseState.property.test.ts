/**
 * Properties of the case-state fold: replication delivers events in any order and sometimes more
 * than once, and newer clients may write kinds this version does not know.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCaseState, type CaseStateInput } from './caseState';
import { PROCESS_EVENT_KINDS } from './processEvents';

const CASE = 'case:5b1d6c1e-0000-4000-8000-000000000001';
const caseDoc = {
  _id: CASE,
  type: 'case',
  caseType: '民初',
  procedure: '简易程序',
  filingDate: '2026-01-05',
};
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');

const known = fc.constantFrom(...PROCESS_EVENT_KINDS);
const day = fc.integer({ min: 0, max: 300 });
const date = day.map((d) => new Date(T0 + d * DAY).toISOString().slice(0, 10));

/** A plausible event document of a known kind (random but well-formed data). */
const eventDoc = fc
  .record({
    kind: known,
    at: fc.integer({ min: 0, max: 300 * 24 * 60 }).map((m) => new Date(T0 + m * 60_000).toISOString()),
    uid: fc.uuid(),
    courtroom: fc.constantFrom('第一法庭', '第二法庭'),
    start: fc.integer({ min: 0, max: 300 * 24 }).map((h) => new Date(T0 + h * 3_600_000).toISOString()),
    from: date,
    toOffset: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    months: fc.integer({ min: 0, max: 6 }),
    days: fc.integer({ min: 1, max: 30 }),
    method: fc.constantFrom('判决', '调解', '撤诉', '裁定驳回起诉'),
  })
  .map((r) => {
    const to =
      r.toOffset === null
        ? undefined
        : new Date(Date.parse(r.from) + r.toOffset * DAY).toISOString().slice(0, 10);
    const data: Record<string, unknown> = {
      courtroom: r.courtroom,
      startsAt: r.start,
      from: r.from,
      ...(to ? { to } : {}),
      date: r.at.slice(0, 10),
      level: 'president',
      months: r.months,
      days: r.days,
      method: r.method,
      recipient: '张三',
      outcome: 'agreement',
    };
    return {
      _id: `event:${CASE}:${r.at.replace(/[-:.]/g, '')}:${r.uid}`,
      type: 'event',
      caseId: CASE,
      kind: r.kind,
      at: r.at,
      createdAt: r.at,
      createdBy: 'clerk.wang',
      data,
    };
  });

const events = fc.uniqueArray(eventDoc, { maxLength: 25, selector: (e) => e._id });

/** Leader decisions on some of the extension requests. */
function approvalsFor(list: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return list
    .filter((e) => e['kind'] === 'extensionRequested')
    .map((e, i) => ({
      _id: `approval:${i}`,
      type: 'approval',
      kind: 'extension',
      caseId: CASE,
      requestId: e['_id'],
      decision: i % 3 === 2 ? 'rejected' : 'approved',
      createdBy: 'leader.zhang',
      createdAt: e['at'],
    }));
}

function fold(
  list: readonly unknown[],
  approvals: readonly unknown[] = [],
): ReturnType<typeof foldCaseState> {
  const input: CaseStateInput = {
    caseDoc,
    caseNumberDoc: { caseNumber: '（2026）甘0402民初1号' },
    assignmentDoc: { judge: 'judge.zhao', method: 'random' },
    events: list,
    approvals,
    asOf: '2026-06-30',
  };
  return foldCaseState(input);
}

describe('foldCaseState properties', () => {
  it('does not depend on the order events (and approvals) arrive in', () => {
    fc.assert(
      fc.property(events, fc.infiniteStream(fc.nat()), (list, randoms) => {
        const approvals = approvalsFor(list);
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = (randoms.next().value as number) % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        expect(fold(shuffle(list), shuffle(approvals))).toEqual(fold(list, approvals));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: duplicated events (replication redelivery) change nothing', () => {
    fc.assert(
      fc.property(events, fc.array(fc.nat()), (list, picks) => {
        const dupes = list.length === 0 ? [] : picks.map((p) => list[p % list.length]);
        const approvals = approvalsFor(list);
        expect(fold([...list, ...dupes], [...approvals, ...approvals])).toEqual(fold(list, approvals));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on unknown kinds or junk, ignores them and reports each one', () => {
    const unknownKind = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter(
        (k) =>
          !(PROCESS_EVENT_KINDS as readonly string[]).includes(k) &&
          !['filing', 'suspension', 'closing', 'extension', 'hearing'].includes(k),
      );
    const strange = fc.record({ uid: fc.uuid(), kind: unknownKind, junk: fc.jsonValue() }).map((r) => ({
      _id: `event:${CASE}:x:${r.uid}`,
      type: 'event',
      caseId: CASE,
      kind: r.kind,
      at: '2026-02-01T00:00:00Z',
      data: r.junk,
    }));
    fc.assert(
      fc.property(
        events,
        fc.array(strange, { maxLength: 5 }),
        fc.array(fc.anything(), { maxLength: 3 }),
        (list, odd, junk) => {
          const mixed = [...odd, ...list, ...junk];
          const s = fold(mixed);
          const clean = fold(list);
          expect(s.ignored.length).toBe(clean.ignored.length + odd.length + junk.length);
          expect({ ...s, ignored: [] }).toEqual({ ...clean, ignored: [] });
        },
      ),
      { numRuns: 300 },
    );
  });
});
