import { describe, expect, it } from 'vitest';
import { checkSelector, hasRegex, SelectorFilter } from './selector';

describe('checkSelector (CouchDB mango_selector answers)', () => {
  const bad = (s: unknown, error: string) =>
    expect(() => checkSelector(s, 'invalid_operator')).toThrow(
      expect.objectContaining({ status: 400, error }),
    );
  it('refuses unknown operators and wrong arguments with 400', () => {
    bad({ a: { $foo: 1 } }, 'invalid_operator');
    bad({ $foo: [{ a: 1 }] }, 'invalid_operator');
    bad({ a: { $beginsWith: 'x' } }, 'invalid_operator');
    bad({ $and: 5 }, 'bad_arg');
    bad({ a: { $in: 5 } }, 'bad_arg');
    bad({ a: { $exists: 1 } }, 'bad_arg');
    bad({ a: { $type: 'xyz' } }, 'bad_arg');
    bad({ a: { $size: 'x' } }, 'bad_arg');
    bad({ a: { $mod: [0, 1] } }, 'bad_arg');
    bad({ a: { $regex: 5 } }, 'invalid_operator');
    bad({ a: { $regex: '(' } }, 'bad_arg');
    bad([], 'invalid_selector_json');
    expect(() => checkSelector({ a: { $foo: 1 } }, 'bad_request')).toThrow(
      expect.objectContaining({ error: 'bad_request' }),
    );
  });
  it('refuses regular expressions the linear-time engine cannot run', () => {
    for (const p of ['^(?!file:)', '(a)\\1', '(?<=a)b'])
      expect(() => checkSelector({ _id: { $regex: p } })).toThrow(
        expect.objectContaining({ status: 400, error: 'bad_request' }),
      );
    expect(() => checkSelector({ _id: { $regex: 'x'.repeat(513) } })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
  it('refuses combination operators inside a field (PouchDB cannot evaluate them)', () => {
    bad({ _id: { $not: { $regex: '^file:' } } }, 'invalid_operator');
    bad({ a: { $or: [{ $eq: 1 }] } }, 'invalid_operator');
  });
  it('accepts what CouchDB and PouchDB both evaluate', () => {
    for (const s of [
      { $not: { _id: { $regex: '^file:' } } },
      { _id: { $regex: '^file:' } },
      { a: { $gt: 1, $lt: 5 }, b: { c: 'nested' } },
      { $or: [{ a: 1 }, { b: { $in: [1, 2] } }], $nor: [{ c: { $exists: true } }] },
      { tags: { $elemMatch: { $eq: 'x' } }, list: { $allMatch: { n: { $gte: 0 } } } },
      { a: { $mod: [3, 1] }, t: { $type: 'string' }, s: { $size: 2 }, all: { $all: [1] } },
      { text: { $regex: '^(a+)+$' } },
    ])
      expect(() => checkSelector(s), JSON.stringify(s)).not.toThrow();
    expect(hasRegex({ $not: { _id: { $regex: 'x' } } })).toBe(true);
    expect(hasRegex({ a: 1 })).toBe(false);
  });
});

describe('SelectorFilter', () => {
  it('matches as PouchDB does', () => {
    const f = new SelectorFilter({ $not: { _id: { $regex: '^file:' } } });
    expect(f.matches([{ _id: 'file:1' }, { _id: 'post:1' }, { _id: 'profile:file:2' }])).toEqual([
      false,
      true,
      true,
    ]);
  });
  it('^(a+)+$ over a long field is fast (linear-time fallback)', () => {
    const started = performance.now();
    expect(
      new SelectorFilter({ t: { $regex: '^(a+)+$' } }).matches([{ t: `${'a'.repeat(50_000)}b` }]),
    ).toEqual([false]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
  it('a document whose match takes longer than a slice refuses the request with 400', () => {
    const costly = new SelectorFilter({ t: { $regex: `(${'(x|y|z)*'.repeat(25)})+w` } }, 20);
    expect(() => costly.matches([{ t: 'short' }, { t: 'x'.repeat(100_000) }])).toThrow(
      expect.objectContaining({ status: 400, error: 'bad_request' }),
    );
  });
});
