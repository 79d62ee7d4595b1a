import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawJudge,
  eligibleJudges,
  minLoadPool,
  recusalsOf,
  verifyAssignment,
  type StaffMember,
} from './assignmentDraw';

const staff: StaffMember[] = [
  { name: 'judge.zhao', roles: ['judge'], division: 'min1' },
  { name: 'judge.liu', roles: ['judge'], division: 'min1' },
  { name: 'leader.ma', roles: ['leader', 'judge'], division: 'min1' },
  { name: 'judge.chen', roles: ['judge'], division: 'min2' },
  { name: 'judge.old', roles: ['judge'], division: 'min1', disabled: true },
  { name: 'assistant.hu', roles: ['assistant'], division: 'min1' },
  { name: 'judge.huang', roles: ['judge'], division: 'xingshi' },
];
const divisions = new Map([
  ['民初', ['min1', 'min2']],
  ['刑初', ['xingshi']],
]);

describe('eligibleJudges', () => {
  it('takes active judges of the divisions hearing the type, narrowed to the filing division', () => {
    expect(eligibleJudges({ caseType: '民初' }, staff, divisions)).toEqual([
      'judge.chen',
      'judge.liu',
      'judge.zhao',
      'leader.ma',
    ]);
    expect(eligibleJudges({ caseTypeCode: '民初', division: 'min2' }, staff, divisions)).toEqual([
      'judge.chen',
    ]);
    expect(eligibleJudges({ caseType: '民初', division: 'xingshi' }, staff, divisions)).toHaveLength(4);
    expect(eligibleJudges({ caseType: '司救' }, staff, divisions)).toEqual([]);
  });
  it('reads recusals', () => {
    expect(recusalsOf({ recusals: ['a', 'a', 3, 'b'] })).toEqual(['a', 'b']);
    expect(recusalsOf({})).toEqual([]);
  });
});

describe('drawJudge / verifyAssignment', () => {
  const loads = new Map([
    ['judge.zhao', 3],
    ['judge.liu', 2],
    ['judge.chen', 2],
    ['leader.ma', 5],
  ]);
  it('draws among the least-loaded non-recused judges, reproducibly', () => {
    const d = drawJudge({
      caseId: 'case:1',
      seed: 42,
      eligible: ['judge.zhao', 'judge.liu', 'judge.chen', 'leader.ma'],
      recused: ['judge.chen'],
      loads,
    });
    expect(d?.pool).toEqual(['judge.liu']);
    expect(d?.chosen).toBe('judge.liu');
    expect(d?.recused).toEqual(['judge.chen']);
    expect(verifyAssignment({ method: 'random', judge: 'judge.liu', draw: d })).toEqual({
      ok: true,
      expected: 'judge.liu',
      problems: [],
    });
  });
  it('returns null when everyone is recused', () => {
    expect(drawJudge({ caseId: 'case:1', seed: 1, eligible: ['a'], recused: ['a'], loads })).toBeNull();
  });
  it('catches a tampered seed, a tampered pool or a recused choice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 2 }),
        (seed, eligible) => {
          const d = drawJudge({ caseId: 'case:x', seed, eligible, recused: [], loads: new Map() });
          if (!d) throw new Error('no draw');
          expect(verifyAssignment({ method: 'random', judge: d.chosen, draw: d }).ok).toBe(true);
          const other = d.pool.find((n) => n !== d.chosen) as string;
          expect(verifyAssignment({ method: 'random', judge: other, draw: { ...d, chosen: other } }).ok).toBe(
            false,
          );
          expect(
            verifyAssignment({ method: 'random', judge: d.chosen, draw: { ...d, recused: [d.chosen] } }).ok,
          ).toBe(false);
        },
      ),
    );
  });
  it('keeps loads balanced: repeated draws never let loads differ by more than one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 60 }),
        (seeds) => {
          const l = new Map<string, number>();
          for (const seed of seeds) {
            const d = drawJudge({ caseId: 'c', seed, eligible: ['a', 'b', 'c'], recused: [], loads: l });
            l.set(d?.chosen as string, (l.get(d?.chosen as string) ?? 0) + 1);
          }
          const v = ['a', 'b', 'c'].map((n) => l.get(n) ?? 0);
          expect(Math.max(...v) - Math.min(...v)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
  it('checks designated assignments for a leader and a reason', () => {
    const ok = {
      method: 'designated',
      judge: 'j',
      designation: { judge: 'j', reason: '关联案件', approvedBy: 'leader.li', approvedByLeader: true },
    };
    expect(verifyAssignment(ok).ok).toBe(true);
    expect(verifyAssignment({ ...ok, designation: { ...ok.designation, reason: ' ' } }).ok).toBe(false);
    expect(minLoadPool([])).toEqual([]);
  });
});
