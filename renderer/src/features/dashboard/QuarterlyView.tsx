import { Card, Col, Row, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlainDate } from '../../../../core/domain/plainDate';
import type { CaseFacts } from '../../../../core/quality/caseFacts';
import { INDICATOR_NAMES, type IndicatorName } from '../../../../core/quality/indicators';
import { change, quarterlyAnalysis } from '../../../../core/quality/views';
import { Chart } from './Chart';
import type { OpenDrill } from './drill';
import { FigureLink } from './FigureLink';
import { formatChange } from './format';

/** Props of {@link QuarterlyView}. */
export interface QuarterlyViewProps {
  readonly facts: readonly CaseFacts[];
  readonly day: PlainDate;
  /** The day the data is as of (today): the current quarter is cut off there. */
  readonly asOf: PlainDate;
  readonly open: OpenDrill;
}

const VOLUME: readonly IndicatorName[] = ['received', 'closed', 'pending'];
const RATES: readonly IndicatorName[] = ['closureRate', 'withinLimitRate', 'acceptanceRate', 'mediationRate'];

/** 季分析: eight quarters of trend (volumes and rates), year-on-year table, closure rate per division. */
export function QuarterlyView({ facts, day, asOf, open }: QuarterlyViewProps) {
  const { t } = useTranslation();
  const q = useMemo(() => quarterlyAnalysis(facts, day, { asOf }), [facts, day, asOf]);
  const keys = q.quarters.map((p) => p.key);
  const name = (n: IndicatorName) => t(`dashboard.indicators.${n}`);
  const divisionName = (k: string) =>
    k ? t(`caseWork.divisions.${k}`, { defaultValue: k }) : t('dashboard.unknownDivision');

  const volume = useMemo(
    () => ({
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' as const },
      xAxis: { type: 'category' as const, data: keys },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: VOLUME.map((n) => ({
        name: name(n),
        type: n === 'pending' ? ('line' as const) : ('bar' as const),
        data: q.trend.map((x) => x[n].value),
      })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- name() follows the language in t
    [q, t],
  );
  const rates = useMemo(
    () => ({
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
      xAxis: { type: 'category' as const, data: keys },
      yAxis: { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%' } },
      series: RATES.map((n) => ({
        name: name(n),
        type: 'line' as const,
        data: q.trend.map((x) => (x[n].value === null ? null : Math.round(x[n].value * 1000) / 10)),
      })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
    [q, t],
  );
  const divisions = useMemo(
    () => ({
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' as const },
      xAxis: { type: 'category' as const, data: keys },
      yAxis: { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [...q.byDivision].map(([d, list]) => ({
        name: divisionName(d),
        type: 'line' as const,
        data: list.map((x) =>
          x?.closureRate.value == null ? null : Math.round(x.closureRate.value * 1000) / 10,
        ),
      })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
    [q, t],
  );
  const last = q.trend.length - 1;
  const current = q.trend[last];
  const before = q.lastYear[last];
  const quarterLabel = keys[last] ?? '';

  return (
    <div data-testid="dashboard-quarterly">
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title={t('dashboard.quarterly.trend')}>
            <Chart
              option={volume}
              testId="quarter-volume"
              onPointClick={(s, i) => {
                const n = VOLUME[s];
                const x = q.trend[i];
                if (n && x) open({ label: keys[i] ?? '', name: n, figure: x[n] });
              }}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('dashboard.quarterly.rates')}>
            <Chart
              option={rates}
              testId="quarter-rates"
              onPointClick={(s, i) => {
                const n = RATES[s];
                const x = q.trend[i];
                if (n && x) open({ label: keys[i] ?? '', name: n, figure: x[n] });
              }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card size="small" title={`${t('dashboard.quarterly.yoy')} · ${quarterLabel}`}>
            {current && before && (
              <Table
                size="small"
                rowKey="n"
                pagination={false}
                dataSource={INDICATOR_NAMES.map((n) => ({ n }))}
                data-testid="quarter-yoy"
                columns={[
                  {
                    title: t('dashboard.quarterly.indicator'),
                    dataIndex: 'n',
                    render: (n: IndicatorName) => name(n),
                  },
                  {
                    title: t('dashboard.quarterly.thisQuarter'),
                    key: 'c',
                    render: (_: unknown, { n }: { n: IndicatorName }) => (
                      <FigureLink name={n} figure={current[n]} label={quarterLabel} open={open} />
                    ),
                  },
                  {
                    title: t('dashboard.quarterly.lastYear'),
                    key: 'p',
                    render: (_: unknown, { n }: { n: IndicatorName }) => (
                      <FigureLink
                        name={n}
                        figure={before[n]}
                        label={q.quarters[last]?.key ?? ''}
                        open={open}
                      />
                    ),
                  },
                  {
                    title: t('dashboard.quarterly.change'),
                    key: 'd',
                    render: (_: unknown, { n }: { n: IndicatorName }) =>
                      formatChange(n, change(current[n], before[n])),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('dashboard.quarterly.byDivision')}>
            <Chart
              option={divisions}
              height={320}
              testId="quarter-divisions"
              onPointClick={(s, i) => {
                const entry = [...q.byDivision][s];
                const x = entry?.[1][i];
                if (entry && x)
                  open({
                    label: `${divisionName(entry[0])} ${keys[i] ?? ''}`,
                    name: 'closureRate',
                    figure: x.closureRate,
                  });
              }}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
