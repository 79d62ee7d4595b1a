import { describe, expect, it } from 'vitest';
import { LoadBook } from './assignmentWorker';
import { caseNumberDocId, caseNumberKeyOf, claimId } from './caseNumberWorker';
import { checkpointId } from './changesFollower';
import { backoffDelay, encId } from './couchHttp';

describe('caseNumberKeyOf', () => {
  it('reads schema and demo field names; the year is the filing year', () => {
    expect(caseNumberKeyOf({ caseType: '民初', filingDate: '2026-12-31', court: '甘0402' })).toEqual({
      year: 2026,
      court: '甘0402',
      typeCode: '民初',
    });
    expect(caseNumberKeyOf({ caseTypeCode: '执', filedAt: '2025-01-02' })).toEqual({
      year: 2025,
      court: '甘0402',
      typeCode: '执',
    });
    expect(caseNumberKeyOf({ caseTypeCode: '执', year: 2024, filedAt: '2025-01-02' })).toMatchObject({
      year: 2024,
    });
  });
  it('gives a reason instead of a key for unusable filings', () => {
    expect(caseNumberKeyOf({ caseType: '民X', filingDate: '2026-01-01' })).toHaveProperty('reason');
    expect(caseNumberKeyOf({ caseType: '民初' })).toEqual({ reason: 'no filing date' });
    expect(caseNumberKeyOf({ caseType: '民初', filingDate: '2026-01-01', court: 'XX' })).toHaveProperty(
      'reason',
    );
  });
  it('derives ids', () => {
    // Zero-padded positions: id order is position order, so a log is read with one id range.
    expect(claimId({ year: 2026, court: '甘0402', typeCode: '民初' }, 123)).toBe(
      'caseNumber:claim:2026:甘0402:民初:00000123',
    );
    expect(caseNumberDocId('case:abc')).toBe('caseNumber:abc');
    expect(checkpointId('w1')).toBe('_local/courtdesk-worker-w1');
  });
});

describe('couchHttp helpers', () => {
  it('backs off exponentially up to the cap, with jitter in the upper half', () => {
    expect(backoffDelay(0, 200, 30_000, () => 0)).toBe(100);
    expect(backoffDelay(3, 200, 30_000, () => 1)).toBe(1600);
    expect(backoffDelay(50, 200, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(50, 200, 30_000, () => 0)).toBe(15_000);
  });
  it('keeps the slash of _local and _design ids', () => {
    expect(encId('_local/courtdesk-worker-a')).toBe('_local/courtdesk-worker-a');
    expect(encId('caseNumber:claim:2026:甘0402:民初:00000001')).toBe(
      encodeURIComponent('caseNumber:claim:2026:甘0402:民初:00000001'),
    );
  });
});

describe('LoadBook', () => {
  it('counts open cases per judge, idempotently, in any order', () => {
    const a = new LoadBook();
    const docs = [
      { _id: 'assignment:1', type: 'assignment', caseId: 'case:1', judge: 'j1' },
      { _id: 'assignment:2', type: 'assignment', caseId: 'case:2', judge: 'j1' },
      { _id: 'event:case:2:x', type: 'event', caseId: 'case:2', kind: 'closed' },
      { _id: 'assignment:3', type: 'assignment', caseId: 'case:3', judge: 'j2' },
    ];
    for (const d of [...docs, ...docs]) a.observe(d);
    const b = new LoadBook();
    for (const d of [...docs].reverse()) b.observe(d);
    expect(a.loads()).toEqual(
      new Map([
        ['j1', 1],
        ['j2', 1],
      ]),
    );
    expect(b.loads()).toEqual(a.loads());
  });
});
