/**
 * `dishonestDebtor` documents (courtdesk_enforcement): one entry of the dishonest-debtor list per
 * respondent and ground, id `dishonestDebtor:<identity number>:<ground>` (core/enforcement/dishonest.ts).
 * The respondent's identity number is checked (checksum), minors are refused, publication and
 * removal come only after a leader's approval, and a removal carries its reason. A respondent listed
 * again on a ground after a removal is the entry's next round, the closed ones kept in
 * `earlierRounds` (core/enforcement/listingRounds.ts). The design document adds who may write each
 * part and checks every round change against the stored entry.
 */
import {
  DISHONEST_GROUNDS,
  REMOVAL_REASONS,
  listingIssues,
  type DishonestEntry,
} from '../enforcement/dishonest';
import { validateCreditCode, validateResidentId } from '../domain/identity';
import type { CollectionSchema } from './collection';
import { approvalField, nest } from './enforcementFields';
import { isRecord, IssueList, type Fields } from './fields';

function respondent(l: IssueList, d: Fields): void {
  const r = d['respondent'];
  if (!isRecord(r)) {
    l.add('respondent', '被执行人格式无效', 'respondent must be { name, kind, idNumber }');
    return;
  }
  const rl = new IssueList();
  rl.text(r, 'name', 200);
  rl.oneOf(r, 'kind', ['natural', 'legal']);
  rl.text(r, 'legalRepresentative', 200, { optional: true });
  const id = r['idNumber'];
  if (typeof id !== 'string') rl.add('idNumber', '缺少证件号码', 'idNumber is required');
  else if (r['kind'] === 'natural' && !validateResidentId(id).ok)
    rl.add('idNumber', '身份证号码无效', 'invalid resident ID');
  else if (r['kind'] === 'legal' && !validateCreditCode(id).ok)
    rl.add('idNumber', '统一社会信用代码无效', 'invalid credit code');
  nest(l, 'respondent', rl);
}

function earlierRounds(l: IssueList, d: Fields): void {
  const list = d['earlierRounds'];
  if (list === undefined) return;
  if (!Array.isArray(list) || list.length > 100) {
    l.add('earlierRounds', '此前纳入记录格式无效', 'earlierRounds must be a list (at most 100)');
    return;
  }
  list.forEach((r: unknown, i) => {
    const f = `earlierRounds[${i}]`;
    if (!isRecord(r)) {
      l.add(f, '此前纳入记录格式无效', 'an earlier round must be an object');
      return;
    }
    const rl = new IssueList();
    if (typeof r['round'] !== 'number' || !Number.isInteger(r['round']))
      rl.add('round', '轮次必须是正整数', 'round must be an integer >= 1');
    rl.ref(r, 'caseId', 'case:');
    rl.date(r, 'listedOn');
    rl.text(r, 'facts', 2_000);
    rl.text(r, 'proposedBy', 64, { optional: true });
    approvalField(rl, r);
    removal(rl, r);
    nest(l, f, rl);
  });
}

function removal(l: IssueList, d: Fields): void {
  const r = d['removal'];
  if (r === undefined) return;
  if (!isRecord(r)) {
    l.add('removal', '删除记录格式无效', 'removal must be { reason, note, on, by }');
    return;
  }
  const rl = new IssueList();
  rl.oneOf(r, 'reason', REMOVAL_REASONS);
  rl.text(r, 'note', 2_000);
  rl.date(r, 'on');
  rl.text(r, 'by', 64);
  nest(l, 'removal', rl);
}

/** Schema of `dishonestDebtor` documents. */
export const dishonestDebtorSchema: CollectionSchema = {
  type: 'dishonestDebtor',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.ref(d, 'caseId', 'case:');
    l.text(d, 'caseNumber', 64, { optional: true });
    respondent(l, d);
    l.oneOf(d, 'ground', DISHONEST_GROUNDS);
    l.date(d, 'listedOn');
    l.text(d, 'facts', 2_000);
    l.text(d, 'obligation', 2_000, { optional: true });
    l.date(d, 'publishedOn', { optional: true });
    l.text(d, 'note', 2_000, { optional: true });
    l.text(d, 'proposedBy', 64, { optional: true });
    if (d['round'] !== undefined && (typeof d['round'] !== 'number' || !Number.isInteger(d['round'])))
      l.add('round', '轮次必须是正整数', 'round must be an integer >= 1');
    approvalField(l, d);
    removal(l, d);
    earlierRounds(l, d);
    if (l.issues.length === 0) {
      for (const issue of listingIssues(d as unknown as DishonestEntry))
        l.add(issue.field, issue.zh, issue.en);
    }
    return l.issues;
  },
};
