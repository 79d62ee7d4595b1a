/**
 * `case` documents (courtdesk_cases): a filing by a clerk (docs/product-rules.md §4.1). History:
 * - v1: party `type: 'person' | 'org'`; the demo data's v1 used `caseTypeCode`, `filedAt`, Chinese
 *   procedure names (`简易程序`) and Chinese party roles (`原告`).
 * - v2: party `kind: 'natural' | 'legal'` (the statutory terms), `caseType`, `filingDate`.
 * - v3: canonical contract: `court`, time-limit `procedure` code valid for the type, required
 *   `provisionalNumber`, party `queryCode` (public case query), checked ID numbers, typed agents,
 *   `recusals` and `designation`.
 * Migration from v2 fills what v3 requires deterministically (see {@link derivedQueryCode}).
 */
import { DEFAULT_COURT } from '../court';
import { procedureOf } from '../domain/caseState';
import { caseTypeByCode } from '../domain/courtReference';
import { validateCreditCode, validateResidentId } from '../domain/identity';
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
  'prosecutor',
  'objector',
] as const;
/** Kinds of agents (诉讼代理人): lawyer, legal worker, close relative, other. */
export const AGENT_KINDS = ['lawyer', 'legalWorker', 'relative', 'other'] as const;

/** Party roles as documents and older filings (demo data v1) write them. */
export const PARTY_ROLE_NAMES: Readonly<Record<(typeof PARTY_ROLES)[number], string>> = {
  plaintiff: '原告',
  defendant: '被告',
  thirdParty: '第三人',
  appellant: '上诉人',
  appellee: '被上诉人',
  applicant: '申请人',
  respondent: '被申请人',
  creditor: '申请执行人',
  debtor: '被执行人',
  defendantCriminal: '被告人',
  victim: '被害人',
  prosecutor: '公诉机关',
  objector: '异议人',
};

const ROLE_BY_NAME: Record<string, (typeof PARTY_ROLES)[number]> = {};
for (const role of PARTY_ROLES) ROLE_BY_NAME[PARTY_ROLE_NAMES[role]] = role;

/** An agent (诉讼代理人) of a party. */
export interface Agent {
  readonly name: string;
  readonly kind?: (typeof AGENT_KINDS)[number];
  readonly licenseNo?: string;
  readonly phone?: string;
}

/** A party as stored (version 3). */
export interface Party {
  readonly role: (typeof PARTY_ROLES)[number];
  readonly kind: 'natural' | 'legal';
  readonly name: string;
  /** Resident ID (natural) or unified social credit code (legal); checksum-validated. */
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly legalRepresentative?: string;
  /** Six digits the party uses in the public case-progress query. */
  readonly queryCode: string;
  readonly agents?: readonly Agent[];
}

/** The type-specific fields of a version-3 case document. */
export interface CaseFields {
  readonly court: string;
  readonly caseType: (typeof CASE_TYPE_CODES)[number];
  /** Time-limit procedure code; absent for types without a statutory limit. */
  readonly procedure?: string;
  readonly cause: string;
  readonly division?: string;
  readonly filingDate: string;
  /** Yuan, at most 2 decimals. */
  readonly claimAmount?: number | null;
  readonly summary?: string;
  readonly provisionalNumber: string;
  readonly parties: readonly Party[];
  /** User names excluded from the random draw (回避). */
  readonly recusals?: readonly string[];
  /** Designated assignment: the leader's approval document. */
  readonly designation?: { readonly approvalId: string };
  /** Enforcement cases: the case whose effective judgment is enforced (执行依据). */
  readonly sourceCaseId?: string;
  /** Enforcement cases: the document enforced, e.g. （2025）甘0402民初88号民事判决书. */
  readonly sourceDocument?: string;
}

/**
 * A six-digit query code derived from stable facts of an old document (FNV-1a). Only used when
 * migrating filings made before query codes existed; new filings draw a random code.
 */
export function derivedQueryCode(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return String(h % 1_000_000).padStart(6, '0');
}

function migrateV1(doc: Fields): Record<string, unknown> {
  const { caseTypeCode, filedAt, ...rest } = doc;
  const out: Record<string, unknown> = { ...rest, schemaVersion: 2 };
  if (out['caseType'] === undefined && caseTypeCode !== undefined) out['caseType'] = caseTypeCode;
  if (out['filingDate'] === undefined && filedAt !== undefined) out['filingDate'] = filedAt;
  if (Array.isArray(doc['parties'])) {
    out['parties'] = (doc['parties'] as unknown[]).map((p) => {
      if (!isRecord(p)) return p;
      const { type, ...party } = p;
      const role =
        typeof party['role'] === 'string' ? (ROLE_BY_NAME[party['role']] ?? party['role']) : party['role'];
      const kind = party['kind'] ?? (type === 'org' ? 'legal' : 'natural');
      return { ...party, role, kind };
    });
  }
  return out;
}

function migrateV2(doc: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc, schemaVersion: 3 };
  const procedure = procedureOf(doc);
  if (procedure) out['procedure'] = procedure;
  else delete out['procedure'];
  if (typeof out['court'] !== 'string') out['court'] = DEFAULT_COURT.code;
  const id = typeof doc['_id'] === 'string' ? doc['_id'] : '';
  if (typeof out['provisionalNumber'] !== 'string' || out['provisionalNumber'].length === 0) {
    const day = typeof doc['filingDate'] === 'string' ? doc['filingDate'].replace(/-/g, '') : '';
    out['provisionalNumber'] = `临${day}-${id.slice(id.indexOf(':') + 1, id.indexOf(':') + 9)}`;
  }
  if (Array.isArray(doc['parties'])) {
    out['parties'] = (doc['parties'] as unknown[]).map((p, i) =>
      isRecord(p) && typeof p['queryCode'] !== 'string'
        ? { ...p, queryCode: derivedQueryCode(`${id}|${i}|${String(p['name'])}|${String(doc['createdAt'])}`) }
        : p,
    );
  }
  return out;
}

function validateParty(p: Record<string, unknown>, l: IssueList): void {
  l.oneOf(p, 'role', PARTY_ROLES);
  l.oneOf(p, 'kind', ['natural', 'legal']);
  l.text(p, 'name', 200);
  l.text(p, 'idNumber', 32, { optional: true });
  const id = p['idNumber'];
  if (typeof id === 'string' && id.trim().length > 0) {
    if (p['kind'] === 'natural') {
      const r = validateResidentId(id);
      if (!r.ok)
        l.add('idNumber', '身份证号码无效', `invalid resident ID: ${r.issues.map((i) => i.code).join(', ')}`);
    } else if (p['kind'] === 'legal') {
      const r = validateCreditCode(id);
      if (!r.ok)
        l.add(
          'idNumber',
          '统一社会信用代码无效',
          `invalid credit code: ${r.issues.map((i) => i.code).join(', ')}`,
        );
    }
  }
  l.text(p, 'phone', 32, { optional: true });
  l.text(p, 'address', 500, { optional: true });
  l.text(p, 'legalRepresentative', 200, { optional: true });
  if (typeof p['queryCode'] !== 'string' || !/^\d{6}$/.test(p['queryCode']))
    l.add('queryCode', '查询码必须是6位数字', 'queryCode must be 6 digits');
  const agents = p['agents'];
  if (agents === undefined) return;
  if (!Array.isArray(agents)) {
    l.add('agents', '代理人格式无效', 'agents must be a list');
    return;
  }
  agents.forEach((a: unknown, i) => {
    const f = `agents[${i}]`;
    if (!isRecord(a)) {
      l.add(f, '代理人格式无效', 'agent must be an object');
      return;
    }
    const al = new IssueList();
    al.text(a, 'name', 200);
    al.oneOf(a, 'kind', AGENT_KINDS, { optional: true });
    al.text(a, 'licenseNo', 64, { optional: true });
    al.text(a, 'phone', 32, { optional: true });
    for (const issue of al.issues) l.issues.push({ field: `${f}.${issue.field}`, message: issue.message });
  });
}

/** Schema of `case` documents. */
export const caseSchema: CollectionSchema = {
  type: 'case',
  version: 3,
  richTextFields: ['summary'],
  migrations: { 1: migrateV1, 2: migrateV2 },
  validate(d: Fields) {
    const l = new IssueList();
    if (typeof d['court'] !== 'string' || !/^\p{Script=Han}\d{0,4}$/u.test(d['court']))
      l.add('court', '法院代字无效', 'court must be a court code such as 甘0402');
    l.oneOf(d, 'caseType', CASE_TYPE_CODES);
    const type = typeof d['caseType'] === 'string' ? caseTypeByCode(d['caseType']) : null;
    if (type) {
      const p = d['procedure'];
      if (type.procedures.length === 0) {
        if (p !== undefined && p !== null)
          l.add('procedure', '该类型案件没有法定审限程序', `${type.code} has no time-limit procedure`);
      } else if (typeof p !== 'string' || !type.procedures.includes(p)) {
        l.add('procedure', '审理程序无效', `procedure must be one of ${type.procedures.join(', ')}`);
      }
    }
    l.text(d, 'cause', 200);
    l.text(d, 'division', 64, { optional: true });
    l.date(d, 'filingDate');
    if (d['claimAmount'] !== null) {
      l.amount(d, 'claimAmount', { optional: true });
      const a = d['claimAmount'];
      if (typeof a === 'number' && Number.isFinite(a) && Math.abs(a * 100 - Math.round(a * 100)) > 1e-6)
        l.add('claimAmount', '金额最多两位小数', 'claimAmount has at most 2 decimals');
    }
    l.text(d, 'summary', 20_000, { optional: true });
    l.text(d, 'provisionalNumber', 64);
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
        validateParty(p, pl);
        for (const issue of pl.issues)
          l.issues.push({ field: `${f}.${issue.field}`, message: issue.message });
      });
    }
    const rec = d['recusals'];
    if (
      rec !== undefined &&
      (!Array.isArray(rec) || !rec.every((r) => typeof r === 'string' && r.length > 0))
    )
      l.add('recusals', '回避人员格式无效', 'recusals must be a list of user names');
    l.ref(d, 'sourceCaseId', 'case:', { optional: true });
    l.text(d, 'sourceDocument', 200, { optional: true });
    if (d['sourceCaseId'] !== undefined && caseTypeByCode(String(d['caseType']))?.family !== 'enforcement')
      l.add('sourceCaseId', '只有执行案件有执行依据', 'only an enforcement case has a source case');
    const des = d['designation'];
    if (des !== undefined) {
      if (!isRecord(des)) l.add('designation', '指定分案格式无效', 'designation must be { approvalId }');
      else {
        const dl = new IssueList();
        dl.ref(des, 'approvalId', 'approval:');
        for (const issue of dl.issues)
          l.issues.push({ field: `designation.${issue.field}`, message: issue.message });
      }
    }
    return l.issues;
  },
};
