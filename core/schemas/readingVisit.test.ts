import { describe, expect, it } from 'vitest';
import { issuesForWrite } from './registry';
import {
  isReadingDbName,
  readerIdProblem,
  readingDbName,
  readingLobbyDbName,
  readingLogId,
} from './readingVisit';

const VALID_ID = '11010519491231002X';

function visit(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: 'readingVisit:0a1b2c3d-0000-4000-8000-000000000001',
    type: 'readingVisit',
    schemaVersion: 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    createdBy: 'clerk.li',
    caseId: 'case:c1',
    caseNumber: '（2026）甘0402民初1号',
    readerName: '王律师',
    readerIdNumber: VALID_ID,
    capacity: 'agent',
    partyName: '张三',
    allowPrint: false,
    readerAccount: 'reading.pc1',
    expiresAt: '2026-01-05T09:00:00.000Z',
    ...extra,
  };
}

describe('readingVisit', () => {
  it('accepts a checked ID number and a visit of at most 8 hours', () => {
    expect(issuesForWrite(visit())).toEqual([]);
    expect(issuesForWrite(visit({ expiresAt: '2026-01-05T16:00:00.000Z' }))).toEqual([]);
  });

  it('refuses a wrong check digit, a visit ending before it starts or lasting over 8 hours', () => {
    const fields = (doc: Record<string, unknown>) => issuesForWrite(doc).map((i) => i.field);
    expect(fields(visit({ readerIdNumber: '110105194912310021' }))).toEqual(['readerIdNumber']);
    expect(fields(visit({ expiresAt: '2026-01-05T08:00:00.000Z' }))).toEqual(['expiresAt']);
    expect(fields(visit({ expiresAt: '2026-01-05T16:00:01.000Z' }))).toEqual(['expiresAt']);
    expect(fields(visit({ capacity: 'judge', allowPrint: 'yes' })).sort()).toEqual([
      'allowPrint',
      'capacity',
    ]);
    // Ids that would share a database name with another visit's.
    expect(fields(visit({ _id: 'readingVisit:0a1b2c3d00004000-8000-000000000001' }))).toEqual(['_id']);
    expect(fields(visit({ _id: 'readingVisit:0A1B2C3D-0000-4000-8000-000000000001' }))).toEqual(['_id']);
  });

  it('takes a resident ID or a credit code, upper-casing the x', () => {
    expect(readerIdProblem(VALID_ID.toLowerCase())).toBeNull();
    expect(readerIdProblem('91350100M000100Y43')).toBeNull();
    expect(readerIdProblem('12345')).not.toBeNull();
  });

  it('derives database names CouchDB accepts, one lobby per account', () => {
    expect(isReadingDbName(readingDbName('readingVisit:19a27d9a-cdcd-4d76-9182-1c689602e204'))).toBe(true);
    expect(readingDbName('readingVisit:19a27d9a-cdcd-4d76-9182-1c689602e204')).toBe(
      'courtdesk_reading_19a27d9acdcd4d7691821c689602e204',
    );
    expect(readingLobbyDbName('reading.pc1')).toBe('courtdesk_readingpc_72656164696e672e706331');
    expect(readingLobbyDbName('阅卷')).toBe(
      `courtdesk_readingpc_${Buffer.from('阅卷', 'utf8').toString('hex')}`,
    );
    expect(readingLogId('readingVisit:abc')).toBe('readingLog:abc');
  });
});
