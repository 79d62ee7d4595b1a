import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlainDate } from '../../../../core/domain/plainDate';
import type { CaseFacts } from '../../../../core/quality/caseFacts';
import type { Figure } from '../../../../core/quality/indicators';
import { dailyMonitor, type DeadlineRow } from '../../../../core/quality/views';
import { StaffName } from '../staff/StaffName';
import { Chart } from './Chart';
import type { OpenDrill } from './drill';
import { FigureLink, type FigureLinkProps } from './FigureLink';

/** Props of {@link DailyView}. */
export interface DailyViewProps {
  readonly facts: readonly CaseFacts[];
  readonly day: PlainDate;
  readonly open: OpenDrill;
}

const WITHIN_DAYS = 7;

/** One headline figure of the day. */
interface Headline {
  readonly name: FigureLinkProps['name'];
  readonly title: string;
  readonly figure: Figure;
  readonly label: string;
  readonly testId: string;
  readonly alert?: boolean;
}

function figureOf(rows: readonly DeadlineRow[]): Figure {
  return { value: rows.length, ids: rows.map((r) => r.id), baseIds: [] };
}

/** 日监控: the day's filings and closings, cases about to exceed their limit, overdue per judge. */
export function DailyView({ facts, day, open }: DailyViewProps) {
  const { t } = useTranslation();
  const m = useMemo(() => dailyMonitor(facts, day, { withinDays: WITHIN_DAYS }), [facts, day]);
  const overdueTotal = m.overdueByJudge.reduce((s, g) => s + g.rows.length, 0);
  const judgeLabel = (j: string) => j || t('dashboard.unassigned');
  const expiring = t('dashboard.daily.aboutToExpire', { days: WITHIN_DAYS });
  const headlines: readonly Headline[] = [
    {
      name: 'received',
      title: t('dashboard.daily.filedToday'),
      figure: m.today.received,
      label: day,
      testId: 'daily-received',
    },
    {
      name: 'closed',
      title: t('dashboard.daily.closedToday'),
      figure: m.today.closed,
      label: day,
      testId: 'daily-closed',
    },
    {
      name: 'pending',
      title: expiring,
      figure: figureOf(m.aboutToExpire),
      label: expiring,
      testId: 'daily-expiring',
    },
    {
      name: 'overdue',
      title: t('dashboard.indicators.overdue'),
      figure: figureOf(m.overdueByJudge.flatMap((g) => g.rows)),
      label: day,
      testId: 'daily-overdue',
      alert: overdueTotal > 0,
    },
  ];
  const chart = useMemo(
    () => ({
      grid: { left: 100, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value' as const, minInterval: 1 },
      yAxis: { type: 'category' as const, data: m.overdueByJudge.map((g) => g.judge || '—').reverse() },
      series: [
        {
          type: 'bar' as const,
          data: m.overdueByJudge.map((g) => g.rows.length).reverse(),
          itemStyle: { color: '#cf1322' },
        },
      ],
    }),
    [m],
  );
  return (
    <div data-testid="dashboard-daily">
      <Row gutter={16}>
        {headlines.map((h) => (
          <Col span={6} key={h.testId}>
            <Card>
              <Statistic
                title={h.title}
                valueRender={() => (
                  <FigureLink
                    name={h.name}
                    figure={h.figure}
                    label={h.label}
                    open={open}
                    testId={h.testId}
                    size={28}
                  />
                )}
                suffix={h.alert ? <Tag color="red">!</Tag> : null}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card title={t('dashboard.daily.aboutToExpire', { days: WITHIN_DAYS })} size="small">
            <Table<DeadlineRow>
              size="small"
              rowKey="id"
              dataSource={m.aboutToExpire}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('dashboard.daily.none') }}
              onRow={(r) => ({
                onClick: () => open({ label: r.number, name: 'pending', figure: figureOf([r]) }),
                style: { cursor: 'pointer' },
              })}
              columns={[
                { title: t('dashboard.drill.number'), dataIndex: 'number' },
                {
                  title: t('dashboard.drill.judge'),
                  dataIndex: 'judge',
                  render: (j: string) => (j ? <StaffName name={j} /> : '—'),
                },
                {
                  title: t('dashboard.daily.remaining'),
                  dataIndex: 'daysLeft',
                  render: (n: number) => (
                    <Tag color={n <= 3 ? 'volcano' : 'gold'}>{t('dashboard.daily.daysLeft', { n })}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('dashboard.daily.overdueByJudge')} size="small">
            {m.overdueByJudge.length === 0 ? (
              <Empty description={t('dashboard.daily.none')} />
            ) : (
              <>
                <Table
                  size="small"
                  rowKey="judge"
                  dataSource={m.overdueByJudge.map((g) => ({ judge: g.judge, rows: g.rows }))}
                  pagination={false}
                  data-testid="daily-overdue-judges"
                  columns={[
                    {
                      title: t('dashboard.monthly.judge'),
                      dataIndex: 'judge',
                      render: (j: string) => (j ? <StaffName name={j} /> : judgeLabel(j)),
                    },
                    {
                      title: t('dashboard.indicators.overdue'),
                      dataIndex: 'rows',
                      render: (rows: readonly DeadlineRow[], g: { judge: string }) => (
                        <FigureLink
                          name="overdue"
                          figure={figureOf(rows)}
                          label={judgeLabel(g.judge)}
                          open={open}
                          testId={`daily-overdue-${g.judge}`}
                        />
                      ),
                    },
                    {
                      title: t('dashboard.daily.worst'),
                      dataIndex: 'rows',
                      key: 'worst',
                      render: (rows: readonly DeadlineRow[]) =>
                        t('dashboard.daily.daysOver', { n: -(rows[0]?.daysLeft ?? 0) }),
                    },
                  ]}
                />
                <Chart
                  option={chart}
                  height={Math.max(160, m.overdueByJudge.length * 28 + 40)}
                  testId="daily-chart"
                  onPointClick={(_s, i) => {
                    const g = m.overdueByJudge[m.overdueByJudge.length - 1 - i];
                    if (g) open({ label: judgeLabel(g.judge), name: 'overdue', figure: figureOf(g.rows) });
                  }}
                />
              </>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
