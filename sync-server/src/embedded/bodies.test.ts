import { describe, expect, it } from 'vitest';
import {
  checkAttachments,
  checkBodyId,
  checkBulkDocs,
  checkDocument,
  documentBodyBytes,
  DEFAULT_LIMITS,
  isBase64,
} from './bodies';
import { checkBulkGet, checkFind, checkPurge, checkRevsDiff } from './requestBodies';

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
    expect(() => checkAttachments({ _attachments: { a: { follows: true } } })).toThrow(
      expect.objectContaining({ status: 400, error: 'bad_request' }),
    );
    expect(() => checkAttachments({ _attachments: { a: { content_type: 5, data: 'aGVsbG8=' } } })).toThrow(
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
    expect(checkBulkDocs({ docs: [{ _id: 'a', _rev: '1-x' }], new_edits: false }, limits)).toHaveLength(1);
    expect(() => checkBulkGet({ docs: [{ rev: '1-a' }] }, limits)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => checkRevsDiff({ a: '1-x' }, limits)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkRevsDiff({ a: ['abc'] }, limits)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkPurge({ a: '1-x' })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkFind({ selector: [] })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkFind({ selector: {}, limit: -1 })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkFind({ selector: { type: 'case' }, limit: 10, sort: ['a'] })).not.toThrow();
  });

  it('base64 as CouchDB decodes it (padding required, whitespace ignored)', () => {
    expect(isBase64('aGVsbG8=')).toBe(true);
    expect(isBase64('aGVs bG8=')).toBe(true);
    expect(isBase64('')).toBe(true);
    expect(isBase64('aGVsbG8')).toBe(false);
    expect(isBase64('_-__')).toBe(false);
    expect(isBase64('%%%')).toBe(false);
  });
  it('_revisions and _rev must describe a revision tree PouchDB can store', () => {
    const bad = (doc: object) =>
      expect(() => checkBulkDocs({ new_edits: false, docs: [doc] }, limits)).toThrow();
    bad({ _id: 'a', _revisions: { start: 1, ids: [] } });
    bad({ _id: 'a', _revisions: { start: 1, ids: ['a', 'b'] } });
    bad({ _id: 'a', _revisions: { start: 0, ids: ['a'] } });
    bad({ _id: 'a', _revisions: { start: '1', ids: ['a'] } });
    bad({ _id: 'a', _revisions: { start: 1, ids: [5] } });
    bad({ _id: 'a', _rev: '0-abc' });
    bad({ _id: 'a', _rev: '1-' });
    bad({ _id: 'a' });
    expect(() =>
      checkBulkDocs(
        { new_edits: false, docs: [{ _id: 'a', _revisions: { start: 2, ids: ['b', 'a'] } }] },
        limits,
      ),
    ).not.toThrow();
  });
  it('reserved ids in a body', () => {
    expect(() => checkBodyId({ _id: '_local/_security' })).toThrow(
      expect.objectContaining({ error: 'illegal_docid' }),
    );
    expect(() => checkBodyId({ _id: '_x' })).toThrow(expect.objectContaining({ error: 'illegal_docid' }));
    expect(() => checkBodyId({ _id: '_design/a' })).not.toThrow();
    expect(() => checkBodyId({ _id: 'case:1' })).not.toThrow();
  });
  it('more documents than maxBulkDocs → 413', () => {
    const docs = Array.from({ length: 3 }, (_v, i) => ({ _id: `d${i}` }));
    expect(() => checkBulkDocs({ docs }, { ...limits, maxBulkDocs: 2 })).toThrow(
      expect.objectContaining({ status: 413, error: 'too_large' }),
    );
  });
});
