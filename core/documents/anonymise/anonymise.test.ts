import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../domain/identity';
import type { DocumentRecord } from '../record';
import { adminPrefixLength } from './addresses';
import { anonymise } from './anonymise';
import { applyReplacements, type Replacement } from './replacements';

const loan: DocumentRecord = {
  caseType: '民初',
  cause: '民间借贷纠纷',
  parties: [{ role: 'plaintiff', name: '李强' }],
};

function rules(text: string, record: DocumentRecord = loan): [string, string][] {
  return anonymise(text, record).replacements.map((r) => [r.rule, r.original]);
}

describe('numbers', () => {
  it('never lets an 18-digit ID rule take part of a 19-digit account', () => {
    const id = '620402198503121311';
    const account = `6${id}`; // 19 digits whose last 18 are a valid ID number
    expect(rules(`账号${account}，身份证号${id}`)).toEqual([
      ['bankAccount', account],
      ['idNumber', id],
    ]);
    expect(anonymise(`账号${account}，身份证号${id}`, loan).text).toBe('账号×××，身份证号×××');
    expect(rules(`身份证号${id} 6228480123456789012`)).toEqual([
      ['idNumber', id],
      ['bankAccount', '6228480123456789012'],
    ]);
  });

  it('removes IDs ending in X (either case), old 15-digit IDs and mistyped IDs', () => {
    expect(rules('身份证号62040219850312132X、62040219850312132x')).toEqual([
      ['idNumber', '62040219850312132X'],
      ['idNumber', '62040219850312132x'],
    ]);
    expect(rules('身份证号620402680315123')).toEqual([['oldIdNumber', '620402680315123']]);
    expect(rules('身份证号620402198503121312')).toEqual([['idNumber', '620402198503121312']]); // check digit wrong
  });

  it('keeps a valid unified social credit code and ordinary numbers', () => {
    expect(
      rules('统一社会信用代码91620402MA71B2C3DR，借款100000元，（2026）甘0402民初1234号，20260301'),
    ).toEqual([]);
    // An all-digit code that passes the credit-code checksum by chance is removed unless labelled as one.
    expect(rules('信用代码：11620400013579246U，统一社会信用代码858437252260980742')).toEqual([]);
    expect(rules('账号858437252260980742')).toEqual([['bankAccount', '858437252260980742']]);
  });

  it('removes mobile and landline numbers with and without area codes or separators', () => {
    expect(rules('电话13893012345、139 3012 6789、139-3012-6789、+86 138 9301 2345、+8613893012345')).toEqual(
      [
        ['mobile', '13893012345'],
        ['mobile', '139 3012 6789'],
        ['mobile', '139-3012-6789'],
        ['mobile', '+86 138 9301 2345'],
        ['mobile', '+8613893012345'],
      ],
    );
    expect(rules('座机0943-8221234、（0943）8221234、(010)62345678、09438221234，电话：8221234')).toEqual([
      ['landline', '0943-8221234'],
      ['landline', '（0943）8221234'],
      ['landline', '(010)62345678'],
      ['landline', '09438221234'],
      ['landline', '8221234'],
    ]);
    expect(rules('涉案金额8221234元')).toEqual([]); // seven digits without a phone label stay
  });

  it('removes bank cards written in groups and vehicle plates, including new-energy plates', () => {
    expect(
      rules('卡号6217 0012 3456 7890 123，车牌甘D12345、粤B·12345、甘DF12345、粤B12345D、甘D8M321'),
    ).toEqual([
      ['bankAccount', '6217 0012 3456 7890 123'],
      ['plate', '甘D12345'],
      ['plate', '粤B·12345'],
      ['plate', '甘DF12345'],
      ['plate', '粤B12345D'],
      ['plate', '甘D8M321'],
    ]);
  });
});

describe('addresses', () => {
  it.each([
    ['甘肃省白银市白银区人民路123号5栋2单元301室', '甘肃省白银市白银区'],
    ['甘肃省靖远县东湾镇大坝村三社12号', '甘肃省靖远县'],
    ['北京市朝阳区建国路1号', '北京市朝阳区'],
    ['新疆维吾尔自治区乌鲁木齐市天山区解放路5号', '新疆维吾尔自治区乌鲁木齐市天山区'],
    ['甘肃省酒泉市玉门市新市区2号', '甘肃省酒泉市玉门市'],
    ['白银区人民市场3号', '白银区'],
    ['幸福小区3号楼', ''],
    ['山西省太原市小店区坞城路92号', '山西省太原市小店区'],
  ])('keeps the administrative prefix of %s', (address, kept) => {
    expect(address.slice(0, adminPrefixLength(address))).toBe(kept);
  });

  it('masks the detail after a natural person’s address labels and keeps a company’s domicile', () => {
    const text =
      '原告李强，男，住所地甘肃省白银市白银区人民路1号。被告某公司，住所地甘肃省白银市白银区工农路88号。户籍地甘肃省会宁县会师镇南关村。现居住在白银市白银区四龙路7号。';
    expect(anonymise(text, loan).text).toBe(
      '原告李强，男，住所地甘肃省白银市白银区×××。被告某公司，住所地甘肃省白银市白银区工农路88号。户籍地甘肃省会宁县×××。现居住在白银市白银区×××。',
    );
  });

  it('does not mistake 住院, 住宿 or 住址同上 for an address', () => {
    expect(rules('原告住院治疗十天，住宿费500元，住址同上。')).toEqual([]);
  });
});

describe('names', () => {
  const family: DocumentRecord = {
    caseType: '民初',
    cause: '离婚纠纷',
    parties: [
      { role: 'plaintiff', name: '欧阳晓峰' },
      { role: 'defendant', name: '阿依古丽·买买提' },
    ],
  };

  it('keeps the compound surname and the first character of a name with a separator dot', () => {
    expect(anonymise('原告欧阳晓峰与被告阿依古丽·买买提离婚纠纷一案', family).text).toBe(
      '原告欧阳某与被告阿某离婚纠纷一案',
    );
  });

  it('hides minors in any case and their legal representatives, judged on the record’s judgment date', () => {
    const record: DocumentRecord = {
      caseType: '民初',
      cause: '机动车交通事故责任纠纷',
      parties: [
        {
          role: 'plaintiff',
          name: '刘小宝',
          idNumber: makeResidentId('620402', '2012-06-01', 11),
          legalRepresentative: '刘大山',
        },
        { role: 'defendant', name: '陈立', idNumber: makeResidentId('620402', '1990-06-01', 11) },
      ],
      dates: { judgment: '2026-05-06' },
    };
    const text = '原告刘小宝，法定代理人刘大山，被告陈立。';
    expect(anonymise(text, record).text).toBe('原告刘某1，法定代理人刘某2，被告陈立。');
    // On a day after the child turned 18 the names stay.
    expect(anonymise(text, record, { asOf: '2030-06-02' }).text).toBe(text);
  });

  it('ignores a one-character name on the record instead of masking that character everywhere', () => {
    const slip: DocumentRecord = { ...family, parties: [{ role: 'plaintiff', name: '王' }] };
    expect(anonymise('原告王五与被告王六，王', slip).text).toBe('原告王某1与被告王某2，王');
  });

  it('does not hide given names used alone (a documented limit)', () => {
    expect(anonymise('原告欧阳晓峰，晓峰称', family).text).toBe('原告欧阳某，晓峰称');
  });

  it('finds witnesses listed after one role word and leaves words that only look like names', () => {
    const criminal: DocumentRecord = {
      caseType: '刑初',
      cause: '盗窃罪',
      parties: [{ role: 'defendantCriminal', name: '孙大伟' }],
    };
    const text =
      '证人李四、王五和赵六的证言，被害人家属到庭，被害人的陈述，被告人孙大伟供述。证人于海证实，证人于是离开，证人应当如实作证，被害人之母到庭，证人马丽丽证言。';
    expect(anonymise(text, criminal).text).toBe(
      '证人李某、王某和赵某的证言，被害人家属到庭，被害人的陈述，被告人孙大伟供述。证人于某证实，证人于是离开，证人应当如实作证，被害人之母到庭，证人马某证言。',
    );
  });
});

describe('anonymise properties', () => {
  const filler = fc.constantFrom(
    '原告',
    '，',
    '。',
    '住址不详',
    '本院认为',
    '联系电话',
    '身份证号',
    '账号',
    '借款',
    '\n',
    ' ',
  );
  const id = fc
    .tuple(
      fc.constantFrom('620402', '110105', '440305'),
      fc.integer({ min: 0, max: 36_000 }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([region, day, seq]) =>
      makeResidentId(
        region,
        new Date(Date.UTC(1930, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
        seq,
      ),
    );
  const mobile = fc
    .tuple(fc.constantFrom('13', '15', '18', '19'), fc.stringMatching(/^\d{9}$/u))
    .map(([a, b]) => a + b);
  const account = fc
    .integer({ min: 16, max: 19 })
    .chain((n) => fc.stringMatching(new RegExp(`^[1-9]\\d{${n - 1}}$`, 'u')));
  const landline = fc
    .tuple(fc.constantFrom('0943', '010', '0931'), fc.stringMatching(/^[2-8]\d{6,7}$/u))
    .map(([a, b]) => `${a}-${b}`);
  const piece = fc.oneof(
    filler,
    id,
    mobile,
    account,
    landline,
    id.map((s) => s.toLowerCase()),
  );
  const doc = fc
    .array(fc.tuple(piece, fc.constantFrom('，', '、', '。', ' ', '：')), { maxLength: 30 })
    .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

  it('never leaves an ID, mobile, landline or account pattern in the output', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const out = anonymise(text, loan).text;
        expect(out).not.toMatch(/\d{15,}|\d{17}[Xx]/u);
        expect(out).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/u);
        expect(out).not.toMatch(/0\d{2,3}-\d{7,8}/u);
      }),
    );
  });

  it('gives non-overlapping replacements that rebuild the output from the original', () => {
    const record: DocumentRecord = {
      caseType: '民初',
      cause: '离婚纠纷',
      parties: [{ role: 'plaintiff', name: '张三' }],
    };
    const named = fc
      .array(fc.oneof(doc, fc.constant('原告张三诉称'), fc.constant('婚生子张小明，')), { maxLength: 5 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(named, (text) => {
        const { text: out, replacements } = anonymise(text, record);
        for (let i = 1; i < replacements.length; i += 1)
          expect((replacements[i - 1] as Replacement).end).toBeLessThanOrEqual(
            (replacements[i] as Replacement).start,
          );
        for (const r of replacements) expect(text.slice(r.start, r.end)).toBe(r.original);
        expect(applyReplacements(text, replacements)).toBe(out);
        // Undoing any one replacement rebuilds a text that differs only there.
        if (replacements.length > 0) {
          const undone = applyReplacements(text, replacements.slice(1));
          const first = replacements[0] as Replacement;
          expect(undone.slice(0, first.start)).toBe(out.slice(0, first.start));
        }
      }),
    );
  });

  it('refuses replacements that overlap or do not match the text', () => {
    const r = (start: number, end: number, original: string): Replacement => ({
      start,
      end,
      original,
      replacement: 'x',
      rule: 'name',
    });
    expect(() => applyReplacements('张三李四', [r(0, 2, '张三'), r(1, 3, '三李')])).toThrow(RangeError);
    expect(() => applyReplacements('张三李四', [r(0, 2, '李四')])).toThrow(RangeError);
    expect(() => applyReplacements('张三', [r(1, 5, '三')])).toThrow(RangeError);
  });
});
