import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VolumeProposal } from '../../../../../core/archives/binding';

/**
 * The proposed volumes (正卷 / 副卷, 册) with their catalogue and page ranges, for the clerk to
 * review; those already stored (an interrupted binding) are marked.
 */
export function ProposalList({
  proposal,
  boundIds,
}: {
  readonly proposal: readonly VolumeProposal[];
  readonly boundIds: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {proposal.map((v) => (
        <Card
          key={v.id}
          size="small"
          data-testid="bind-volume"
          data-kind={v.kind}
          title={
            <>
              <Tag color={v.kind === 'main' ? 'blue' : 'orange'}>{t(`archives.kind.${v.kind}`)}</Tag>
              {t('archives.volumeLabel', { kind: t(`archives.kind.${v.kind}`), seq: v.seq })}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t('archives.bind.pages', { count: v.pageCount })}
              </Typography.Text>
              {boundIds.includes(v.id) && (
                <Tag color="green" style={{ marginLeft: 8 }}>
                  {t('archives.bind.bound')}
                </Tag>
              )}
            </>
          }
        >
          <Table
            size="small"
            pagination={false}
            rowKey={(e) => `${e.firstPage}-${e.title}`}
            dataSource={[...v.catalogue]}
            columns={[
              {
                title: t('archives.bind.no'),
                render: (_: unknown, __: unknown, i: number) => i + 1,
                width: 60,
              },
              { title: t('archives.catalogue.title'), dataIndex: 'title' },
              {
                title: t('archives.bind.range'),
                render: (_: unknown, e: VolumeProposal['catalogue'][number]) =>
                  t('archives.detail.pageRange', {
                    first: e.firstPage,
                    last: e.lastPage,
                    context: e.firstPage === e.lastPage ? 'single' : undefined,
                  }),
                width: 140,
              },
              { title: t('archives.catalogue.docDate'), dataIndex: 'docDate', width: 120 },
            ]}
          />
        </Card>
      ))}
    </>
  );
}
