import { describe, expect, it } from 'vitest';
import { CAUSES, causeByName, causesForType, feeKindFor, parseCauses } from './causes';
import { calculateFee } from './fees';

describe('causes reference list', () => {
  it('has a realistic list for every family a basic court files', () => {
    expect(CAUSES.length).toBeGreaterThanOrEqual(60);
    for (const t of ['民初', '刑初', '行初', '执', '执异', '民特', '民督', '财保', '司救'])
      expect(causesForType(t).length, t).toBeGreaterThan(0);
    expect(causesForType('民初').map((c) => c.name)).toContain('民间借贷纠纷');
    expect(causesForType('刑初').map((c) => c.name)).toContain('危险驾驶罪');
    expect(causesForType('刑初').map((c) => c.name)).not.toContain('民间借贷纠纷');
  });

  it('rejects malformed data naming the entry', () => {
    expect(() => parseCauses({})).toThrow(/must be an array/);
    expect(() =>
      parseCauses({ causes: [{ name: 'x', nameEn: 'x', types: ['民X'], category: 'civil' }] }),
    ).toThrow(/unknown case type/);
    expect(() =>
      parseCauses({
        causes: [
          { name: 'x', nameEn: 'x', types: ['民初'], category: 'civil' },
          { name: 'x', nameEn: 'x', types: ['民初'], category: 'civil' },
        ],
      }),
    ).toThrow(/duplicate/);
    expect(() =>
      parseCauses({
        causes: [{ name: 'x', nameEn: 'x', types: ['民初'], category: 'civil', feeKind: 'nope' }],
      }),
    ).toThrow(/feeKind/);
  });

  it('picks the fee kind by type, then by cause', () => {
    expect(feeKindFor('民初', '离婚纠纷', false)).toBe('divorce');
    expect(feeKindFor('民初', '民间借贷纠纷', true)).toBe('property');
    expect(feeKindFor('民初', '追索劳动报酬纠纷', true)).toBe('labour');
    expect(feeKindFor('民初', null, false)).toBe('otherNonProperty');
    expect(feeKindFor('执', '民间借贷纠纷', true)).toBe('enforcement');
    expect(feeKindFor('刑初', '盗窃罪', false)).toBeNull();
    expect(causeByName('不存在')).toBeNull();
    // Every kind it returns is one the fee calculator knows.
    for (const c of CAUSES)
      for (const t of c.types) {
        const kind = feeKindFor(t, c.name, true);
        if (kind) expect(calculateFee({ kind, amountFen: 100_000_00 }).ok, `${t} ${c.name}`).toBe(true);
      }
  });
});
