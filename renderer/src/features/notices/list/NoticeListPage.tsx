import { Badge, Button, Card, Checkbox, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/layout/PageHeader';
import { hrefWith } from '../../../app/router';
import { StaffName } from '../../staff/StaffName';
import { canPublish, useSession } from '../model/useNoticeContext';
import { useMyNotices, type MyNotice } from '../model/useUnreadNotices';
import { PublishNoticeDialog } from '../publish/PublishNoticeDialog';
import { NoticeTags } from './NoticeTags';

/** 通知通报: every notice on this computer, pinned first then newest; unread ones marked. */
export function NoticeListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const mine = useMyNotices();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const unread = (mine ?? []).filter((n) => n.forMe && !n.read).length;
  const shown = useMemo(
    () => (mine ?? []).filter((n) => !onlyUnread || (n.forMe && !n.read)),
    [mine, onlyUnread],
  );
  const columns = [
    {
      key: 'title',
      title: t('notices.list.columns.title'),
      render: (_: unknown, n: MyNotice) => (
        <Space direction="vertical" size={2}>
          <a href={hrefWith('notices', { notice: n.notice.id })} data-testid="notice-link">
            <Typography.Text strong={n.forMe && !n.read}>{n.notice.title}</Typography.Text>
          </a>
          <NoticeTags item={n} />
        </Space>
      ),
    },
    {
      key: 'publisher',
      title: t('notices.list.columns.publisher'),
      width: 140,
      render: (_: unknown, n: MyNotice) => <StaffName name={n.notice.createdBy} />,
    },
    {
      key: 'publishedAt',
      title: t('notices.list.columns.publishedAt'),
      width: 170,
      render: (_: unknown, n: MyNotice) => dayjs(n.notice.publishedAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'mustReadBy',
      title: t('notices.list.columns.mustReadBy'),
      width: 120,
      render: (_: unknown, n: MyNotice) => n.notice.mustReadBy ?? '—',
    },
  ];
  return (
    <div className="cd-screen" data-testid="screen-notices">
      <PageHeader
        moduleKey="notices"
        extra={
          <Space>
            <Badge count={unread} data-testid="notices-unread-count" />
            <Checkbox checked={onlyUnread} onChange={(e) => setOnlyUnread(e.target.checked)}>
              {t('notices.list.onlyUnread')}
            </Checkbox>
            {canPublish(session?.roles ?? []) && (
              <Button type="primary" onClick={() => setPublishing(true)} data-testid="notice-publish">
                {t('notices.list.publish')}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless">
        <Table
          rowKey={(n) => n.notice.id}
          dataSource={shown}
          columns={columns}
          loading={mine === undefined}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('notices.list.empty') }}
          data-testid="notice-table"
        />
      </Card>
      <PublishNoticeDialog open={publishing} onClose={() => setPublishing(false)} />
    </div>
  );
}
