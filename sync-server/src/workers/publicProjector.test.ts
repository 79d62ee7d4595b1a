import { describe, expect, it } from 'vitest';
import { projectCase } from '../../../core/public/projection';
import { issuesForWrite } from '../../../core/schemas/registry';
import { generateDemo } from '../setup/demoGenerator';
import { stableJson } from './publicProjector';

describe('the demo data projects', () => {
  it('every numbered demo case gives schema-valid public documents without ID or phone numbers', () => {
    const demo = generateDemo({ cases: 120 });
    const cases = demo.docs['courtdesk_cases'] ?? [];
    const enforcement = demo.docs['courtdesk_enforcement'] ?? [];
    const byId = new Map(cases.map((d) => [String(d['_id']), d]));
    const now = new Date('2026-06-01T02:00:00Z');
    let projected = 0;
    let hearings = 0;
    let withEnforcement = 0;
    for (const c of cases.filter((d) => d['type'] === 'case')) {
      const id = String(c['_id']);
      const uuid = id.slice('case:'.length);
      const p = projectCase({
        caseDoc: c,
        caseNumberDoc: byId.get(`caseNumber:${uuid}`) ?? null,
        assignmentDoc: byId.get(`assignment:${uuid}`) ?? null,
        events: cases.filter((d) => String(d['_id']).startsWith(`event:${id}:`)),
        approvals: cases.filter((d) => d['type'] === 'approval' && d['caseId'] === id),
        enforcementRecords: enforcement.filter((d) => d['caseId'] === id),
        now,
      });
      if (!p) continue;
      projected += 1;
      hearings += p.hearingNotices.length;
      if (p.publicCase.enforcement && p.publicCase.enforcement.steps.length > 0) withEnforcement += 1;
      const stamps = { createdAt: now.toISOString(), createdBy: 'worker', updatedAt: now.toISOString() };
      expect(issuesForWrite({ ...p.publicCase, access: [], ...stamps }), id).toEqual([]);
      for (const n of p.hearingNotices) expect(issuesForWrite({ ...n, ...stamps }), n._id).toEqual([]);
      expect(p.queryCodes.length, id).toBeGreaterThan(0);
    }
    expect(projected).toBeGreaterThan(100);
    expect(hearings).toBeGreaterThan(0);
    expect(withEnforcement).toBeGreaterThan(0);
  });
});

describe('stableJson', () => {
  it('ignores key order and undefined values', () => {
    expect(stableJson({ b: 1, a: [{ y: 2, x: undefined, z: 'é' }] })).toBe(
      stableJson({ a: [{ z: 'é', y: 2 }], b: 1 }),
    );
    expect(stableJson({ a: 1 })).not.toBe(stableJson({ a: '1' }));
  });
});
