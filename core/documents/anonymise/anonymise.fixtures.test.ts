import { describe, expect, it } from 'vitest';
import { administrativeRecord, administrativeText } from '../../../tests/fixtures/documents/administrative';
import { civilLoanDraft, civilLoanRecord } from '../../../tests/fixtures/documents/civilLoan';
import { criminalRecord, criminalText } from '../../../tests/fixtures/documents/criminal';
import { divorceRecord, divorceText } from '../../../tests/fixtures/documents/divorce';
import { inheritanceRecord, inheritanceText } from '../../../tests/fixtures/documents/inheritance';
import { anonymise } from './anonymise';
import { applyReplacements } from './replacements';

/** The original's lines with some replaced: the expected output is written out in full per line. */
function withLines(original: string, lines: Readonly<Record<number, string>>): string {
  return original
    .split('\n')
    .map((line, i) => lines[i] ?? line)
    .join('\n');
}

describe('anonymise on realistic judgments', () => {
  it('keeps the names of an ordinary loan case and removes numbers and home addresses', () => {
    const result = anonymise(civilLoanDraft, civilLoanRecord);
    expect(result.text).toBe(
      withLines(civilLoanDraft, {
        3: '原告：欧阳晓峰，男，1985年3月12日出生，汉族，住甘肃省白银市白银区×××，公民身份号码×××，联系电话×××。',
        4: '委托诉讼代理人：赵敏，甘肃金城律师事务所律师，联系电话×××。',
        5: '被告：李强，男，1990年7月8日出生，汉族，住甘肃省白银市白银区×××，公民身份号码×××，银行账号×××。',
      }),
    );
    expect(result.replacements.map((r) => [r.rule, r.original])).toEqual([
      ['address', '人民路123号5栋2单元301室'],
      ['idNumber', '62040219850312132X'],
      ['mobile', '13893012345'],
      ['landline', '0943-8221234'],
      ['address', '北京路45号'],
      ['idNumber', '620402199007082426'],
      ['bankAccount', '6228480123456789012'],
    ]);
    expect(applyReplacements(civilLoanDraft, result.replacements)).toBe(result.text);
  });

  it('hides every party and child of a divorce, numbering the three people surnamed 张', () => {
    const result = anonymise(divorceText, divorceRecord);
    expect(result.text).toBe(
      withLines(divorceText, {
        3: '原告：司马某，女，1990年7月8日出生，汉族，住甘肃省白银市白银区×××，公民身份号码×××，联系电话×××。',
        4: '被告：张某1，男，1978年11月30日出生，汉族，住甘肃省白银市平川区×××，公民身份号码×××，联系电话×××。',
        6: '原告司马某与被告张某1离婚纠纷一案，本院于2026年2月2日立案后，依法适用简易程序，于2026年3月3日不公开开庭进行了审理。原告司马某、被告张某1及其委托诉讼代理人何永红到庭参加诉讼。本案现已审理终结。',
        7: '司马某向本院提出诉讼请求：1.判令原告与被告离婚；2.婚生子张某2、婚生女张某3由原告抚养，被告每月支付抚养费各1000元；3.依法分割夫妻共同财产。事实和理由：原、被告于2008年3月8日登记结婚，婚后生育婚生子张某2（2010年5月6日出生）、婚生女张某3（2012年6月1日出生）。因被告长期酗酒，夫妻感情确已破裂。',
        8: '张某1辩称，同意离婚，但要求婚生子张某2由被告抚养。',
        10: '一、准予原告司马某与被告张某1离婚；',
        11: '二、婚生子张某2、婚生女张某3由原告司马某抚养，被告张某1自2026年4月起每月支付抚养费各1000元，至子女年满十八周岁止；',
        12: '三、登记在原告名下的×××号小型轿车归原告所有。',
        13: '案件受理费300元，减半收取150元，由被告张某1负担。',
      }),
    );
    const names = result.replacements.filter((r) => r.rule === 'name' || r.rule === 'nameInText');
    expect([...new Set(names.map((r) => `${r.original}→${r.replacement}:${r.rule}:${r.reason}`))]).toEqual([
      '司马丽→司马某:name:familyCase',
      '张建军→张某1:name:familyCase',
      '张小明→张某2:nameInText:familyCase',
      '张小雨→张某3:nameInText:familyCase',
    ]);
    expect(applyReplacements(divorceText, result.replacements)).toBe(result.text);
  });

  it('hides the heirs, the minor and her mother, and the deceased named only in the text', () => {
    const result = anonymise(inheritanceText, inheritanceRecord);
    expect(result.text).toBe(
      withLines(inheritanceText, {
        3: '原告：张某1，男，1960年1月1日出生，汉族，住甘肃省景泰县×××。',
        4: '原告：张某2，女，2012年6月1日出生，汉族，住甘肃省白银市白银区×××。',
        5: '法定代理人：欧阳某，女，系张某2之母，住址同上。',
        6: '被告：张某3，男，1975年4月4日出生，汉族，住甘肃省白银市白银区。',
        8: '第三人：上官某，女，1988年8月8日出生，汉族，户籍地甘肃省靖远县×××。',
        9: '原告张某1、张某2与被告张某3、第三人上官某法定继承纠纷一案，本院于2026年3月2日立案后，依法适用普通程序，于2026年4月8日公开开庭进行了审理。本案现已审理终结。',
        10: '本院经审理认定事实如下：被继承人张某4于2025年9月1日因病去世，生前未立遗嘱。张某4之妻上官某系其第二任妻子。张某1、张某3系张某4之子，张某2系张某4之子张某5（2020年死亡）之女，代位继承其父应继承的份额。被继承人张某4遗有位于甘肃省白银市白银区诚信大道66号的房屋一套及存款200000元（大写：贰拾万元整）。',
        11: '本院认为，被继承人张某4死亡后，其遗产应按法定继承办理。依照《中华人民共和国民法典》第一千一百二十七条、第一千一百二十八条、第一千一百三十条之规定，判决如下：',
        12: '一、被继承人张某4遗留的存款200000元，由原告张某1、张某2，被告张某3，第三人上官某各继承50000元；',
        13: '二、驳回原告张某1的其他诉讼请求。',
      }),
    );
    const reasons = new Map(result.replacements.filter((r) => r.reason).map((r) => [r.original, r.reason]));
    expect(Object.fromEntries(reasons)).toEqual({
      张建华: 'familyCase',
      张梓涵: 'minor',
      欧阳秀兰: 'minor',
      张建国: 'familyCase',
      上官婉: 'familyCase',
      张德明: 'familyCase',
      张建业: 'familyCase',
    });
    expect(applyReplacements(inheritanceText, result.replacements)).toBe(result.text);
  });

  it('hides the minor defendant, his father, the victim, witnesses and appraiser; keeps the adult defendant', () => {
    const result = anonymise(criminalText, criminalRecord);
    expect(result.text).toBe(
      withLines(criminalText, {
        4: '附带民事诉讼原告人（被害人）李某，男，1982年2月14日出生，汉族，住甘肃省会宁县×××，联系电话×××。',
        5: '被告人孙大伟，男，1995年12月25日出生，汉族，住甘肃省白银市白银区×××，公民身份号码×××。因涉嫌犯故意伤害罪于2025年12月3日被刑事拘留，现羁押于白银市看守所。',
        7: '被告人王某1，男，2009年3月2日出生，汉族，学生，住甘肃省白银市白银区×××，公民身份号码×××。',
        8: '法定代理人王某2，男，系被告人王某1之父。',
        9: '白银市白银区人民检察院以白区检刑诉〔2026〕35号起诉书指控被告人孙大伟、王某1犯故意伤害罪，于2026年3月16日向本院提起公诉。本院依法组成合议庭，因被告人王某1系未成年人，于2026年4月21日不公开开庭审理了本案。',
        10: '经审理查明：2025年11月28日22时许，被告人孙大伟驾驶×××号小型轿车搭载被告人王某1行至白银区人民路时，与驾驶×××号摩托车的被害人李某发生口角，二人将被害人李某打伤。经鉴定人吴某鉴定，被害人李某的损伤程度为轻伤一级。证人赵某、周某的证言证实了上述事实。',
        11: '本院认为，被告人孙大伟、王某1故意伤害他人身体，致一人轻伤，其行为均已构成故意伤害罪。被告人王某1犯罪时未满十八周岁，依法应当从轻处罚。依照《中华人民共和国刑法》第二百三十四条第一款、第十七条第四款之规定，判决如下：',
        13: '二、被告人王某1犯故意伤害罪，判处有期徒刑六个月，缓刑一年。',
        14: '三、被告人孙大伟、王某1赔偿附带民事诉讼原告人李某医疗费等各项损失共计36000元，汇入被害人李某银行卡×××。',
      }),
    );
    const names = result.replacements.filter((r) => r.reason);
    expect([...new Set(names.map((r) => `${r.original}:${r.reason}`))].sort()).toEqual(
      [
        '李四海:victim',
        '王小虎:minor',
        '王德福:minor',
        '赵六:witness',
        '周芳:witness',
        '吴建:appraiser',
      ].sort(),
    );
    expect(result.replacements.filter((r) => r.rule === 'plate').map((r) => r.original)).toEqual([
      '甘DF12345',
      '甘D8M321',
    ]);
    expect(applyReplacements(criminalText, result.replacements)).toBe(result.text);
  });

  it('keeps every name of an administrative case and removes the numbers', () => {
    const result = anonymise(administrativeText, administrativeRecord);
    expect(result.text).toBe(
      withLines(administrativeText, {
        3: '原告诸葛明远，男，1982年2月14日出生，汉族，住甘肃省白银市白银区×××，公民身份号码×××，联系电话×××。',
      }),
    );
    expect(result.replacements.map((r) => [r.rule, r.original])).toEqual([
      ['address', '水川镇金岭村二社8号'],
      ['idNumber', '62042219820214577X'],
      ['mobile', '+86 138 9301 2345'],
    ]);
  });
});
