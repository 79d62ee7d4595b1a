import { describe, expect, it } from 'vitest';
import { enforcementParties } from './filing';

const source = [
  { role: 'plaintiff', kind: 'natural' as const, name: '赵一鸣', idNumber: '11010519491231002X' },
  {
    role: 'defendant',
    kind: 'legal' as const,
    name: '恒达公司',
    idNumber: '91350100M000100Y43',
    legalRepresentative: '钱立国',
  },
  { role: 'thirdParty', kind: 'natural' as const, name: '孙某' },
];

describe('parties of an enforcement case filed from a judgment', () => {
  it('make the plaintiff the applicant and the defendant the respondent; third parties stay behind', () => {
    expect(enforcementParties(source)).toEqual([
      { role: 'creditor', kind: 'natural', name: '赵一鸣', idNumber: '11010519491231002X' },
      {
        role: 'debtor',
        kind: 'legal',
        name: '恒达公司',
        idNumber: '91350100M000100Y43',
        legalRepresentative: '钱立国',
      },
    ]);
  });

  it('swap sides when the defendant enforces', () => {
    expect(enforcementParties(source, true).map((p) => [p.role, p.name])).toEqual([
      ['debtor', '赵一鸣'],
      ['creditor', '恒达公司'],
    ]);
  });
});
