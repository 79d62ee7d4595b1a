import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { hrefWith } from '../../../app/router';
import type { DraftInfo } from '../../../db/draftHooks';
import { StaffName } from '../../staff/StaffName';

/** Drafts as a table, each opening in the editor (and, for clerks, in publication review). */
export function DraftTable({
  drafts,
  caseLabel,
  canPublish,
}: {
  readonly drafts: readonly DraftInfo[];
  /** The case column's text (omitted on a case's own page). */
  readonly caseLabel?: (caseId: string) => string;
  readonly canPublish: boolean;
}) {
  const { t } = useTranslation();
  if (drafts.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('documents.list.empty')}
        data-testid="draft-table"
        data-count={0}
      />
    );
  return (
    <Table<DraftInfo>
      size="small"
      rowKey="id"
      pagination={drafts.length > 20 ? { pageSize: 20 } : false}
      dataSource={[...drafts]}
      data-testid="draft-table"
      data-count={drafts.length}
      columns={[
        {
          key: 'title',
          title: t('documents.list.columns.title'),
          render: (_, d) => (
            <a href={hrefWith('documents', { draft: d.id })} data-testid="draft-link">
              {d.title}
            </a>
          ),
        },
        {
          key: 'kind',
          title: t('documents.list.columns.kind'),
          render: (_, d) => <Tag>{t(`documents.kinds.${d.kind}`)}</Tag>,
        },
        ...(caseLabel
          ? [
              {
                key: 'case',
                title: t('documents.list.columns.case'),
                render: (_: unknown, d: DraftInfo) => (
                  <Typography.Text>{caseLabel(d.caseId)}</Typography.Text>
                ),
              },
            ]
          : []),
        {
          key: 'by',
          title: t('documents.list.columns.author'),
          render: (_, d) => <StaffName name={d.createdBy} />,
        },
        {
          key: 'at',
          title: t('documents.list.columns.createdAt'),
          render: (_, d) => dayjs(d.createdAt).format('YYYY-MM-DD HH:mm'),
        },
        {
          key: 'actions',
          title: '',
          render: (_, d) => (
            <Space>
              <Button size="small" href={hrefWith('documents', { draft: d.id })}>
                {t('documents.list.open')}
              </Button>
              {canPublish && (
                <Button
                  size="small"
                  href={hrefWith('documents', { publish: d.id })}
                  data-testid="publish-link"
                >
                  {t('documents.list.publish')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
