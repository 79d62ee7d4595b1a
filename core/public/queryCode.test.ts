import { describe, expect, it } from 'vitest';
import { hashQueryCode, matchesQueryCode } from './queryCode';

describe('query code hashes', () => {
  it('matches the right code, refuses a wrong one, and never stores the code', async () => {
    const a = await hashQueryCode('123456', 1000);
    const b = await hashQueryCode('654321', 1000);
    expect(JSON.stringify([a, b])).not.toMatch(/123456|654321/);
    expect(await matchesQueryCode('123456', [a, b], 1000)).toBe(true);
    expect(await matchesQueryCode('654321', [a, b], 1000)).toBe(true);
    expect(await matchesQueryCode('123457', [a, b], 1000)).toBe(false);
    expect(await matchesQueryCode('12345', [a, b], 1000)).toBe(false);
  });

  it('salts each entry: the same code hashes differently twice', async () => {
    const a = await hashQueryCode('111111', 1000);
    const b = await hashQueryCode('111111', 1000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('query code hash format', () => {
  it('is base64 of 16 salt bytes and 32 hash bytes, as Node computes it', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const h = await hashQueryCode('246810', 1000);
    const salt = Buffer.from(h.salt, 'base64');
    expect(salt).toHaveLength(16);
    expect(h.hash).toBe(pbkdf2Sync('246810', new Uint8Array(salt), 1000, 32, 'sha256').toString('base64'));
  });
});
