/**
 * `case` documents (courtdesk_cases): a filing by a clerk (SPEC §4.1). Version 2 renamed the party
 * field `type: 'person' | 'org'` of version 1 to `kind: 'natural' | 'legal'` (the statutory terms).
 */
import type { CollectionSchema } from './collection';
import { isRecord, IssueList, type Fields } from './fields';

/** Case type codes (类型代字) the filing form offers. */
export const CASE_TYPE_CODES = [
  '民初',
  '民终',
  '民特',
  '民督',
  '刑初',
  '行初',
  '执',
  '执保',
  '执异',
  '执恢',
  '财保',
  '司救',
] as const;
/** Procedural roles of a party. */
export const PARTY_ROLES = [
  'plaintiff',
  'defendant',
  'thirdParty',
  'appellant',
  'appellee',
  'applicant',
  'respondent',
  'creditor',
  'debtor',
  'defendantCriminal',
  'victim',
] as const;

/** A party as stored (version 2). */
export interface Party {
  readonly role: (typeof PARTY_ROLES)[number];
  readonly kind: 'natural' | 'legal';
  readonly name: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly agents?: readonly { readonly name: string; readonly phone?: string }[];
}

/** Schema of `case` documents. */
export const caseSchema: CollectionSchema = {
  type: 'case',
  version: 2,
  richTextFields: ['summary'],
  migrations: {
    1: (doc) => ({
      ...doc,
      schemaVersion: 2,
      parties: Array.isArray(doc['parties'])
        ? (doc['parties'] as unknown[]).map((p) => {
            if (!isRecord(p)) return p;
            const { type, ...rest } = p;
            return { ...rest, kind: type === 'org' ? 'legal' : 'natural' };
          })
        : doc['parties'],
    }),
  },
  validate(d: Fields) {
    const l = new IssueList();
    l.oneOf(d, 'caseType', CASE_TYPE_CODES);
    l.text(d, 'cause', 200);
    l.date(d, 'filingDate');
    l.amount(d, 'claimAmount', { optional: true });
    l.text(d, 'summary', 20_000, { optional: true });
    l.text(d, 'provisionalNumber', 64, { optional: true });
    const parties = d['parties'];
    if (!Array.isArray(parties) || parties.length === 0) {
      l.add('parties', '至少需要一名当事人', 'at least one party is required');
    } else {
      parties.forEach((p: unknown, i) => {
        const f = `parties[${i}]`;
        if (!isRecord(p)) {
          l.add(f, '当事人格式无效', 'party must be an object');
          return;
        }
        const pl = new IssueList();
        pl.oneOf(p, 'role', PARTY_ROLES);
        pl.oneOf(p, 'kind', ['natural', 'legal']);
        pl.text(p, 'name', 200);
        pl.text(p, 'idNumber', 32, { optional: true });
        pl.text(p, 'phone', 32, { optional: true });
        pl.text(p, 'address', 500, { optional: true });
        if (
          p['agents'] !== undefined &&
          (!Array.isArray(p['agents']) ||
            !p['agents'].every((a) => isRecord(a) && typeof a['name'] === 'string'))
        ) {
          pl.add('agents', '代理人格式无效', 'agents must be a list of { name }');
        }
        for (const issue of pl.issues)
          l.issues.push({ field: `${f}.${issue.field}`, message: issue.message });
      });
    }
    return l.issues;
  },
};
