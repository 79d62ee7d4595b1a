import { describe, expect, it } from 'vitest';
import { DOC_TYPES, idPrefix, isBaseDoc, isDocType, makeId, newEnvelope, validateBaseDoc } from './base';

const good = {
  _id: 'case:7f1c',
  type: 'case',
  schemaVersion: 1,
  createdAt: '2026-03-02T09:30:00+08:00',
  createdBy: 'clerk.wang',
};

describe('document envelope', () => {
  it('accepts a well-formed envelope', () => {
    expect(validateBaseDoc(good)).toEqual([]);
    expect(isBaseDoc(good)).toBe(true);
  });

  it.each([
    ['not an object', 'x', ''],
    ['array', [], ''],
    ['id prefix mismatch', { ...good, _id: 'post:1' }, '_id'],
    ['bare prefix', { ...good, _id: 'case:' }, '_id'],
    ['unknown type', { ...good, type: 'bogus', _id: 'bogus:1' }, 'type'],
    ['missing id', { ...good, _id: undefined }, '_id'],
    ['schemaVersion 0', { ...good, schemaVersion: 0 }, 'schemaVersion'],
    ['schemaVersion 2.5', { ...good, schemaVersion: 2.5 }, 'schemaVersion'],
    ['createdAt without zone', { ...good, createdAt: '2026-03-02T09:30:00' }, 'createdAt'],
    ['createdAt impossible date', { ...good, createdAt: '2026-13-45T09:30:00Z' }, 'createdAt'],
    ['empty createdBy', { ...good, createdBy: '' }, 'createdBy'],
  ])('reports %s', (_label, doc, field) => {
    const issues = validateBaseDoc(doc);
    expect(issues.map((i) => i.field)).toContain(field);
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fff].*\(.+\)$/);
  });

  it('builds and parses typed ids', () => {
    expect(makeId('event', 'case:1', '20260101T000000Z', 'u')).toBe('event:case:1:20260101T000000Z:u');
    expect(idPrefix('event:case:1:x')).toBe('event');
    expect(idPrefix('nocolon')).toBeNull();
    expect(() => makeId('case')).toThrow();
    expect(() => makeId('case', '')).toThrow();
    expect(isDocType('case')).toBe(true);
    expect(isDocType('Case')).toBe(false);
    expect(new Set(DOC_TYPES).size).toBe(DOC_TYPES.length);
  });

  it('creates valid new envelopes', () => {
    const env = newEnvelope('post', ['p1'], 'judge.zhao', new Date('2026-01-01T00:00:00Z'));
    expect(env).toEqual({
      _id: 'post:p1',
      type: 'post',
      schemaVersion: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'judge.zhao',
    });
    expect(isBaseDoc(env)).toBe(true);
  });
});
