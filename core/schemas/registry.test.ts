import { describe, expect, it } from 'vitest';
import { SchemaValidationError } from './collection';
import { issuesForWrite, migrate, SCHEMAS, validateForWrite } from './registry';

const env = { schemaVersion: 1, createdAt: '2026-03-02T09:30:00+08:00', createdBy: 'clerk.wang' };
const goodCase = {
  ...env,
  _id: 'case:7f1c',
  type: 'case',
  schemaVersion: 3,
  court: '甘0402',
  caseType: '民初',
  procedure: 'civilSummary',
  cause: '买卖合同纠纷',
  filingDate: '2026-03-02',
  claimAmount: 12000.5,
  provisionalNumber: '临20260302-00001',
  parties: [
    { role: 'plaintiff', kind: 'natural', name: '张三', idNumber: '62040219900101123X', queryCode: '123456' },
    {
      role: 'defendant',
      kind: 'legal',
      name: '白银某公司',
      queryCode: '654321',
      agents: [{ name: '李律师', kind: 'lawyer', licenseNo: '16204201810123456' }],
    },
  ],
};
const good: Record<string, Record<string, unknown>> = {
  case: goodCase,
  event: {
    ...env,
    _id: 'event:case:7f1c:20260302T093000Z:a1',
    type: 'event',
    caseId: 'case:7f1c',
    schemaVersion: 2,
    kind: 'service',
    at: '2026-03-02T09:30:00+08:00',
    data: { method: 'direct', recipient: '张三', date: '2026-03-02' },
  },
  approval: {
    ...env,
    _id: 'approval:a1',
    type: 'approval',
    kind: 'extension',
    caseId: 'case:7f1c',
    requestId: 'event:case:7f1c:20260302T093000Z:r1',
    decision: 'approved',
    months: 6,
  },
  post: {
    ...env,
    _id: 'post:p1',
    type: 'post',
    board: 'board:general',
    title: '会议通知',
    body: '<p>明天开会</p>',
  },
  notice: {
    ...env,
    _id: 'notice:n1',
    type: 'notice',
    title: '放假通知',
    body: '<p>国庆</p>',
    priority: 'important',
  },
  draft: {
    ...env,
    _id: 'draft:d1',
    type: 'draft',
    schemaVersion: 2,
    caseId: 'case:7f1c',
    kind: 'judgment',
    title: '民事判决书',
    body: '<p>原告张三</p>',
  },
};

describe('collection schemas', () => {
  it.each(Object.keys(good))('accepts a well-formed %s', (type) => {
    expect(issuesForWrite(good[type])).toEqual([]);
    expect(() => validateForWrite(good[type])).not.toThrow();
  });

  it.each([
    ['case without parties', { ...goodCase, parties: [] }, 'parties'],
    ['case with an unknown type code', { ...goodCase, caseType: '民X' }, 'caseType'],
    ['case with a negative claim', { ...goodCase, claimAmount: -1 }, 'claimAmount'],
    ['case with an impossible date', { ...goodCase, filingDate: '2026-02-30' }, 'filingDate'],
    [
      'case party without a name',
      { ...goodCase, parties: [{ role: 'plaintiff', kind: 'natural', name: ' ', queryCode: '000000' }] },
      'parties[0].name',
    ],
    ['case at an old version', { ...goodCase, schemaVersion: 2 }, 'schemaVersion'],
    [
      'case with a bad ID checksum',
      { ...goodCase, parties: [{ ...goodCase.parties[0], idNumber: '620402199001011234' }] },
      'parties[0].idNumber',
    ],
    [
      'case with a bad credit code',
      { ...goodCase, parties: [{ ...goodCase.parties[1], idNumber: '91620402MA7ABCDEF0' }] },
      'parties[0].idNumber',
    ],
    [
      'case party without a query code',
      { ...goodCase, parties: [{ ...goodCase.parties[0], queryCode: '12a456' }] },
      'parties[0].queryCode',
    ],
    ['case with a procedure of another type', { ...goodCase, procedure: 'criminalFirst' }, 'procedure'],
    ['case without a court', { ...goodCase, court: undefined }, 'court'],
    ['case with 3 decimals', { ...goodCase, claimAmount: 1.005 }, 'claimAmount'],
    [
      'case with a bad agent kind',
      { ...goodCase, parties: [{ ...goodCase.parties[1], agents: [{ name: 'x', kind: 'friend' }] }] },
      'parties[0].agents[0].kind',
    ],
    [
      'case with a bad designation',
      { ...goodCase, designation: { approvalId: 'x' } },
      'designation.approvalId',
    ],
    ['event of an unknown kind', { ...good['event'], kind: 'hearing' }, 'kind'],
    ['service with a bad date', { ...good['event'], data: { date: '2026-02-30' } }, 'data'],
    [
      'extension request of 0 months',
      { ...good['event'], kind: 'extensionRequested', data: { months: 0 } },
      'data',
    ],
    ['approval without decision', { ...good['approval'], decision: 'maybe' }, 'decision'],
    ['designation without reason', { ...good['approval'], kind: 'designation', judge: 'judge.li' }, 'reason'],
    ['event for another case', { ...good['event'], caseId: 'case:other' }, '_id'],
    ['hearing without a courtroom', { ...good['event'], kind: 'hearingScheduled' }, 'data'],
    ['draft with a body that is not text', { ...good['draft'], body: 42 }, 'body'],
    ['draft without a title', { ...good['draft'], title: undefined }, 'title'],
    ['draft with a bad case ref', { ...good['draft'], caseId: 'x' }, 'caseId'],
    ['post without board', { ...good['post'], board: undefined }, 'board'],
    ['notice with unknown priority', { ...good['notice'], priority: 'high' }, 'priority'],
    ['envelope: wrong id prefix', { ...good['post'], _id: 'case:1' }, '_id'],
  ])('rejects %s', (_name, doc, field) => {
    const issues = issuesForWrite(doc);
    expect(issues.map((i) => i.field)).toContain(field);
    expect(() => validateForWrite(doc)).toThrow(SchemaValidationError);
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fff].*\(.+\)/);
  });

  it('lets tombstones through and checks types without a schema by envelope only', () => {
    expect(issuesForWrite({ _id: 'case:1', _rev: '1-a', _deleted: true })).toEqual([]);
    expect(issuesForWrite({ ...env, _id: 'template:civil', type: 'template' })).toEqual([]);
    expect(issuesForWrite({ ...env, _id: 'board:general', type: 'board' }).map((i) => i.field)).toEqual([
      'name',
    ]);
    expect(issuesForWrite({ _id: 'board:general', type: 'board' }).length).toBeGreaterThan(0);
  });

  it('migrates a version-1 draft (content in body) to version 2, keeping body as legacy content', () => {
    const v1 = { ...good['draft'], schemaVersion: 1 };
    const v2 = migrate(v1);
    expect(v2).toEqual({ ...v1, schemaVersion: 2 });
    expect(issuesForWrite(v2)).toEqual([]);
    expect(issuesForWrite({ ...v2, body: undefined })).toEqual([]);
  });

  it('migrates an original version-1 case to version 3 and the result validates', () => {
    const v1 = {
      ...goodCase,
      schemaVersion: 1,
      procedure: undefined,
      court: undefined,
      provisionalNumber: undefined,
      parties: [
        { role: 'plaintiff', type: 'person', name: '张三' },
        { role: 'defendant', type: 'org', name: '某公司' },
      ],
    };
    const v3 = migrate(v1);
    expect(v3.schemaVersion).toBe(3);
    expect(v3.parties).toEqual([
      { role: 'plaintiff', kind: 'natural', name: '张三', queryCode: expect.stringMatching(/^\d{6}$/) },
      { role: 'defendant', kind: 'legal', name: '某公司', queryCode: expect.stringMatching(/^\d{6}$/) },
    ]);
    expect(v3).toMatchObject({ procedure: 'civilOrdinary', court: '甘0402' });
    expect(issuesForWrite(v3)).toEqual([]);
    expect(v1.parties[0]).toHaveProperty('type', 'person'); // the input is not mutated
    expect(migrate(v3)).toBe(v3);
    expect(migrate(v1)).toEqual(v3); // deterministic
  });

  it('migrates the demo data version-1 shape (caseTypeCode, filedAt, Chinese names)', () => {
    const demoV1 = {
      ...env,
      _id: 'case:d1',
      type: 'case',
      court: '甘0402',
      caseTypeCode: '刑初',
      year: 2025,
      cause: '盗窃罪',
      procedure: '简易程序',
      filedAt: '2025-05-06',
      provisionalNumber: '临20250506-00001',
      parties: [
        { role: '公诉机关', kind: 'legal', name: '白银市白银区人民检察院', queryCode: '111111' },
        {
          role: '被告人',
          kind: 'natural',
          name: '王五',
          idNumber: '62040219900101123X',
          queryCode: '222222',
        },
      ],
    };
    const v3 = migrate(demoV1);
    expect(v3).toMatchObject({ caseType: '刑初', filingDate: '2025-05-06', procedure: 'criminalSummary' });
    expect(v3).not.toHaveProperty('caseTypeCode');
    expect(v3).not.toHaveProperty('filedAt');
    expect((v3.parties as { role: string }[]).map((p) => p.role)).toEqual([
      'prosecutor',
      'defendantCriminal',
    ]);
    expect(issuesForWrite(v3)).toEqual([]);
    const noLimit = migrate({ ...demoV1, caseTypeCode: '民督', procedure: '督促程序' });
    expect(noLimit).not.toHaveProperty('procedure');
    expect(issuesForWrite({ ...noLimit, parties: [{ ...demoV1.parties[1], role: 'applicant' }] })).toEqual(
      [],
    );
  });

  it('migrates version-1 events (aliases, top-level fields) into data the reader folds', () => {
    const v1 = {
      ...env,
      _id: 'event:case:7f1c:20260302T093000Z:h1',
      type: 'event',
      caseId: 'case:7f1c',
      kind: 'hearingScheduled',
      at: '2026-03-02T09:30:00+08:00',
      hearingAt: '2026-03-20T09:00:00+08:00',
      courtroom: '第一法庭',
    };
    const v2 = migrate(v1);
    expect(v2).toMatchObject({
      schemaVersion: 2,
      data: { startsAt: '2026-03-20T09:00:00+08:00', courtroom: '第一法庭' },
    });
    expect(v2).not.toHaveProperty('hearingAt');
    expect(issuesForWrite(v2)).toEqual([]);
    const closing = migrate({
      ...v1,
      _id: 'event:case:7f1c:x:c',
      kind: 'closing',
      hearingAt: undefined,
      courtroom: undefined,
      method: '调解',
    });
    expect(closing).toMatchObject({ kind: 'closed', data: { method: '调解' } });
    expect(issuesForWrite(closing)).toEqual([]);
  });

  it('refuses to downgrade a document written by a newer build', () => {
    expect(() => migrate({ ...goodCase, schemaVersion: 4 })).toThrow(/schemaVersion 4/);
  });

  it('has a migration for every step below each current version', () => {
    for (const s of Object.values(SCHEMAS))
      for (let v = 1; v < s.version; v++) expect(typeof s.migrations[v]).toBe('function');
  });
});
