import { describe, expect, it } from 'vitest';
import { parseQueryString, validateQueryParams } from './params';

const ok = (qs: string) => () => validateQueryParams(parseQueryString(qs));
const err = (qs: string, status: number, error: string) =>
  expect(ok(qs)).toThrow(expect.objectContaining({ status, error }));

describe('query parameters', () => {
  it('accepts what PouchDB replication and the app send', () => {
    for (const qs of [
      'limit=10&skip=0&include_docs=true',
      'feed=longpoll&since=12&heartbeat=10000&timeout=5000',
      'since=now',
      'since=12-g1AAAA',
      'style=all_docs&seq_interval=100',
      'keys=["a","b"]&startkey="a"&endkey="b\\uffff"',
      'open_revs=all&revs=true&latest=true',
      'filter=_doc_ids&doc_ids=["x"]',
      'rev=1-abc&conflicts=true',
    ]) {
      expect(ok(qs), qs).not.toThrow();
    }
  });
  it('integers and booleans → 400 query_parse_error', () => {
    err('limit=abc', 400, 'query_parse_error');
    err('limit=-1', 400, 'query_parse_error');
    err('skip=1.5', 400, 'query_parse_error');
    err('include_docs=yes', 400, 'query_parse_error');
    err('descending=1', 400, 'query_parse_error');
    err('heartbeat=soon', 400, 'query_parse_error');
    err('since=yesterday', 400, 'query_parse_error');
  });
  it('JSON values and enums → 400 bad_request', () => {
    err('startkey=abc', 400, 'bad_request');
    err('keys={"a":1}', 400, 'bad_request');
    err('feed=sideways', 400, 'bad_request');
    err('style=fancy', 400, 'bad_request');
    err('open_revs=some', 400, 'bad_request');
  });
  it('design-document filters are refused (they would run outside the sandbox)', () => {
    err('filter=app/mine', 400, 'bad_request');
    err('filter=_view&view=app/v', 400, 'bad_request');
  });
  it('repeated parameters: the last one wins, values stay strings', () => {
    expect(parseQueryString('limit=1&limit=2&a[b]=c')).toEqual({ limit: '2', 'a[b]': 'c' });
  });
});
