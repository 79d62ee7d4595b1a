import { describe, expect, it } from 'vitest';
import { SchemaValidationError } from './collection';
import { issuesForWrite, migrate, SCHEMAS, validateForWrite } from './registry';

const env = { schemaVersion: 1, createdAt: '2026-03-02T09:30:00+08:00', createdBy: 'clerk.wang' };
const goodCase = {
  ...env,
  _id: 'case:7f1c',
  type: 'case',
  schemaVersion: 2,
  caseType: '民初',
  cause: '买卖合同纠纷',
  filingDate: '2026-03-02',
  claimAmount: 12000,
  parties: [
    { role: 'plaintiff', kind: 'natural', name: '张三', idNumber: '620402199001011234' },
    { role: 'defendant', kind: 'legal', name: '白银某公司', agents: [{ name: '李律师' }] },
  ],
};
const good: Record<string, Record<string, unknown>> = {
  case: goodCase,
  event: {
    ...env,
    _id: 'event:case:7f1c:20260302T093000Z:a1',
    type: 'event',
    caseId: 'case:7f1c',
    kind: 'service',
    at: '2026-03-02T09:30:00+08:00',
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
      { ...goodCase, parties: [{ role: 'plaintiff', kind: 'natural', name: ' ' }] },
      'parties[0].name',
    ],
    ['case at an old version', { ...goodCase, schemaVersion: 1 }, 'schemaVersion'],
    ['event for another case', { ...good['event'], caseId: 'case:other' }, '_id'],
    ['hearing without a courtroom', { ...good['event'], kind: 'hearingScheduled' }, 'data'],
    ['draft without body', { ...good['draft'], body: undefined }, 'body'],
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
    expect(issuesForWrite({ ...env, _id: 'board:general', type: 'board' })).toEqual([]);
    expect(issuesForWrite({ _id: 'board:general', type: 'board' }).length).toBeGreaterThan(0);
  });

  it('migrates a version-1 case to version 2 and the result validates', () => {
    const v1 = {
      ...goodCase,
      schemaVersion: 1,
      parties: [
        { role: 'plaintiff', type: 'person', name: '张三' },
        { role: 'defendant', type: 'org', name: '某公司' },
      ],
    };
    const v2 = migrate(v1);
    expect(v2.schemaVersion).toBe(2);
    expect(v2.parties).toEqual([
      { role: 'plaintiff', kind: 'natural', name: '张三' },
      { role: 'defendant', kind: 'legal', name: '某公司' },
    ]);
    expect(issuesForWrite(v2)).toEqual([]);
    expect(v1.parties[0]).toHaveProperty('type', 'person'); // the input is not mutated
    expect(migrate(v2)).toBe(v2);
  });

  it('refuses to downgrade a document written by a newer build', () => {
    expect(() => migrate({ ...goodCase, schemaVersion: 3 })).toThrow(/schemaVersion 3/);
  });

  it('has a migration for every step below each current version', () => {
    for (const s of Object.values(SCHEMAS))
      for (let v = 1; v < s.version; v++) expect(typeof s.migrations[v]).toBe('function');
  });
});
