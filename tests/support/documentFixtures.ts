/**
 * Realistic case records for document tests (template merge, schema round trip, .docx and print):
 * several case types, natural and legal parties, agents of each kind, a case with and one without
 * a hearing. Names, addresses and numbers are invented; court codes are real (甘0402 白银区).
 */
import type { TemplateRecord } from '../../core/documents/templates/templateRecord';

/** 民间借贷: a natural plaintiff with a lawyer, a company defendant, heard by a collegial panel. */
export const LOAN_CASE: TemplateRecord = {
  court: '甘0402',
  caseNumber: '（2026）甘0402民初284号',
  caseType: '民初',
  procedure: 'civilOrdinary',
  cause: '民间借贷纠纷',
  filingDate: '2026-03-02',
  hearings: [{ startsAt: '2026-04-20T01:30:00Z', courtroom: '第三审判庭' }],
  claimAmountFen: 10_000_000,
  parties: [
    {
      role: 'plaintiff',
      kind: 'natural',
      name: '欧阳晓峰',
      sex: 'male',
      birthDate: '1985-06-01',
      ethnicity: '汉族',
      occupation: '个体工商户',
      address: '甘肃省白银市白银区人民路12号',
      agents: [{ name: '王立', kind: 'lawyer', organisation: '甘肃金城律师事务所' }],
    },
    {
      role: 'defendant',
      kind: 'legal',
      name: '白银市宏达建材有限公司',
      address: '甘肃省白银市白银区工业路8号',
      legalRepresentative: '李建国',
      legalRepresentativeTitle: '该公司总经理',
      agents: [{ name: '陈静', kind: 'legalWorker', organisation: '白银区四龙法律服务所' }],
    },
  ],
  panel: [
    { title: '审判长', name: '赵明' },
    { title: '审判员', name: '钱立新' },
    { title: '人民陪审员', name: '孙丽' },
  ],
  clerk: '李娜',
};

/**
 * 买卖合同, summary procedure, not yet heard: two plaintiffs, a defendant whose ethnicity the filing
 * lacks, an agent who is the plaintiff's son, a single judge, a claim with fen.
 */
export const SALE_CASE_NOT_HEARD: TemplateRecord = {
  court: '甘0402',
  caseNumber: '（2026）甘0402民初301号',
  caseType: '民初',
  procedure: 'civilSummary',
  cause: '买卖合同纠纷',
  filingDate: '2026-03-09',
  hearings: [],
  claimAmountFen: 1_234_567,
  parties: [
    {
      role: 'plaintiff',
      kind: 'natural',
      name: '马红',
      sex: 'female',
      birthDate: '1972-11-30',
      ethnicity: '回族',
      address: '甘肃省白银市白银区水川镇金滩村',
      agents: [{ name: '马小军', kind: 'relative', relation: '原告马红之子' }],
    },
    {
      role: 'plaintiff',
      kind: 'natural',
      name: '司马光明',
      sex: 'male',
      birthDate: '1990-01-15',
      ethnicity: '汉族',
      address: '甘肃省白银市平川区兴平路3号',
    },
    {
      role: 'defendant',
      kind: 'natural',
      name: '王强',
      sex: 'male',
      birthDate: '1988-02-29',
      address: '甘肃省白银市白银区北京路55号',
    },
  ],
  panel: [{ title: '审判员', name: '周海燕' }],
  clerk: '刘洋',
};

/** 离婚纠纷 (fee per case within 50–300 元), no claim amount, no official number yet. */
export const DIVORCE_CASE_UNNUMBERED: TemplateRecord = {
  court: '甘0402',
  caseNumber: null,
  caseType: '民初',
  procedure: 'civilSummary',
  cause: '离婚纠纷',
  filingDate: '2026-04-01',
  hearings: [{ startsAt: '2026-04-28T06:00:00Z', courtroom: '水川人民法庭' }],
  claimAmountFen: null,
  parties: [
    {
      role: 'plaintiff',
      kind: 'natural',
      name: '张丽',
      sex: 'female',
      birthDate: '1991-07-07',
      ethnicity: '汉族',
      address: '甘肃省白银市白银区纺织路9号',
    },
    {
      role: 'defendant',
      kind: 'natural',
      name: '诸葛亮亮',
      sex: 'male',
      birthDate: '1989-03-03',
      ethnicity: '汉族',
      address: '甘肃省白银市白银区纺织路9号',
    },
  ],
  panel: [],
  clerk: null,
};

/** 盗窃, public prosecution: the procuratorate, one defendant with a defence lawyer. */
export const THEFT_CASE: TemplateRecord = {
  court: '甘0402',
  caseNumber: '（2026）甘0402刑初56号',
  caseType: '刑初',
  procedure: 'criminalFirst',
  cause: '盗窃',
  filingDate: '2026-02-10',
  hearings: [{ startsAt: '2026-03-18T01:00:00Z', courtroom: '第一审判庭' }],
  claimAmountFen: null,
  parties: [
    { role: 'prosecutor', kind: 'legal', name: '甘肃省白银市白银区人民检察院' },
    {
      role: 'defendantCriminal',
      kind: 'natural',
      name: '李四',
      sex: 'male',
      birthDate: '1996-12-08',
      ethnicity: '汉族',
      occupation: '无业',
      address: '甘肃省白银市白银区四龙镇民勤村',
      agents: [{ name: '上官云', kind: 'lawyer', organisation: '甘肃正言律师事务所' }],
    },
  ],
  panel: [
    { title: '审判长', name: '赵明' },
    { title: '人民陪审员', name: '吴桂兰' },
    { title: '人民陪审员', name: '郑开' },
  ],
  clerk: '李娜',
};

/** Administrative: a citizen against a district bureau. */
export const ADMIN_CASE: TemplateRecord = {
  court: '甘0402',
  caseNumber: '（2026）甘0402行初7号',
  caseType: '行初',
  procedure: 'administrativeFirst',
  cause: '行政处罚',
  filingDate: '2026-01-20',
  hearings: [{ startsAt: '2026-03-05T02:00:00Z', courtroom: '第二审判庭' }],
  claimAmountFen: null,
  parties: [
    {
      role: 'plaintiff',
      kind: 'natural',
      name: '杨帆',
      sex: 'male',
      birthDate: '1979-09-09',
      ethnicity: '汉族',
      address: '甘肃省白银市白银区东山路21号',
    },
    {
      role: 'defendant',
      kind: 'legal',
      name: '白银市白银区市场监督管理局',
      address: '甘肃省白银市白银区公园路1号',
      legalRepresentative: '何卫东',
      legalRepresentativeTitle: '局长',
    },
  ],
  panel: [
    { title: '审判长', name: '钱立新' },
    { title: '审判员', name: '周海燕' },
    { title: '审判员', name: '赵明' },
  ],
  clerk: '刘洋',
};

/** Enforcement of a 50,000 元 judgment against a natural person. */
export const ENFORCEMENT_CASE: TemplateRecord = {
  court: '甘0402',
  caseNumber: '（2026）甘0402执123号',
  caseType: '执',
  procedure: 'enforcement',
  cause: '民间借贷纠纷',
  filingDate: '2026-01-05',
  hearings: [],
  claimAmountFen: 5_000_000,
  parties: [
    {
      role: 'creditor',
      kind: 'legal',
      name: '白银农村商业银行股份有限公司',
      address: '甘肃省白银市白银区五一街6号',
      legalRepresentative: '孔德文',
      legalRepresentativeTitle: '该行董事长',
    },
    {
      role: 'debtor',
      kind: 'natural',
      name: '韩梅',
      sex: 'female',
      birthDate: '1983-04-12',
      ethnicity: '汉族',
      address: '甘肃省白银市白银区王岘镇红星村',
    },
  ],
  panel: [{ title: '审判员', name: '韩松' }],
  clerk: '刘洋',
};

/** Every record above, for tests that run all styles over all of them. */
export const ALL_DOCUMENT_CASES: readonly TemplateRecord[] = [
  LOAN_CASE,
  SALE_CASE_NOT_HEARD,
  DIVORCE_CASE_UNNUMBERED,
  THEFT_CASE,
  ADMIN_CASE,
  ENFORCEMENT_CASE,
];
