import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../domain/identity';
import {
  dishonestEntryId,
  listingEndsOn,
  listingIssues,
  listingState,
  maskIdNumber,
  publicList,
  type DishonestEntry,
} from './dishonest';

const ID = '11010519491231002X';
const approval = { decision: 'approved' as const, by: 'leader.qian', at: '2026-06-01T08:00:00.000Z' };
const entry = (extra: Partial<DishonestEntry> = {}): DishonestEntry => {
  const ground = extra.ground ?? 'reportViolation';
  const idNumber = extra.respondent?.idNumber ?? ID;
  return {
    _id: dishonestEntryId(idNumber, ground),
    caseId: 'case:c1',
    caseNumber: '（2026）甘0402执12号',
    respondent: { name: '李四', kind: 'natural', idNumber },
    ground,
    listedOn: '2026-06-01',
    facts: '拒不申报财产',
    ...extra,
  };
};

describe('dishonest-debtor entries', () => {
  it('have one id per respondent and ground', () => {
    expect(dishonestEntryId('11010519491231002x', 'obstruction')).toBe(`dishonestDebtor:${ID}:obstruction`);
    expect(listingIssues(entry())).toEqual([]);
    expect(listingIssues({ ...entry(), _id: 'dishonestDebtor:x' }).map((i) => i.field)).toEqual(['_id']);
  });

  it('run two years (plus 1–3 when extended) except for ground (一), which runs until removed', () => {
    expect(listingEndsOn(entry())).toBe('2028-05-31');
    expect(listingEndsOn(entry({ extendYears: 3 }))).toBe('2031-05-31');
    expect(listingEndsOn(entry({ ground: 'ableButRefuses' }))).toBeNull();
    expect(listingIssues(entry({ extendYears: 4 })).map((i) => i.field)).toEqual(['extendYears']);
    expect(listingIssues(entry({ ground: 'ableButRefuses', extendYears: 1 })).map((i) => i.field)).toEqual([
      'extendYears',
    ]);
  });

  it('refuse a minor (第四条)', () => {
    const minor = makeResidentId('110105', '2008-06-02', 12);
    const adult = makeResidentId('110105', '2008-06-01', 12);
    expect(
      listingIssues(entry({ respondent: { name: '王五', kind: 'natural', idNumber: minor } })).map(
        (i) => i.field,
      ),
    ).toEqual(['respondent']);
    expect(listingIssues(entry({ respondent: { name: '王五', kind: 'natural', idNumber: adult } }))).toEqual(
      [],
    );
  });

  it('are listed only once approved, until removed or the period ends', () => {
    expect(listingState(entry(), '2026-06-02')).toBe('pending');
    expect(listingState(entry({ approval: { ...approval, decision: 'rejected' } }), '2026-06-02')).toBe(
      'rejected',
    );
    expect(listingState(entry({ approval }), '2028-05-31')).toBe('listed');
    expect(listingState(entry({ approval }), '2028-06-01')).toBe('periodEnded');
    const removal = { reason: 'performed' as const, note: '已全部履行', on: '2026-07-01', by: 'enf.liu' };
    expect(listingState(entry({ approval, removal }), '2026-07-02')).toBe('removed');
  });

  it('publish and remove only after approval; a removal needs a reason, "period ended" only once it has', () => {
    const removal = { reason: 'performed' as const, note: '已全部履行', on: '2026-07-01', by: 'enf.liu' };
    expect(listingIssues(entry({ publishedOn: '2026-06-02' })).map((i) => i.field)).toEqual(['publishedOn']);
    expect(listingIssues(entry({ removal })).map((i) => i.field)).toEqual(['removal']);
    expect(
      listingIssues(entry({ approval, removal: { ...removal, note: ' ' } })).map((i) => i.field),
    ).toEqual(['removal.note']);
    const early = { ...removal, reason: 'periodEnded' as const, on: '2028-05-31' };
    expect(listingIssues(entry({ approval, removal: early })).map((i) => i.field)).toEqual([
      'removal.reason',
    ]);
    expect(listingIssues(entry({ approval, removal: { ...early, on: '2028-06-01' } }))).toEqual([]);
  });

  it('mask a resident ID as the public list does and show credit codes in full', () => {
    expect(maskIdNumber(ID, 'natural')).toBe('1101051949****002X');
    expect(maskIdNumber('110105490101123', 'natural')).toBe('11010549****123');
    expect(maskIdNumber('91350100M000100Y43', 'legal')).toBe('91350100M000100Y43');
  });

  it('export only the entries listed on the day, masked', () => {
    const listed = entry({ approval, publishedOn: '2026-06-02' });
    const pending = entry({ ground: 'obstruction' });
    const removed = entry({
      ground: 'evasion',
      approval,
      removal: { reason: 'error', note: '误列', on: '2026-06-05', by: 'enf.liu' },
    });
    const rows = publicList([removed, pending, listed], '2026-06-10');
    expect(rows).toEqual([
      {
        name: '李四',
        idMasked: '1101051949****002X',
        legalRepresentative: '',
        sex: '女',
        caseNumber: '（2026）甘0402执12号',
        groundItem: '第一条第（四）项',
        facts: '拒不申报财产',
        obligation: '',
        listedOn: '2026-06-01',
        endsOn: '2028-05-31',
        publishedOn: '2026-06-02',
      },
    ]);
    expect(publicList([removed], '2026-06-04')).toHaveLength(1);
  });
});
