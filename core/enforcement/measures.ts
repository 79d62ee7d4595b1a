/**
 * Enforcement measures (执行措施). Some are records of what the officer did (执行通知, 报告财产令);
 * the coercive ones need the court president's approval before they take effect — 限制消费令
 * (最高人民法院关于限制被执行人高消费及有关消费的若干规定 第四条), 限制出境, and fines and
 * detention (民事诉讼法 2021年修正 第一百一十八条: a fine on a person up to 100,000 yuan, on a unit
 * 50,000–1,000,000 yuan, detention up to 15 days; 第一百一十九条: fines and detention need the
 * president's approval).
 */
import { approvalState, type ApprovalState, type RecordApproval } from './approvals';

/** Kinds of measures. */
export const MEASURE_KINDS = [
  'executionNotice',
  'reportOrder',
  'consumptionRestriction',
  'exitRestriction',
  'fine',
  'detention',
] as const;
/** One of {@link MEASURE_KINDS}. */
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Measures that take effect only once a leader approves them. */
export const MEASURES_NEEDING_APPROVAL: readonly MeasureKind[] = [
  'consumptionRestriction',
  'exitRestriction',
  'fine',
  'detention',
];

/** Fine limits in yuan (第一百一十八条). */
export const FINE_LIMITS = {
  natural: { min: 0.01, max: 100_000 },
  legal: { min: 50_000, max: 1_000_000 },
} as const;
/** Longest detention in days (第一百一十八条). */
export const MAX_DETENTION_DAYS = 15;

/** A measure as the rules read it. */
export interface Measure {
  readonly kind: MeasureKind;
  readonly targetKind: 'natural' | 'legal';
  readonly amount?: number;
  readonly days?: number;
  readonly approval?: RecordApproval;
}

/** Where a measure stands: recorded (needs no approval), pending, approved, rejected. */
export type MeasureState = 'recorded' | ApprovalState;

/** True when a measure of `kind` needs a leader's approval. */
export function needsApproval(kind: MeasureKind): boolean {
  return MEASURES_NEEDING_APPROVAL.includes(kind);
}

/** The state of a measure. */
export function measureState(m: Measure): MeasureState {
  return needsApproval(m.kind) ? approvalState(m.approval) : 'recorded';
}

/** True when the measure is in effect (recorded, or approved). */
export function measureInEffect(m: Measure): boolean {
  const s = measureState(m);
  return s === 'recorded' || s === 'approved';
}

/** A problem of a measure: field and bilingual message. */
export interface MeasureIssue {
  readonly field: string;
  readonly zh: string;
  readonly en: string;
}

/** Every problem of the amounts and lengths of a measure (statutory limits of 第一百一十八条). */
export function measureIssues(m: Measure): MeasureIssue[] {
  const issues: MeasureIssue[] = [];
  if (m.kind === 'fine') {
    const limits = FINE_LIMITS[m.targetKind];
    const a = m.amount;
    if (typeof a !== 'number' || !Number.isFinite(a) || a < limits.min || a > limits.max) {
      issues.push(
        m.targetKind === 'natural'
          ? {
              field: 'amount',
              zh: '对个人的罚款为十万元以下',
              en: 'a fine on a person is at most 100,000 yuan',
            }
          : {
              field: 'amount',
              zh: '对单位的罚款为五万元以上一百万元以下',
              en: 'a fine on a unit is 50,000 to 1,000,000 yuan',
            },
      );
    }
  } else if (m.amount !== undefined) {
    issues.push({ field: 'amount', zh: '只有罚款有金额', en: 'only a fine has an amount' });
  }
  if (m.kind === 'detention') {
    if (m.targetKind !== 'natural')
      issues.push({
        field: 'targetKind',
        zh: '拘留只能针对自然人',
        en: 'only a natural person can be detained',
      });
    const d = m.days;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > MAX_DETENTION_DAYS)
      issues.push({ field: 'days', zh: '拘留期限为1至15日', en: 'detention is 1 to 15 days' });
  } else if (m.days !== undefined) {
    issues.push({ field: 'days', zh: '只有拘留有天数', en: 'only detention has days' });
  }
  if (m.approval && !needsApproval(m.kind))
    issues.push({ field: 'approval', zh: '此类措施无需审批', en: 'this kind of measure takes no approval' });
  return issues;
}
