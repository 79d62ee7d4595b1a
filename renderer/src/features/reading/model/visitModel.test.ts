import { describe, expect, it } from 'vitest';
import { accessLogHtml } from '../clerk/accessLogPrint';
import { admitProblem, readerCandidates, visitRows, type ReaderCandidate } from './visitModel';

const VALID_ID = '11010519491231002X';
const visit = {
  _id: 'readingVisit:0a1b2c3d-0000-4000-8000-000000000001',
  caseId: 'case:c1',
  caseNumber: '（2026）甘0402民初1号',
  readerName: '王律师',
  capacity: 'agent',
  partyName: '张三',
  readerAccount: 'reading.pc1',
  allowPrint: false,
  createdAt: '2026-12-07T08:00:00.000Z',
  createdBy: 'clerk.li',
  expiresAt: '2026-12-07T09:00:00.000Z',
};
const entry = {
  volumeId: 'archiveVolume:c1:main:01',
  volumeTitle: '正卷<1>',
  page: 2,
  action: 'view' as const,
  at: '2026-12-07T08:10:00.000Z',
  auditId: 'audit:1',
};

describe('reading visits (clerk)', () => {
  it('joins visits with the worker’s logs: waiting, open, closed, refused', () => {
    const log = (state: string, extra: object = {}) => ({
      _id: 'readingLog:0a1b2c3d-0000-4000-8000-000000000001',
      state,
      entries: [entry],
      ...extra,
    });
    expect(visitRows([visit], [])[0]?.state).toBe('waiting');
    expect(visitRows([visit], [log('open')])[0]).toMatchObject({ state: 'open', entries: [entry] });
    expect(visitRows([visit], [log('closed', { closedReason: 'expired' })])[0]?.state).toBe('closed');
    expect(visitRows([visit], [log('closed', { closedReason: 'refused' })])[0]?.state).toBe('refused');
  });

  it('offers every party and agent of the case, a party with its ID on file', () => {
    const candidates = readerCandidates({
      parties: [
        {
          role: 'plaintiff',
          kind: 'natural',
          name: '张三',
          idNumber: VALID_ID,
          agents: [{ name: '王律师' }],
        },
        { role: 'defendant', kind: 'legal', name: '某公司', idNumber: '91350100M000100Y43' },
      ],
    });
    expect(candidates.map((c) => [c.capacity, c.name, c.partyName, c.idNumberOnFile])).toEqual([
      ['party', '张三', '张三', VALID_ID],
      ['agent', '王律师', '张三', null],
      ['party', '某公司', '某公司', null],
    ]);
  });

  it('checks the ID number (checksum, and against the party on file), the account and the duration', () => {
    const party: ReaderCandidate = {
      key: 'p0',
      capacity: 'party',
      name: '张三',
      partyName: '张三',
      partyRole: 'plaintiff',
      idNumberOnFile: VALID_ID,
    };
    const input = {
      caseId: 'case:c1',
      caseNumber: 'x',
      candidate: party,
      idNumber: VALID_ID.toLowerCase(),
      readerAccount: 'reading.pc1',
      allowPrint: false,
      minutes: 60,
    };
    expect(admitProblem(input)).toBeNull();
    expect(admitProblem({ ...input, idNumber: '110105194912310021' })).toBe('idChecksum');
    expect(admitProblem({ ...input, idNumber: '91350100M000100Y43' })).toBe('idMismatch');
    expect(admitProblem({ ...input, readerAccount: 'a b' })).toBe('account');
    expect(admitProblem({ ...input, minutes: 481 })).toBe('duration');
  });

  it('prints the access log with every page, escaping what people typed', () => {
    const [row] = visitRows(
      [{ ...visit, readerName: '<b>王</b>' }],
      [
        {
          _id: 'readingLog:0a1b2c3d-0000-4000-8000-000000000001',
          state: 'open',
          entries: [entry, { ...entry, page: 3, action: 'print' }],
        },
      ],
    );
    const html = accessLogHtml([row!], {
      title: '阅卷记录',
      visit: (r) => r.readerName,
      columns: ['时间', '卷宗', '页码', '操作'],
      action: (a) => (a === 'view' ? '查阅' : '打印'),
      noPages: '无',
      time: (iso) => iso,
    });
    expect(html).toContain('&#60;b&#62;王&#60;/b&#62;');
    expect(html).toContain('正卷&#60;1&#62;');
    expect(html.match(/<tr><td>/g)).toHaveLength(2);
    expect(html).toContain('<td>3</td><td>打印</td>');
  });
});
