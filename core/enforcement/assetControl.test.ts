import { describe, expect, it } from 'vitest';
import {
  controlIssues,
  controlLastDay,
  lapseWarnings,
  maxExpiry,
  mayRelease,
  openControls,
  releasedOn,
  type AssetControl,
} from './assetControl';

describe('statutory control periods (民诉法解释 第四百八十五条)', () => {
  it('count the start day as the first day', () => {
    expect(controlLastDay('2026-03-01', 12)).toBe('2027-02-28');
    expect(controlLastDay('2028-02-29', 12)).toBe('2029-02-27'); // 2029-02-28 is the anniversary
    expect(controlLastDay('2026-01-31', 1)).toBe('2026-02-27');
  });

  it('are one year for deposits and funds, two for vehicles, three for real estate and securities', () => {
    expect(maxExpiry('bankDeposit', '2026-05-10')).toBe('2027-05-09');
    expect(maxExpiry('onlinePayment', '2026-05-10')).toBe('2027-05-09');
    expect(maxExpiry('providentFund', '2026-05-10')).toBe('2027-05-09');
    expect(maxExpiry('vehicle', '2026-05-10')).toBe('2028-05-09');
    expect(maxExpiry('realEstate', '2026-05-10')).toBe('2029-05-09');
    expect(maxExpiry('securities', '2026-05-10')).toBe('2029-05-09');
  });

  it('refuse a freeze longer than the law allows, and a freeze or seizure without its last day', () => {
    const freeze = (expiresOn?: string): AssetControl[] => [
      { kind: 'freeze', date: '2026-05-10', amount: 1000, ...(expiresOn ? { expiresOn } : {}) },
    ];
    expect(controlIssues('bankDeposit', freeze('2027-05-09'), 0)).toEqual([]);
    expect(controlIssues('bankDeposit', freeze('2027-05-10'), 0).map((i) => i.code)).toEqual([
      'expiryTooLate',
    ]);
    expect(controlIssues('realEstate', freeze('2029-05-09'), 0)).toEqual([]);
    expect(controlIssues('bankDeposit', freeze('2026-05-09'), 0).map((i) => i.code)).toEqual([
      'expiryBeforeStart',
    ]);
    expect(controlIssues('bankDeposit', freeze(), 0).map((i) => i.code)).toEqual(['expiryMissing']);
    expect(
      controlIssues('bankDeposit', [{ kind: 'deduction', date: '2026-05-10' }], 0).map((i) => i.code),
    ).toEqual(['amountMissing']);
  });

  it('accept a renewal only of an earlier measure of the same kind', () => {
    const list: AssetControl[] = [
      { kind: 'freeze', date: '2026-05-10', expiresOn: '2027-05-09' },
      { kind: 'freeze', date: '2027-05-01', expiresOn: '2028-04-30', renews: 0 },
      { kind: 'seizure', date: '2027-05-01', expiresOn: '2028-04-30', renews: 0 },
      { kind: 'freeze', date: '2027-05-01', expiresOn: '2028-04-30', renews: 3 },
    ];
    expect(controlIssues('bankDeposit', list, 1)).toEqual([]);
    expect(controlIssues('bankDeposit', list, 2).map((i) => i.code)).toEqual(['renewsInvalid']);
    expect(controlIssues('bankDeposit', list, 3).map((i) => i.code)).toEqual(['renewsInvalid']);
  });
});

describe('lapse warnings', () => {
  const controls: AssetControl[] = [
    { kind: 'freeze', date: '2026-05-10', amount: 5000, expiresOn: '2027-05-09' },
  ];

  it('start 30 days before the last day and turn overdue the day after it', () => {
    expect(openControls(controls, '2027-04-08')[0]).toMatchObject({ daysLeft: 31, level: 'none' });
    expect(openControls(controls, '2027-04-09')[0]).toMatchObject({ daysLeft: 30, level: 'd30' });
    expect(openControls(controls, '2027-04-24')[0]).toMatchObject({ daysLeft: 15, level: 'd15' });
    expect(openControls(controls, '2027-05-02')[0]).toMatchObject({ daysLeft: 7, level: 'd7' });
    expect(openControls(controls, '2027-05-09')[0]).toMatchObject({ daysLeft: 0, level: 'd7' });
    expect(openControls(controls, '2027-05-10')[0]).toMatchObject({ daysLeft: -1, level: 'overdue' });
  });

  it('stop once the freeze is renewed or released; deductions never lapse', () => {
    const renewed: AssetControl[] = [
      ...controls,
      { kind: 'freeze', date: '2027-05-01', expiresOn: '2028-04-30', renews: 0 },
    ];
    expect(openControls(renewed, '2027-05-05').map((c) => c.index)).toEqual([1]);
    const released: AssetControl[] = [{ ...controls[0]!, releasedOn: '2027-05-01' }];
    expect(openControls(released, '2027-04-30')).toHaveLength(1);
    expect(openControls(released, '2027-05-01')).toEqual([]);
    expect(openControls([{ kind: 'deduction', date: '2026-05-10', amount: 10 }], '2026-05-10')).toEqual([]);
  });

  it('list every warning of several records, the most urgent first', () => {
    const warnings = lapseWarnings(
      [
        {
          _id: 'assetInquiry:b',
          caseId: 'case:1',
          assetKind: 'bankDeposit',
          institution: '工商银行',
          controls,
        },
        {
          _id: 'assetInquiry:a',
          caseId: 'case:2',
          assetKind: 'vehicle',
          institution: '车管所',
          controls: [{ kind: 'seizure', date: '2025-05-01', expiresOn: '2027-04-30' }],
        },
        { _id: 'assetInquiry:c', caseId: 'case:3', assetKind: 'realEstate', institution: '不动产登记中心' },
      ],
      '2027-04-20',
    );
    expect(warnings.map((w) => [w.inquiryId, w.daysLeft, w.level])).toEqual([
      ['assetInquiry:a', 10, 'd15'],
      ['assetInquiry:b', 19, 'd30'],
    ]);
  });

  it('stop for good once released (解除) with its ruling; a release is checked against the control', () => {
    const release = {
      on: '2027-04-10',
      rulingNo: '（2026）甘0402执12号之二',
      reason: '已履行',
      by: 'enf.liu',
    };
    const released: AssetControl[] = [{ ...controls[0]!, release }];
    expect(releasedOn(released[0]!)).toBe('2027-04-10');
    expect(openControls(released, '2027-04-09')).toHaveLength(1);
    expect(openControls(released, '2027-04-10')).toEqual([]);
    expect(mayRelease(controls, 0)).toBe(true);
    expect(mayRelease(released, 0)).toBe(false);
    const early: AssetControl[] = [{ ...controls[0]!, release: { ...release, on: '2026-05-09' } }];
    expect(controlIssues('bankDeposit', early, 0).map((i) => i.code)).toEqual(['releaseBeforeStart']);
    const deduction: AssetControl[] = [{ kind: 'deduction', date: '2026-05-10', amount: 10, release }];
    expect(mayRelease(deduction, 0)).toBe(false);
    expect(controlIssues('bankDeposit', deduction, 0).map((i) => i.code)).toEqual(['releaseInvalid']);
    const renewal: AssetControl = { kind: 'freeze', date: '2027-05-01', expiresOn: '2028-04-30', renews: 0 };
    expect(mayRelease([...controls, renewal], 0)).toBe(false);
    expect(mayRelease([...controls, renewal], 1)).toBe(true);
    expect(controlIssues('bankDeposit', [...released, renewal], 1).map((i) => i.code)).toEqual([
      'renewsInvalid',
    ]);
  });
});
