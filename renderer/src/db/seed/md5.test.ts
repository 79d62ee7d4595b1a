import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryMd5Base64 } from './md5';

describe('binaryMd5Base64', () => {
  it('matches MD5 of the latin1 bytes, base64', () => {
    for (const s of [
      '',
      'a',
      'abc',
      'message digest',
      'x'.repeat(55),
      'y'.repeat(56),
      'z'.repeat(64),
      'q'.repeat(1000),
    ]) {
      expect(binaryMd5Base64(s)).toBe(createHash('md5').update(s, 'latin1').digest('base64'));
    }
  });
  it('matches for any ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 300 }), (s) => {
        expect(binaryMd5Base64(s)).toBe(createHash('md5').update(s, 'latin1').digest('base64'));
      }),
      { numRuns: 200 },
    );
  });
});
