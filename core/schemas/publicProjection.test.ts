import { describe, expect, it } from 'vitest';
import { issuesForWrite } from './registry';

const ENVELOPE = { schemaVersion: 1, createdAt: '2026-01-05T08:00:00.000Z', createdBy: 'worker' };
const ACCESS = [{ salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }];

function publicCase(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: 'publicCase:c1',
    type: 'publicCase',
    ...ENVELOPE,
    caseNumber: '（2026）甘0402民初123号',
    cause: '离婚纠纷',
    caseTypeCode: '民初',
    filedOn: '2026-01-05',
    stage: 'assigned',
    stageLabel: '已分案',
    judgeInCharge: '赵志刚',
    panel: ['赵志刚'],
    parties: [{ role: '原告', name: '王某' }],
    hearings: [],
    timeLimitChanges: [{ on: '2026-02-01', label: '延长审限6个月' }],
    services: [],
    enforcement: null,
    access: ACCESS,
    updatedAt: '2026-01-05T08:00:00.000Z',
    ...extra,
  };
}

const fields = (doc: unknown) => issuesForWrite(doc).map((i) => i.field);

describe('publicCase and hearingNotice schemas', () => {
  it('accept a well-formed projection', () => {
    expect(issuesForWrite(publicCase())).toEqual([]);
    const notice = {
      _id: 'hearingNotice:c1:h1',
      type: 'hearingNotice',
      ...ENVELOPE,
      kind: 'hearing',
      caseNumber: '（2026）甘0402民初123号',
      cause: '离婚纠纷',
      startsAt: '2026-02-03T01:30:00.000Z',
      courtroom: '第三法庭',
      judge: null,
      parties: [],
      status: 'scheduled',
      label: '公开开庭',
      updatedAt: '2026-01-05T08:00:00.000Z',
    };
    expect(issuesForWrite(notice)).toEqual([]);
    expect(fields({ ...notice, courtroom: '第三法庭（联系13909431234）' })).toEqual(['courtroom']);
  });

  it('refuse an ID number or a mobile number in any string', () => {
    expect(fields(publicCase({ parties: [{ role: '原告', name: '王某 620402198001011234' }] }))).toEqual([
      'parties[0].name',
    ]);
    expect(fields(publicCase({ cause: '电话 13909431234' }))).toEqual(['cause']);
    expect(
      fields(publicCase({ enforcement: { steps: [{ on: '2026-01-01', label: '62040219800101123X' }] } })),
    ).toEqual(['enforcement.steps[0].label']);
    // A case number's digits are no phone number.
    expect(issuesForWrite(publicCase({ caseNumber: '（2026）甘0402民初13909431号' }))).toEqual([]);
  });

  it('refuse a plain query code or a malformed hash in access', () => {
    expect(fields(publicCase({ access: [{ ...ACCESS[0], code: '482913' }] }))).toEqual(['access[0]']);
    expect(fields(publicCase({ access: [{ salt: '482913', hash: 'x' }] }))).toEqual([
      'access[0].salt',
      'access[0].hash',
    ]);
  });
});
