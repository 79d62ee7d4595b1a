import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnreadNoticeCount } from './model/useUnreadNotices';

/**
 * The count of notices addressed to the signed-in user that they have not read, for the
 * navigation entry and the workbench tile of 通知通报 (nothing shown at zero).
 */
export function UnreadNoticesBadge({ testId }: { readonly testId: string }) {
  const { t } = useTranslation();
  const count = useUnreadNoticeCount();
  if (count === 0) return null;
  return (
    <Badge
      count={count}
      size="small"
      className="cd-unread-badge"
      title={t('notices.list.unreadCount', { count })}
      data-testid={testId}
      data-count={count}
    />
  );
}
