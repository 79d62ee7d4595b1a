import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../formatTime';
import { useVisitCommands } from '../model/readingVisits';
import type { VisitRow } from '../model/visitModel';

const STATE_COLOR: Record<VisitRow['state'], string> = {
  waiting: 'gold',
  open: 'green',
  closed: 'default',
  refused: 'red',
};

/** True while the visit still runs (or waits for the server) and the clerk may close it. */
export function isActive(row: VisitRow, now = Date.now()): boolean {
  return (
    (row.state === 'open' || row.state === 'waiting') && !row.closedAt && Date.parse(row.expiresAt) > now
  );
}

/** The visits, open ones first, with a close button and the case's access log. */
export function VisitTable({
  rows,
  onShowLog,
}: {
  readonly rows: readonly VisitRow[];
  readonly onShowLog: (caseId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const commands = useVisitCommands();
  const sorted = [...rows].sort((a, b) => Number(isActive(b)) - Number(isActive(a)));
  return (
    <Card title={t('reading.visits.title')} data-testid="reading-visits">
      <Table<VisitRow>
        rowKey="id"
        size="small"
        dataSource={sorted}
        pagination={{ pageSize: 10 }}
        scroll={{ x: 960 }}
        columns={[
          { title: t('reading.visits.case'), dataIndex: 'caseNumber' },
          {
            title: t('reading.visits.reader'),
            render: (_, r) =>
              r.capacity === 'party'
                ? t('reading.admit.party', { name: r.readerName })
                : t('reading.admit.agent', { name: r.readerName, party: r.partyName }),
          },
          { title: t('reading.visits.account'), dataIndex: 'readerAccount' },
          {
            title: t('reading.visits.until'),
            render: (_, r) => formatTime(r.expiresAt, i18n.language),
          },
          {
            title: t('reading.visits.state'),
            render: (_, r) => {
              const state = r.state === 'open' && !isActive(r) ? 'closed' : r.state;
              return (
                <Tag color={STATE_COLOR[state]} data-testid={`visit-state-${r.id}`}>
                  {t(`reading.visits.states.${state}`)}
                </Tag>
              );
            },
          },
          { title: t('reading.visits.pages'), render: (_, r) => r.entries.length },
          {
            title: t('reading.visits.actions'),
            render: (_, r) => (
              <Space>
                {isActive(r) && (
                  <Popconfirm
                    title={t('reading.visits.closeConfirm')}
                    onConfirm={() =>
                      commands
                        ?.close(r.id)
                        .catch((err: unknown) =>
                          message.error(t('reading.errors.write', { message: (err as Error).message })),
                        )
                    }
                  >
                    <Button size="small" danger data-testid={`visit-close-${r.id}`}>
                      {t('reading.visits.close')}
                    </Button>
                  </Popconfirm>
                )}
                <Button size="small" onClick={() => onShowLog(r.caseId)} data-testid={`visit-log-${r.id}`}>
                  {t('reading.visits.log')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
