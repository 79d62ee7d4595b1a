/**
 * Closing an enforcement case (结案) and the 实际执结率 the dashboard shows.
 *
 * 终结本次执行程序 may be ordered only when every condition of 最高人民法院关于严格规范终结本次执行
 * 程序的规定（试行）(法〔2016〕373号) 第一条 holds; {@link terminationConditions} checks those the
 * records can show (notice and report order, restriction of consumption, the network inquiries of
 * 第三条第一款第（二）项, three months since filing) and asks the officer to confirm the rest
 * (第一条第（五）项 and the applicant heard under 第五条).
 */
import { addMonths, compareDates, type PlainDate } from '../domain/plainDate';
import type { AssetKind, InquiryChannel, InquiryResult } from './assetControl';
import { measureInEffect, type Measure } from './measures';

/** The case types an enforcement officer works: first enforcement, resumed, preservation. */
export const ENFORCEMENT_CASE_TYPES: readonly string[] = ['执', '执恢', '执保'];

/** 执行完毕, 终结本次执行程序, 终结执行, 不予执行. */
export const CLOSING_MODES = ['performed', 'terminatedThisRound', 'terminated', 'notEnforced'] as const;
/** One of {@link CLOSING_MODES}. */
export type ClosingMode = (typeof CLOSING_MODES)[number];

/** The statements the officer confirms for 终本 (what no record shows). */
export const TERMINATION_CONFIRMATIONS = [
  'missingOrObstructionHandled',
  'applicantHeard',
  'foundAssetsUndisposable',
] as const;
/** One of {@link TERMINATION_CONFIRMATIONS}. */
export type TerminationConfirmation = (typeof TERMINATION_CONFIRMATIONS)[number];

/** Asset kinds the network inquiry must have covered (第三条第一款第（二）项: 存款、车辆、不动产、有价证券). */
export const REQUIRED_NETWORK_KINDS: readonly AssetKind[] = [
  'bankDeposit',
  'vehicle',
  'realEstate',
  'securities',
];

/** The conditions of 第一条. */
export type ConditionCode =
  | 'noticeAndReportOrder'
  | 'consumptionRestriction'
  | 'assetSearchExhausted'
  | 'threeMonths'
  | 'missingOrObstruction'
  | 'applicantHeard';

/** One condition and whether it holds. */
export interface ConditionResult {
  readonly code: ConditionCode;
  readonly met: boolean;
  /** The article it comes from. */
  readonly article: string;
  /** What is missing, when not met (bilingual). */
  readonly missing?: string;
}

/** What {@link terminationConditions} reads. */
export interface TerminationInput {
  readonly filingDate: PlainDate;
  readonly closingDate: PlainDate;
  readonly measures: readonly Measure[];
  readonly inquiries: readonly {
    readonly channel: InquiryChannel;
    readonly assetKind: AssetKind;
    readonly result: InquiryResult;
    readonly amountFound?: number;
  }[];
  /** The respondent is on the dishonest-debtor list, or the officer states the conditions for it are not met. */
  readonly dishonestListedOrNotApplicable: boolean;
  readonly confirmations: readonly TerminationConfirmation[];
}

function has(measures: readonly Measure[], kind: Measure['kind']): boolean {
  return measures.some((m) => m.kind === kind && measureInEffect(m));
}

/** Every condition of 第一条 for 终结本次执行程序, each met or not with what is missing. */
export function terminationConditions(input: TerminationInput): ConditionResult[] {
  const confirmed = (c: TerminationConfirmation) => input.confirmations.includes(c);
  const notice = has(input.measures, 'executionNotice') && has(input.measures, 'reportOrder');
  const restricted = has(input.measures, 'consumptionRestriction') && input.dishonestListedOrNotApplicable;
  const uncovered = REQUIRED_NETWORK_KINDS.filter(
    (k) =>
      !input.inquiries.some((q) => q.channel === 'network' && q.assetKind === k && q.result !== 'pending'),
  );
  const foundAssets = input.inquiries.some((q) => q.result === 'found' && (q.amountFound ?? 0) > 0);
  const exhausted = uncovered.length === 0 && (!foundAssets || confirmed('foundAssetsUndisposable'));
  const threeMonths = compareDates(input.closingDate, addMonths(input.filingDate, 3)) >= 0;
  return [
    {
      code: 'noticeAndReportOrder',
      met: notice,
      article: '第一条第（一）项',
      ...(notice
        ? {}
        : { missing: '未记录执行通知和报告财产令 (no execution notice and report order recorded)' }),
    },
    {
      code: 'consumptionRestriction',
      met: restricted,
      article: '第一条第（二）项',
      ...(restricted
        ? {}
        : {
            missing:
              '未经批准的限制消费令，或未处理失信名单 (no approved consumption restriction, or the dishonest list not considered)',
          }),
    },
    {
      code: 'assetSearchExhausted',
      met: exhausted,
      article: '第一条第（三）项、第三条',
      ...(exhausted
        ? {}
        : {
            missing:
              uncovered.length > 0
                ? `网络查控尚未查询：${uncovered.join('、')} (network inquiry missing for: ${uncovered.join(', ')})`
                : '发现的财产尚未处置 (assets found are not yet disposed of)',
          }),
    },
    {
      code: 'threeMonths',
      met: threeMonths,
      article: '第一条第（四）项',
      ...(threeMonths ? {} : { missing: '自立案之日起未满三个月 (less than three months since filing)' }),
    },
    {
      code: 'missingOrObstruction',
      met: confirmed('missingOrObstructionHandled'),
      article: '第一条第（五）项',
      ...(confirmed('missingOrObstructionHandled')
        ? {}
        : { missing: '未确认已查找下落不明的被执行人、已处理妨害执行行为 (not confirmed)' }),
    },
    {
      code: 'applicantHeard',
      met: confirmed('applicantHeard'),
      article: '第五条',
      ...(confirmed('applicantHeard')
        ? {}
        : { missing: '未确认已告知申请执行人并听取意见 (applicant not heard)' }),
    },
  ];
}

/** True when every condition of {@link terminationConditions} holds. */
export function mayTerminateThisRound(input: TerminationInput): boolean {
  return terminationConditions(input).every((c) => c.met);
}

/** A closed case as the rate reads it. */
export interface ClosedCase {
  readonly mode: ClosingMode;
  readonly closedOn: PlainDate;
}

/** 实际执结率 over a period. */
export interface ClosureRate {
  /** Cases closed in the period (every mode). */
  readonly closed: number;
  /** Of those, closed by performance (执行完毕). */
  readonly actual: number;
  /** actual / closed, or null when nothing closed. */
  readonly rate: number | null;
}

/**
 * 实际执结率 between `from` and `to` (inclusive): cases closed by 执行完毕 over every case closed
 * in the period; 终本, 终结 and 不予执行 count as closed but not as actually enforced.
 */
export function actualClosureRate(cases: readonly ClosedCase[], from: PlainDate, to: PlainDate): ClosureRate {
  const inPeriod = cases.filter(
    (c) => compareDates(c.closedOn, from) >= 0 && compareDates(c.closedOn, to) <= 0,
  );
  const actual = inPeriod.filter((c) => c.mode === 'performed').length;
  return { closed: inPeriod.length, actual, rate: inPeriod.length === 0 ? null : actual / inPeriod.length };
}
