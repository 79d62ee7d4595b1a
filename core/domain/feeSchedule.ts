/**
 * The schedules of 《诉讼费用交纳办法》 (国务院令第481号) as data: loaded from
 * `resources/reference/feeSchedule.json` and checked once at load. Amounts here are in fen.
 */
import raw from '../../resources/reference/feeSchedule.json';

/** One rate band: the rate applies to the part of the amount above the previous limit up to `upToFen`. */
export interface RateBand {
  /** Upper limit of the band in fen; null for the last, open band. */
  readonly upToFen: number | null;
  /** Rate per 100,000 (2.5% = 2500). */
  readonly ratePer100k: number;
}

/** A progressive schedule (分段累计): a fixed amount up to a first limit, then rate bands. */
export interface ProgressiveSchedule {
  readonly firstUpToFen: number;
  readonly firstFixedFen: number;
  readonly bands: readonly RateBand[];
}

/** How a kind combines its fixed range and its schedule. */
export type FeeMode = 'schedule' | 'range' | 'rangePlusSchedule' | 'rangeOrSchedule';

/** One kind of fee (案件受理费 or 申请费) with its article. */
export interface FeeKindRule {
  readonly kind: string;
  readonly name: string;
  readonly nameEn: string;
  readonly article: string;
  readonly mode: FeeMode;
  /** Fixed amount per case, [min, max] in fen (equal when fixed). */
  readonly rangeFen: readonly [number, number] | null;
  readonly schedule: ProgressiveSchedule | null;
  /** Multiplier of the schedule as a fraction [numerator, denominator]. */
  readonly factor: readonly [number, number];
  readonly capFen: number | null;
  readonly amount: 'required' | 'optional' | 'ignored';
  /** Whether 第十五条/第十六条 halving applies (案件受理费 only). */
  readonly halvable: boolean;
}

const MODES: readonly string[] = ['schedule', 'range', 'rangePlusSchedule', 'rangeOrSchedule'];

function fail(message: string): never {
  throw new Error(`feeSchedule.json: ${message}`);
}

function obj(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${where} must be an object`);
  return v as Record<string, unknown>;
}

function yuan(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`${where} must be whole yuan ≥ 0`);
  return v * 100;
}

function parseSchedule(v: unknown, where: string): ProgressiveSchedule {
  const r = obj(v, where);
  const first = obj(r['first'], `${where}.first`);
  const firstUpToFen = yuan(first['upToYuan'], `${where}.first.upToYuan`);
  const bandsRaw = r['bands'];
  if (!Array.isArray(bandsRaw) || bandsRaw.length === 0) fail(`${where}.bands must be a non-empty array`);
  let previous = firstUpToFen;
  const bands = bandsRaw.map((b: unknown, i): RateBand => {
    const band = obj(b, `${where}.bands[${i}]`);
    const last = i === bandsRaw.length - 1;
    const upToFen =
      band['upToYuan'] === null ? null : yuan(band['upToYuan'], `${where}.bands[${i}].upToYuan`);
    if ((upToFen === null) !== last) fail(`${where}.bands: only the last band is open-ended`);
    if (upToFen !== null && upToFen <= previous)
      fail(`${where}.bands[${i}] must rise above ${previous / 100}`);
    previous = upToFen ?? previous;
    const rate = band['ratePer100k'];
    if (typeof rate !== 'number' || !Number.isInteger(rate) || rate <= 0 || rate > 100_000)
      fail(`${where}.bands[${i}].ratePer100k out of range`);
    return { upToFen, ratePer100k: rate };
  });
  return { firstUpToFen, firstFixedFen: yuan(first['fixedYuan'], `${where}.first.fixedYuan`), bands };
}

/** Checks and converts the raw JSON; throws with the offending path when it is malformed. */
export function parseFeeSchedule(data: unknown): FeeKindRule[] {
  const root = obj(data, 'root');
  const schedules = new Map<string, ProgressiveSchedule>();
  for (const [name, s] of Object.entries(obj(root['schedules'], 'schedules')))
    schedules.set(name, parseSchedule(s, `schedules.${name}`));
  const kinds = root['kinds'];
  if (!Array.isArray(kinds)) fail('kinds must be an array');
  const seen = new Set<string>();
  return kinds.map((k: unknown, i): FeeKindRule => {
    const r = obj(k, `kinds[${i}]`);
    const kind = r['kind'];
    if (typeof kind !== 'string' || kind.length === 0 || seen.has(kind))
      fail(`kinds[${i}].kind missing or duplicate`);
    seen.add(kind);
    const text = (key: string) =>
      typeof r[key] === 'string' && (r[key] as string).length > 0
        ? (r[key] as string)
        : fail(`${kind}.${key} must be a string`);
    const mode = text('mode');
    if (!MODES.includes(mode)) fail(`${kind}.mode: unknown ${mode}`);
    const needsRange = mode !== 'schedule';
    const needsSchedule = mode !== 'range';
    const rangeRaw = r['rangeYuan'];
    let rangeFen: [number, number] | null = null;
    if (needsRange) {
      if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2) fail(`${kind}.rangeYuan must be [min, max]`);
      rangeFen = [yuan(rangeRaw[0], `${kind}.rangeYuan[0]`), yuan(rangeRaw[1], `${kind}.rangeYuan[1]`)];
      if (rangeFen[0] > rangeFen[1]) fail(`${kind}.rangeYuan: min above max`);
    }
    let schedule: ProgressiveSchedule | null = null;
    if (needsSchedule) {
      schedule =
        schedules.get(text('schedule')) ?? fail(`${kind}.schedule: unknown ${String(r['schedule'])}`);
    }
    const f = r['factor'] ?? [1, 1];
    if (!Array.isArray(f) || f.length !== 2 || !f.every((x) => Number.isInteger(x) && x > 0))
      fail(`${kind}.factor must be [n, d]`);
    const amount = text('amount');
    if (amount !== 'required' && amount !== 'optional' && amount !== 'ignored')
      fail(`${kind}.amount: unknown ${amount}`);
    if (typeof r['halvable'] !== 'boolean') fail(`${kind}.halvable must be a boolean`);
    return {
      kind,
      name: text('name'),
      nameEn: text('nameEn'),
      article: text('article'),
      mode: mode as FeeMode,
      rangeFen,
      schedule,
      factor: [f[0] as number, f[1] as number],
      capFen: r['capYuan'] === undefined ? null : yuan(r['capYuan'], `${kind}.capYuan`),
      amount,
      halvable: r['halvable'],
    };
  });
}

/** Every fee kind of the reference schedule. */
export const FEE_KINDS: readonly FeeKindRule[] = parseFeeSchedule(raw);

/** A fee kind by its key (`property`, `divorce`, `enforcement` …), or null. */
export function feeKindRule(kind: string): FeeKindRule | null {
  return FEE_KINDS.find((k) => k.kind === kind) ?? null;
}
