import { Button, Card, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COURT } from '../../../../core/court';
import type { PlainDate } from '../../../../core/domain/plainDate';
import type { CaseFacts } from '../../../../core/quality/caseFacts';
import { change, monthlyBulletin, type BulletinRow } from '../../../../core/quality/views';
import { downloadBlob } from '../../platform/download';
import { useStaffDirectory } from '../staff/useStaffDirectory';
import { BULLETIN_COLUMNS, bulletinCsv, bulletinDocx, bulletinTables } from './bulletinExport';
import { bulletinXlsx } from './bulletinXlsx';
import type { OpenDrill } from './drill';
import { FigureLink } from './FigureLink';

/** Props of {@link MonthlyView}. */
export interface MonthlyViewProps {
  readonly facts: readonly CaseFacts[];
  /** A day of the month to report on. */
  readonly day: PlainDate;
  /** The day the data is as of (today). */
  readonly asOf: PlainDate;
  readonly open: OpenDrill;
}

/** 月通报: ranked tables per division and per judge with month-on-month change; .docx/.xlsx/.csv export. */
export function MonthlyView({ facts, day, asOf, open }: MonthlyViewProps) {
  const { t } = useTranslation();
  const staff = useStaffDirectory();
  const b = useMemo(() => monthlyBulletin(facts, day, { asOf }), [facts, day, asOf]);
  const divisionName = (k: string) =>
    k ? t(`caseWork.divisions.${k}`, { defaultValue: k }) : t('dashboard.unknownDivision');
  const judgeName = (k: string) => (k ? staff.displayName(k) : t('dashboard.unassigned'));
  const title = t('dashboard.monthly.docTitle', { court: DEFAULT_COURT.name, month: b.month.key });

  const texts = () => {
    const labels = {
      rank: t('dashboard.monthly.rank'),
      key: '',
      current: t('dashboard.monthly.current'),
      change: t('dashboard.monthly.change'),
      indicator: (n: string) => t(`dashboard.indicators.${n}`),
      keyName: (k: string) => k,
    };
    const intro = t('dashboard.monthly.docIntro', {
      from: b.month.from,
      to: b.month.to,
      previous: b.previousMonth.key,
      day: asOf,
    });
    const tables = bulletinTables(
      b,
      {
        total: t('dashboard.monthly.total'),
        byDivision: t('dashboard.monthly.byDivision'),
        byJudge: t('dashboard.monthly.byJudge'),
        division: t('dashboard.monthly.division'),
        judge: t('dashboard.monthly.judge'),
      },
      labels,
      divisionName,
      judgeName,
    );
    return { intro, tables };
  };

  const columns = (keyTitle: string, keyName: (k: string) => string, prefix: string) => [
    { title: t('dashboard.monthly.rank'), dataIndex: 'rank', width: 56 },
    { title: keyTitle, dataIndex: 'key', render: (k: string) => keyName(k) },
    ...BULLETIN_COLUMNS.map((n) => ({
      title: t(`dashboard.indicators.${n}`),
      key: n,
      render: (_: unknown, r: BulletinRow) => (
        <FigureLink
          name={n}
          figure={r.current[n]}
          label={keyName(r.key)}
          open={open}
          change={change(r.current[n], r.previous?.[n])}
          testId={`${prefix}-${r.key}-${n}`}
        />
      ),
    })),
  ];

  return (
    <div data-testid="dashboard-monthly">
      <Space className="cd-noprint" style={{ marginBottom: 12 }}>
        <Button
          data-testid="bulletin-docx"
          onClick={async () => {
            const { intro, tables } = texts();
            downloadBlob(await bulletinDocx(title, intro, tables), `${title}.docx`);
          }}
        >
          {t('dashboard.monthly.exportDocx')}
        </Button>
        <Button
          data-testid="bulletin-xlsx"
          onClick={async () => {
            const { tables } = texts();
            downloadBlob(await bulletinXlsx(title, tables), `${title}.xlsx`);
          }}
        >
          {t('dashboard.monthly.exportXlsx')}
        </Button>
        <Button
          data-testid="bulletin-csv"
          onClick={() => {
            const { tables } = texts();
            downloadBlob(
              new Blob([bulletinCsv(title, tables)], { type: 'text/csv;charset=utf-8' }),
              `${title}.csv`,
            );
          }}
        >
          {t('dashboard.monthly.exportCsv')}
        </Button>
      </Space>
      <Typography.Title level={4}>{title}</Typography.Title>
      <Card size="small" title={t('dashboard.monthly.total')} style={{ marginBottom: 16 }}>
        <Table<BulletinRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={[{ key: '*', rank: 1, current: b.total.current, previous: b.total.previous }]}
          columns={columns(
            t('dashboard.monthly.division'),
            () => t('dashboard.monthly.total'),
            'total',
          ).slice(1)}
          scroll={{ x: true }}
        />
      </Card>
      <Card size="small" title={t('dashboard.monthly.byDivision')} style={{ marginBottom: 16 }}>
        <Table<BulletinRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={[...b.byDivision]}
          columns={columns(t('dashboard.monthly.division'), divisionName, 'division')}
          scroll={{ x: true }}
        />
      </Card>
      <Card size="small" title={t('dashboard.monthly.byJudge')}>
        <Table<BulletinRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={[...b.byJudge]}
          columns={columns(t('dashboard.monthly.judge'), judgeName, 'judge')}
          scroll={{ x: true }}
          data-testid="bulletin-judges"
        />
      </Card>
    </div>
  );
}
