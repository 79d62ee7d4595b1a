import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  warningLevel,
  type DeadlineInput,
  type DeadlineStatus,
  type Suspension,
} from './deadlines';
import { addDays, fromDayNumber, toDayNumber } from './plainDate';
import { PROCEDURE_LIMITS } from './timeLimits';

function status(
  input: Partial<DeadlineInput> & Pick<DeadlineInput, 'procedure' | 'filedOn'>,
): DeadlineStatus {
  const r = computeDeadline({ asOf: input.filedOn, ...input });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
const due = (input: Partial<DeadlineInput> & Pick<DeadlineInput, 'procedure' | 'filedOn'>) =>
  status(input).dueDate;

const day = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') });
const dateArb = day.map(fromDayNumber);
const procArb = fc.constantFrom(...PROCEDURE_LIMITS.map((p) => p.code));
const suspArb = fc.array(
  fc
    .tuple(day, fc.integer({ min: 0, max: 120 }))
    .map(([a, n]): Suspension => ({ from: fromDayNumber(a), to: fromDayNumber(a + n) })),
  { maxLength: 4 },
);
const extArb = fc.array(
  fc.record({
    level: fc.constant('president' as const),
    months: fc.integer({ min: 0, max: 6 }),
    days: fc.integer({ min: 1, max: 30 }),
  }),
  { maxLength: 3 },
);
/** null (clock stopped) sorts after every date. */
const key = (d: string | null) => d ?? '9999-12-31';

describe('deadline properties', () => {
  it('a later filing date never gives an earlier due date', () => {
    fc.assert(
      fc.property(
        procArb,
        dateArb,
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 120 })), {
          maxLength: 4,
        }),
        extArb,
        (procedure, filedOn, step, offsets, extensions) => {
          // Suspensions happen during the case, so they start on or after both filing dates. (Held
          // fixed across an earlier filing they can make it due later: filed 01-11 with 21 days
          // suspended is due 03-03, filed 01-31 with 1 day suspended 03-01 — fast-check found it.)
          const later = addDays(filedOn, step);
          const suspensions = offsets.map(([off, n]): Suspension => ({
            from: addDays(later, off),
            to: addDays(later, off + n),
          }));
          const a = due({ procedure, filedOn, suspensions, extensions });
          const b = due({ procedure, filedOn: later, suspensions, extensions });
          expect(key(b) >= key(a)).toBe(true);
        },
      ),
    );
  });

  it('a longer or extra suspension never gives an earlier due date', () => {
    fc.assert(
      fc.property(
        procArb,
        dateArb,
        suspArb,
        fc.integer({ min: 1, max: 60 }),
        day,
        fc.boolean(),
        (procedure, filedOn, suspensions, more, extra, open) => {
          const a = due({ procedure, filedOn, suspensions });
          const longer = suspensions.map((s, i) =>
            i === 0 ? { from: s.from, to: open ? null : addDays(s.to!, more) } : s,
          );
          expect(key(due({ procedure, filedOn, suspensions: longer })) >= key(a)).toBe(true);
          const added = [...suspensions, { from: fromDayNumber(extra), to: fromDayNumber(extra + more) }];
          expect(key(due({ procedure, filedOn, suspensions: added })) >= key(a)).toBe(true);
        },
      ),
    );
  });

  it('an extension never shortens the limit', () => {
    fc.assert(
      fc.property(
        procArb,
        dateArb,
        suspArb,
        extArb,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 30 }),
        (procedure, filedOn, suspensions, extensions, months, days) => {
          const a = due({ procedure, filedOn, suspensions, extensions });
          const b = due({
            procedure,
            filedOn,
            suspensions,
            extensions: [...extensions, { level: 'president', months, days }],
          });
          expect(key(b) > key(a) || (a === null && b === null)).toBe(true);
        },
      ),
    );
  });

  it('elapsed + remaining is constant and the warning level follows the remaining days', () => {
    fc.assert(
      fc.property(
        procArb,
        dateArb,
        suspArb,
        fc.integer({ min: -30, max: 900 }),
        (procedure, filedOn, suspensions, offset) => {
          const s = status({ procedure, filedOn, suspensions, asOf: addDays(filedOn, offset) });
          const t = status({ procedure, filedOn, suspensions });
          expect(s.elapsedDays + s.remainingDays).toBe(t.remainingDays);
          expect(s.level).toBe(warningLevel(s.remainingDays));
          if (s.dueDate !== null && !s.clockStopped)
            expect(s.level === 'overdue').toBe(addDays(filedOn, offset) > s.dueDate);
        },
      ),
    );
  });

  it('warning levels switch exactly at 30, 15, 7 and below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        const expected = n < 0 ? 'overdue' : n <= 7 ? 'd7' : n <= 15 ? 'd15' : n <= 30 ? 'd30' : 'none';
        expect(warningLevel(n)).toBe(expected);
      }),
    );
  });
});
