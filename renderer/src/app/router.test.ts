import { describe, expect, it } from 'vitest';
import { MODULES } from './modules';
import { hrefFor, parseHash } from './router';

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

  it('reports unknown paths as not found', () => {
    expect(parseHash('#/nope')).toEqual({ kind: 'notFound', path: '/nope' });
    expect(parseHash('#/cases')).toEqual({ kind: 'notFound', path: '/cases' });
  });

  it('gives every module a unique path', () => {
    expect(new Set(MODULES.map((m) => m.path)).size).toBe(MODULES.length);
  });
});
