import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  birthDateFromResidentId,
  creditCodeCheckChar,
  isValidCreditCode,
  isValidResidentId,
  makeResidentId,
  residentIdCheckDigit,
  sexFromResidentId,
  validateCreditCode,
  validateResidentId,
} from './identity';
import { fromDayNumber, toDayNumber } from './plainDate';

const reasons = (r: { ok: boolean; issues?: readonly { code: string }[] }) =>
  r.ok ? [] : (r.issues ?? []).map((i) => i.code);

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the examples printed in the standard', () => {
    // GB 11643-1999 附录: 北京市朝阳区, born 1949-12-31, female, check digit X.
    expect(validateResidentId('11010519491231002X')).toEqual({
      ok: true,
      value: { id: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
    // 广东省汕头市潮阳县, born 1880-01-01, male.
    expect(validateResidentId('440524188001010014')).toMatchObject({
      ok: true,
      value: { birthDate: '1880-01-01', sex: 'male' },
    });
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
  });

  it('accepts a lower-case x and surrounding spaces, normalising them', () => {
    expect(validateResidentId(' 11010519491231002x ')).toMatchObject({
      ok: true,
      value: { id: '11010519491231002X' },
    });
  });

  it('extracts birth date and sex', () => {
    const id = makeResidentId('620402', '1988-02-29', 123);
    expect(id).toMatch(/^62040219880229123[\dX]$/);
    expect(birthDateFromResidentId(id)).toBe('1988-02-29');
    expect(sexFromResidentId(id)).toBe('male');
    expect(sexFromResidentId(makeResidentId('620402', '1990-06-01', 124))).toBe('female');
    expect(birthDateFromResidentId('110105194912310021')).toBeNull();
    expect(sexFromResidentId('bogus')).toBeNull();
  });

  it.each([
    ['1101051949123100', ['length']],
    ['11010519491231002Y', ['charset']],
    ['1101051949123X002X', ['charset']],
    ['110105194912310021', ['checkDigit']],
    [makeResidentId('990105', '1949-12-31', 2), ['region']],
    [makeResidentId('110105', '1949-12-31', 2).replace('19491231', '19490231'), ['birthDate', 'checkDigit']],
    [makeResidentId('110105', '1700-01-01', 2), ['birthDate']],
  ])('rejects %s with %j', (id, codes) => {
    expect(reasons(validateResidentId(id))).toEqual(codes);
    expect(isValidResidentId(id)).toBe(false);
  });

  it('rejects a birth date after “today” when one is given', () => {
    const id = makeResidentId('620402', '2026-06-01', 1);
    expect(isValidResidentId(id)).toBe(true);
    expect(reasons(validateResidentId(id, { today: '2026-05-31' }))).toEqual(['birthDate']);
    expect(isValidResidentId(id, { today: '2026-06-01' })).toBe(true);
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('computes the check character of the standard’s worked example', () => {
    // 91350100M000100Y4: Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(validateCreditCode('91350100M000100Y43')).toMatchObject({
      ok: true,
      value: { authority: '9', category: '1', regionCode: '350100', organizationCode: 'M000100Y4' },
    });
    expect(reasons(validateCreditCode('91350100M000100Y4Z'))).toEqual(['charset']);
    expect(reasons(validateCreditCode('91350100M000100Y44'))).toEqual(['checkChar']);
  });

  it('maps a weighted sum ≡ 0 (mod 31) to check character 0', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('reports, without enforcing, the embedded organisation code check (GB 11714)', () => {
    // Organisation code 12345678-8 (Σ = 201, 201 mod 11 = 3, 11 − 3 = 8).
    const body = '91620402123456788';
    const ok = validateCreditCode(body + creditCodeCheckChar(body));
    expect(ok).toMatchObject({ ok: true, value: { organizationCodeCheckOk: true } });
    const off = '91620402123456787';
    expect(validateCreditCode(off + creditCodeCheckChar(off))).toMatchObject({
      ok: true,
      value: { organizationCodeCheckOk: false },
    });
  });

  it.each([
    ['91350100M000100Y4', ['length']],
    ['91350100M000100I43', ['charset']],
    ['91350100O000100Y43', ['charset']],
    ['9135A100M000100Y4' + creditCodeCheckChar('9135A100M000100Y4'), ['region']],
  ])('rejects %s with %j', (code, codes) => {
    expect(reasons(validateCreditCode(code))).toEqual(codes);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('accepts lower case input by upper-casing it', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });
});

const provinceArb = fc.constantFrom('11', '31', '44', '62', '65', '81');
const birthArb = fc
  .integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2025-12-31') })
  .map(fromDayNumber);
const idArb = fc
  .tuple(provinceArb, fc.integer({ min: 0, max: 9999 }), birthArb, fc.integer({ min: 0, max: 999 }))
  .map(([p, r, birth, seq]) => ({
    id: makeResidentId(p + String(r).padStart(4, '0'), birth, seq),
    birth,
    seq,
  }));
const ccChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const creditArb = fc
  .tuple(
    ccChar,
    ccChar,
    fc.integer({ min: 0, max: 999_999 }),
    fc.array(ccChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, region, org]) => {
    const body = a + b + String(region).padStart(6, '0') + org.join('');
    return body + creditCodeCheckChar(body);
  });

describe('identity properties', () => {
  it('generated resident IDs are valid and give back their birth date and sex', () => {
    fc.assert(
      fc.property(idArb, ({ id, birth, seq }) => {
        expect(validateResidentId(id)).toMatchObject({
          ok: true,
          value: { birthDate: birth, sex: seq % 2 === 1 ? 'male' : 'female' },
        });
      }),
    );
  });

  it('every single-character change of a resident ID is caught', () => {
    fc.assert(
      fc.property(idArb, fc.nat(17), fc.constantFrom(...'0123456789X'), ({ id }, pos, c) => {
        fc.pre(id[pos] !== c && (pos === 17 || c !== 'X'));
        expect(isValidResidentId(id.slice(0, pos) + c + id.slice(pos + 1))).toBe(false);
      }),
    );
  });

  it('every swap of two adjacent different digits in the body is caught', () => {
    fc.assert(
      fc.property(idArb, fc.nat(15), ({ id }, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(isValidResidentId(swapped)).toBe(false);
      }),
    );
  });

  it('generated credit codes are valid and every single-character change is caught', () => {
    fc.assert(
      fc.property(
        creditArb,
        fc.nat(17),
        fc.constantFrom(...`${CREDIT_CODE_ALPHABET}IOZSV`),
        (code, pos, c) => {
          expect(isValidCreditCode(code)).toBe(true);
          fc.pre(code[pos] !== c);
          expect(isValidCreditCode(code.slice(0, pos) + c + code.slice(pos + 1))).toBe(false);
        },
      ),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (s) => {
        expect(typeof validateResidentId(s).ok).toBe('boolean');
        expect(typeof validateCreditCode(s).ok).toBe('boolean');
      }),
    );
  });
});
