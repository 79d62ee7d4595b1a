/** Where a search hit leads: the article in the library, the post, the notice, the case. */
import type { SearchKind } from '../../../../core/search/searchIndex';
import { hrefWith } from '../../app/router';
import type { ModuleKey } from '../../app/modules';

/** The module and query parameters a hit opens (library ids are `<item id>#<article id>`). */
export function hitTarget(
  id: string,
  kind: SearchKind,
): { module: ModuleKey; params: Record<string, string> } {
  switch (kind) {
    case 'library': {
      const hash = id.indexOf('#');
      return hash < 0
        ? { module: 'library', params: { item: id } }
        : { module: 'library', params: { item: id.slice(0, hash), article: id.slice(hash + 1) } };
    }
    case 'forum':
      return { module: 'forum', params: { post: id } };
    case 'notice':
      return { module: 'notices', params: { notice: id } };
    case 'case':
      return { module: 'cases-list', params: { case: id } };
    case 'archive': {
      // OCR text opens its volume or paper (archiveText:<owner id>).
      const owner = id.startsWith('archiveText:') ? id.slice('archiveText:'.length) : id;
      return { module: 'archives', params: { open: owner } };
    }
  }
}

/** The `href` of a hit. */
export function hitHref(id: string, kind: SearchKind): string {
  const target = hitTarget(id, kind);
  return hrefWith(target.module, target.params);
}
