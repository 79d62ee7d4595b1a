/**
 * `publicCase` and `hearingNotice` documents (courtdesk_public, written only by the server worker;
 * shapes in core/public/publicDocs.ts). Besides the structure, a last line of defence against a
 * projection bug: no string anywhere in the document may hold a resident ID number or a mobile
 * phone number (SPEC §3: the public projection contains none), and query codes appear only as
 * salted hashes of the right length.
 */
import type { CollectionSchema } from './collection';
import { isRecord, IssueList, type Fields } from './fields';

const STATUSES = ['scheduled', 'postponed', 'cancelled', 'held'];
const ID_NUMBER = /(^|\D)\d{17}[\dXx](\D|$)/;
const MOBILE = /(^|\D)1[3-9]\d{9}(\D|$)/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Issues for every string (outside `access`) holding an ID or mobile number. */
function piiIssues(l: IssueList, value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (ID_NUMBER.test(value) || MOBILE.test(value))
      l.add(path, '公开数据不得含身份证号或电话号码', 'public data must not hold ID or phone numbers');
  } else if (Array.isArray(value)) value.forEach((v, i) => piiIssues(l, v, `${path}[${i}]`));
  else if (isRecord(value))
    for (const k of Object.keys(value)) if (k !== 'access') piiIssues(l, value[k], path ? `${path}.${k}` : k);
}

function list(
  l: IssueList,
  d: Fields,
  field: string,
  each: (l: IssueList, e: Fields, at: string) => void,
): void {
  const v = d[field];
  if (!Array.isArray(v) || v.length > 500) {
    l.add(field, `${field} 必须是列表`, `${field} must be a list (at most 500)`);
    return;
  }
  v.forEach((e: unknown, i: number) => {
    const at = `${field}[${i}]`;
    if (!isRecord(e)) l.add(at, '格式无效', 'must be an object');
    else each(l, e, at);
  });
}

function nested(l: IssueList, at: string, check: (inner: IssueList) => void): void {
  const inner = new IssueList();
  check(inner);
  for (const i of inner.issues) l.issues.push({ field: `${at}.${i.field}`, message: i.message });
}

function parties(l: IssueList, d: Fields): void {
  list(l, d, 'parties', (pl, e, at) =>
    nested(pl, at, (n) => {
      n.text(e, 'role', 20);
      n.text(e, 'name', 200);
    }),
  );
}

function common(l: IssueList, d: Fields): void {
  l.text(d, 'caseNumber', 100);
  l.text(d, 'cause', 200);
  l.time(d, 'updatedAt');
  parties(l, d);
  piiIssues(l, d, '');
}

/** Schema of `publicCase` documents. */
export const publicCaseSchema: CollectionSchema = {
  type: 'publicCase',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    common(l, d);
    l.text(d, 'caseTypeCode', 10);
    l.text(d, 'stage', 40);
    l.text(d, 'stageLabel', 40);
    if (d['filedOn'] !== '') l.date(d, 'filedOn');
    list(l, d, 'hearings', (hl, e, at) =>
      nested(hl, at, (n) => {
        n.time(e, 'startsAt');
        n.text(e, 'courtroom', 100);
        n.oneOf(e, 'status', STATUSES);
      }),
    );
    for (const f of ['timeLimitChanges', 'services'])
      list(l, d, f, (sl, e, at) => nested(sl, at, (n) => (n.date(e, 'on'), n.text(e, 'label', 100))));
    list(l, d, 'access', (al, e, at) => {
      const salt = e['salt'];
      const hash = e['hash'];
      if (typeof salt !== 'string' || salt.length !== 24 || !BASE64.test(salt))
        al.add(`${at}.salt`, '查询码盐值无效', 'salt must be 16 bytes in base64');
      if (typeof hash !== 'string' || hash.length !== 44 || !BASE64.test(hash))
        al.add(`${at}.hash`, '查询码摘要无效', 'hash must be 32 bytes in base64');
      if (Object.keys(e).some((k) => k !== 'salt' && k !== 'hash'))
        al.add(at, '查询码只能以摘要保存', 'an access entry holds only salt and hash');
    });
    const enf = d['enforcement'];
    if (enf !== null && !isRecord(enf))
      l.add('enforcement', '执行进度格式无效', 'enforcement must be null or an object');
    return l.issues;
  },
};

/** Schema of `hearingNotice` documents. */
export const hearingNoticeSchema: CollectionSchema = {
  type: 'hearingNotice',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    common(l, d);
    l.oneOf(d, 'kind', ['hearing', 'enforcement']);
    l.time(d, 'startsAt');
    l.text(d, 'courtroom', 100);
    l.oneOf(d, 'status', STATUSES);
    l.text(d, 'label', 40);
    return l.issues;
  },
};
