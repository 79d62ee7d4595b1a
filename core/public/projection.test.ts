import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../domain/identity';
import { issuesForWrite } from '../schemas/registry';
import { projectCase, type ProjectionInput } from './projection';

const NOW = new Date('2026-05-10T02:00:00Z');
let seq = 0;

function event(caseId: string, kind: string, at: string, data: Record<string, unknown>, note?: string) {
  seq += 1;
  return {
    _id: `event:${caseId}:${at.replace(/\D/g, '')}:e${seq}`,
    type: 'event',
    schemaVersion: 2,
    createdAt: at,
    createdBy: 'clerk.li',
    caseId,
    kind,
    at,
    data,
    ...(note ? { note } : {}),
  };
}

function caseDoc(uuid: string, fields: Record<string, unknown>) {
  return {
    _id: `case:${uuid}`,
    type: 'case',
    schemaVersion: 3,
    createdAt: '2026-03-02T01:00:00Z',
    createdBy: 'clerk.li',
    court: 'J30',
    filingDate: '2026-03-02',
    provisionalNumber: '（2026）甘0402民初临1号',
    summary: '原告王建国（身份证号620402198001011234，电话13909431234，住白银市白银区人民路12号）诉称……',
    ...fields,
  };
}

function numberDoc(uuid: string, caseNumber: string) {
  return { _id: `caseNumber:${uuid}`, type: 'caseNumber', caseId: `case:${uuid}`, caseNumber };
}

const assignment = (uuid: string, judge = 'judge.zhao') => ({
  _id: `assignment:${uuid}`,
  type: 'assignment',
  caseId: `case:${uuid}`,
  judge,
  method: 'random',
});

const STAFF = new Map([['judge.zhao', '赵志刚']]);

/** People whose full names, ID numbers, phones and addresses must never reach the public. */
const MINOR_ID = makeResidentId('620402', '2015-06-01', 17);
const MINOR_DEFENDANT_ID = makeResidentId('620402', '2010-02-03', 31);
const ADULT_IDS = [
  makeResidentId('620402', '1980-01-01', 123),
  makeResidentId('620402', '1983-04-05', 224),
  makeResidentId('620402', '1990-07-08', 325),
  makeResidentId('620402', '1975-09-10', 426),
];
const PHONES = ['13909431234', '15893126677', '18009430001', '17793120002', '13309438888'];
const ADDRESSES = [
  '白银市白银区人民路12号',
  '白银区四龙路8号',
  '兰州市城关区东岗西路3号',
  '白银区北京路77号',
];

function familyCase(): ProjectionInput {
  const id = 'case:fam1';
  return {
    caseDoc: caseDoc('fam1', {
      caseType: '民初',
      procedure: 'civilOrdinary',
      cause: '离婚纠纷',
      parties: [
        {
          role: 'plaintiff',
          kind: 'natural',
          name: '王建国',
          idNumber: ADULT_IDS[0],
          phone: PHONES[0],
          address: ADDRESSES[0],
          queryCode: '111111',
          agents: [{ name: '周律师', kind: 'lawyer', licenseNo: '16204201010123456', phone: PHONES[1] }],
        },
        {
          role: 'defendant',
          kind: 'natural',
          name: '李秀兰',
          idNumber: ADULT_IDS[1],
          phone: PHONES[2],
          address: ADDRESSES[1],
          queryCode: '222222',
        },
        {
          role: 'thirdParty',
          kind: 'natural',
          name: '王小明',
          idNumber: MINOR_ID,
          address: ADDRESSES[0],
          legalRepresentative: '李秀兰',
          queryCode: '333333',
        },
      ],
    }),
    caseNumberDoc: numberDoc('fam1', '（2026）甘0402民初123号'),
    assignmentDoc: assignment('fam1'),
    events: [
      event(id, 'filed', '2026-03-02T01:00:00Z', {}),
      event(id, 'service', '2026-03-05T02:00:00Z', {
        method: 'direct',
        recipient: `李秀兰（${ADDRESSES[1]}，${PHONES[2]}）`,
        date: '2026-03-05',
      }),
      event(
        id,
        'hearingScheduled',
        '2026-03-06T02:00:00Z',
        { courtroom: '第三法庭', startsAt: '2026-05-11T01:30:00Z', endsAt: '2026-05-11T03:00:00Z' },
        `通知王建国 ${PHONES[0]}`,
      ),
    ],
    staffNames: STAFF,
    now: NOW,
  };
}

function criminalCase(): ProjectionInput {
  const id = 'case:crim1';
  return {
    caseDoc: caseDoc('crim1', {
      caseType: '刑初',
      procedure: 'criminalFirst',
      cause: '故意伤害罪',
      parties: [
        { role: 'prosecutor', kind: 'legal', name: '白银市白银区人民检察院', queryCode: '444444' },
        {
          role: 'defendantCriminal',
          kind: 'natural',
          name: '赵大强',
          idNumber: ADULT_IDS[2],
          phone: PHONES[3],
          address: ADDRESSES[2],
          queryCode: '555555',
        },
        {
          role: 'defendantCriminal',
          kind: 'natural',
          name: '孙小刚',
          idNumber: MINOR_DEFENDANT_ID,
          address: ADDRESSES[3],
          legalRepresentative: '孙德胜',
          queryCode: '666666',
        },
        {
          role: 'victim',
          kind: 'natural',
          name: '钱丽华',
          idNumber: ADULT_IDS[3],
          phone: PHONES[4],
          address: ADDRESSES[3],
          legalRepresentative: '钱进',
          queryCode: '777777',
        },
      ],
    }),
    caseNumberDoc: numberDoc('crim1', '（2026）甘0402刑初45号'),
    assignmentDoc: assignment('crim1'),
    events: [
      event(id, 'hearingScheduled', '2026-04-01T02:00:00Z', {
        courtroom: '第一法庭',
        startsAt: '2026-05-10T06:00:00Z',
        endsAt: '2026-05-10T08:00:00Z',
        hearingId: 'h1',
      }),
      event(id, 'suspended', '2026-04-02T02:00:00Z', {
        from: '2026-04-02',
        to: '2026-04-09',
        reason: `被害人钱丽华住院（${ADDRESSES[2]}）`,
      }),
    ],
    staffNames: STAFF,
    now: NOW,
  };
}

const PROTECTED = ['王建国', '李秀兰', '王小明', '孙小刚', '钱丽华', '孙德胜', '钱进'];

describe('projectCase: nothing that identifies a protected person leaks', () => {
  for (const [label, make] of [
    ['family case (离婚纠纷) with a minor child', familyCase],
    ['criminal case with a victim and a minor defendant', criminalCase],
  ] as const) {
    it(label, () => {
      const p = projectCase(make());
      expect(p).not.toBeNull();
      const json = JSON.stringify([p?.publicCase, p?.hearingNotices]);
      for (const name of PROTECTED) expect(json).not.toContain(name);
      expect(json).not.toMatch(/\d{17}[\dX]/); // resident ID numbers
      expect(json).not.toMatch(/1[3-9]\d{9}/); // mobile numbers
      for (const a of ADDRESSES) expect(json).not.toContain(a);
      expect(json).not.toMatch(/路\d+号|律师|1620420/); // addresses, agents, licence numbers
      expect(json).not.toMatch(/111111|222222|333333|444444|555555|666666|777777/); // query codes
      expect(p?.hearingNotices.length).toBeGreaterThan(0);
      // The documents as the worker stamps them pass the schema (and its ID/phone guard).
      const stamps = { createdAt: NOW.toISOString(), createdBy: 'worker', updatedAt: NOW.toISOString() };
      expect(issuesForWrite({ ...p?.publicCase, access: [], ...stamps })).toEqual([]);
      for (const n of p?.hearingNotices ?? []) expect(issuesForWrite({ ...n, ...stamps })).toEqual([]);
    });
  }

  it('masks as surname + 某 and keeps who the rules keep', () => {
    const fam = projectCase(familyCase());
    expect(fam?.publicCase.parties).toEqual([
      { role: '原告', name: '王某1' },
      { role: '被告', name: '李某' },
      { role: '第三人', name: '王某2' },
    ]);
    const crim = projectCase(criminalCase());
    expect(crim?.publicCase.parties).toEqual([
      { role: '公诉机关', name: '白银市白银区人民检察院' },
      { role: '被告人', name: '赵大强' }, // an adult defendant's name is public (SPEC §4.4)
      { role: '被告人', name: '孙某' },
      { role: '被害人', name: '钱某' },
    ]);
    expect(crim?.hearingNotices[0]?.label).toBe('不公开开庭');
    expect(fam?.hearingNotices[0]?.label).toBe('不公开开庭'); // a minor is a party
  });

  it('keeps the parties of an ordinary civil case and labels its hearing public', () => {
    const input = familyCase();
    const doc: Record<string, unknown> = { ...input.caseDoc, cause: '民间借贷纠纷' };
    const parties = (doc['parties'] as Record<string, unknown>[]).slice(0, 2);
    const p = projectCase({ ...input, caseDoc: { ...doc, parties } });
    expect(p?.publicCase.parties.map((x) => x.name)).toEqual(['王建国', '李秀兰']);
    expect(p?.hearingNotices[0]?.label).toBe('公开开庭');
    expect(JSON.stringify(p)).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}|人民路/);
  });
});

describe('projectCase: content', () => {
  it('projects number, cause, judge by display name, stage, services, hearings and notices', () => {
    const p = projectCase(familyCase());
    expect(p?.publicCase).toMatchObject({
      _id: 'publicCase:fam1',
      type: 'publicCase',
      schemaVersion: 1,
      caseNumber: '（2026）甘0402民初123号',
      cause: '离婚纠纷',
      caseTypeCode: '民初',
      filedOn: '2026-03-02',
      stage: 'inHearing',
      stageLabel: '审理中',
      judgeInCharge: '赵志刚',
      panel: ['赵志刚'],
      services: [{ on: '2026-03-05', label: '直接送达' }],
      hearings: [{ startsAt: '2026-05-11T01:30:00Z', courtroom: '第三法庭', status: 'scheduled' }],
      enforcement: null,
    });
    expect(p?.queryCodes).toEqual(['111111', '222222', '333333']);
    const notice = p?.hearingNotices[0];
    expect(notice?._id).toMatch(/^hearingNotice:fam1:h[0-9a-f]{8}$/);
    expect(notice).toMatchObject({
      kind: 'hearing',
      judge: '赵志刚',
      status: 'scheduled',
      courtroom: '第三法庭',
    });
  });

  it('is null without an official number, for a deleted case and for a number of another case', () => {
    expect(projectCase({ ...familyCase(), caseNumberDoc: null })).toBeNull();
    expect(projectCase({ ...familyCase(), caseDoc: { ...familyCase().caseDoc, _deleted: true } })).toBeNull();
    expect(
      projectCase({ ...familyCase(), caseNumberDoc: numberDoc('other', '（2026）甘0402民初9号') }),
    ).toBeNull();
  });

  it('is deterministic: the same input gives the same content', () => {
    const input = familyCase();
    expect(JSON.stringify(projectCase(input))).toBe(JSON.stringify(projectCase(structuredClone(input))));
  });

  it('hearing status: moved → postponed, held → held, case closed first → cancelled', () => {
    const base = familyCase();
    const id = 'case:fam1';
    const moved = event(id, 'hearingScheduled', '2026-03-07T02:00:00Z', {
      courtroom: '第五法庭',
      startsAt: '2026-05-20T01:30:00Z',
      endsAt: '2026-05-20T03:00:00Z',
      hearingId: String((base.events[2] as { _id: string })._id),
    });
    const p1 = projectCase({ ...base, events: [...base.events, moved] });
    expect(p1?.publicCase.hearings).toEqual([
      { startsAt: '2026-05-20T01:30:00Z', courtroom: '第五法庭', status: 'postponed' },
    ]);
    expect(p1?.hearingNotices).toHaveLength(1);
    const held = event(id, 'hearingHeld', '2026-05-11T04:00:00Z', { date: '2026-05-11' });
    expect(projectCase({ ...base, events: [...base.events, held] })?.publicCase.hearings[0]?.status).toBe(
      'held',
    );
    const closed = event(id, 'closed', '2026-04-01T04:00:00Z', {
      disposition: 'withdrawal',
      date: '2026-04-01',
    });
    const p3 = projectCase({ ...base, events: [...base.events, closed] });
    expect(p3?.publicCase.hearings[0]?.status).toBe('cancelled');
    expect(p3?.hearingNotices[0]?.status).toBe('cancelled');
    expect(p3?.publicCase).toMatchObject({ stage: 'closed', stageLabel: '已结案' });
    const closedLater = event(id, 'closed', '2026-05-20T04:00:00Z', {
      disposition: 'judgment',
      date: '2026-05-20',
    });
    expect(
      projectCase({ ...base, events: [...base.events, closedLater] })?.publicCase.hearings[0]?.status,
    ).toBe('held');
  });

  it('time-limit changes: suspension and resumption, approved extensions only; no reasons', () => {
    const c = criminalCase();
    const ext = event('case:crim1', 'extensionRequested', '2026-04-20T02:00:00Z', {
      level: 'president',
      months: 1,
      days: 0,
      reason: '案情复杂，被害人钱丽华需鉴定',
    });
    const approval = {
      _id: 'approval:x1',
      type: 'approval',
      schemaVersion: 1,
      createdAt: '2026-04-21T02:00:00Z',
      createdBy: 'leader.wang',
      kind: 'extension',
      caseId: 'case:crim1',
      requestId: ext._id,
      decision: 'approved',
      at: '2026-04-21T02:00:00Z',
    };
    const pending = projectCase({ ...c, events: [...c.events, ext] });
    expect(pending?.publicCase.timeLimitChanges).toEqual([
      { on: '2026-04-02', label: '中止审理' },
      { on: '2026-04-10', label: '恢复审理' },
    ]);
    const approved = projectCase({ ...c, events: [...c.events, ext], approvals: [approval] });
    expect(approved?.publicCase.timeLimitChanges).toContainEqual({
      on: '2026-04-20',
      label: '延长审限1个月',
    });
    expect(JSON.stringify(approved)).not.toMatch(/钱丽华|鉴定|住院/);
  });

  it('enforcement cases: dated steps with fixed labels and the amount recovered', () => {
    const c = familyCase();
    const doc = {
      ...c.caseDoc,
      caseType: '执',
      procedure: 'enforcement',
      cause: '民间借贷纠纷',
      parties: [
        { role: 'creditor', kind: 'legal', name: '白银某某商贸有限公司', queryCode: '121212' },
        { role: 'debtor', kind: 'natural', name: '马成', idNumber: ADULT_IDS[0], queryCode: '343434' },
      ],
    };
    const rec = (type: string, fields: Record<string, unknown>) => ({
      _id: `${type}:${Math.random()}`,
      type,
      caseId: 'case:fam1',
      ...fields,
    });
    const approved = { decision: 'approved', by: 'leader.wang', at: '2026-04-03T00:00:00Z' };
    const p = projectCase({
      ...c,
      caseDoc: doc,
      events: [],
      enforcementRecords: [
        rec('enforcementAction', {
          kind: 'executionNotice',
          target: '马成',
          targetKind: 'natural',
          decidedOn: '2026-03-03',
          reason: 'x',
        }),
        rec('enforcementAction', {
          kind: 'consumptionRestriction',
          target: '马成',
          targetKind: 'natural',
          decidedOn: '2026-04-01',
          reason: 'x',
        }),
        rec('enforcementAction', {
          kind: 'exitRestriction',
          target: '马成',
          targetKind: 'natural',
          decidedOn: '2026-04-02',
          reason: 'x',
          approval: approved,
        }),
        rec('assetInquiry', {
          channel: 'network',
          assetKind: 'bankDeposit',
          institution: '中国工商银行白银分行',
          requestDate: '2026-03-10',
          result: 'found',
          controls: [
            { kind: 'freeze', date: '2026-03-12', amount: 5000, documentNo: '账号6222020000001234' },
          ],
        }),
        rec('enforcementPayment', {
          direction: 'received',
          amount: 5000.5,
          date: '2026-03-20',
          party: '马成',
          source: 'deduction',
        }),
        rec('enforcementPayment', {
          direction: 'disbursed',
          amount: 5000.5,
          date: '2026-03-25',
          party: '白银某某商贸有限公司',
        }),
      ],
    });
    expect(p?.publicCase.enforcement).toEqual({
      steps: [
        { on: '2026-03-03', label: '发出执行通知书' },
        { on: '2026-03-10', label: '查询被执行人财产' },
        { on: '2026-03-12', label: '冻结财产' },
        { on: '2026-03-20', label: '执行款到账' },
        { on: '2026-03-25', label: '执行款发放' },
        { on: '2026-04-02', label: '限制出境' }, // approved; the unapproved restriction is left out
      ],
      recoveredFen: 500050,
    });
    expect(p?.publicCase.stageLabel).toBe('执行中');
    expect(JSON.stringify(p?.publicCase)).not.toMatch(/工商银行|6222020000001234|\d{17}[\dX]/);
    // The board's enforcement progress: one notice with the latest step, dated that day.
    const notices = p?.hearingNotices.filter((n) => n.kind === 'enforcement') ?? [];
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      _id: 'hearingNotice:fam1:enforcement-progress',
      label: '限制出境',
      startsAt: '2026-04-02T00:00:00+08:00',
      courtroom: '执行局',
    });
    expect(JSON.stringify(notices)).not.toMatch(/工商银行|6222020000001234|\d{17}[\dX]/);
  });
});
