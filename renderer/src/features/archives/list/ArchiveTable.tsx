import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArchiveEntry } from '../model/archiveTypes';

/** The label of a volume (正卷第1册) or paper (电子卷宗 2026-03-05). */
export function useEntryLabel(): (e: ArchiveEntry) => string {
  const { t } = useTranslation();
  return (e) =>
    e.type === 'archiveVolume'
      ? t('archives.volumeLabel', { kind: t(`archives.kind.${e.kind}`), seq: e.seq })
      : t('archives.paperLabel', { date: e.receivedOn ?? '' });
}

/** The search result: one row per volume or paper, opened in the drawer. */
export function ArchiveTable({
  rows,
  loading,
  onOpen,
}: {
  readonly rows: readonly ArchiveEntry[];
  readonly loading: boolean;
  readonly onOpen: (e: ArchiveEntry) => void;
}) {
  const { t } = useTranslation();
  const label = useEntryLabel();
  const columns = [
    {
      key: 'caseNumber',
      title: t('archives.columns.caseNumber'),
      render: (_: unknown, e: ArchiveEntry) => (
        <Typography.Text strong>{e.caseNumber || '—'}</Typography.Text>
      ),
    },
    {
      key: 'volume',
      title: t('archives.columns.volume'),
      render: (_: unknown, e: ArchiveEntry) => (
        <span>
          <Tag color={e.kind === 'main' ? 'blue' : 'default'}>{t(`archives.kind.${e.kind}`)}</Tag>
          {label(e)}
          {e.type === 'caseFilePaper' && <Typography.Text type="secondary"> · {e.title}</Typography.Text>}
        </span>
      ),
    },
    {
      key: 'parties',
      title: t('archives.columns.parties'),
      render: (_: unknown, e: ArchiveEntry) => e.parties.join(t('archives.listSeparator')),
    },
    {
      key: 'year',
      title: t('archives.columns.year'),
      width: 80,
      render: (_: unknown, e: ArchiveEntry) => e.year ?? '—',
    },
    {
      key: 'pages',
      title: t('archives.columns.pages'),
      width: 70,
      render: (_: unknown, e: ArchiveEntry) => e.pageCount,
    },
    {
      key: 'catalogue',
      title: t('archives.columns.catalogue'),
      width: 150,
      render: (_: unknown, e: ArchiveEntry) => {
        const open = e.catalogue.filter((c) => !c.confirmed).length;
        return (
          <span>
            {t('archives.catalogueCount', { count: e.catalogue.length })}
            {open > 0 && <Tag color="orange">{t('archives.unconfirmed', { count: open })}</Tag>}
          </span>
        );
      },
    },
    {
      key: 'open',
      width: 80,
      render: (_: unknown, e: ArchiveEntry) => (
        <Button size="small" onClick={() => onOpen(e)} data-testid="archive-open">
          {t('archives.open')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Typography.Text type="secondary" data-testid="archive-count">
        {t('archives.search.count', { count: rows.length })}
      </Typography.Text>
      <Table
        rowKey="id"
        dataSource={rows as ArchiveEntry[]}
        columns={columns}
        loading={loading}
        size="middle"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('archives.empty') }}
        data-testid="archive-table"
        onRow={(e) =>
          ({ 'data-testid': 'archive-row', 'data-id': e.id }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </>
  );
}
