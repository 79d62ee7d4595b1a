import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isOverdue } from '../../../../../core/domain/notices';
import { beijingDate } from '../../../../../core/domain/processEvents';
import type { MyNotice } from '../model/useUnreadNotices';

const PRIORITY_COLOR = { normal: undefined, important: 'orange', urgent: 'red' } as const;

/** The marks of one notice in the list and on its page: pinned, priority, unread, reminder, overdue. */
export function NoticeTags({ item }: { readonly item: MyNotice }) {
  const { t } = useTranslation();
  const { notice, forMe, read } = item;
  const unread = forMe && !read;
  return (
    <Space size={4} wrap>
      {notice.pinned && <Tag color="blue">{t('notices.tags.pinned')}</Tag>}
      {notice.priority !== 'normal' && (
        <Tag color={PRIORITY_COLOR[notice.priority]}>{t(`notices.priority.${notice.priority}`)}</Tag>
      )}
      {unread && (
        <Tag color="red" data-testid="notice-unread">
          {t('notices.tags.unread')}
        </Tag>
      )}
      {unread && notice.remindedAt && <Tag color="volcano">{t('notices.tags.reminded')}</Tag>}
      {unread && isOverdue(notice.mustReadBy, beijingDate(new Date().toISOString())) && (
        <Tag color="magenta">{t('notices.tags.overdue')}</Tag>
      )}
      {forMe && read && <Tag>{t('notices.tags.read')}</Tag>}
    </Space>
  );
}
