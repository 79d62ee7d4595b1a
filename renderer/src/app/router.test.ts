import { describe, expect, it } from 'vitest';
import { MODULES } from './modules';
import { hrefFor, hrefWith, parseHash, parseHashQuery } from './router';

describe('hash router', () => {
  it('round-trips every module key through its href', () => {
    for (const m of MODULES) expect(parseHash(hrefFor(m.key))).toEqual({ kind: 'module', key: m.key });
  });

  it('treats an empty hash as the default route', () => {
    expect(parseHash('')).toEqual({ kind: 'default' });
    expect(parseHash('#')).toEqual({ kind: 'default' });
    expect(parseHash('#/')).toEqual({ kind: 'default' });
  });

  it('tolerates a trailing slash and a query part', () => {
    expect(parseHash('#/cases/list/')).toEqual({ kind: 'module', key: 'cases-list' });
    expect(parseHash('#/cases/list?page=2')).toEqual({ kind: 'module', key: 'cases-list' });
  });

  it('carries query parameters through hrefWith and parseHashQuery', () => {
    const href = hrefWith('cases-list', { case: 'case:0f3a 9', tab: 'timeline' });
    expect(parseHash(href)).toEqual({ kind: 'module', key: 'cases-list' });
    const q = parseHashQuery(href);
    expect(q.get('case')).toBe('case:0f3a 9');
    expect(q.get('tab')).toBe('timeline');
    expect(parseHashQuery('#/cases/list').toString()).toBe('');
    expect(hrefWith('cases-list', {})).toBe(hrefFor('cases-list'));
  });

  it('reports unknown paths as not found', () => {
    expect(parseHash('#/nope')).toEqual({ kind: 'notFound', path: '/nope' });
    expect(parseHash('#/cases')).toEqual({ kind: 'notFound', path: '/cases' });
  });

  it('gives every module a unique path', () => {
    expect(new Set(MODULES.map((m) => m.path)).size).toBe(MODULES.length);
  });
});
