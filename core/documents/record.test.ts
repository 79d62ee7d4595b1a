import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../domain/identity';
import { parseCommonErrors } from './check/commonErrors';
import { parseLawNames } from './lawNames';
import { anonymisedName, parseSurnames, surnameOf } from './personNames';
import { documentRecordOf, isFamilyCase, isMinorOn, namedPeople } from './record';

describe('record', () => {
  it('is a minor up to and including the 18th birthday', () => {
    expect(isMinorOn('2008-05-06', '2026-05-06')).toBe(true);
    expect(isMinorOn('2008-05-06', '2026-05-07')).toBe(false);
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
  });

  it('lists every name with the person it acts for, minors judged from the ID number', () => {
    const people = namedPeople(
      {
        parties: [
          {
            role: 'plaintiff',
            name: ' 刘小宝 ',
            idNumber: makeResidentId('620402', '2012-06-01', 1),
            legalRepresentative: '刘大山',
          },
          {
            role: 'defendant',
            kind: 'legal',
            name: '某公司',
            legalRepresentative: '王建国',
            agents: [{ name: '赵敏' }],
          },
        ],
        people: [{ role: 'witness', name: '李四' }],
      },
      '2026-05-06',
    );
    expect(people.map((p) => [p.name, p.kind, p.role, p.natural, p.minor, p.of?.name ?? null])).toEqual([
      ['刘小宝', 'party', 'plaintiff', true, true, null],
      ['刘大山', 'legalRepresentative', 'plaintiff', true, false, '刘小宝'],
      ['某公司', 'party', 'defendant', false, false, null],
      ['王建国', 'legalRepresentative', 'defendant', true, false, '某公司'],
      ['赵敏', 'agent', 'defendant', true, false, '某公司'],
      ['李四', 'other', 'witness', true, false, null],
    ]);
  });

  it('knows family and succession causes, listed or not', () => {
    expect(isFamilyCase({ cause: '离婚纠纷' })).toBe(true);
    expect(isFamilyCase({ cause: '遗嘱继承纠纷' })).toBe(true);
    expect(isFamilyCase({ cause: '被继承人债务清偿纠纷' })).toBe(true); // not in our list, found by its words
    expect(isFamilyCase({ cause: '民间借贷纠纷' })).toBe(false);
    expect(isFamilyCase({ cause: null })).toBe(false);
  });

  it('builds the record from a case and its folded state (hearing days in China time)', () => {
    const record = documentRecordOf(
      {
        caseType: '民初',
        cause: '民间借贷纠纷',
        filingDate: '2026-01-15',
        parties: [{ role: 'plaintiff', kind: 'natural', name: '李强', queryCode: '123456' }],
      },
      {
        officialNumber: '（2026）甘0402民初1234号',
        hearings: [
          {
            hearingId: 'h2',
            eventId: 'e2',
            caseId: 'c',
            courtroom: '1',
            startsAt: '2026-03-10T01:00:00Z',
            endsAt: '',
            judge: null,
            held: true,
          },
          {
            hearingId: 'h1',
            eventId: 'e1',
            caseId: 'c',
            courtroom: '1',
            startsAt: '2026-02-09T23:30:00Z',
            endsAt: '',
            judge: null,
            held: true,
          },
        ],
        closing: { disposition: 'judgment', method: null, date: '2026-04-20', amountRecovered: null },
      },
    );
    expect(record.caseNumber).toBe('（2026）甘0402民初1234号');
    expect(record.dates).toEqual({
      filing: '2026-01-15',
      hearings: ['2026-02-10', '2026-03-10'],
      judgment: '2026-04-20',
    });
  });
});

describe('names and reference data', () => {
  it('anonymises names as 第九条 says', () => {
    expect(anonymisedName('欧阳晓峰')).toBe('欧阳某');
    expect(anonymisedName('司马光')).toBe('司马某');
    expect(anonymisedName('李强')).toBe('李某');
    expect(anonymisedName('阿依古丽·买买提')).toBe('阿某');
    expect(anonymisedName('John Smith')).toBe('J');
    expect(surnameOf('欧阳')).toBe('欧'); // a two-character name is surname + given name
  });

  it('refuses malformed reference files, naming the entry', () => {
    expect(() => parseSurnames({ single: '张a', modern: '', compound: [] })).toThrow(/not a Han character/);
    expect(() => parseSurnames({ single: '张', modern: '', compound: ['欧'] })).toThrow(/two Han characters/);
    expect(() => parseLawNames({ laws: [{ full: '《民法典》', short: [] }] })).toThrow(/laws\[0\]\.full/);
    expect(() =>
      parseLawNames({
        laws: [
          { full: 'A法', short: ['B法'] },
          { full: 'C法', short: ['B法'] },
        ],
      }),
    ).toThrow(/listed twice/);
    const entry = {
      id: 'x',
      pattern: '其它',
      replace: '其他',
      example: '其它',
      note: '说明',
      noteEn: 'note',
      source: 's',
    };
    expect(parseCommonErrors({ entries: [entry] })).toHaveLength(1);
    expect(() => parseCommonErrors({ entries: [{ ...entry, example: '其他' }] })).toThrow(
      /does not match its example/,
    );
    expect(() => parseCommonErrors({ entries: [{ ...entry, keep: ['其它的'] }] })).toThrow(/must keep/);
    expect(() => parseCommonErrors({ entries: [{ ...entry, replace: '其它' }] })).toThrow(/still matches/);
    expect(() => parseCommonErrors({ entries: [{ ...entry, pattern: '(' }] })).toThrow(/pattern/);
  });
});
