/**
 * The enforcement records (courtdesk_enforcement, docs/enforcement.md), each pointing at its
 * enforcement case (`caseId`, a 执/执恢/执保 case in courtdesk_cases):
 * - `assetInquiry`: one 总对总/点对点 inquiry of one asset kind, its result and the controls
 *   (freeze, seizure, deduction) with their dates; a freeze or seizure longer than the statutory
 *   period is refused here, so also by the server;
 * - `enforcementAction`: a measure; coercive ones carry a leader's `approval`;
 * - `enforcementPayment`: money received or disbursed, written once (a correction is a new entry);
 * - `enforcementClosing`: how the case closed, one per case (id derived from the case), approved
 *   by a leader.
 * Who may write what is checked by the design document (roles, approval by leaders only).
 */
import {
  ASSET_KINDS,
  CONTROL_KINDS,
  INQUIRY_CHANNELS,
  INQUIRY_RESULTS,
  controlIssues,
  type AssetControl,
  type AssetKind,
} from '../enforcement/assetControl';
import { CLOSING_MODES, TERMINATION_CONFIRMATIONS } from '../enforcement/closing';
import { PAYMENT_DIRECTIONS, PAYMENT_SOURCES } from '../enforcement/ledger';
import { MEASURE_KINDS, measureIssues, type Measure } from '../enforcement/measures';
import type { CollectionSchema } from './collection';
import { approvalField, nest, yuan } from './enforcementFields';
import { isRecord, IssueList, type Fields } from './fields';

function release(l: IssueList, c: Fields): void {
  const r = c['release'];
  if (r === undefined) return;
  if (!isRecord(r)) {
    l.add('release', '解除记录格式无效', 'release must be { on, rulingNo, reason, by }');
    return;
  }
  const rl = new IssueList();
  rl.date(r, 'on');
  rl.text(r, 'rulingNo', 100);
  rl.text(r, 'reason', 2_000);
  rl.text(r, 'by', 64);
  nest(l, 'release', rl);
}

/**
 * The id of a new record of a case: `<type>:<case id>:<uuid>` (e.g.
 * `assetInquiry:case:<case uuid>:<uuid>`), so a case's records are one range of ids. Records written
 * before per-case ids are `<type>:<uuid>` and stay valid (docs/enforcement.md "Per-case reads").
 */
export function caseRecordId(type: string, caseId: string, uuid: string): string {
  return `${type}:${caseId}:${uuid}`;
}

/** A record whose id is scoped to a case (`<type>:case:…`) must name its own case there. */
function caseScopedId(l: IssueList, d: Fields): void {
  const id = d['_id'];
  const type = d['type'];
  const caseId = d['caseId'];
  if (typeof id !== 'string' || typeof type !== 'string' || !id.startsWith(`${type}:case:`)) return;
  if (typeof caseId !== 'string' || !id.startsWith(`${type}:${caseId}:`))
    l.add('_id', '记录编号与所属案件不符', '_id must be <type>:<caseId>:<uuid> for its own case');
}

function controls(l: IssueList, d: Fields): void {
  const list = d['controls'];
  if (list === undefined) return;
  if (!Array.isArray(list) || list.length > 200) {
    l.add('controls', '控制措施格式无效', 'controls must be a list (at most 200)');
    return;
  }
  list.forEach((c: unknown, i) => {
    const f = `controls[${i}]`;
    if (!isRecord(c)) {
      l.add(f, '控制措施格式无效', 'a control must be an object');
      return;
    }
    const cl = new IssueList();
    cl.oneOf(c, 'kind', CONTROL_KINDS);
    cl.date(c, 'date');
    yuan(cl, c, 'amount', { optional: true });
    cl.date(c, 'expiresOn', { optional: true });
    cl.date(c, 'releasedOn', { optional: true });
    cl.text(c, 'documentNo', 100, { optional: true });
    release(cl, c);
    const renews = c['renews'];
    if (renews !== undefined && (typeof renews !== 'number' || !Number.isInteger(renews) || renews < 0))
      cl.add('renews', 'renews 必须是此前措施的序号', 'renews must be the index of an earlier control');
    nest(l, f, cl);
  });
  if (
    l.issues.length > 0 ||
    typeof d['assetKind'] !== 'string' ||
    !(ASSET_KINDS as readonly string[]).includes(d['assetKind'])
  )
    return;
  const typed = list as AssetControl[];
  typed.forEach((_, i) => {
    for (const issue of controlIssues(d['assetKind'] as AssetKind, typed, i))
      l.issues.push({ field: `controls[${i}]`, message: issue.message });
  });
}

/** Schema of `assetInquiry` documents (财产查控记录). */
export const assetInquirySchema: CollectionSchema = {
  type: 'assetInquiry',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'caseId', 'case:');
    caseScopedId(l, d);
    l.oneOf(d, 'channel', INQUIRY_CHANNELS);
    l.oneOf(d, 'assetKind', ASSET_KINDS);
    l.text(d, 'institution', 200);
    l.date(d, 'requestDate');
    l.oneOf(d, 'result', INQUIRY_RESULTS);
    l.date(d, 'resultDate', { optional: true });
    if (d['amountFound'] !== undefined && d['amountFound'] !== 0) yuan(l, d, 'amountFound');
    l.text(d, 'note', 2_000, { optional: true });
    if (d['result'] === 'pending' && Array.isArray(d['controls']) && d['controls'].length > 0)
      l.add('controls', '查询结果未回复前不能采取控制措施', 'controls need an inquiry result first');
    controls(l, d);
    return l.issues;
  },
};

/** Schema of `enforcementAction` documents (执行措施). */
export const enforcementActionSchema: CollectionSchema = {
  type: 'enforcementAction',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'caseId', 'case:');
    caseScopedId(l, d);
    l.oneOf(d, 'kind', MEASURE_KINDS);
    l.text(d, 'proposedBy', 64, { optional: true });
    l.text(d, 'target', 200);
    l.oneOf(d, 'targetKind', ['natural', 'legal']);
    l.date(d, 'decidedOn');
    l.text(d, 'reason', 2_000);
    if (d['amount'] !== undefined) yuan(l, d, 'amount');
    approvalField(l, d);
    if (l.issues.length === 0) {
      for (const issue of measureIssues(d as unknown as Measure)) l.add(issue.field, issue.zh, issue.en);
    }
    return l.issues;
  },
};

/** Schema of `enforcementPayment` documents (执行款到账与发放). */
export const enforcementPaymentSchema: CollectionSchema = {
  type: 'enforcementPayment',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'caseId', 'case:');
    caseScopedId(l, d);
    l.oneOf(d, 'direction', PAYMENT_DIRECTIONS);
    yuan(l, d, 'amount');
    l.date(d, 'date');
    l.text(d, 'party', 200);
    if (d['direction'] === 'received') l.oneOf(d, 'source', PAYMENT_SOURCES);
    else if (d['source'] !== undefined)
      l.add('source', '发放记录没有款项来源', 'a disbursement has no source');
    l.text(d, 'note', 2_000, { optional: true });
    return l.issues;
  },
};

/** The id of a case's closing record: `enforcementClosing:<case uuid>`. */
export function closingId(caseId: string): string {
  return `enforcementClosing:${caseId.slice(caseId.indexOf(':') + 1)}`;
}

/** Schema of `enforcementClosing` documents (结案). */
export const enforcementClosingSchema: CollectionSchema = {
  type: 'enforcementClosing',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'caseId', 'case:');
    if (typeof d['caseId'] === 'string' && d['_id'] !== closingId(d['caseId']))
      l.add('_id', '结案记录编号必须由案件编号得出', '_id must be enforcementClosing:<case uuid>');
    l.oneOf(d, 'mode', CLOSING_MODES);
    l.text(d, 'proposedBy', 64, { optional: true });
    l.date(d, 'closedOn');
    l.text(d, 'reason', 2_000);
    const conf = d['confirmations'];
    if (
      conf !== undefined &&
      (!Array.isArray(conf) ||
        !conf.every((c) => (TERMINATION_CONFIRMATIONS as readonly unknown[]).includes(c)))
    )
      l.add(
        'confirmations',
        '确认事项无效',
        `confirmations must be among ${TERMINATION_CONFIRMATIONS.join(', ')}`,
      );
    approvalField(l, d);
    return l.issues;
  },
};
