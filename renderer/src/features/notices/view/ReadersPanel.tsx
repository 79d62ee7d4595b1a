import { Alert, App, Button, Card, Col, List, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { audienceOf, readListOf, type AudienceMember } from '../../../../../core/domain/notices';
import { remindNotice, useNoticeReaders, type NoticeInfo } from '../../../db/noticeHooks';
import { StaffName } from '../../staff/StaffName';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { useNoticesRepo } from '../model/useNoticeContext';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * Who has and has not read a notice (for its author and leaders): the addressed staff from the
 * staff directory against the receipts in the replica; the author and admins can remind those who
 * have not (the notice gets `remindedAt`, their list shows a 催读 mark).
 */
export function ReadersPanel({
  notice,
  canRemind,
}: {
  readonly notice: NoticeInfo;
  readonly canRemind: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useNoticesRepo();
  const directory = useStaffDirectory();
  const readers = useNoticeReaders(notice.id);
  const [busy, setBusy] = useState(false);
  const list = useMemo(() => {
    const staff: AudienceMember[] = [...directory.entries.values()].map((e) => ({
      name: e.name,
      roles: e.roles,
      division: e.division,
      disabled: e.disabled,
    }));
    return readListOf(audienceOf(notice.raw), notice.createdBy, staff, new Set(readers?.keys() ?? []));
  }, [directory, notice, readers]);
  const remind = async () => {
    if (!ctx) return;
    setBusy(true);
    try {
      await remindNotice(ctx.repo, notice.id);
      void message.success(t('notices.readers.remindDone', { count: list.unread.length }));
    } catch (err) {
      void message.error(t('notices.readers.remindFailed', { reason: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={t('notices.readers.title')}
      data-testid="notice-readers"
      extra={
        canRemind && (
          <Space>
            {notice.remindedAt && (
              <Typography.Text type="secondary">
                {t('notices.readers.remindedAt', { time: time(notice.remindedAt) })}
              </Typography.Text>
            )}
            <Button
              onClick={() => void remind()}
              loading={busy}
              disabled={list.unread.length === 0}
              data-testid="notice-remind"
            >
              {t('notices.readers.remind')}
            </Button>
          </Space>
        )
      }
    >
      {!directory.synced && <Alert type="info" showIcon message={t('notices.readers.directoryPending')} />}
      <Row gutter={24}>
        <Col span={12}>
          <Statistic
            title={t('notices.readers.read')}
            value={list.read.length}
            data-testid="notice-read-count"
          />
          <List
            size="small"
            dataSource={list.read}
            locale={{ emptyText: t('notices.readers.none') }}
            data-testid="notice-read-list"
            renderItem={(name) => (
              <List.Item data-reader={name}>
                <StaffName name={name} />
                <Tooltip title={readers?.get(name)}>
                  <Typography.Text type="secondary">
                    {t('notices.readers.readAt', { time: time(readers?.get(name) ?? '') })}
                  </Typography.Text>
                </Tooltip>
              </List.Item>
            )}
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('notices.readers.unread')}
            value={list.unread.length}
            data-testid="notice-unread-count"
          />
          <List
            size="small"
            dataSource={list.unread}
            locale={{ emptyText: t('notices.readers.none') }}
            data-testid="notice-unread-list"
            renderItem={(name) => (
              <List.Item data-reader={name}>
                <StaffName name={name} />
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
