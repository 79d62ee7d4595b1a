import { describe, expect, it } from 'vitest';
import {
  ADMIN_CASE,
  ALL_DOCUMENT_CASES,
  DIVORCE_CASE_UNNUMBERED,
  ENFORCEMENT_CASE,
  LOAN_CASE,
  SALE_CASE_NOT_HEARD,
  THEFT_CASE,
} from '../../../tests/support/documentFixtures';
import { MARK, type DocNode } from '../content/docModel';
import { documentLines, openFillIns } from '../content/docText';
import type { MergeOptions } from './fields';
import { mergeTemplate, type MergeResult } from './mergeTemplate';
import type { TemplateRecord } from './templateRecord';
import { DOCUMENT_TEMPLATES, templateById } from './templates';

function merge(id: string, record: TemplateRecord, options: MergeOptions = {}): MergeResult {
  const template = templateById(id);
  if (!template) throw new Error(`no template ${id}`);
  return mergeTemplate(template, record, options);
}

/** Lines as `[role or section] label+text`, the way a reader sees them. */
function lines(result: MergeResult): string[] {
  return documentLines(result.doc).map((l) => `${l.label}${l.text}`);
}

function lineWith(result: MergeResult, start: string): string {
  const found = lines(result).find((l) => l.startsWith(start));
  if (found === undefined) throw new Error(`no line starting with ${start}:\n${lines(result).join('\n')}`);
  return found;
}

const missingOf = (r: MergeResult) => r.missing.map((m) => (m.subject ? `${m.field}@${m.subject}` : m.field));
const DATE = { documentDate: '2026-05-06' };

describe('mergeTemplate: 民事判决书 (普通程序), natural plaintiff with a lawyer, company defendant', () => {
  const result = merge('civilJudgmentOrdinary', LOAN_CASE, {
    ...DATE,
    feeBearers: ['被告白银市宏达建材有限公司'],
  });

  it('writes the title, the parties with their particulars and agents, and the case line', () => {
    expect(lines(result).slice(0, 9)).toEqual([
      '甘肃省白银市白银区人民法院',
      '民事判决书',
      '（2026）甘0402民初284号',
      '原告：欧阳晓峰，男，1985年6月1日出生，汉族，个体工商户，住甘肃省白银市白银区人民路12号。',
      '委托诉讼代理人：王立，甘肃金城律师事务所律师。',
      '被告：白银市宏达建材有限公司，住所地甘肃省白银市白银区工业路8号。',
      '法定代表人：李建国，该公司总经理。',
      '委托诉讼代理人：陈静，白银区四龙法律服务所基层法律服务工作者。',
      '原告欧阳晓峰与被告白银市宏达建材有限公司民间借贷纠纷一案，本院于2026年3月2日立案后，依法适用普通程序，于2026年4月20日公开开庭进行了审理。【到庭参加诉讼的当事人和诉讼代理人】到庭参加诉讼。本案现已审理终结。',
    ]);
  });

  it('writes the claim in figures and capitals, the fee, the appeal court and the signatures', () => {
    expect(lineWith(result, '欧阳晓峰向本院提出诉讼请求')).toBe(
      '欧阳晓峰向本院提出诉讼请求：1．判令白银市宏达建材有限公司给付欧阳晓峰人民币100,000元（大写：壹拾万元整）；2．【其他诉讼请求】。事实和理由：【原告主张的事实和理由】。',
    );
    expect(lineWith(result, '案件受理费')).toBe('案件受理费2,300元，由被告白银市宏达建材有限公司负担。');
    expect(lineWith(result, '如不服本判决')).toContain('上诉于甘肃省白银市中级人民法院。');
    expect(lines(result).slice(-6)).toEqual([
      '审　判　长　赵　明',
      '审　判　员　钱立新',
      '人民陪审员　孙　丽',
      '二〇二六年五月六日',
      '本件与原本核对无异',
      '书　记　员　李　娜',
    ]);
  });

  it('numbers the operative items 一、二、 and marks every passage the judge writes', () => {
    expect(lines(result).filter((l) => /^[一二]、/u.test(l))).toEqual([
      '一、【判决主文第一项】；',
      '二、【判决主文第二项】。',
    ]);
    expect(openFillIns(result.doc).map((f) => f.field)).toEqual([
      'fill:appearance',
      'fill:claims',
      'fill:claimReasons',
      'fill:defence',
      'fill:evidence',
      'fill:facts',
      'fill:reasoning',
      'fill:legalBasis',
      'fill:item1',
      'fill:item2',
    ]);
  });

  it('misses nothing from the record and marks merged text with its field', () => {
    expect(result.missing).toEqual([]);
    const number = documentLines(result.doc)[2]?.node.content?.[0] as DocNode;
    expect(number.marks).toEqual([{ type: MARK.mergeField, attrs: { field: 'case.number' } }]);
  });

  it('gives every line its section or role', () => {
    const roles = documentLines(result.doc).map((l) => l.role ?? l.section);
    expect(roles.slice(0, 3)).toEqual(['courtName', 'title', 'caseNumber']);
    expect(new Set(roles)).toEqual(
      new Set([
        'courtName',
        'title',
        'caseNumber',
        'header',
        'facts',
        'reasoning',
        'legalBasis',
        'operative',
        'closing',
        'signature',
        'date',
        'verification',
        'clerk',
      ]),
    );
  });
});

describe('mergeTemplate: 民事判决书 (简易程序), not yet heard, particulars missing', () => {
  const result = merge('civilJudgmentSummary', SALE_CASE_NOT_HEARD, DATE);

  it('shows the hearing date, the defendant’s ethnicity and the fee bearer as places to fill and lists them', () => {
    expect(lineWith(result, '被告：')).toBe(
      '被告：王强，男，1988年2月29日出生，【民族】，住甘肃省白银市白银区北京路55号。',
    );
    expect(lineWith(result, '原告马红、司马光明与被告王强')).toBe(
      '原告马红、司马光明与被告王强买卖合同纠纷一案，本院于2026年3月9日立案后，依法适用简易程序，于【开庭日期】公开开庭进行了审理。【到庭参加诉讼的当事人和诉讼代理人】到庭参加诉讼。本案现已审理终结。',
    );
    expect(missingOf(result)).toEqual(['party.ethnicity@王强', 'hearing.date', 'fee.bearer']);
    expect(result.missing[0]).toMatchObject({ label: '民族', labelEn: 'ethnicity' });
  });

  it('names a relative agent by relation, halves the fee for summary procedure and signs with one judge', () => {
    expect(lineWith(result, '委托诉讼代理人')).toBe('委托诉讼代理人：马小军，原告马红之子。');
    expect(lineWith(result, '马红、司马光明向本院')).toContain(
      '人民币12,345.67元（大写：壹万贰仟叁佰肆拾伍元陆角柒分）',
    );
    expect(lineWith(result, '案件受理费')).toBe(
      '案件受理费108.64元，减半收取计54.32元，由【诉讼费负担方】负担。',
    );
    expect(lines(result).slice(-4)).toEqual([
      '审　判　员　周海燕',
      '二〇二六年五月六日',
      '本件与原本核对无异',
      '书　记　员　刘　洋',
    ]);
  });
});

describe('mergeTemplate: a divorce without a case number, panel or clerk', () => {
  it('never leaves a gap blank: number, fee, panel, clerk and date are places to fill and listed', () => {
    const result = merge('civilJudgmentSummary', DIVORCE_CASE_UNNUMBERED, { feeBearers: ['原告张丽'] });
    expect(lines(result)[2]).toBe('【案号】');
    expect(lineWith(result, '张丽向本院提出诉讼请求')).toBe(
      '张丽向本院提出诉讼请求：【诉讼请求】。事实和理由：【原告主张的事实和理由】。',
    );
    expect(lineWith(result, '案件受理费')).toBe('案件受理费【案件受理费】元，由原告张丽负担。');
    expect(lines(result).slice(-4)).toEqual([
      '审　判　员　【审判人员姓名】',
      '【落款日期】',
      '本件与原本核对无异',
      '书　记　员　【书记员】',
    ]);
    expect(missingOf(result)).toEqual([
      'case.number',
      'fee.amount',
      'panel',
      'document.date',
      'clerk.nameSpaced',
    ]);
  });

  it('takes a fee the court fixed within the range and halves it', () => {
    const result = merge('civilJudgmentSummary', DIVORCE_CASE_UNNUMBERED, {
      feeFen: 25_000,
      feeBearers: ['原告张丽'],
    });
    expect(lineWith(result, '案件受理费')).toBe('案件受理费250元，减半收取计125元，由原告张丽负担。');
  });
});

describe('mergeTemplate: rulings and mediation', () => {
  it('准许撤诉 halves the fee and charges the plaintiff', () => {
    const result = merge('civilRulingWithdrawal', LOAN_CASE, DATE);
    expect(lineWith(result, '准许')).toBe('准许原告欧阳晓峰撤诉。');
    expect(lineWith(result, '案件受理费')).toBe('案件受理费2,300元，减半收取计1,150元，由原告欧阳晓峰负担。');
    expect(result.missing).toEqual([]);
  });

  it('驳回起诉 refunds the fee and gives ten days to appeal', () => {
    const result = merge('civilRulingDismissal', LOAN_CASE, DATE);
    expect(lineWith(result, '驳回')).toBe('驳回原告欧阳晓峰的起诉。');
    expect(lineWith(result, '案件受理费')).toBe('案件受理费2,300元，退还原告欧阳晓峰。');
    expect(lineWith(result, '如不服本裁定')).toMatch(/^如不服本裁定，可以在裁定书送达之日起十日内/u);
  });

  it('民事调解书 halves the fee and numbers the agreement', () => {
    const result = merge('civilMediation', SALE_CASE_NOT_HEARD, { ...DATE, feeBearers: ['被告王强'] });
    expect(lines(result)[1]).toBe('民事调解书');
    // Summary procedure and mediation both halve; the fee is halved once (core/domain/fees).
    expect(lineWith(result, '案件受理费')).toBe('案件受理费108.64元，减半收取计54.32元，由被告王强负担。');
    expect(lines(result).filter((l) => /^[一二]、/u.test(l))).toEqual([
      '一、【协议第一项】；',
      '二、【协议第二项】。',
    ]);
  });
});

describe('mergeTemplate: criminal, administrative and enforcement', () => {
  it('刑事判决书 lists the procuratorate and the defendant without colons and names the charge', () => {
    const result = merge('criminalJudgmentFirst', THEFT_CASE, DATE);
    expect(lines(result).slice(1, 6)).toEqual([
      '刑事判决书',
      '（2026）甘0402刑初56号',
      '公诉机关甘肃省白银市白银区人民检察院。',
      '被告人李四，男，1996年12月8日出生，汉族，无业，住甘肃省白银市白银区四龙镇民勤村。【因本案被采取强制措施的情况及羁押处所】。',
      '辩护人上官云，甘肃正言律师事务所律师。',
    ]);
    expect(lineWith(result, '被告人李四犯')).toBe('被告人李四犯盗窃罪，判处【刑罚】。');
    expect(lineWith(result, '如不服本判决')).toContain('通过本院或者直接向甘肃省白银市中级人民法院提出上诉');
    expect(lines(result).filter((l) => l.includes('案件受理费'))).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it('行政判决书 charges the per-case administrative fee', () => {
    const result = merge('administrativeJudgment', ADMIN_CASE, {
      ...DATE,
      feeBearers: ['被告白银市白银区市场监督管理局'],
    });
    expect(lineWith(result, '被告：')).toBe(
      '被告：白银市白银区市场监督管理局，住所地甘肃省白银市白银区公园路1号。',
    );
    expect(lineWith(result, '法定代表人')).toBe('法定代表人：何卫东，局长。');
    expect(lineWith(result, '案件受理费')).toBe('案件受理费50元，由被告白银市白银区市场监督管理局负担。');
  });

  it('执行裁定书 states the enforced amount in figures and capitals', () => {
    const result = merge('enforcementRulingTermination', ENFORCEMENT_CASE, DATE);
    expect(lines(result).slice(3, 7)).toEqual([
      '申请执行人：白银农村商业银行股份有限公司，住所地甘肃省白银市白银区五一街6号。',
      '法定代表人：孔德文，该行董事长。',
      '被执行人：韩梅，女，1983年4月12日出生，汉族，住甘肃省白银市白银区王岘镇红星村。',
      '本院在执行申请执行人白银农村商业银行股份有限公司与被执行人韩梅民间借贷纠纷一案中，申请执行人白银农村商业银行股份有限公司依据【执行依据（生效法律文书的名称和案号）】向本院申请强制执行，本院于2026年1月5日立案执行。执行标的为人民币50,000元（大写：伍万元整）。',
    ]);
    expect(result.missing).toEqual([]);
  });
});

describe('mergeTemplate: forms addressed to one person', () => {
  it('传票 fills the table from the recipient and the next hearing (Beijing time)', () => {
    const result = merge('summons', LOAN_CASE, { ...DATE, recipient: '白银市宏达建材有限公司' });
    const cells = documentLines(result.doc)
      .filter((l) => l.inTable)
      .map((l) => l.text);
    expect(cells.slice(0, 14)).toEqual([
      '案　　号',
      '（2026）甘0402民初284号',
      '案　　由',
      '民间借贷纠纷',
      '被传唤人',
      '白银市宏达建材有限公司',
      '工作单位或者住址',
      '甘肃省白银市白银区工业路8号',
      '传唤事由',
      '开庭',
      '应到时间',
      '2026年4月20日9时30分',
      '应到处所',
      '第三审判庭',
    ]);
    expect(cells[14]?.split('\n')).toHaveLength(4);
    expect(result.missing).toEqual([]);
  });

  it('a summons with no recipient chosen and no hearing lists both', () => {
    const result = merge('summons', SALE_CASE_NOT_HEARD, DATE);
    expect(missingOf(result)).toEqual([
      'recipient.name',
      'recipient.address',
      'hearing.time',
      'hearing.place',
    ]);
  });

  it('送达回证 names the recipient with their role; 开庭公告 names the parties, time and place', () => {
    const receipt = merge('serviceReceipt', THEFT_CASE, { ...DATE, recipient: '李四' });
    expect(
      documentLines(receipt.doc)
        .filter((l) => l.inTable)
        .map((l) => l.text)[5],
    ).toBe('被告人　李四');
    const notice = merge('hearingAnnouncement', LOAN_CASE, DATE);
    expect(lines(notice)).toEqual([
      '甘肃省白银市白银区人民法院',
      '公　告',
      '（2026）甘0402民初284号',
      '本院定于2026年4月20日9时30分，在第三审判庭公开开庭审理原告欧阳晓峰与被告白银市宏达建材有限公司民间借贷纠纷一案。',
      '特此公告。',
      '甘肃省白银市白银区人民法院',
      '二〇二六年五月六日',
    ]);
  });
});

describe('mergeTemplate over every style', () => {
  const records = ALL_DOCUMENT_CASES;

  it('is deterministic and never writes an empty text node or a blank merge', () => {
    for (const template of DOCUMENT_TEMPLATES)
      for (const record of records) {
        const a = mergeTemplate(template, record, DATE);
        expect(mergeTemplate(template, record, DATE)).toEqual(a);
        const json = JSON.stringify(a.doc);
        expect(json).not.toContain('"text":""');
        // Every field listed as missing shows up as a place to fill.
        const open = new Set(openFillIns(a.doc).map((f) => f.field));
        for (const m of a.missing) expect(open.has(m.field) || m.field === 'panel').toBe(true);
      }
  });
});
