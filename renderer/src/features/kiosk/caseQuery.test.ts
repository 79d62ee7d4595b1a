import { describe, expect, it } from 'vitest';
import type { PublicCaseDoc } from '../../../../core/public/publicDocs';
import { hashQueryCode } from '../../../../core/public/queryCode';
import { createAttemptLimiter, type KeyValueStore } from './attemptLimit';
import { caseNumberOf, queryCase, type CaseQueryInput } from './caseQuery';

const ITER = 1000;
const NUMBER = '（2026）甘0402民初123号';

function store(): KeyValueStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

async function doc(): Promise<PublicCaseDoc> {
  return {
    _id: 'publicCase:c1',
    type: 'publicCase',
    schemaVersion: 1,
    caseNumber: NUMBER,
    cause: '民间借贷纠纷',
    caseTypeCode: '民初',
    filedOn: '2026-11-02',
    stage: 'trial',
    stageLabel: '审理',
    judgeInCharge: '李明',
    panel: ['李明'],
    parties: [],
    hearings: [],
    timeLimitChanges: [],
    services: [],
    enforcement: null,
    access: [await hashQueryCode('123456', ITER), await hashQueryCode('654321', ITER)],
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

const input = (over: Partial<CaseQueryInput> = {}): CaseQueryInput => ({
  year: '2026',
  court: '甘0402',
  typeCode: '民初',
  sequence: '123',
  code: '123456',
  ...over,
});

describe('kiosk case query', () => {
  it('builds the canonical number from the parts and refuses malformed parts', () => {
    expect(caseNumberOf(input())).toBe(NUMBER);
    expect(caseNumberOf(input({ sequence: '0123' }))).toBeNull();
    expect(caseNumberOf(input({ year: '26' }))).toBeNull();
    expect(caseNumberOf(input({ typeCode: '不存在' }))).toBeNull();
  });

  it('shows the case for either party code; a wrong code and an unknown number get the same refusal', async () => {
    const d = await doc();
    const lookups: string[] = [];
    const deps = {
      lookup: async (n: string) => {
        lookups.push(n);
        return n === NUMBER ? d : null;
      },
      limiter: createAttemptLimiter(store()),
      now: () => 1000,
      iterations: ITER,
    };
    expect(await queryCase(input(), deps)).toEqual({ kind: 'found', doc: d });
    expect(await queryCase(input({ code: '654321' }), deps)).toEqual({ kind: 'found', doc: d });
    const wrong = await queryCase(input({ code: '000000' }), deps);
    const unknown = await queryCase(input({ sequence: '999', code: '000000' }), deps);
    expect(wrong).toEqual({ kind: 'refused', remaining: 4 });
    expect(unknown).toEqual(wrong);
    expect(lookups).toEqual([NUMBER, NUMBER, NUMBER, '（2026）甘0402民初999号']);
    expect(await queryCase(input({ code: '12345' }), deps)).toEqual({ kind: 'invalid', field: 'code' });
  });

  it('locks the number after five wrong codes: even the right code is refused until the lock ends', async () => {
    const d = await doc();
    let now = 0;
    const deps = {
      lookup: async () => d,
      limiter: createAttemptLimiter(store()),
      now: () => now,
      iterations: ITER,
    };
    for (let i = 0; i < 4; i++)
      expect((await queryCase(input({ code: '111111' }), deps)).kind).toBe('refused');
    expect(await queryCase(input({ code: '111111' }), deps)).toEqual({
      kind: 'locked',
      unlocksAt: 15 * 60_000,
    });
    expect(await queryCase(input(), deps)).toEqual({ kind: 'locked', unlocksAt: 15 * 60_000 });
    now = 15 * 60_000;
    expect((await queryCase(input(), deps)).kind).toBe('found');
  });
});
