import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_ONLY, NO_FILES } from '../../renderer/src/db/fileSync';
import { couchFetch, type CouchResponse } from '../support/couchTarget';
import { expectAnswer } from './expectations';
import { expectServerAnswers, setupFixture, type Fixture } from './fixture';

/**
 * Issue 8 hole 5: `$regex: "^(a+)+$"` over a 28-character field blocked the event loop ~7 s
 * (doubling per character). On the embedded server `$regex` runs on V8's linear-time engine when
 * the backtracking one struggles, patterns that engine cannot run are refused, and the guard
 * evaluates `_changes` selectors in time-bounded slices, so other clients are answered meanwhile.
 */
let f: Fixture;
/** Linear in the input but costly per character (a long pattern of stars over 100,000 characters). */
const COSTLY = `(${'(x|y|z)*'.repeat(25)})+w`;

beforeAll(async () => {
  f = await setupFixture();
  const docs = [
    { _id: 'short', text: `${'a'.repeat(28)}b` },
    { _id: 'medium', text: `${'a'.repeat(5000)}b` },
    { _id: 'long', text: 'x'.repeat(100_000) },
    { _id: 'file:1', text: 'f' },
    { _id: 'post:1', text: 'p' },
  ];
  expect((await f.admin('POST', `/${f.db}/_bulk_docs`, { docs })).status).toBe(201);
});

afterAll(async () => {
  await f?.stop();
});

function selectorFeed(selector: unknown): Promise<CouchResponse> {
  return f.as(
    'memberRole',
    'POST',
    `/${f.db}/_changes?filter=_selector`,
    { selector },
    { timeoutMs: 60_000 },
  );
}

/** Runs `slow` while timing a cheap request made at the same moment. */
async function whileServing(
  slow: () => Promise<CouchResponse>,
): Promise<{ res: CouchResponse; ms: number; otherMs: number }> {
  const started = performance.now();
  const pending = slow().then((res) => ({ res, ms: performance.now() - started }));
  await new Promise((r) => setTimeout(r, 20));
  const otherStart = performance.now();
  const other = await couchFetch(`${f.target.url}/${f.db}/short`, { auth: f.creds.memberName });
  const otherMs = performance.now() - otherStart;
  expect(other.status).toBe(200);
  return { ...(await pending), otherMs };
}

const ids = (r: CouchResponse): string[] => (r.body.results as Array<{ id: string }>).map((c) => c.id).sort();

describe('$regex (hole 5)', () => {
  it('^(a+)+$ over 28 and 5,000 characters answers at once, and so does everyone else', async () => {
    const { res, ms, otherMs } = await whileServing(() => selectorFeed({ text: { $regex: '^(a+)+$' } }));
    expectAnswer(res, [200], f.target.embedded);
    expect(ids(res)).toEqual([]);
    expect(ms).toBeLessThan(5_000);
    expect(otherMs).toBeLessThan(2_000);
    await expectServerAnswers(f);
  });

  it('a pattern linear but costly over a 100,000-character field never holds the server', async () => {
    const { res, otherMs } = await whileServing(() => selectorFeed({ text: { $regex: COSTLY } }));
    expectAnswer(
      res,
      {
        couch: [200],
        embedded: [400, 'bad_request'],
        why: 'CouchDB stops a costly match at its PCRE match limit and treats it as no match; the embedded server refuses a selector that takes over 250 ms on one document',
      },
      f.target.embedded,
    );
    expect(otherMs).toBeLessThan(2_000);
    await expectServerAnswers(f);
  });

  it('the same expensive pattern in _find (server admin) answers', async () => {
    const started = performance.now();
    const r = await f.admin('POST', `/${f.db}/_find`, { selector: { text: { $regex: '^(a+)+$' } } });
    expectAnswer(r, [200], f.target.embedded);
    expect(r.body.docs).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a lookahead (no linear-time match) is refused on the embedded server', async () => {
    const r = await selectorFeed({ _id: { $regex: '^(?!file:)' } });
    expectAnswer(
      r,
      {
        couch: [200],
        embedded: [400, 'bad_request'],
        why: 'lookarounds and backreferences cannot run on the linear-time engine; the app uses {$not: {$regex}} instead',
      },
      f.target.embedded,
    );
  });

  it('the selectors the app sends (fileSync.ts) select the same documents on both servers', async () => {
    const r = await selectorFeed(NO_FILES);
    expectAnswer(r, [200], f.target.embedded);
    expect(ids(r)).toEqual(['long', 'medium', 'post:1', 'short']);
    const files = await selectorFeed(FILES_ONLY);
    expect(ids(files)).toEqual(['file:1']);
  });

  it('a combination operator inside a field (PouchDB cannot evaluate it) is refused on the embedded server', async () => {
    const r = await selectorFeed({ _id: { $not: { $regex: '^file:' } } });
    expectAnswer(
      r,
      {
        couch: [200],
        embedded: [400, 'bad_request'],
        why: "PouchDB's selector matcher has $and/$or/$nor/$not only at the top level",
      },
      f.target.embedded,
    );
  });
});
