import { describe, expect, it } from 'vitest';
import { parseHash, parseHashQuery } from '../../app/router';
import { hitHref } from './hitRoute';
import { isSearchShortcut } from './SearchBox';

describe('search hits and the shortcut', () => {
  it('a hit opens its article, post, notice or case through a route the screens read', () => {
    const cases = [
      [
        'libraryItem:civil-code.limitation#law:civil-code:art-0188',
        'library',
        'library',
        { item: 'libraryItem:civil-code.limitation', article: 'law:civil-code:art-0188' },
      ],
      ['post:ab12', 'forum', 'forum', { post: 'post:ab12' }],
      ['notice:n1', 'notice', 'notices', { notice: 'notice:n1' }],
      ['case:c1', 'case', 'cases-list', { case: 'case:c1' }],
    ] as const;
    for (const [id, kind, module, params] of cases) {
      const href = hitHref(id, kind);
      expect(parseHash(href), id).toEqual({ kind: 'module', key: module });
      expect(Object.fromEntries(parseHashQuery(href)), id).toEqual(params);
    }
  });

  it('Ctrl+K and ⌘K focus the search box; other chords do not', () => {
    const key = (
      k: string,
      mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
    ) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...mods,
    });
    expect(isSearchShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key('k'))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isSearchShortcut(key('j', { ctrlKey: true }))).toBe(false);
  });
});
