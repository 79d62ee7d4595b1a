import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  mergeSuspensions,
  type DeadlineInput,
  type DeadlineStatus,
  type Extension,
  type Suspension,
  type WorkCalendar,
} from './deadlines';
import { PROCEDURE_LIMITS, parseTimeLimits, procedureLimit } from './timeLimits';

function status(
  input: Partial<DeadlineInput> & Pick<DeadlineInput, 'procedure' | 'filedOn'>,
): DeadlineStatus {
  const r = computeDeadline({ asOf: input.filedOn, ...input });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
const due = (input: Partial<DeadlineInput> & Pick<DeadlineInput, 'procedure' | 'filedOn'>) =>
  status(input).dueDate;
const weekends: WorkCalendar = {
  isNonWorkingDay: (d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
};

describe('reference data', () => {
  it('covers every procedure of docs/product-rules.md §4.5 with its statutory length', () => {
    const len = (code: string) => procedureLimit(code)?.base;
    expect(len('civilOrdinary')).toEqual({ months: 6, days: 0 }); // 民诉法 第一百五十二条
    expect(len('civilSummary')).toEqual({ months: 3, days: 0 }); // 第一百六十四条
    expect(len('civilSmallClaims')).toEqual({ months: 2, days: 0 }); // 第一百六十九条
    expect(len('civilAppealJudgment')).toEqual({ months: 3, days: 0 }); // 第一百八十三条
    expect(len('civilAppealRuling')).toEqual({ months: 0, days: 30 });
    expect(len('administrativeFirst')).toEqual({ months: 6, days: 0 }); // 行诉法 第八十一条
    expect(len('criminalFirst')).toEqual({ months: 2, days: 0 }); // 刑诉法 第二百零八条
    expect(len('criminalSummary')).toEqual({ months: 0, days: 20 }); // 刑诉法 第二百二十条
    expect(procedureLimit('criminalSummary')?.variants['sentenceOver3Years']).toEqual({
      months: 1,
      days: 15,
    });
    expect(len('enforcement')).toEqual({ months: 6, days: 0 }); // 法释〔2000〕29号 第五条
    expect(procedureLimit('nope')).toBeNull();
  });

  it('rejects malformed reference data with the offending path', () => {
    expect(() => parseTimeLimits({ procedures: [{ code: 'x' }] })).toThrow(/x\.family/);
    expect(() => parseTimeLimits({})).toThrow(/procedures/);
    const ok = PROCEDURE_LIMITS[0]!;
    const rawOk = { ...ok, monthRule: 'civil', base: { months: 1, days: 0 }, extensions: [], variants: {} };
    expect(() => parseTimeLimits({ procedures: [rawOk, rawOk] })).toThrow(/duplicate/);
    expect(() => parseTimeLimits({ procedures: [{ ...rawOk, base: { months: 0, days: 0 } }] })).toThrow(
      /empty/,
    );
  });
});

describe('due dates (hand-checked)', () => {
  it('does not count the filing day and ends month periods on the same day number', () => {
    expect(due({ procedure: 'civilSummary', filedOn: '2026-01-15' })).toBe('2026-04-15');
    // The SPC's own example: 二审立案 2014-05-28, three months → 2014-08-28.
    expect(due({ procedure: 'civilAppealJudgment', filedOn: '2014-05-28' })).toBe('2014-08-28');
    expect(due({ procedure: 'civilAppealRuling', filedOn: '2026-03-02' })).toBe('2026-04-01');
    expect(due({ procedure: 'criminalSummary', filedOn: '2026-03-02' })).toBe('2026-03-22');
    expect(due({ procedure: 'criminalExpedited', filedOn: '2026-03-02' })).toBe('2026-03-12');
  });

  it('clamps to the month end: filed 2026-08-31, six months → 2027-02-28 (民法典 第二百零二条)', () => {
    expect(due({ procedure: 'civilOrdinary', filedOn: '2026-08-31' })).toBe('2027-02-28');
    expect(due({ procedure: 'enforcement', filedOn: '2027-08-31' })).toBe('2028-02-29');
    expect(due({ procedure: 'civilSmallClaims', filedOn: '2026-12-31' })).toBe('2027-02-28');
  });

  it('counts criminal months from a month end to a month end, half a month as 15 days', () => {
    expect(due({ procedure: 'criminalFirst', filedOn: '2026-02-28' })).toBe('2026-04-30');
    expect(due({ procedure: 'civilSmallClaims', filedOn: '2026-02-28' })).toBe('2026-04-28');
    expect(due({ procedure: 'criminalSummary', filedOn: '2026-03-02', variant: 'sentenceOver3Years' })).toBe(
      '2026-04-17',
    );
  });

  it('adds extensions to the total counted from filing', () => {
    const ext: Extension = { level: 'president', months: 1, days: 0 };
    expect(due({ procedure: 'civilSummary', filedOn: '2026-01-15', extensions: [ext] })).toBe('2026-05-15');
    expect(due({ procedure: 'civilSmallClaims', filedOn: '2026-12-31', extensions: [ext] })).toBe(
      '2027-03-31',
    );
    const s = status({
      procedure: 'civilOrdinary',
      filedOn: '2026-08-31',
      extensions: [{ level: 'president', months: 6, days: 0 }],
    });
    expect(s.dueDate).toBe('2027-08-31');
    expect(s.baseDueDate).toBe('2027-02-28');
    expect(s.limit).toEqual({ months: 12, days: 0 });
  });

  it('deducts suspended days, merging overlaps and ignoring days before filing', () => {
    const base = { procedure: 'civilOrdinary', filedOn: '2026-03-02' } as const;
    expect(due(base)).toBe('2026-09-02');
    expect(due({ ...base, suspensions: [{ from: '2026-04-01', to: '2026-04-30' }] })).toBe('2026-10-02');
    const overlapping: Suspension[] = [
      { from: '2026-04-10', to: '2026-04-30' },
      { from: '2026-04-01', to: '2026-04-20' },
    ];
    expect(due({ ...base, suspensions: overlapping })).toBe('2026-10-02');
    expect(mergeSuspensions(overlapping)).toEqual([{ from: '2026-04-01', to: '2026-04-30' }]);
    expect(due({ ...base, suspensions: [{ from: '2026-02-01', to: '2026-03-02' }] })).toBe('2026-09-02');
    expect(due({ ...base, suspensions: [{ from: '2026-02-01', to: '2026-03-04' }] })).toBe('2026-09-04');
    expect(due({ ...base, suspensions: [{ from: '2026-09-02', to: '2026-09-02' }] })).toBe('2026-09-03');
    expect(due({ ...base, suspensions: [{ from: '2026-09-03', to: '2026-12-31' }] })).toBe('2026-09-02');
  });

  it('stops the clock during an open-ended suspension', () => {
    const s = status({
      procedure: 'civilOrdinary',
      filedOn: '2026-03-02',
      asOf: '2026-06-01',
      suspensions: [{ from: '2026-05-01', to: null }],
    });
    expect(s.dueDate).toBeNull();
    expect(s.clockStopped).toBe(true);
    expect(s.allowedDays).toBe(184);
    expect(s.elapsedDays).toBe(29 + 30); // 3 March–30 April
    expect(s.suspendedDays).toBe(32); // 1 May–1 June
    expect(s.remainingDays).toBe(184 - 59);
    const later = status({
      procedure: 'civilOrdinary',
      filedOn: '2026-03-02',
      asOf: '2026-04-01',
      suspensions: [{ from: '2026-05-01', to: null }],
    });
    expect(later.clockStopped).toBe(false);
    expect(later.dueDate).toBeNull();
  });

  it('rolls a due date off non-working days only where the data says so and a calendar is given', () => {
    expect(due({ procedure: 'civilSummary', filedOn: '2026-01-18' })).toBe('2026-04-18'); // a Saturday
    const s = status({
      procedure: 'civilSummary',
      filedOn: '2026-01-18',
      calendar: weekends,
      asOf: '2026-04-18',
    });
    expect(s.dueDate).toBe('2026-04-20');
    expect(s.rolledOverDays).toBe(2);
    expect(s.remainingDays).toBe(2);
    expect(due({ procedure: 'criminalFirst', filedOn: '2026-08-03', calendar: weekends })).toBe('2026-10-03');
  });
});

describe('elapsed, remaining and warning levels', () => {
  const at = (asOf: string) => status({ procedure: 'civilSummary', filedOn: '2026-01-15', asOf });
  it.each([
    ['2026-01-15', 90, 'none'],
    ['2026-03-15', 31, 'none'],
    ['2026-03-16', 30, 'd30'],
    ['2026-03-30', 16, 'd30'],
    ['2026-03-31', 15, 'd15'],
    ['2026-04-07', 8, 'd15'],
    ['2026-04-08', 7, 'd7'],
    ['2026-04-15', 0, 'd7'],
    ['2026-04-16', -1, 'overdue'],
  ])('as of %s: %d days left, %s', (asOf, remaining, level) => {
    const s = at(asOf);
    expect(s.remainingDays).toBe(remaining);
    expect(s.level).toBe(level);
    expect(s.elapsedDays + s.remainingDays).toBe(90);
  });

  it('reports extensions the procedure does not allow, without refusing to compute', () => {
    const issues = (extensions: Extension[]) =>
      status({ procedure: 'civilSummary', filedOn: '2026-01-15', extensions }).issues.map((i) => i.code);
    expect(issues([{ level: 'president', months: 1, days: 0 }])).toEqual([]);
    expect(issues([{ level: 'higherCourt', months: 1, days: 0 }])).toEqual(['extensionLevelNotAllowed']);
    expect(issues([{ level: 'president', months: 2, days: 0 }])).toEqual(['extensionTooLong']);
    expect(
      issues([
        { level: 'president', months: 1, days: 0 },
        { level: 'president', months: 1, days: 0 },
      ]),
    ).toEqual(['extensionTooMany']);
  });

  it.each([
    [{ procedure: 'bogus' }, 'unknownProcedure'],
    [{ variant: 'bogus' }, 'unknownVariant'],
    [{ filedOn: '2026-02-30' }, 'invalidDate'],
    [{ asOf: '26-01-01' }, 'invalidDate'],
    [{ suspensions: [{ from: '2026-05-02', to: '2026-05-01' }] }, 'invalidSuspension'],
    [{ suspensions: [{ from: 'x', to: null }] }, 'invalidDate'],
    [{ extensions: [{ level: 'president', months: -1, days: 0 }] }, 'invalidExtension'],
    [{ extensions: [{ level: 'president', months: 0, days: 0 }] }, 'invalidExtension'],
  ] as const)('returns a typed error for %j', (patch, code) => {
    const r = computeDeadline({
      procedure: 'civilSummary',
      filedOn: '2026-01-15',
      asOf: '2026-02-01',
      ...patch,
    } as DeadlineInput);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
});
