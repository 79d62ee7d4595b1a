import { describe, expect, it } from 'vitest';
import { checkDesignDoc } from './ddocShape';

describe('checkDesignDoc', () => {
  it('accepts well-formed design documents', () => {
    expect(() =>
      checkDesignDoc({
        views: { v: { map: 'function (d) { emit(d._id, 1); }', reduce: '_count' } },
        validate_doc_update: 'function () {}',
      }),
    ).not.toThrow();
    expect(() =>
      checkDesignDoc({
        language: 'query',
        views: { i: { map: { fields: { a: 'asc' } }, reduce: '_count' } },
      }),
    ).not.toThrow();
    expect(() => checkDesignDoc({ _deleted: true, views: 'whatever' })).not.toThrow();
  });
  it('refuses wrong shapes with 400 invalid_design_doc', () => {
    for (const doc of [
      { views: 'x' },
      { views: { v: 'x' } },
      { views: { v: { map: 1 } } },
      { views: { v: { map: 'function(){}', reduce: '_nonsense' } } },
      { validate_doc_update: 42 },
      { filters: { f: 1 } },
      { language: 'erlang' },
    ]) {
      expect(() => checkDesignDoc(doc), JSON.stringify(doc)).toThrow(
        expect.objectContaining({ status: 400, error: 'invalid_design_doc' }),
      );
    }
  });
  it('refuses JavaScript that does not compile with 400 compilation_error, without running it', () => {
    expect(() => checkDesignDoc({ views: { v: { map: 'function( {' } } })).toThrow(
      expect.objectContaining({ status: 400, error: 'compilation_error' }),
    );
    expect(() => checkDesignDoc({ validate_doc_update: 'function () { ' })).toThrow(
      expect.objectContaining({ error: 'compilation_error' }),
    );
    // compiles, would loop forever if it ran
    expect(() => checkDesignDoc({ validate_doc_update: 'function () { while (true) {} }' })).not.toThrow();
  });
});
