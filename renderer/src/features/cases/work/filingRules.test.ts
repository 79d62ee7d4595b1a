import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, makeResidentId } from '../../../../../core/domain/identity';
import { filingFee, feeAmountText } from './filingFee';
import { rolesForType, unknownRolesInTable, validatePartyId } from './filingRules';

describe('filing rules', () => {
  it('checks resident IDs and credit codes by checksum, with a translatable reason', () => {
    const id = makeResidentId('620402', '1985-01-31', 17);
    expect(validatePartyId('natural', id, '2026-03-02')).toBeNull();
    expect(validatePartyId('natural', '', '2026-03-02')).toBeNull();
    const typo = id.slice(0, 5) + ((Number(id[5]) + 1) % 10) + id.slice(6);
    expect(validatePartyId('natural', typo, '2026-03-02')?.code).toBe('checkDigit');
    expect(validatePartyId('natural', '12345', '2026-03-02')).toEqual({ code: 'length', length: 5 });
    const body = '91620402MA71234567'.slice(0, 17);
    const uscc = body + creditCodeCheckChar(body);
    expect(validatePartyId('legal', uscc, '2026-03-02')).toBeNull();
    expect(validatePartyId('legal', body + (uscc[17] === '0' ? '1' : '0'), '2026-03-02')?.code).toBe(
      'creditCheckChar',
    );
    expect(validatePartyId('legal', 'ABC', '2026-03-02')?.code).toBe('creditLength');
  });

  it('offers roles by case type', () => {
    expect(rolesForType('民初').slice(0, 2)).toEqual(['plaintiff', 'defendant']);
    expect(rolesForType('执')).toEqual(['creditor', 'debtor']);
    expect(rolesForType('刑初')).toContain('defendantCriminal');
    expect(rolesForType('$comment')).toEqual(rolesForType('民初'));
    expect(unknownRolesInTable()).toEqual([]);
  });

  it('computes the filing fee live: property schedule, summary halving, no fee for criminal cases', () => {
    const full = filingFee({
      caseType: '民初',
      procedure: 'civilOrdinary',
      cause: '民间借贷纠纷',
      claimAmount: 100_000,
    });
    expect(full.kind === 'quote' && feeAmountText(full.quote)).toBe('2,300.00');
    const half = filingFee({
      caseType: '民初',
      procedure: 'civilSummary',
      cause: '民间借贷纠纷',
      claimAmount: 100_000,
    });
    expect(half.kind === 'quote' && half.quote.maxFen).toBe(115_000);
    expect(filingFee({ caseType: '刑初', cause: '盗窃罪' }).kind).toBe('none');
    const divorce = filingFee({ caseType: '民初', procedure: 'civilOrdinary', cause: '离婚纠纷' });
    expect(divorce.kind === 'quote' && divorce.quote.isRange).toBe(true);
    const enforcement = filingFee({ caseType: '执', cause: '民间借贷纠纷', claimAmount: 10_000 });
    expect(enforcement.kind).toBe('quote');
  });
});
