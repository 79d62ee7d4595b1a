import { Card, Empty, List, Progress, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useImportRuns } from '../../../db/archiveHooks';

const STATE_COLOR: Record<string, string> = {
  running: 'processing',
  paused: 'warning',
  finished: 'success',
  failed: 'error',
};

/** The bulk import runs and their progress (written by the server's import command, synced here). */
export function ImportProgress() {
  const { t } = useTranslation();
  const runs = useImportRuns();
  return (
    <Card title={t('archives.import.title')} size="small" data-testid="archive-imports">
      <Typography.Paragraph type="secondary">{t('archives.import.hint')}</Typography.Paragraph>
      {runs && runs.length === 0 ? (
        <Empty description={t('archives.import.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={runs ? [...runs] : []}
          loading={runs === undefined}
          renderItem={(r) => (
            <List.Item data-testid="archive-import-run">
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{r.csvName}</Typography.Text>{' '}
                <Tag color={STATE_COLOR[r.state] ?? 'default'}>
                  {t(`archives.import.state.${r.state}`, r.state)}
                </Tag>
                <Typography.Text type="secondary">
                  {t('archives.import.updated', { time: dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm:ss') })}
                </Typography.Text>
                <Progress percent={r.total > 0 ? Math.floor((r.done / r.total) * 100) : 0} size="small" />
                <Typography.Text>
                  {t('archives.import.progress', { done: r.done, total: r.total, failed: r.failed })}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
