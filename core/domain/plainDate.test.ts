import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateParts,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isLastDayOfMonth,
  isPlainDate,
  toDayNumber,
} from './plainDate';

/** Any real date from 1950 to 2100 as `YYYY-MM-DD`. */
const plainDateArb = fc
  .integer({ min: toDayNumber('1950-01-01'), max: toDayNumber('2100-12-31') })
  .map(fromDayNumber);

describe('plain dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    [20260101, false],
  ])('isPlainDate(%s) = %s', (value, ok) => {
    expect(isPlainDate(value)).toBe(ok);
  });

  it('counts days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(toDayNumber('1970-01-02')).toBe(1);
  });

  it('ends month periods on the same day number, or the month end (民法典 第二百零二条)', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2014-05-28', 3)).toBe('2014-08-28');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });

  it('ends a criminal month period begun on a month end on the final month end (刑诉法解释)', () => {
    expect(addMonths('2026-02-28', 1, 'criminal')).toBe('2026-03-31');
    expect(addMonths('2026-04-30', 2, 'criminal')).toBe('2026-06-30');
    expect(addMonths('2026-01-30', 1, 'criminal')).toBe('2026-02-28');
    expect(addMonths('2026-03-15', 2, 'criminal')).toBe('2026-05-15');
  });

  it('property: day numbers round-trip and adding days is additive', () => {
    fc.assert(
      fc.property(plainDateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it('property: addMonths lands in the right month on the same day or that month’s last day', () => {
    fc.assert(
      fc.property(
        plainDateArb,
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('civil' as const, 'criminal' as const),
        (d, n, rule) => {
          const start = dateParts(d)!;
          const end = dateParts(addMonths(d, n, rule))!;
          expect(end.year * 12 + end.month - (start.year * 12 + start.month)).toBe(n);
          const last = daysInMonth(end.year, end.month);
          if (rule === 'criminal' && isLastDayOfMonth(d)) expect(end.day).toBe(last);
          else expect(end.day).toBe(Math.min(start.day, last));
        },
      ),
    );
  });

  it('property: addMonths never goes backwards when the start moves forward', () => {
    fc.assert(
      fc.property(
        plainDateArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 36 }),
        fc.constantFrom('civil' as const, 'criminal' as const),
        (d, step, n, rule) => {
          expect(addMonths(addDays(d, step), n, rule) >= addMonths(d, n, rule)).toBe(true);
        },
      ),
    );
  });
});
