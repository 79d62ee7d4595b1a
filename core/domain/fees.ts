/**
 * Litigation fee calculator for 《诉讼费用交纳办法》 (国务院令第481号): 案件受理费 (第十三条) and
 * 申请费 (第十四条), halved for summary procedure (第十六条) or for mediation and withdrawal
 * (第十五条). Money is integer fen. Arithmetic is exact (BigInt over a common denominator) and
 * rounded once at the end, half up, to the fen by default: the 办法 fixes rates but no rounding
 * rule, and the fen is the smallest unit that can be paid. `rounding: 'yuan'` serves courts whose
 * cashier rounds to the yuan. Schedules given as ranges (离婚 50–300 元 …) come back as a range,
 * because the province fixes the amount within it (第十三条 last paragraph).
 */
import { feeKindRule, type FeeKindRule, type ProgressiveSchedule } from './feeSchedule';

/** Why a fee is halved: 简易程序 (第十六条), 调解结案 or 撤诉 (第十五条). */
export type Halving = 'summary' | 'mediation' | 'withdrawal';

/** Rounding of the payable amount. */
export type FeeRounding = 'fen' | 'yuan';

/** What {@link calculateFee} needs. */
export interface FeeInput {
  /** Fee kind from feeSchedule.json: `property`, `divorce`, `enforcement`, `preservation` … */
  readonly kind: string;
  /**
   * Claim, property, damages, enforcement or preserved amount in fen, where the kind uses one.
   * `null`/absent means "no amount" (the per-case range applies); 0 is an amount, so the fee never
   * drops when an amount grows from 0 to 1 fen (found by the monotonicity property test).
   */
  readonly amountFen?: number | null;
  readonly halving?: readonly Halving[];
  readonly rounding?: FeeRounding;
}

/** One line of the breakdown, before factor, cap and halving; amounts rounded to the fen. */
export interface FeeLine {
  readonly label: string;
  readonly labelEn: string;
  /** Part of the amount charged on this line (null for a per-case amount). */
  readonly baseFen: number | null;
  /** Rate per 100,000 (2.5% = 2500), or null for a fixed amount. */
  readonly ratePer100k: number | null;
  readonly minFen: number;
  readonly maxFen: number;
}

/** A computed fee. */
export interface FeeQuote {
  readonly rule: FeeKindRule;
  readonly lines: readonly FeeLine[];
  /** Fee before halving (after factor and cap), rounded. */
  readonly fullMinFen: number;
  readonly fullMaxFen: number;
  /** Amount payable, rounded. Equal to the max when the schedule is not a range. */
  readonly minFen: number;
  readonly maxFen: number;
  readonly isRange: boolean;
  readonly halved: boolean;
  readonly capped: boolean;
  readonly rounding: FeeRounding;
  /** Plain-language notes (Chinese with English in brackets) for the fee screen. */
  readonly notes: readonly string[];
}

/** Why no fee could be computed. */
export interface FeeError {
  readonly code: 'unknownKind' | 'amountRequired' | 'invalidAmount' | 'halvingNotApplicable';
  readonly message: string;
}

/** Either a quote or the reason there is none; never throws. */
export type FeeResult =
  { readonly ok: true; readonly value: FeeQuote } | { readonly ok: false; readonly error: FeeError };

const SCALE = 100_000n;

function yuanLabel(fen: number): string {
  const yuan = fen / 100;
  return yuan >= 10_000 && yuan % 10_000 === 0 ? `${yuan / 10_000}万元` : `${yuan}元`;
}

/** Rounds num/den (fen) half up to the fen, or to whole yuan. */
function round(num: bigint, den: bigint, rounding: FeeRounding): number {
  const unit = rounding === 'yuan' ? 100n : 1n;
  return Number(((2n * num + unit * den) / (2n * unit * den)) * unit);
}

/**
 * Fee on `amountFen` under a progressive schedule (分段累计, 第十三条第（一）项), as an exact
 * numerator over 100,000 fen, with one display line per band the amount reaches.
 */
export function progressiveFee(
  schedule: ProgressiveSchedule,
  amountFen: number,
): { numerator: bigint; lines: FeeLine[] } {
  const amount = BigInt(amountFen);
  const first = BigInt(schedule.firstUpToFen);
  const lines: FeeLine[] = [];
  let numerator = BigInt(schedule.firstFixedFen) * SCALE;
  if (schedule.firstFixedFen > 0) {
    lines.push({
      label: `不超过${yuanLabel(schedule.firstUpToFen)}的部分`,
      labelEn: `up to ${schedule.firstUpToFen / 100} yuan`,
      baseFen: Number(amount < first ? amount : first),
      ratePer100k: null,
      minFen: schedule.firstFixedFen,
      maxFen: schedule.firstFixedFen,
    });
  }
  let lower = first;
  for (const band of schedule.bands) {
    if (amount <= lower) break;
    const upper = band.upToFen === null ? amount : BigInt(band.upToFen);
    const base = (amount < upper ? amount : upper) - lower;
    const part = base * BigInt(band.ratePer100k);
    numerator += part;
    const fee = round(part, SCALE, 'fen');
    const from = yuanLabel(Number(lower));
    lines.push({
      label: band.upToFen === null ? `超过${from}的部分` : `超过${from}至${yuanLabel(band.upToFen)}的部分`,
      labelEn:
        band.upToFen === null
          ? `over ${Number(lower) / 100} yuan`
          : `over ${Number(lower) / 100} up to ${band.upToFen / 100} yuan`,
      baseFen: Number(base),
      ratePer100k: band.ratePer100k,
      minFen: fee,
      maxFen: fee,
    });
    lower = upper;
  }
  return { numerator, lines };
}

function fail(code: FeeError['code'], message: string): FeeResult {
  return { ok: false, error: { code, message } };
}

/** Computes a litigation or application fee with its breakdown. */
export function calculateFee(input: FeeInput): FeeResult {
  const rule = feeKindRule(input.kind);
  if (!rule) return fail('unknownKind', `未知的收费类别 (unknown fee kind: ${input.kind})`);
  const amount = input.amountFen ?? null;
  if (amount !== null && (!Number.isSafeInteger(amount) || amount < 0))
    return fail('invalidAmount', '金额应为不小于0的整数（分） (amount must be whole fen ≥ 0)');
  if (rule.amount === 'required' && amount === null)
    return fail('amountRequired', `${rule.name}须填写金额 (${rule.nameEn} needs an amount)`);
  const halving = input.halving ?? [];
  if (halving.length > 0 && !rule.halvable)
    return fail(
      'halvingNotApplicable',
      `${rule.name}不适用减半交纳 (halving applies to case acceptance fees only)`,
    );
  const rounding = input.rounding ?? 'fen';
  const notes: string[] = [];
  if (rule.amount === 'ignored' && amount !== null)
    notes.push('该类案件按件交纳，与金额无关 (charged per case, whatever the amount)');

  const useSchedule =
    rule.mode === 'schedule' ||
    rule.mode === 'rangePlusSchedule' ||
    (rule.mode === 'rangeOrSchedule' && amount !== null);
  const useRange =
    rule.mode === 'range' ||
    rule.mode === 'rangePlusSchedule' ||
    (rule.mode === 'rangeOrSchedule' && !useSchedule);
  const lines: FeeLine[] = [];
  let minNum = 0n;
  let maxNum = 0n;
  if (useRange && rule.rangeFen) {
    const [lo, hi] = rule.rangeFen;
    lines.push({
      label: '每件',
      labelEn: 'per case',
      baseFen: null,
      ratePer100k: null,
      minFen: lo,
      maxFen: hi,
    });
    minNum += BigInt(lo) * SCALE;
    maxNum += BigInt(hi) * SCALE;
  }
  if (useSchedule && rule.schedule) {
    const p = progressiveFee(rule.schedule, amount ?? 0);
    lines.push(...p.lines);
    minNum += p.numerator;
    maxNum += p.numerator;
  }
  const [n, d] = rule.factor;
  let den = SCALE * BigInt(d);
  minNum *= BigInt(n);
  maxNum *= BigInt(n);
  if (n !== d) notes.push(`按财产案件标准的${n}/${d}交纳 (${n}/${d} of the property-case rate)`);
  let capped = false;
  if (rule.capFen !== null) {
    const cap = BigInt(rule.capFen) * den;
    if (maxNum > cap) capped = true;
    if (minNum > cap) minNum = cap;
    if (maxNum > cap) maxNum = cap;
    if (capped) notes.push(`最高不超过${yuanLabel(rule.capFen)} (capped at ${rule.capFen / 100} yuan)`);
  }
  const fullMinFen = round(minNum, den, rounding);
  const fullMaxFen = round(maxNum, den, rounding);
  const halved = halving.length > 0;
  if (halved) {
    // 第十五条 and 第十六条 each halve the fee; where both apply the fee is halved once (our reading).
    den *= 2n;
    notes.push(`减半交纳（${halving.includes('summary') ? '第十六条' : '第十五条'}） (halved)`);
  }
  const minFen = round(minNum, den, rounding);
  const maxFen = round(maxNum, den, rounding);
  return {
    ok: true,
    value: {
      rule,
      lines,
      fullMinFen,
      fullMaxFen,
      minFen,
      maxFen,
      isRange: minFen !== maxFen,
      halved,
      capped,
      rounding,
      notes,
    },
  };
}

/** Formats fen as yuan with two decimals and thousands separators: 230000 → "2,300.00". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses a yuan amount typed by a clerk ("100000", "1,234.5", "12.34") into fen, or null. */
export function parseYuanToFen(text: string): number | null {
  const m = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，]/g, ''));
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}
