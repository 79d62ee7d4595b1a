import { Alert, Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/layout/PageHeader';
import { hrefFor } from '../../../app/router';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { NoticeTags } from '../list/NoticeTags';
import { useMe } from '../model/useNoticeContext';
import { useMyNotices } from '../model/useUnreadNotices';
import { AttachmentList } from '../../../app/components/AttachmentList';
import { ParagraphText } from '../../../app/components/ParagraphText';
import { NoticeFilesDialog } from './NoticeFilesDialog';
import { ReadersPanel } from './ReadersPanel';
import { useReceiptAfterDelay } from './useReceiptAfterDelay';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** One notice: its text, my receipt (written after a moment), and for its author and leaders who has read it. */
export function NoticePage({ noticeId }: { readonly noticeId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const directory = useStaffDirectory();
  const mine = useMyNotices();
  const item = mine?.find((n) => n.notice.id === noticeId);
  const receipt = useReceiptAfterDelay(noticeId, item !== undefined && item.forMe && !item.read);
  const [editingFiles, setEditingFiles] = useState(false);
  const back = <a href={hrefFor('notices')}>{t('notices.view.back')}</a>;
  if (mine === undefined) return <div className="cd-screen" data-testid="screen-notices" />;
  if (!item)
    return (
      <div className="cd-screen" data-testid="screen-notices">
        <PageHeader moduleKey="notices" extra={back} />
        <Empty description={t('notices.view.notFound')} />
      </div>
    );
  const { notice } = item;
  const isAuthor = me?.name === notice.createdBy;
  const isAdmin = me?.roles.includes('admin') ?? false;
  const seesReaders = isAuthor || isAdmin || (me?.roles.includes('leader') ?? false);
  return (
    <div className="cd-screen" data-testid="screen-notices">
      <PageHeader moduleKey="notices" extra={back} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card variant="borderless" data-testid="notice-view" data-notice={notice.id}>
          <Typography.Title level={3} data-testid="notice-title">
            {notice.title}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">
              {t('notices.view.publishedBy', {
                name: directory.displayName(notice.createdBy),
                time: time(notice.publishedAt),
              })}
            </Typography.Text>
            <NoticeTags item={item} />
            {(isAuthor || isAdmin) && (
              <Button size="small" onClick={() => setEditingFiles(true)} data-testid="notice-files-manage">
                {t('notices.files.manage')}
              </Button>
            )}
          </Space>
          {notice.mustReadBy && (
            <Typography.Paragraph type="warning">
              {t('notices.view.mustReadBy', { date: notice.mustReadBy })}
            </Typography.Paragraph>
          )}
          {item.forMe && notice.remindedAt && receipt !== 'saved' && !item.read && (
            <Alert
              type="warning"
              showIcon
              message={t('notices.view.reminded', { time: time(notice.remindedAt) })}
            />
          )}
          <ParagraphText body={notice.body} testId="notice-body" />
          {notice.attachments.length > 0 && (
            <AttachmentList dbKey="notices" ownerIds={[notice.id]} listed={notice.attachments} />
          )}
          {receipt === 'waiting' && (
            <Typography.Text type="secondary">{t('notices.view.receiptPending')}</Typography.Text>
          )}
          {receipt === 'saved' && (
            <Typography.Text type="success" data-testid="notice-receipt-saved">
              {t('notices.view.receiptSaved')}
            </Typography.Text>
          )}
        </Card>
        {seesReaders && <ReadersPanel notice={notice} canRemind={isAuthor || isAdmin} />}
      </Space>
      {editingFiles && (
        <NoticeFilesDialog notice={notice} isAdmin={isAdmin} onClose={() => setEditingFiles(false)} />
      )}
    </div>
  );
}
