import { describe, expect, it } from 'vitest';
import { caseTypeByCode, courtByCode, parseCaseTypes, parseCourts } from './courtReference';

describe('reference lists', () => {
  it('knows this court, its neighbours in 白银市 and the intermediate court', () => {
    expect(courtByCode('甘0402')?.name).toBe('白银市白银区人民法院');
    expect(courtByCode('甘0402')?.parent).toBe('甘04');
    for (const code of ['甘0403', '甘0421', '甘0422', '甘0423'])
      expect(courtByCode(code)?.parent).toBe('甘04');
    expect(courtByCode('甘04')?.level).toBe('intermediate');
    expect(courtByCode('甘9999')).toBeNull();
  });

  it('lists every type code of docs/product-rules.md §4.2 and the demo data, with family and instance', () => {
    for (const code of [
      '民初',
      '民终',
      '民特',
      '民督',
      '民催',
      '民破',
      '刑初',
      '刑终',
      '行初',
      '行终',
      '执',
      '执保',
      '执异',
      '执恢',
      '执监',
      '财保',
      '司救',
      '赔',
    ]) {
      expect(caseTypeByCode(code), code).not.toBeNull();
    }
    expect(caseTypeByCode('民初')).toMatchObject({
      family: 'civil',
      instance: 'first',
      procedures: ['civilOrdinary', 'civilSummary', 'civilSmallClaims'],
    });
    expect(caseTypeByCode('财保')?.family).toBe('preservation');
    expect(caseTypeByCode('执')?.family).toBe('enforcement');
    expect(caseTypeByCode('民')).toBeNull();
  });

  it('rejects malformed reference data', () => {
    expect(() =>
      parseCourts({
        provinceAbbreviations: ['甘'],
        courts: [{ code: '甘040', name: 'x', nameEn: 'x', level: 'basic', parent: null }],
      }),
    ).toThrow(/malformed court code/);
    expect(() => parseCourts({ provinceAbbreviations: ['甘肃'], courts: [] })).toThrow(/single characters/);
    const t = { code: '民初', name: 'x', nameEn: 'x', family: 'civil', instance: 'first', procedures: [] };
    expect(() => parseCaseTypes({ types: [t, t] })).toThrow(/duplicate/);
    expect(() => parseCaseTypes({ types: [{ ...t, procedures: ['nope'] }] })).toThrow(/unknown procedure/);
    expect(() => parseCaseTypes({ types: [{ ...t, family: 'tax' }] })).toThrow(/family/);
  });
});
