import { Badge, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIBRARY_CATEGORIES } from '../../../../core/library/schema';
import { hrefWith, navigate } from '../../app/router';
import type { LibraryEntry } from '../../db/libraryHooks';

/** Props of {@link LibraryShelves}. */
export interface LibraryShelvesProps {
  readonly entries: readonly LibraryEntry[];
  readonly currentId: string | null;
}

/** The five shelves with their items (an empty shelf says so); a click opens the item. */
export function LibraryShelves({ entries, currentId }: LibraryShelvesProps) {
  const { t } = useTranslation();
  const items: MenuProps['items'] = LIBRARY_CATEGORIES.map((category) => {
    const onShelf = entries.filter((e) => e.doc['category'] === category);
    return {
      key: `shelf-${category}`,
      label: (
        <span data-testid={`library-shelf-${category}`}>
          {category} <Badge count={onShelf.length} showZero color="#8c8c8c" size="small" />
        </span>
      ),
      children:
        onShelf.length === 0
          ? [{ key: `empty-${category}`, disabled: true, label: t('library.emptyShelf') }]
          : onShelf.map((e) => ({
              key: e.doc._id,
              label: (
                <a
                  href={hrefWith('library', { item: e.doc._id })}
                  title={String(e.doc['title'] ?? '')}
                  data-testid="library-item-link"
                >
                  {String(e.doc['title'] ?? e.doc._id)}
                </a>
              ),
            })),
    };
  });
  return (
    <Menu
      mode="inline"
      items={items}
      defaultOpenKeys={LIBRARY_CATEGORIES.slice(0, 3).map((c) => `shelf-${c}`)}
      selectedKeys={currentId ? [currentId] : []}
      onClick={({ key }) => navigate('library', { item: key })}
      data-testid="library-shelves"
    />
  );
}
