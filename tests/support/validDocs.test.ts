import { describe, expect, it } from 'vitest';
import { DOC_TYPES } from '../../core/schemas/base';
import { issuesForWrite, SCHEMAS } from '../../core/schemas/registry';
import { validDoc } from './validDocs';

describe('test fixtures: valid documents', () => {
  it.each(DOC_TYPES.filter((t) => SCHEMAS[t]))('a %s from validDoc passes the core rules', (type) => {
    const id = type === 'event' ? 'event:case:c1:20260105T080000Z:e1' : `${type}:x1`;
    expect(issuesForWrite(validDoc(type, id, 'clerk.li'))).toEqual([]);
  });
});
