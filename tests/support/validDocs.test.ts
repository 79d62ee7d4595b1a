import { describe, expect, it } from 'vitest';
import { DOC_TYPES } from '../../core/schemas/base';
import { issuesForWrite, SCHEMAS } from '../../core/schemas/registry';
import { validDoc, validId } from './validDocs';

describe('test fixtures: valid documents', () => {
  it.each(DOC_TYPES.filter((t) => SCHEMAS[t]))('a %s from validDoc passes the core rules', (type) => {
    expect(issuesForWrite(validDoc(type, validId(type, 'clerk.li'), 'clerk.li'))).toEqual([]);
  });
});
