import { describe, expect, it } from 'vitest';
import {
  checkAttachments,
  checkBulkDocs,
  checkBulkGet,
  checkDocument,
  checkFind,
  checkRevsMap,
  documentBodyBytes,
  DEFAULT_LIMITS,
} from './bodies';

const limits = { ...DEFAULT_LIMITS, maxDocumentBytes: 100 };

describe('bodies', () => {
  it('documents must be objects with string ids', () => {
    expect(() => checkDocument([1], limits)).toThrow(
      expect.objectContaining({ status: 400, error: 'bad_request' }),
    );
    expect(() => checkDocument('x', limits)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkDocument({ _id: 5 }, limits)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkDocument({ _id: 'a', n: 1 }, limits)).not.toThrow();
  });
  it('document size excludes attachments and gives 413 document_too_large', () => {
    expect(() => checkDocument({ _id: 'big', s: 'x'.repeat(200) }, limits)).toThrow(
      expect.objectContaining({ status: 413, error: 'document_too_large' }),
    );
    const withAtt = {
      _id: 'a',
      _attachments: { 'f.bin': { content_type: 'application/octet-stream', data: 'QUJD'.repeat(100) } },
    };
    expect(() => checkDocument(withAtt, limits)).not.toThrow();
    expect(documentBodyBytes({ _id: 'a' })).toBe('{"_id":"a"}'.length);
  });
  it('skips the per-document measure when the whole request is below the limit', () => {
    expect(() => checkDocument({ _id: 'big', s: 'x'.repeat(200) }, limits, 50)).not.toThrow();
  });
  it('malformed _attachments', () => {
    expect(() => checkAttachments({ _attachments: 'x' })).toThrow(
      expect.objectContaining({ status: 400, error: 'doc_validation' }),
    );
    expect(() => checkAttachments({ _attachments: { a: 'x' } })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => checkAttachments({ _attachments: { a: { content_type: 'text/plain' } } })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => checkAttachments({ _attachments: { a: { data: '%%%' } } })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => checkAttachments({ _attachments: { a: { stub: true } } })).not.toThrow();
    expect(() =>
      checkAttachments({ _attachments: { a: { content_type: 'text/plain', data: 'aGVsbG8=' } } }),
    ).not.toThrow();
  });
  it('_bulk_docs, _bulk_get, _revs_diff, _find shapes', () => {
    expect(() => checkBulkDocs({ docs: 'x' }, limits)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkBulkDocs({ docs: [], new_edits: 'no' }, limits)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(checkBulkDocs({ docs: [{ _id: 'a' }], new_edits: false }, limits)).toHaveLength(1);
    expect(() => checkBulkGet({ docs: [{ rev: '1-a' }] })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkRevsMap({ a: '1-x' })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkFind({ selector: [] })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkFind({ selector: {}, limit: -1 })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkFind({ selector: { type: 'case' }, limit: 10, sort: ['a'] })).not.toThrow();
  });
});
