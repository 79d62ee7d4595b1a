/**
 * `event` documents (courtdesk_cases): append-only process history of a case (SPEC §2 "write paths
 * do not contend"): each node (service, hearing scheduled, suspension …) is its own document.
 */
import type { CollectionSchema } from './collection';
import { isRecord, IssueList, type Fields } from './fields';

/** Process node kinds (SPEC §4.1). */
export const EVENT_KINDS = [
  'filed',
  'service',
  'hearingScheduled',
  'suspended',
  'resumed',
  'extension',
  'mediation',
  'closed',
  'appeal',
  'note',
] as const;

/** Schema of `event` documents. */
export const eventSchema: CollectionSchema = {
  type: 'event',
  version: 1,
  richTextFields: [],
  migrations: {},
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
    if (d['kind'] === 'hearingScheduled') {
      const data = isRecord(d['data']) ? d['data'] : {};
      if (typeof data['courtroom'] !== 'string' || typeof data['startsAt'] !== 'string') {
        l.add('data', '开庭排期需要法庭和开庭时间', 'a hearing needs data.courtroom and data.startsAt');
      }
    }
    return l.issues;
  },
};
