import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEE_KINDS, parseFeeSchedule } from './feeSchedule';
import { calculateFee, formatFen, parseYuanToFen, type FeeInput, type FeeQuote } from './fees';

const Y = 100; // fen per yuan
function quote(input: FeeInput): FeeQuote {
  const r = calculateFee(input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
const fee = (kind: string, yuan: number | null, extra: Partial<FeeInput> = {}) =>
  quote({ kind, amountFen: yuan === null ? null : Math.round(yuan * Y), ...extra });

describe('property cases (第十三条第（一）项)', () => {
  it.each([
    [0, 50],
    [5_000, 50],
    [10_000, 50],
    [15_000, 175], // 50 + 5,000 × 2.5%
    [100_000, 2_300], // the example in issue 4: 50 + 90,000 × 2.5%
    [200_000, 4_300], // + 100,000 × 2%
    [500_000, 8_800], // + 300,000 × 1.5%
    [1_000_000, 13_800], // + 500,000 × 1%
    [2_000_000, 22_800], // + 1,000,000 × 0.9%
    [5_000_000, 46_800], // + 3,000,000 × 0.8%
    [10_000_000, 81_800], // + 5,000,000 × 0.7%
    [20_000_000, 141_800], // + 10,000,000 × 0.6%
    [30_000_000, 191_800], // + 10,000,000 × 0.5%
  ])('%d yuan → %d yuan', (amount, expected) => {
    const q = fee('property', amount);
    expect(q.maxFen).toBe(expected * Y);
    expect(q.minFen).toBe(expected * Y);
    expect(q.isRange).toBe(false);
  });

  it('halves in summary procedure (第十六条): 100,000 yuan → 1,150 yuan', () => {
    const q = fee('property', 100_000, { halving: ['summary'] });
    expect(q.maxFen).toBe(1_150 * Y);
    expect(q.fullMaxFen).toBe(2_300 * Y);
    expect(q.halved).toBe(true);
    expect(fee('property', 100_000, { halving: ['summary', 'mediation'] }).maxFen).toBe(1_150 * Y);
    expect(fee('labour', null, { halving: ['withdrawal'] }).maxFen).toBe(5 * Y);
  });

  it('shows one breakdown line per band reached', () => {
    const q = fee('property', 250_000);
    expect(q.lines.map((l) => [l.label, l.baseFen, l.ratePer100k, l.maxFen])).toEqual([
      ['不超过1万元的部分', 10_000 * Y, null, 50 * Y],
      ['超过1万元至10万元的部分', 90_000 * Y, 2500, 2_250 * Y],
      ['超过10万元至20万元的部分', 100_000 * Y, 2000, 2_000 * Y],
      ['超过20万元至50万元的部分', 50_000 * Y, 1500, 750 * Y],
    ]);
    expect(q.maxFen).toBe(5_050 * Y);
  });

  it('is exact to the fen and rounds half up once, or to the yuan on request', () => {
    // 50 + 2,345.67 × 2.5% = 108.64175 yuan.
    expect(quote({ kind: 'property', amountFen: 1_234_567 }).maxFen).toBe(10_864);
    expect(quote({ kind: 'property', amountFen: 1_234_567, rounding: 'yuan' }).maxFen).toBe(109 * Y);
    // 50 + 20 × 2.5% = 50.5 yuan: half up.
    expect(quote({ kind: 'property', amountFen: 1_002_000, rounding: 'yuan' }).maxFen).toBe(51 * Y);
    expect(quote({ kind: 'property', amountFen: 1_001_999, rounding: 'yuan' }).maxFen).toBe(50 * Y);
  });
});

describe('other schedules', () => {
  it('divorce: 50–300 yuan, plus 0.5% of property above 200,000 (第十三条第（二）项第1目)', () => {
    expect(fee('divorce', null)).toMatchObject({ minFen: 50 * Y, maxFen: 300 * Y, isRange: true });
    expect(fee('divorce', 200_000)).toMatchObject({ minFen: 50 * Y, maxFen: 300 * Y });
    expect(fee('divorce', 300_000)).toMatchObject({ minFen: 550 * Y, maxFen: 800 * Y });
  });

  it('personality rights: 100–500 yuan, plus 1% of damages 50k–100k and 0.5% above (第（二）项第2目)', () => {
    expect(fee('personality', null)).toMatchObject({ minFen: 100 * Y, maxFen: 500 * Y });
    expect(fee('personality', 50_000)).toMatchObject({ minFen: 100 * Y, maxFen: 500 * Y });
    expect(fee('personality', 150_000)).toMatchObject({ minFen: 850 * Y, maxFen: 1_250 * Y });
  });

  it('fixed and per-case kinds', () => {
    expect(fee('otherNonProperty', null)).toMatchObject({ minFen: 50 * Y, maxFen: 100 * Y });
    expect(fee('labour', 80_000)).toMatchObject({ minFen: 10 * Y, maxFen: 10 * Y });
    expect(fee('labour', 80_000).notes[0]).toMatch(/per case/);
    expect(fee('administrativeSpecial', null).maxFen).toBe(100 * Y);
    expect(fee('administrative', null).maxFen).toBe(50 * Y);
    expect(fee('jurisdictionObjection', null)).toMatchObject({ minFen: 50 * Y, maxFen: 100 * Y });
    expect(fee('publicNotice', null).maxFen).toBe(100 * Y);
    expect(fee('arbitrationReview', null).maxFen).toBe(400 * Y);
  });

  it('intellectual property: 500–1,000 yuan without an amount, the property rate with one (第（三）项)', () => {
    expect(fee('intellectualProperty', null)).toMatchObject({ minFen: 500 * Y, maxFen: 1_000 * Y });
    expect(fee('intellectualProperty', 100_000)).toMatchObject({ minFen: 2_300 * Y, maxFen: 2_300 * Y });
  });

  it('enforcement applications (第十四条第（一）项)', () => {
    expect(fee('enforcement', null)).toMatchObject({ minFen: 50 * Y, maxFen: 500 * Y });
    expect(fee('enforcement', 10_000).maxFen).toBe(50 * Y);
    expect(fee('enforcement', 100_000).maxFen).toBe(1_400 * Y); // 50 + 90,000 × 1.5%
    expect(fee('enforcement', 1_000_000).maxFen).toBe(12_400 * Y); // 50 + 490,000 × 1.5% + 500,000 × 1%
    expect(fee('enforcement', 20_000_000).maxFen).toBe(87_400 * Y); // … + 4.5M × 1% + 5M × 0.5% + 10M × 0.1%
  });

  it('preservation applications, capped at 5,000 yuan (第十四条第（二）项)', () => {
    expect(fee('preservation', null).maxFen).toBe(30 * Y);
    expect(fee('preservation', 800).maxFen).toBe(30 * Y);
    expect(fee('preservation', 100_000).maxFen).toBe(1_020 * Y); // 30 + 99,000 × 1%
    expect(fee('preservation', 896_000)).toMatchObject({ maxFen: 5_000 * Y, capped: false });
    expect(fee('preservation', 1_000_000)).toMatchObject({ maxFen: 5_000 * Y, capped: true });
  });

  it('payment order: one third of the property rate (第十四条第（三）项)', () => {
    expect(fee('paymentOrder', 100_000).maxFen).toBe(76_667); // 2,300 / 3 = 766.666…
    expect(fee('paymentOrder', 100_000, { rounding: 'yuan' }).maxFen).toBe(767 * Y);
    expect(fee('paymentOrder', 3_000).maxFen).toBe(1_667);
  });

  it('bankruptcy: half the property rate, at most 300,000 yuan (第十四条第（六）项)', () => {
    expect(fee('bankruptcy', 100_000_000).maxFen).toBe(270_900 * Y);
    expect(fee('bankruptcy', 200_000_000)).toMatchObject({ maxFen: 300_000 * Y, capped: true });
  });

  it.each([
    [{ kind: 'nope' }, 'unknownKind'],
    [{ kind: 'property' }, 'amountRequired'],
    [{ kind: 'paymentOrder', amountFen: null }, 'amountRequired'],
    [{ kind: 'property', amountFen: -1 }, 'invalidAmount'],
    [{ kind: 'property', amountFen: 1.5 }, 'invalidAmount'],
    [{ kind: 'enforcement', amountFen: 100, halving: ['summary'] }, 'halvingNotApplicable'],
  ] as const)('returns a typed error for %j', (input, code) => {
    const r = calculateFee(input as FeeInput);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('rejects malformed schedule data', () => {
    const kinds = [
      {
        kind: 'x',
        name: 'x',
        nameEn: 'x',
        article: 'x',
        mode: 'schedule',
        schedule: 's',
        amount: 'required',
        halvable: true,
      },
    ];
    const s = (bands: unknown) => ({
      schedules: { s: { first: { upToYuan: 10, fixedYuan: 1 }, bands } },
      kinds,
    });
    expect(() =>
      parseFeeSchedule(
        s([
          { upToYuan: 5, ratePer100k: 10 },
          { upToYuan: null, ratePer100k: 10 },
        ]),
      ),
    ).toThrow(/rise above/);
    expect(() => parseFeeSchedule(s([{ upToYuan: 50, ratePer100k: 10 }]))).toThrow(/open-ended/);
    expect(() => parseFeeSchedule(s([{ upToYuan: null, ratePer100k: 0 }]))).toThrow(/ratePer100k/);
    expect(() => parseFeeSchedule({ schedules: {}, kinds })).toThrow(/unknown s/);
  });

  it('formats and parses yuan amounts', () => {
    expect(formatFen(230_000)).toBe('2,300.00');
    expect(formatFen(76_667)).toBe('766.67');
    expect(formatFen(5)).toBe('0.05');
    expect(parseYuanToFen('100,000')).toBe(10_000_000);
    expect(parseYuanToFen(' 12.3 ')).toBe(1_230);
    expect(parseYuanToFen('12.345')).toBeNull();
    expect(parseYuanToFen('-1')).toBeNull();
  });
});

const amountKinds = FEE_KINDS.filter((k) => k.schedule !== null).map((k) => k.kind);
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.integer({ min: 0, max: 5_000_000_000_000 }),
);
/** Every band edge of every schedule, in fen. */
const edges = FEE_KINDS.flatMap((k) =>
  k.schedule
    ? [
        k.schedule.firstUpToFen,
        ...k.schedule.bands.flatMap((b) => (b.upToFen === null ? [] : [b.upToFen])),
      ].map((e) => [k.kind, e] as const)
    : [],
);

describe('fee properties', () => {
  it('never decreases as the amount grows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...amountKinds),
        amountArb,
        amountArb,
        fc.constantFrom('fen' as const, 'yuan' as const),
        (kind, a, b, rounding) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const qa = quote({ kind, amountFen: lo, rounding });
          const qb = quote({ kind, amountFen: hi, rounding });
          expect(qb.minFen).toBeGreaterThanOrEqual(qa.minFen);
          expect(qb.maxFen).toBeGreaterThanOrEqual(qa.maxFen);
        },
      ),
    );
  });

  it('has no jump at a band edge: one fen more costs at most one fen more', () => {
    expect(edges.length).toBeGreaterThan(15);
    for (const [kind, edge] of edges) {
      const at = fee(kind, edge / Y).maxFen;
      expect(fee(kind, (edge + 1) / Y).maxFen - at, `${kind} @ ${edge}`).toBeLessThanOrEqual(1);
      expect(at - fee(kind, (edge - 1) / Y).maxFen, `${kind} @ ${edge}`).toBeLessThanOrEqual(1);
    }
    fc.assert(
      fc.property(fc.constantFrom(...edges), fc.integer({ min: -1000, max: 1000 }), ([kind, edge], delta) => {
        const a = quote({ kind, amountFen: edge }).maxFen;
        const b = quote({ kind, amountFen: edge + delta }).maxFen;
        expect(Math.abs(b - a)).toBeLessThanOrEqual(Math.ceil(Math.abs(delta) * 0.025) + 1);
      }),
    );
  });

  it('summary procedure charges half the full fee (to the fen)', () => {
    const halvable = FEE_KINDS.filter((k) => k.halvable).map((k) => k.kind);
    fc.assert(
      fc.property(fc.constantFrom(...halvable), amountArb, (kind, amountFen) => {
        const full = quote({ kind, amountFen });
        const half = quote({ kind, amountFen, halving: ['summary'] });
        expect(Math.abs(2 * half.maxFen - full.maxFen)).toBeLessThanOrEqual(1);
        expect(Math.abs(2 * half.minFen - full.minFen)).toBeLessThanOrEqual(1);
        if (full.maxFen % 2 === 0) expect(2 * half.maxFen).toBe(full.maxFen);
      }),
    );
  });

  it('breakdown lines add up to the full fee within a fen per line', () => {
    fc.assert(
      fc.property(amountArb, (amountFen) => {
        const q = quote({ kind: 'property', amountFen });
        const sum = q.lines.reduce((s, l) => s + l.maxFen, 0);
        expect(Math.abs(sum - q.maxFen)).toBeLessThanOrEqual(q.lines.length);
        expect(q.lines.reduce((s, l) => s + (l.baseFen ?? 0), 0)).toBe(amountFen);
      }),
    );
  });
});
