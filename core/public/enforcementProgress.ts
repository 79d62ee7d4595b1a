/**
 * Enforcement progress as the public sees it (SPEC §4.6): dated steps with fixed labels and the
 * amount recovered, from the records of courtdesk_enforcement (core/schemas/enforcement.ts). Who
 * or what was targeted, institutions, account details and notes are never projected; a measure
 * or closing that needs a leader's approval counts only once approved.
 */
import { approvalState, measureInEffect, toFen, type Measure, type RecordApproval } from '../enforcement';
import { isPlainDate } from '../domain/plainDate';
import { CLOSING_LABELS, CONTROL_LABELS, labelOf, MEASURE_LABELS } from './publicLabels';
import type { PublicCaseDoc } from './publicDocs';

type Rec = Readonly<Record<string, unknown>>;
type Step = { on: string; label: string };

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stepsOfInquiry(d: Rec): Step[] {
  const out: Step[] = [];
  if (isPlainDate(d['requestDate'])) out.push({ on: d['requestDate'], label: '查询被执行人财产' });
  const controls = Array.isArray(d['controls']) ? (d['controls'] as unknown[]) : [];
  for (const c of controls) {
    if (!isRec(c) || !isPlainDate(c['date'])) continue;
    const label = labelOf(CONTROL_LABELS, c['kind']);
    if (label) out.push({ on: c['date'], label });
  }
  return out;
}

function stepsOf(d: Rec): Step[] {
  switch (d['type']) {
    case 'assetInquiry':
      return stepsOfInquiry(d);
    case 'enforcementAction': {
      const label = labelOf(MEASURE_LABELS, d['kind']);
      if (!label || !isPlainDate(d['decidedOn'])) return [];
      return measureInEffect(d as unknown as Measure) ? [{ on: d['decidedOn'], label }] : [];
    }
    case 'enforcementPayment':
      if (!isPlainDate(d['date'])) return [];
      if (d['direction'] === 'received') return [{ on: d['date'], label: '执行款到账' }];
      return d['direction'] === 'disbursed' ? [{ on: d['date'], label: '执行款发放' }] : [];
    case 'enforcementClosing': {
      const label = labelOf(CLOSING_LABELS, d['mode']);
      const approved = approvalState(d['approval'] as RecordApproval | undefined) === 'approved';
      return label && approved && isPlainDate(d['closedOn']) ? [{ on: d['closedOn'], label }] : [];
    }
    default:
      return [];
  }
}

/** The public enforcement progress of a case from its enforcement records (untrusted JSON). */
export function enforcementProgress(records: readonly unknown[]): NonNullable<PublicCaseDoc['enforcement']> {
  const steps: Step[] = [];
  let recoveredFen = 0;
  const seen = new Set<string>();
  for (const r of records) {
    if (!isRec(r) || r['_deleted'] === true) continue;
    const id = typeof r['_id'] === 'string' ? r['_id'] : '';
    if (id && seen.has(id)) continue;
    seen.add(id);
    steps.push(...stepsOf(r));
    const amount = r['amount'];
    if (r['type'] === 'enforcementPayment' && r['direction'] === 'received' && typeof amount === 'number')
      if (Number.isFinite(amount) && amount > 0) recoveredFen += toFen(amount);
  }
  steps.sort((a, b) =>
    a.on < b.on ? -1 : a.on > b.on ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0,
  );
  return { steps, recoveredFen };
}
