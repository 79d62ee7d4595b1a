import { describe, expect, it } from 'vitest';
import type { DocumentFinding } from '../findings';
import type { DocumentRecord } from '../record';
import { checkDocument } from './checkDocument';

const record: DocumentRecord = {
  caseNumber: '（2026）甘0402民初1234号',
  caseType: '民初',
  cause: '民间借贷纠纷',
  parties: [
    { role: 'plaintiff', name: '欧阳晓峰', agents: [{ name: '赵敏' }] },
    { role: 'defendant', name: '李强' },
    { role: 'defendant', kind: 'legal', name: '甘肃陇原建材有限公司', legalRepresentative: '王建国' },
  ],
  dates: { filing: '2026-01-15', hearings: ['2026-03-10'], judgment: '2026-04-20' },
};

function found(
  text: string,
  only?: DocumentFinding['code'][],
): [string, string, string, string | undefined][] {
  return checkDocument(text, record, only ? { only } : {}).map((f) => [
    f.code,
    f.reason,
    text.slice(f.start, f.end),
    f.suggestion,
  ]);
}

describe('caseNumberMismatch', () => {
  it('checks the heading number against the case and every number for form', () => {
    expect(
      found('（2026）甘0402民初1234号\n不服（2025）甘0402民初77号民事判决', ['caseNumberMismatch']),
    ).toEqual([]);
    expect(found('(2026)甘0402民初1234号', ['caseNumberMismatch'])).toEqual([
      ['caseNumberMismatch', 'notCanonical', '(2026)甘0402民初1234号', '（2026）甘0402民初1234号'],
    ]);
    expect(found('（2026）甘0402民初1243号', ['caseNumberMismatch'])).toEqual([
      ['caseNumberMismatch', 'notThisCase', '（2026）甘0402民初1243号', '（2026）甘0402民初1234号'],
    ]);
    expect(found('（2026）甘0402民初1234号\n参见（2026）甘0402民初0012号', ['caseNumberMismatch'])).toEqual([
      ['caseNumberMismatch', 'malformed', '（2026）甘0402民初0012号', undefined],
    ]);
  });

  it('leaves numbers of the old 字第 form from before 2016 alone but flags them later', () => {
    expect(found('（2026）甘0402民初1234号\n（2014）白民一初字第123号', ['caseNumberMismatch'])).toEqual([]);
    expect(
      found('（2026）甘0402民初1234号\n（2017）甘0402民初字第5号', ['caseNumberMismatch']).map((f) => f[1]),
    ).toEqual(['malformed']);
  });

  it('flags a provisional number once the official one exists', () => {
    expect(found('临（2026）甘0402民初-7K3M9QXP', ['caseNumberMismatch'])).toEqual([
      ['caseNumberMismatch', 'provisional', '临（2026）甘0402民初-7K3M9QXP', '（2026）甘0402民初1234号'],
    ]);
  });

  it('does not take a later citation for the heading', () => {
    const text = `${'本院'.repeat(200)}（2025）甘0402民初77号`;
    expect(found(text, ['caseNumberMismatch'])).toEqual([]);
  });
});

describe('partyNotOnRecord', () => {
  it.each([
    ['原告欧阳晓锋诉称', '欧阳晓锋', 'nearMiss', '欧阳晓峰'],
    ['被告李墙辩称', '李墙', 'nearMiss', '李强'],
    ['原告欧阳晓诉称', '欧阳晓', 'nearMiss', '欧阳晓峰'],
    ['法定代表人：王建军，该公司经理', '王建军', 'nearMiss', '王建国'],
    ['被告甘肃陇原建才有限公司辩称', '甘肃陇原建才有限公司', 'nearMiss', '甘肃陇原建材有限公司'],
    ['被告王五，男，1980年1月1日出生', '王五', 'notOnRecord', undefined],
    ['被告王五辩称，借款已还清', '王五', 'notOnRecord', undefined],
    ['原告欧阳晓峰与被告张三丰民间借贷纠纷一案', '张三丰', 'notOnRecord', undefined],
  ])('%s → %s', (text, name, reason, suggestion) => {
    expect(found(text, ['partyNotOnRecord'])).toEqual([['partyNotOnRecord', reason, name, suggestion]]);
  });

  it.each([
    '原告欧阳晓峰诉称',
    '判令被告李强偿还借款本金',
    '本案诉讼费用由被告承担，',
    '判令被告支付利息，',
    '原告方认为，',
    '被告于2025年3月1日向原告借款',
    '原告张某诉称',
    '被告欧阳某辩称',
    '被告人民法院',
    '甘肃省白银市第三人民医院出具的诊断证明',
    '被告甘肃陇原建材有限公司承担连带清偿责任',
    '原告（以下简称晓峰）诉称', // a defined short name
    '被告甘肃陇原建材有限公司（以下简称“陇原公司”）。被告陇原公司辩称',
    '被告甘肃陇原建材有限公司（以下简称：陇原公司）。被告陇原公司辩称',
    '委托诉讼代理人：钱七，甘肃某律师事务所律师', // an agent not named in the strict positions
  ])('accepts “%s”', (text) => {
    expect(found(text, ['partyNotOnRecord'])).toEqual([]);
  });
});

describe('amountCapitalsMismatch', () => {
  it.each([
    ['本金100000元（大写：壹拾万元整）', []],
    ['本金100,000.00元（大写：人民币壹拾万元整）', []],
    ['本金10万元（大写：壹拾万元整）', []],
    ['本金10.5万元（大写：壹拾万零伍仟元整）', []],
    ['人民币壹拾万元（￥100,000.00）', []],
    ['本金１００，０００元(大写:壹拾万元整)', []],
    ['本金100000元，大写壹拾万元整', []],
    ['本金100000元（大写：壹佰万元整）', [['mismatch', '壹佰万元整', '壹拾万元整']]],
    ['本金10万元（大写：壹万元整）', [['mismatch', '壹万元整', '壹拾万元整']]],
    ['人民币壹拾万元（￥10,000.00）', [['mismatch', '人民币壹拾万元', '人民币壹万元整']]],
    ['本金100000元（大写：壹拾万万元整）', [['unreadable', '壹拾万万元整', '壹拾万元整']]],
    ['利息1234.56元（大写：壹仟贰佰叁拾肆元伍角陆分）', []],
    [
      '利息1234.56元（大写：壹仟贰佰叁拾肆元陆角伍分）',
      [['mismatch', '壹仟贰佰叁拾肆元陆角伍分', '壹仟贰佰叁拾肆元伍角陆分']],
    ],
    ['共计100000元，其中壹拾万元为本金', []], // not adjacent: not a figures/capitals pair
  ])('%s', (text, expected) => {
    expect(
      found(text, ['amountCapitalsMismatch']).map(([, reason, span, suggestion]) => [
        reason,
        span,
        suggestion,
      ]),
    ).toEqual(expected);
  });
});

describe('invalidDate', () => {
  it.each([
    ['二〇二六年二月三十日', 'day'],
    ['2026年13月1日', 'month'],
    ['2026年2月29日', 'day'],
    ['２０２６年４月３１日', 'day'],
    ['二〇二六年十三月一日', 'month'],
    ['2026年0月5日', 'month'],
  ])('%s is not a date (%s)', (text, reason) => {
    expect(found(`于${text}签订`, ['invalidDate'])).toEqual([['invalidDate', reason, text, undefined]]);
  });

  it.each([
    '2028年2月29日',
    '二〇二八年二月二十九日',
    '二〇二六年十二月三十一日',
    '2026年12月31日',
    '判处有期徒刑一年六个月',
  ])('accepts %s', (text) => {
    expect(found(text, ['invalidDate'])).toEqual([]);
  });
});

describe('dateOrder', () => {
  it('orders labelled text dates among themselves', () => {
    const text = '本院于2026年3月20日立案后，于2026年3月10日公开开庭进行了审理。';
    const local: DocumentRecord = { ...record, dates: {} };
    expect(checkDocument(text, local).map((f) => [f.code, f.reason, text.slice(f.start, f.end)])).toEqual([
      ['dateOrder', 'hearingBeforeFiling', '2026年3月10日'],
    ]);
  });

  it('finds the signing date under the panel and compares it with the hearing', () => {
    const text = '于2026年3月10日公开开庭进行了审理。\n审判员　钱明亮\n二〇二六年三月一日\n书记员　周小梅';
    expect(found(text, ['dateOrder', 'dateMismatch'])).toEqual([
      ['dateOrder', 'judgmentBeforeHearing', '二〇二六年三月一日', undefined],
      ['dateMismatch', 'judgment', '二〇二六年三月一日', undefined],
    ]);
  });
});

describe('citationFormat', () => {
  it.each([
    ['依照《中华人民共和国民法典》第五百七十七条之规定', []],
    ['依照《中华人民共和国民法典》第577条之规定', [['arabicNumerals', '第577条', '第五百七十七条']]],
    [
      '依照《中华人民共和国民法典》第五百七十七条第1款',
      [['arabicNumerals', '第五百七十七条第1款', '第五百七十七条第一款']],
    ],
    [
      '依照《中华人民共和国民事诉讼法》第一百二十二条第3项',
      [['arabicNumerals', '第一百二十二条第3项', '第一百二十二条第（三）项']],
    ],
    ['依照《中华人民共和国民事诉讼法》第一百二十二条第（三）项、第三项', []],
    ['依照《中华人民共和国民法典》第一百十条', [['numeralForm', '第一百十条', '第一百一十条']]],
    ['依照《中华人民共和国刑法》第一百三十三条之一', []],
    ['依照《中华人民共和国刑法》第133条之1', [['arabicNumerals', '第133条之1', '第一百三十三条之一']]],
    ['依照《民法典》第五百七十七条', [['shortName', '《民法典》', '《中华人民共和国民法典》']]],
    [
      '依照中华人民共和国民法典第五百七十七条',
      [['missingBookTitle', '中华人民共和国民法典', '《中华人民共和国民法典》']],
    ],
    ['依照劳动合同法第三十九条', [['shortName', '劳动合同法', '《中华人民共和国劳动合同法》']]],
    ['《借款合同》第5条约定借款期限为一年', []],
    ['依照第577条', []],
    ['民法典施行后', []],
    [
      '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》（以下简称民诉法解释）第九十条。依照民诉法解释第九十条、《民诉法解释》第九十一条',
      [],
    ],
    [
      '依照《民诉法解释》第九十条',
      [['shortName', '《民诉法解释》', '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》']],
    ],
    [
      '《中华人民共和国民法典》第六百七十五条、第六百七十六条和第680条',
      [['arabicNumerals', '第680条', '第六百八十条']],
    ],
  ])('%s', (text, expected) => {
    expect(
      found(text, ['citationFormat']).map(([, reason, span, suggestion]) => [reason, span, suggestion]),
    ).toEqual(expected);
  });
});

describe('commonError', () => {
  it.each([
    ['被告于当日转帐50000元', 'zhangAccountVerb', '转帐', '转账'],
    ['驳回原告的其它诉讼请求', 'qitaOther', '其它', '其他'],
    ['本院依法做出判决', 'zuochuDecision', '做出判决', '作出判决'],
    ['被告公司法人代表王建国', 'legalRepresentative', '法人代表', '法定代表人'],
    ['原告已预缴案件受理费', 'yujiaoFee', '预缴案件受理费', '预交案件受理费'],
    ['被告辨称', 'bianchengDefend', '辨称', '辩称'],
    ['被告主张抵消', 'dixiaoSetOff', '抵消', '抵销'],
    ['被告人已取的被害人谅解', 'qudeObtain', '取的', '取得'],
    ['判令被告赔尝原告损失', 'peichangCompensate', '赔尝', '赔偿'],
    ['本案诉讼标地额为100000元', 'biaodiSubjectMatter', '诉讼标地', '诉讼标的'],
  ])('%s', (text, reason, span, suggestion) => {
    expect(found(text, ['commonError'])).toEqual([['commonError', reason, span, suggestion]]);
  });

  it('leaves quotations alone and keeps correct words', () => {
    expect(found('借条载明“其它费用由借款人承担”，截止日期为2025年', ['commonError'])).toEqual([]);
    expect(found('搭帐篷，作出判决，法定代表人，全部份额，截至2025年', ['commonError'])).toEqual([]);
  });
});

describe('findings', () => {
  it('are sorted by position and never overlap within one code', () => {
    const text = '转帐户，其它，（2026）甘0402民初1243号';
    const findings = checkDocument(text, record);
    const starts = findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(findings.filter((f) => f.code === 'commonError').map((f) => text.slice(f.start, f.end))).toEqual([
      '转帐',
      '其它',
    ]);
  });
});
