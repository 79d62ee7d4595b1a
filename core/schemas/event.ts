/**
 * `event` documents (courtdesk_cases): append-only process history of a case (docs/product-rules.md §2.3):
 * each node (service, hearing scheduled, suspension …) is its own document.
 *
 * Version 2 aligns the schema with the reader (core/domain/processEventDocs.ts): kinds are
 * {@link PROCESS_EVENT_KINDS} and the kind's fields live in `data`, checked by the reader itself,
 * so a document this schema accepts always folds, and a `data`-shaped document the reader can use
 * is accepted — except that the fields the trial-quality indicators read (an appeal's route,
 * outcome, decidedOn and appealOf; a closing's amountRecovered) are checked strictly, since the
 * tolerant reader would fold a malformed one as "not given". Version 1 (kind aliases such as `hearing`/`closing`, fields at the top level, as in
 * the old demo data) is migrated by moving those fields into `data`.
 */
import { parseEventDoc } from '../domain/processEventDocs';
import { isPlainDate } from '../domain/plainDate';
import { APPEAL_OUTCOMES, PROCESS_EVENT_KINDS } from '../domain/processEvents';
import type { CollectionSchema } from './collection';
import { isRecord, IssueList, type Fields } from './fields';

/** Process node kinds (docs/product-rules.md §4.4); the same list the fold understands. */
export const EVENT_KINDS = PROCESS_EVENT_KINDS;

const ALIASES: Readonly<Record<string, string>> = {
  filing: 'filed',
  suspension: 'suspended',
  closing: 'closed',
  extension: 'extensionRequested',
  hearing: 'hearingScheduled',
};

/** Per kind: the `data` field and the (older) top-level names it may come from. */
const DATA_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  service: { method: ['method'], recipient: ['recipient'], date: ['date', 'servedOn'] },
  hearingScheduled: {
    startsAt: ['startsAt', 'hearingAt'],
    endsAt: ['endsAt'],
    courtroom: ['courtroom'],
    hearingId: ['hearingId'],
    judge: ['judge'],
  },
  hearingHeld: { hearingId: ['hearingId'], date: ['date'] },
  suspended: { from: ['from', 'startDate'], to: ['to', 'endDate'], reason: ['reason'] },
  resumed: { date: ['date'] },
  extensionRequested: { level: ['level'], months: ['months'], days: ['days'], reason: ['reason'] },
  mediation: { outcome: ['outcome'], date: ['date'] },
  closed: {
    disposition: ['disposition'],
    method: ['method'],
    date: ['date', 'closedOn'],
    amountRecovered: ['amountRecovered'],
  },
  appeal: {
    date: ['date'],
    appellant: ['appellant'],
    route: ['route'],
    outcome: ['outcome'],
    decidedOn: ['decidedOn'],
    appealOf: ['appealOf'],
  },
};

function migrateV1(doc: Fields): Record<string, unknown> {
  const raw = doc['kind'];
  const kind =
    typeof raw === 'string' && Object.prototype.hasOwnProperty.call(ALIASES, raw) ? ALIASES[raw] : raw;
  const out: Record<string, unknown> = { ...doc, kind, schemaVersion: 2 };
  if (out['at'] === undefined && typeof doc['createdAt'] === 'string') out['at'] = doc['createdAt'];
  const fields = typeof kind === 'string' ? DATA_FIELDS[kind] : undefined;
  if (!fields) return out;
  const data: Record<string, unknown> = isRecord(doc['data']) ? { ...doc['data'] } : {};
  for (const [name, sources] of Object.entries(fields)) {
    for (const s of sources) {
      if (doc[s] === undefined) continue;
      if (data[name] === undefined) data[name] = doc[s];
      delete out[s];
    }
  }
  if (Object.keys(data).length > 0) out['data'] = data;
  return out;
}

/** Schema of `event` documents. */
export const eventSchema: CollectionSchema = {
  type: 'event',
  version: 2,
  richTextFields: [],
  migrations: { 1: migrateV1 },
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'caseId', 'case:');
    l.oneOf(d, 'kind', EVENT_KINDS);
    l.time(d, 'at');
    l.text(d, 'note', 5_000, { optional: true });
    if (d['data'] !== undefined && !isRecord(d['data']))
      l.add('data', 'data 必须是对象', 'data must be an object');
    if (
      typeof d['_id'] === 'string' &&
      typeof d['caseId'] === 'string' &&
      !d['_id'].startsWith(`event:${d['caseId']}:`)
    ) {
      l.add('_id', '文档编号与所属案件不符', '_id must start with "event:<caseId>:"');
    }
    if (l.issues.length > 0) return l.issues;
    // The kind's fields are read from `data` only, by the same reader the fold uses.
    const view = {
      _id: d['_id'],
      caseId: d['caseId'],
      kind: d['kind'],
      at: d['at'],
      createdBy: d['createdBy'],
      data: d['data'] ?? {},
    };
    const parsed = parseEventDoc(view);
    if (!parsed.ok)
      l.add('data', `流程节点数据无效：${parsed.reason}`, `invalid event data: ${parsed.reason}`);
    else if (isRecord(d['data'])) checkIndicatorFields(l, d['kind'], d['data'], d['caseId'], d['_id']);
    return l.issues;
  },
};

/**
 * The fields trial-quality indicators read (发回改判率, 服判息诉率, 执行到位金额) are checked strictly:
 * the tolerant reader would fold a malformed one as "not given" and the figure would silently drop it.
 */
function checkIndicatorFields(l: IssueList, kind: unknown, data: Fields, caseId: unknown, id: unknown): void {
  if (kind === 'closed' && data['amountRecovered'] !== undefined && data['amountRecovered'] !== null) {
    const a = data['amountRecovered'];
    if (
      typeof a !== 'number' ||
      !Number.isFinite(a) ||
      a < 0 ||
      a > 1e13 ||
      Math.abs(Math.round(a * 100) - a * 100) > 1e-6
    )
      l.add(
        'data.amountRecovered',
        '执行到位金额须为不小于0、最多两位小数的数字（元）',
        'amountRecovered must be a number of yuan ≥ 0 with at most two decimals',
      );
  }
  if (kind !== 'appeal') return;
  const route = data['route'];
  if (route !== undefined && route !== 'appeal' && route !== 'retrial')
    l.add('data.route', '程序须为上诉/抗诉或申请再审/申诉', 'route must be "appeal" or "retrial"');
  const outcome = data['outcome'];
  const hasOutcome = outcome !== undefined && outcome !== null;
  if (
    hasOutcome &&
    (typeof outcome !== 'string' || !(APPEAL_OUTCOMES as readonly string[]).includes(outcome))
  )
    l.add('data.outcome', '二审/再审结果无效', `outcome must be one of ${APPEAL_OUTCOMES.join(', ')}`);
  const decidedOn = data['decidedOn'];
  if (decidedOn !== undefined && decidedOn !== null) {
    if (!isPlainDate(decidedOn))
      l.add('data.decidedOn', '裁判日期无效', 'decidedOn must be a YYYY-MM-DD date');
    else if (!hasOutcome) l.add('data.decidedOn', '有裁判日期时须有结果', 'decidedOn needs an outcome');
    else if (typeof data['date'] === 'string' && decidedOn < data['date'])
      l.add('data.decidedOn', '裁判日期不能早于上诉/申请日期', 'decidedOn cannot be before the appeal date');
  }
  if (hasOutcome && (decidedOn === undefined || decidedOn === null))
    l.add('data.decidedOn', '登记结果时须填写裁判日期', 'an outcome needs its decidedOn date');
  const of = data['appealOf'];
  if (of !== undefined && of !== null) {
    if (
      typeof of !== 'string' ||
      typeof caseId !== 'string' ||
      !of.startsWith(`event:${caseId}:`) ||
      of === id
    )
      l.add(
        'data.appealOf',
        'appealOf 须为本案另一个上诉节点的编号',
        'appealOf must be the id of another event of the same case',
      );
    if (!hasOutcome) l.add('data.outcome', '登记上诉结果时须填写结果', 'an appealOf event needs an outcome');
  }
}
