import { Alert, Button, Card, Empty, Spin } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useHashQuery } from '../../app/router';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { useLibraryEntries, type LibraryEntry } from '../../db/libraryHooks';
import { useSession } from '../cases/work/caseWorkHooks';
import { ItemEditor } from './ItemEditor';
import { ItemView } from './ItemView';
import { LibraryShelves } from './LibraryShelves';
import './library.css';

/**
 * 电子图书馆 (issue 10): the shelves (法律法规, 司法解释, 量刑规范, 审判参考, 法院文苑) and one item
 * with its 编/章/节/条 structure; `?item=<id>` opens an item, `&article=<article id>` scrolls to
 * and marks one article (the link every article offers). Read offline from the replica; admins
 * add and edit items.
 */
export default function LibraryScreen(_props: FeatureScreenProps) {
  const { t } = useTranslation();
  const query = useHashQuery();
  const session = useSession();
  const entries = useLibraryEntries();
  const admin = session?.uiRoles.includes('admin') ?? false;
  const [editing, setEditing] = useState<LibraryEntry | 'new' | null>(null);
  const articleId = query.get('article');
  const itemId = query.get('item');
  const current = useMemo(
    () =>
      entries?.find((e) => e.doc._id === itemId) ??
      (articleId ? entries?.find((e) => e.item?.articles.some((a) => a.id === articleId)) : undefined),
    [entries, itemId, articleId],
  );
  return (
    <div className="cd-screen" data-testid="screen-library">
      <PageHeader
        moduleKey="library"
        extra={
          admin && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="library-add">
              {t('library.add')}
            </Button>
          )
        }
      />
      {entries === undefined ? (
        <Spin />
      ) : (
        <div className="cd-library">
          <Card variant="borderless" className="cd-library__shelves">
            <LibraryShelves entries={entries} currentId={current?.doc._id ?? null} />
          </Card>
          <Card variant="borderless" className="cd-library__reader">
            {current?.item ? (
              <ItemView
                item={current.item}
                articleId={articleId}
                onEdit={admin ? () => setEditing(current) : undefined}
              />
            ) : current ? (
              <Alert type="error" showIcon title={t('library.unreadable', { reason: current.error ?? '' })} />
            ) : itemId || articleId ? (
              <Empty description={t('library.notFound')} data-testid="library-not-found" />
            ) : (
              <Empty description={t('library.pick', { count: entries.length })} />
            )}
          </Card>
        </div>
      )}
      {editing && session && (
        <ItemEditor
          entry={editing === 'new' ? null : editing}
          user={session.name}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
