import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCaseNumber,
  formatProvisionalNumber,
  isCourtCode,
  isProvisional,
  isValidCaseNumber,
  parseCaseNumber,
  parseProvisionalNumber,
} from './caseNumber';
import { CASE_TYPES, COURTS, PROVINCE_ABBREVIATIONS } from './courtReference';

const typeArb = fc.constantFrom(...CASE_TYPES.map((t) => t.code));
const courtArb = fc.oneof(
  fc.constantFrom(...COURTS.map((c) => c.code)),
  fc
    .tuple(
      fc.constantFrom(...PROVINCE_ABBREVIATIONS),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 999_999 }),
    )
    .map(
      ([a, pairs, n]) =>
        a +
        String(n)
          .padStart(6, '0')
          .slice(0, pairs * 2),
    ),
);
const partsArb = fc.record({
  year: fc.integer({ min: 1949, max: 2999 }),
  court: courtArb,
  typeCode: typeArb,
  sequence: fc.integer({ min: 1, max: 999_999_999 }),
});

describe('case number properties', () => {
  it('parse ∘ format is the identity and the result is canonical', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const text = formatCaseNumber(parts);
        const r = parseCaseNumber(text);
        expect(r).toMatchObject({ ok: true, value: { ...parts, normalized: text, warnings: [] } });
        expect(isCourtCode(parts.court)).toBe(true);
      }),
    );
  });

  it('a half-width rendering parses to the same parts with a warning', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const half = formatCaseNumber(parts).replace('（', '(').replace('）', ')');
        expect(parseCaseNumber(half)).toMatchObject({
          ok: true,
          value: { ...parts, warnings: ['halfWidthParentheses'] },
        });
      }),
    );
  });

  it('formatted sequences never have leading zeros; zero-padded ones are rejected', () => {
    fc.assert(
      fc.property(partsArb, fc.integer({ min: 1, max: 3 }), (parts, zeros) => {
        expect(formatCaseNumber(parts)).not.toMatch(/\D0\d*号$/);
        const padded = `（${parts.year}）${parts.court}${parts.typeCode}${'0'.repeat(zeros)}${parts.sequence}号`;
        expect(parseCaseNumber(padded)).toMatchObject({ ok: false, error: { code: 'leadingZero' } });
      }),
    );
  });

  it('rejects random garbage without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = parseCaseNumber(s);
        if (r.ok) expect(parseCaseNumber(r.value.normalized).ok).toBe(true);
        expect(isValidCaseNumber(s)).toBe(r.ok && formatCaseNumber(r.value) === s);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '（',
            '）',
            '(',
            ')',
            '甘',
            '0',
            '4',
            '2',
            '民',
            '初',
            '号',
            '临',
            '-',
            '9',
            ' ',
            'A',
          ),
          maxLength: 24,
        }),
        (s) => {
          const r = parseCaseNumber(s);
          if (r.ok) expect(formatCaseNumber(r.value)).toBe(r.value.normalized);
          else expect(r.error.message.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('an official number and a provisional one are never confused', () => {
    fc.assert(
      fc.property(partsArb, fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{6,16}$/), (parts, shortId) => {
        const official = formatCaseNumber(parts);
        const provisional = formatProvisionalNumber({ ...parts, shortId });
        expect(isProvisional(official)).toBe(false);
        expect(parseCaseNumber(provisional).ok).toBe(false);
        expect(parseProvisionalNumber(provisional)).toEqual({
          year: parts.year,
          court: parts.court,
          typeCode: parts.typeCode,
          shortId,
        });
      }),
    );
  });
});
